"""Sanctions and watch lists (`claimgraph kb import`): the lists, their targets, and the
judgements that a stored actor is one of them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lists",
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_lists")),
    )
    op.create_table(
        "listed_entities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("list", sa.String(255), nullable=False),
        sa.Column("entity_id", sa.String(255), nullable=False),
        sa.Column("schema", sa.String(64), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("fingerprint", sa.String(40), nullable=False),
        sa.Column("first_seen", sa.String(32), nullable=True),
        sa.Column("last_seen", sa.String(32), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["list"], ["lists.name"], name=op.f("fk_listed_entities_list_lists"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_listed_entities")),
        sa.UniqueConstraint("list", "entity_id", name=op.f("uq_listed_entities_list_entity_id")),
    )
    op.create_index(op.f("ix_listed_entities_list"), "listed_entities", ["list"])
    op.create_table(
        "listings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("listed_id", sa.Integer(), nullable=False),
        sa.Column("judgement", sa.String(16), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("decided_by", sa.String(255), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["listed_id"], ["listed_entities.id"], name=op.f("fk_listings_listed_id_listed_entities"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_listings")),
    )
    op.create_index(op.f("ix_listings_entity_id"), "listings", ["entity_id"])
    op.create_index(op.f("ix_listings_listed_id"), "listings", ["listed_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_listings_listed_id"), table_name="listings")
    op.drop_index(op.f("ix_listings_entity_id"), table_name="listings")
    op.drop_table("listings")
    op.drop_index(op.f("ix_listed_entities_list"), table_name="listed_entities")
    op.drop_table("listed_entities")
    op.drop_table("lists")
