"""Corroboration and review: each reading's own attributes, near-duplicate clusters of documents
(with the LSH bands that find them), and analysts' verdicts on claims.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evidence") as batch:
        batch.add_column(sa.Column("attrs", sa.JSON(), nullable=True))
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("cluster", sa.String(64), nullable=True))
        batch.create_index(op.f("ix_documents_cluster"), ["cluster"])
    op.create_table(
        "document_bands",
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], ondelete="CASCADE",
                                name=op.f("fk_document_bands_doc_id_documents")),
        sa.PrimaryKeyConstraint("doc_id", "band", name=op.f("pk_document_bands")),
    )
    op.create_index(op.f("ix_document_bands_key"), "document_bands", ["key"])
    op.create_table(
        "claim_reviews",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("claim_id", sa.String(64), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("analyst", sa.String(255), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_reviews")),
    )
    op.create_index(op.f("ix_claim_reviews_claim_id"), "claim_reviews", ["claim_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_claim_reviews_claim_id"), table_name="claim_reviews")
    op.drop_table("claim_reviews")
    op.drop_index(op.f("ix_document_bands_key"), table_name="document_bands")
    op.drop_table("document_bands")
    with op.batch_alter_table("documents") as batch:
        batch.drop_index(op.f("ix_documents_cluster"))
        batch.drop_column("cluster")
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("attrs")
