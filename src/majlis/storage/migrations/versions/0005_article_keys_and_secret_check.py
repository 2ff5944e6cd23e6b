"""Article keys in their canonical form (`/story/` and `/story` are one article), and the `install`
table that keeps the check value of the secret key.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_SLASHES = re.compile(r"/{2,}")


def canonical(key: str) -> str:
    """`majlis.domain.canonical_article_key` as of this revision (a migration must not change
    when the application's code does)."""
    path, mark, query = key.strip().partition("?")
    try:
        path = unquote(path, errors="strict")
    except UnicodeDecodeError:
        pass
    path = _SLASHES.sub("/", path)
    if path != "/":
        path = path.strip("/") or ("/" if path else "")
    return unicodedata.normalize("NFC", path + mark + query)


def _canonicalise_keys(conn: sa.Connection) -> None:
    """Rename every article to its canonical key; where several share one, the oldest keeps it and
    takes the others' comments (and any title, URL or body it lacks), and they go."""
    articles = sa.table("articles", sa.column("id"), sa.column("site_id"), sa.column("key"),
                        sa.column("title"), sa.column("url"), sa.column("body"))
    comments = sa.table("comments", sa.column("article_id"))
    groups: dict[tuple[int, str], list[sa.Row[tuple[object, ...]]]] = {}
    for row in conn.execute(sa.select(articles).order_by(articles.c.id)):
        groups.setdefault((row.site_id, canonical(row.key)[:255] or row.key), []).append(row)
    for (_, wanted), members in groups.items():
        if len(members) == 1 and members[0].key == wanted:
            continue
        kept, others = members[0], members[1:]  # the oldest, in id order
        filled = {name: next((getattr(row, name) for row in [kept, *others] if getattr(row, name)), "")
                  for name in ("title", "url", "body")}
        for other in others:
            conn.execute(sa.update(comments).where(comments.c.article_id == other.id).values(article_id=kept.id))
            conn.execute(sa.delete(articles).where(articles.c.id == other.id))
        conn.execute(sa.update(articles).where(articles.c.id == kept.id).values(key=wanted, **filled))


def upgrade() -> None:
    op.create_table(
        "install",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_install")),
    )
    _canonicalise_keys(op.get_bind())


def downgrade() -> None:
    op.drop_table("install")  # canonical keys stay: the old code reads them as any other key
