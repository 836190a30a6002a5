"""Merges and grades in the store: each entity's canonical id, each claim's group and the claim it
is joined into, the figures of each claim group and of each joined claim, and a table of store
facts (whether the figures are up to date). The figures are filled by `claimgraph reindex`, which
the store runs by itself when it opens a store migrated here.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("canonical", sa.String(64), nullable=True))
        batch.create_index(op.f("ix_entities_canonical"), ["canonical"])
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("group_key", sa.String(40), nullable=True))
        batch.add_column(sa.Column("canonical", sa.String(64), nullable=True))
        batch.create_index(op.f("ix_claims_group_key"), ["group_key"])
        batch.create_index(op.f("ix_claims_canonical"), ["canonical"])
    with op.batch_alter_table("evidence") as batch:
        batch.create_index(op.f("ix_evidence_claim_id"), ["claim_id"])
    op.create_table(
        "claim_groups",
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject", sa.String(64), nullable=False),
        sa.Column("predicate", sa.String(64), nullable=False),
        sa.Column("object", sa.String(64), nullable=True),
        sa.Column("contested", sa.Boolean(), nullable=False),
        sa.Column("credibility", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_claim_groups")),
    )
    op.create_table(
        "claim_figures",
        sa.Column("claim_id", sa.String(64), nullable=False),
        sa.Column("group_key", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("subject", sa.String(64), nullable=False),
        sa.Column("predicate", sa.String(64), nullable=False),
        sa.Column("object", sa.String(64), nullable=True),
        sa.Column("location", sa.String(64), nullable=True),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.Column("independent", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.Integer(), nullable=False),
        sa.Column("credibility", sa.Integer(), nullable=False),
        sa.Column("contested", sa.Boolean(), nullable=False),
        sa.Column("date_lo", sa.String(10), nullable=True),
        sa.Column("date_hi", sa.String(10), nullable=True),
        sa.Column("date_last", sa.String(10), nullable=True),
        sa.Column("valid_from", sa.String(10), nullable=True),
        sa.Column("valid_to", sa.String(10), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_figures")),
    )
    for column in ("group_key", "subject", "object", "location"):
        op.create_index(op.f(f"ix_claim_figures_{column}"), "claim_figures", [column])
    op.create_index("ix_claim_figures_kind_date", "claim_figures", ["kind", "date_lo"])
    op.create_index("ix_claim_figures_rank", "claim_figures", ["independent", "sources", "documents"])
    op.create_table(
        "store_meta",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_store_meta")),
    )
    op.execute("INSERT INTO store_meta (key, value) VALUES ('figures', 'stale')")


def downgrade() -> None:
    op.drop_table("store_meta")
    op.drop_index("ix_claim_figures_rank", table_name="claim_figures")
    op.drop_index("ix_claim_figures_kind_date", table_name="claim_figures")
    for column in ("group_key", "subject", "object", "location"):
        op.drop_index(op.f(f"ix_claim_figures_{column}"), table_name="claim_figures")
    op.drop_table("claim_figures")
    op.drop_table("claim_groups")
    with op.batch_alter_table("evidence") as batch:
        batch.drop_index(op.f("ix_evidence_claim_id"))
    with op.batch_alter_table("claims") as batch:
        batch.drop_index(op.f("ix_claims_canonical"))
        batch.drop_index(op.f("ix_claims_group_key"))
        batch.drop_column("canonical")
        batch.drop_column("group_key")
    with op.batch_alter_table("entities") as batch:
        batch.drop_index(op.f("ix_entities_canonical"))
        batch.drop_column("canonical")
