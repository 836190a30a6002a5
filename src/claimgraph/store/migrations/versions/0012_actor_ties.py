"""The ties of two actors (`actor_ties`): the claims between them summed once, kept with the
figures, so that a neighbourhood or a path reads an actor's ties instead of all its claims.
Filled here from the stored figures; `claimgraph reindex` rebuilds it the same way.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# each claim between two different actors counts on both sides of the pair
FILL = """
INSERT INTO actor_ties (actor, other, claims, evidence, weight)
SELECT a, b, sum(n), sum(e), sum(w) FROM (
    SELECT subject AS a, object AS b, count(*) AS n, sum(evidence) AS e,
           sum(CASE WHEN evidence < 1 THEN 1 ELSE evidence END) AS w
    FROM claim_figures WHERE object IS NOT NULL AND object != subject GROUP BY subject, object
    UNION ALL
    SELECT object, subject, count(*), sum(evidence), sum(CASE WHEN evidence < 1 THEN 1 ELSE evidence END)
    FROM claim_figures WHERE object IS NOT NULL AND object != subject GROUP BY object, subject
) AS directed GROUP BY a, b
"""


def upgrade() -> None:
    op.create_table(
        "actor_ties",
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("other", sa.String(64), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("actor", "other", name=op.f("pk_actor_ties")),
    )
    op.execute(FILL)


def downgrade() -> None:
    op.drop_table("actor_ties")
