"""Live sources (`claimgraph fetch` / `watch`): the URLs fetched with their validators and
canonical URLs, the feeds watched and the entries of each already handled.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "source_pages",
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("canonical", sa.String(2048), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("doc_id", sa.String(64), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_source_pages")),
    )
    op.create_index(op.f("ix_source_pages_canonical"), "source_pages", ["canonical"])
    op.create_table(
        "feeds",
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_feeds")),
    )
    op.create_table(
        "feed_entries",
        sa.Column("feed", sa.String(2048), nullable=False),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("doc_id", sa.String(64), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["feed"], ["feeds.url"], name=op.f("fk_feed_entries_feed_feeds"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("feed", "url", name=op.f("pk_feed_entries")),
    )


def downgrade() -> None:
    op.drop_table("feed_entries")
    op.drop_table("feeds")
    op.drop_index(op.f("ix_source_pages_canonical"), table_name="source_pages")
    op.drop_table("source_pages")
