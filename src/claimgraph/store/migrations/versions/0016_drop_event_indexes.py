"""The per-side event indexes of 0014-0015 dropped: without statistics for them, SQLite's planner
took them for other queries (led by the actor: an actor's claim list; led by the kind: a dossier's
timeline), sorting or scanning far more than before; the events list's first page of a hub was
not faster with them.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_claim_figures_object_events", table_name="claim_figures")
    op.drop_index("ix_claim_figures_subject_events", table_name="claim_figures")


def downgrade() -> None:
    op.create_index("ix_claim_figures_subject_events", "claim_figures",
                    ["kind", "subject", "date_own", "predicate", "claim_id"])
    op.create_index("ix_claim_figures_object_events", "claim_figures",
                    ["kind", "object", "date_own", "predicate", "claim_id"])
