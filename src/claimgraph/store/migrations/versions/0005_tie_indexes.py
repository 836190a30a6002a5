"""Indexes for the queries: covering indexes for the ties of an actor (the neighbourhood and path
queries sum evidence by (subject, object) from the index alone), and no index leading with a
column of two values (`kind`), which a planner without statistics takes over the actor's own.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index(op.f("ix_claim_figures_subject"), table_name="claim_figures")
    op.drop_index(op.f("ix_claim_figures_object"), table_name="claim_figures")
    op.drop_index("ix_claim_figures_kind_date", table_name="claim_figures")
    op.drop_index("ix_claim_figures_rank", table_name="claim_figures")
    op.create_index("ix_claim_figures_ties_out", "claim_figures", ["subject", "object", "evidence"])
    op.create_index("ix_claim_figures_ties_in", "claim_figures", ["object", "subject", "evidence"])
    op.create_index("ix_claim_figures_date", "claim_figures", ["date_lo"])
    op.create_index("ix_claim_figures_rank", "claim_figures", ["sources", "documents", "claim_id"])


def downgrade() -> None:
    op.drop_index("ix_claim_figures_rank", table_name="claim_figures")
    op.drop_index("ix_claim_figures_date", table_name="claim_figures")
    op.drop_index("ix_claim_figures_ties_in", table_name="claim_figures")
    op.drop_index("ix_claim_figures_ties_out", table_name="claim_figures")
    op.create_index("ix_claim_figures_rank", "claim_figures", ["independent", "sources", "documents"])
    op.create_index("ix_claim_figures_kind_date", "claim_figures", ["kind", "date_lo"])
    op.create_index(op.f("ix_claim_figures_object"), "claim_figures", ["object"])
    op.create_index(op.f("ix_claim_figures_subject"), "claim_figures", ["subject"])
