"""A claim's own date (the day its text gives, not its documents' publication) beside its
figures, so that lists of events ordered by it are cut in SQL. Filled by the reindex that the
new figures version brings.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claim_figures") as batch:
        batch.add_column(sa.Column("date_own", sa.String(10), nullable=True))
    op.create_index("ix_claim_figures_date_own", "claim_figures", ["date_own"])


def downgrade() -> None:
    op.drop_index("ix_claim_figures_date_own", table_name="claim_figures")
    with op.batch_alter_table("claim_figures") as batch:
        batch.drop_column("date_own")
