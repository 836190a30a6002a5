"""The per-side event indexes of 0014 led by the kind: an index led by the actor alone was taken by
SQLite's planner for an actor's claim list too (sorting all of a hub's claims instead of reading
its rank index from the end); led by the kind, it serves only queries that name the kind.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_claim_figures_object_events", table_name="claim_figures")
    op.drop_index("ix_claim_figures_subject_events", table_name="claim_figures")
    op.create_index("ix_claim_figures_subject_events", "claim_figures",
                    ["kind", "subject", "date_own", "predicate", "claim_id"])
    op.create_index("ix_claim_figures_object_events", "claim_figures",
                    ["kind", "object", "date_own", "predicate", "claim_id"])


def downgrade() -> None:
    op.drop_index("ix_claim_figures_object_events", table_name="claim_figures")
    op.drop_index("ix_claim_figures_subject_events", table_name="claim_figures")
    op.create_index("ix_claim_figures_subject_events", "claim_figures",
                    ["subject", "kind", "date_own", "predicate", "claim_id"])
    op.create_index("ix_claim_figures_object_events", "claim_figures",
                    ["object", "kind", "date_own", "predicate", "claim_id"])
