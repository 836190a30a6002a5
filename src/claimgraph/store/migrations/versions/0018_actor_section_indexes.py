"""A hub's dossier and events list read only the lines they show: per side of an actor, its claims
by kind and predicate in the lists' order (a dossier's relation lines per predicate: most sources,
then documents), by kind and last day (its timeline, latest first), and by kind and own day (the
events list, oldest first). Each page is read from an index's end and stops at the limit, where
the whole of a hub's side (tens of thousands of claims) was read and sorted. The indexes are
given statistics at once: without them SQLite's planner took 0014's for other queries (0016).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-08
"""
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_claim_figures_subject_lines": ["subject", "kind", "predicate", "sources", "documents", "claim_id"],
    "ix_claim_figures_object_lines": ["object", "kind", "predicate", "sources", "documents", "claim_id"],
    "ix_claim_figures_subject_latest": ["subject", "kind", "date_last", "claim_id"],
    # the other sides carry the actors before them, so that a claim is counted once from the index
    "ix_claim_figures_object_latest": ["object", "kind", "date_last", "claim_id", "subject"],
    "ix_claim_figures_location_latest": ["location", "kind", "date_last", "claim_id", "subject", "object"],
    "ix_claim_figures_subject_events": ["subject", "kind", "date_own", "predicate", "claim_id"],
    "ix_claim_figures_object_events": ["object", "kind", "date_own", "predicate", "claim_id"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "claim_figures", columns)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # only where the store has statistics already (a fresh store gets them from its first reindex)
        if bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
            for name in INDEXES:
                bind.exec_driver_sql(f"ANALYZE {name}")
    else:
        bind.exec_driver_sql("ANALYZE claim_figures")


def downgrade() -> None:
    for name in reversed(INDEXES):
        op.drop_index(name, table_name="claim_figures")
