"""`entities.canonical` indexed over the merged entities only (a partial index): in a store with
few merges nearly every value is NULL, and SQLite's statistics of a full index then say that
one canonical id matches every entity, so a lookup of an actor's members scanned the table.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

MERGED = sa.text("canonical IS NOT NULL")


def upgrade() -> None:
    op.drop_index("ix_entities_canonical", table_name="entities")
    op.create_index("ix_entities_canonical", "entities", ["canonical"], sqlite_where=MERGED, postgresql_where=MERGED)


def downgrade() -> None:
    op.drop_index("ix_entities_canonical", table_name="entities")
    op.create_index("ix_entities_canonical", "entities", ["canonical"])
