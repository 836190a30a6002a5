"""An actor's events in the events list's order (their own day, then type and id), per side: the
first page of a hub's events is read from the index instead of sorting all of them.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_claim_figures_subject_events", "claim_figures",
                    ["subject", "kind", "date_own", "predicate", "claim_id"])
    op.create_index("ix_claim_figures_object_events", "claim_figures",
                    ["object", "kind", "date_own", "predicate", "claim_id"])


def downgrade() -> None:
    op.drop_index("ix_claim_figures_object_events", table_name="claim_figures")
    op.drop_index("ix_claim_figures_subject_events", table_name="claim_figures")
