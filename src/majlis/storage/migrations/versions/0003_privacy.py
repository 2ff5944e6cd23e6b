"""Privacy: keyed hashes of client IPs, and erasure marks on comments.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("comments") as batch:
        batch.add_column(sa.Column("ip_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "used_tokens",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_used_tokens")),
    )


def downgrade() -> None:
    op.drop_table("used_tokens")
    with op.batch_alter_table("comments") as batch:
        batch.drop_column("erased_at")
        batch.drop_column("ip_hash")
