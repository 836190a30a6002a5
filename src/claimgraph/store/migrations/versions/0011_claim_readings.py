"""Analysts' readings of claims (`claimgraph.review.readings`): the predicate, direction or
modality an analyst corrected a claim to, kept beside the machine's reading, undone by a date.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_readings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("claim_id", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(64), nullable=False),
        sa.Column("predicate", sa.String(64), nullable=False),
        sa.Column("object", sa.String(64), nullable=True),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("analyst", sa.String(255), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_readings")),
    )
    op.create_index(op.f("ix_claim_readings_claim_id"), "claim_readings", ["claim_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_claim_readings_claim_id"), table_name="claim_readings")
    op.drop_table("claim_readings")
