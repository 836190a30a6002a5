"""An actor's claims in the order of the lists (most sources, then documents), per side: the best
attested claims of a hub are read from the index's end instead of sorting all of them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_claim_figures_subject_rank", "claim_figures", ["subject", "sources", "documents", "claim_id"])
    op.create_index("ix_claim_figures_object_rank", "claim_figures", ["object", "sources", "documents", "claim_id"])


def downgrade() -> None:
    op.drop_index("ix_claim_figures_object_rank", table_name="claim_figures")
    op.drop_index("ix_claim_figures_subject_rank", table_name="claim_figures")
