"""Analysts' source reliability grades (A–F per outlet, with a reason): one row per decision,
never deleted; the latest row of an outlet not undone is its grade, over the sources YAML.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_grades",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("outlet", sa.String(255), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("reliability", sa.String(1), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("analyst", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_grades")),
    )
    op.create_index(op.f("ix_source_grades_outlet"), "source_grades", ["outlet"])


def downgrade() -> None:
    op.drop_index(op.f("ix_source_grades_outlet"), table_name="source_grades")
    op.drop_table("source_grades")
