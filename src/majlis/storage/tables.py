"""The tables of Majlis (SQLAlchemy Core). Alembic migrations create them."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from majlis.storage.types import UTCDateTime

# BigInteger ids on PostgreSQL, plain INTEGER (rowid alias) on SQLite.
Id = BigInteger().with_variant(Integer(), "sqlite")

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

sites = Table(
    "sites",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("slug", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("origins", JSON, nullable=False),
    Column("language", String(16), nullable=False),
    Column("policy", JSON, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("site_id", Id, ForeignKey("sites.id", ondelete="CASCADE"), nullable=False),
    Column("key", String(255), nullable=False),
    Column("title", String(500), nullable=False, server_default=""),
    Column("url", String(2000), nullable=False, server_default=""),
    Column("language", String(16), nullable=False, server_default=""),
    Column("body", Text, nullable=False, server_default=""),
    Column("published_at", UTCDateTime, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("closed", Boolean, nullable=False, server_default="0"),
    UniqueConstraint("site_id", "key"),
)

comments = Table(
    "comments",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("site_id", Id, ForeignKey("sites.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("parent_id", Id, ForeignKey("comments.id", ondelete="CASCADE"), nullable=True),
    Column("author_name", String(200), nullable=False),
    # Encrypted (Fernet): longer than the address itself, hence Text (migration 0004).
    Column("author_email", Text, nullable=False),
    # Keyed hash of the normalised email: matches an author's comments without reading the email.
    Column("author_key", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("text_sha256", String(64), nullable=False),
    Column("language", String(16), nullable=False, server_default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("state", String(16), nullable=False),
    Column("risk", Float, nullable=False, server_default="0"),
    Column("verdict", JSON, nullable=True),
    Column("decided_at", UTCDateTime, nullable=True),
    # The guideline behind the latest decision or hold (migration 0002): filters and statistics.
    Column("reason", String(32), nullable=True),
    # Keyed hash of the client address, purged after MAJLIS_IP_RETENTION_DAYS (migration 0003).
    Column("ip_hash", String(64), nullable=True),
    # Set when the author's data was erased: readers then see "[removed]" (migration 0003).
    Column("erased_at", UTCDateTime, nullable=True),
    # The author asked to hear when it is published or answered (migration 0004).
    Column("notify", Boolean, nullable=False, server_default="0"),
    # Public reads: approved top-level comments of an article in id order, then their replies.
    Index("ix_comments_article_state_parent_id", "article_id", "state", "parent_id", "id"),
    # The moderation queue: pending comments, riskiest first.
    Index("ix_comments_state_risk_id", "state", "risk", "id"),
    Index("ix_comments_author_key", "author_key"),
    # Recent comments of a site (repeat and flood detection) and per-site queues.
    Index("ix_comments_site_id_id", "site_id", "id"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("comment_id", Id, ForeignKey("comments.id", ondelete="CASCADE"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("actor_kind", String(16), nullable=False),
    Column("actor", String(320), nullable=False),
    Column("action", String(16), nullable=False),
    Column("category", String(32), nullable=True),
    Column("note", Text, nullable=False, server_default=""),
    Column("reversal", Boolean, nullable=False, server_default="0"),
    Index("ix_decisions_comment_id_id", "comment_id", "id"),
)

moderators = Table(
    "moderators",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("email", String(320), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("is_admin", Boolean, nullable=False, server_default="0"),
    Column("created_at", UTCDateTime, nullable=False),
    # Wants an e-mail when a site's queue grows past the threshold (migration 0004).
    Column("digest", Boolean, nullable=False, server_default="0"),
)

moderator_sites = Table(
    "moderator_sites",
    metadata,
    Column("moderator_id", Id, ForeignKey("moderators.id", ondelete="CASCADE"), primary_key=True),
    Column("site_id", Id, ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("site_id", Id, ForeignKey("sites.id", ondelete="CASCADE"), nullable=True),
    Column("moderator_id", Id, ForeignKey("moderators.id", ondelete="CASCADE"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime, nullable=True),
)

# -- the moderator's desk (migration 0002) ----------------------------------------------------

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(64), primary_key=True),  # SHA-256 of the cookie value
    Column("moderator_id", Id, ForeignKey("moderators.id", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("account_key", String(64), nullable=False),  # keyed hash of the email tried
    Column("at", UTCDateTime, nullable=False),
    Column("success", Boolean, nullable=False),
    Index("ix_login_attempts_account_key_at", "account_key", "at"),
)

author_rules = Table(
    "author_rules",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("site_id", Id, ForeignKey("sites.id", ondelete="CASCADE"), nullable=False),
    Column("author_key", String(64), nullable=False),
    Column("kind", String(16), nullable=False),  # premoderate | ban
    Column("until", UTCDateTime, nullable=True),
    Column("note", Text, nullable=False, server_default=""),
    Column("created_by", String(320), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("revoked_by", String(320), nullable=True),
    Column("revoked_at", UTCDateTime, nullable=True),
    Index("ix_author_rules_site_id_author_key", "site_id", "author_key"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", String(320), nullable=False),
    Column("action", String(64), nullable=False),
    Column("site_id", Id, nullable=True),
    Column("target", String(255), nullable=False, server_default=""),
    Column("detail", JSON, nullable=True),
    Index("ix_audit_log_at", "at"),
)

# Proof-of-work challenges already spent (migration 0003): replay protection across processes.
used_tokens = Table(
    "used_tokens",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("expires_at", UTCDateTime, nullable=False),
)

# -- integrations (migration 0004) ------------------------------------------------------------

# What happened to comments, written in the same transaction as the change: webhooks and e-mail
# are sent from here, so a committed change is never left unannounced.
outbox = Table(
    "outbox",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("site_id", Id, ForeignKey("sites.id", ondelete="CASCADE"), nullable=False),
    Column("comment_id", Id, ForeignKey("comments.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(32), nullable=False),  # comment.created | comment.approved | comment.rejected
    Column("at", UTCDateTime, nullable=False),
    Column("handled_at", UTCDateTime, nullable=True),
    Index("ix_outbox_handled_at_id", "handled_at", "id"),
)

webhooks = Table(
    "webhooks",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("site_id", Id, ForeignKey("sites.id", ondelete="CASCADE"), nullable=False),
    Column("url", String(2000), nullable=False),
    Column("secret", Text, nullable=False),  # encrypted with the install's key
    Column("events", JSON, nullable=False),
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_webhooks_site_id", "site_id"),
)

webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("webhook_id", Id, ForeignKey("webhooks.id", ondelete="CASCADE"), nullable=False),
    Column("outbox_id", Id, nullable=True),  # None for a test delivery
    Column("event", String(32), nullable=False),
    Column("payload", Text, nullable=False),
    Column("status", String(16), nullable=False),  # pending | delivered | failed | cancelled
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", UTCDateTime, nullable=True),
    Column("last_status", Integer, nullable=True),
    Column("last_error", String(500), nullable=False, server_default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("delivered_at", UTCDateTime, nullable=True),
    UniqueConstraint("webhook_id", "outbox_id"),
    Index("ix_webhook_deliveries_status_next_attempt_at", "status", "next_attempt_at"),
    Index("ix_webhook_deliveries_webhook_id_id", "webhook_id", "id"),
)

# The last moderators' digest of each site: at most one per interval.
digests = Table(
    "digests",
    metadata,
    Column("site_id", Id, ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True),
    Column("sent_at", UTCDateTime, nullable=False),
    Column("pending", Integer, nullable=False),
)

# Where each imported comment came from: makes a second import of the same file a no-op.
import_keys = Table(
    "import_keys",
    metadata,
    Column("site_id", Id, ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True),
    Column("source", String(16), primary_key=True),  # disqus | wordpress | isso
    Column("external_id", String(255), primary_key=True),
    Column("comment_id", Id, ForeignKey("comments.id", ondelete="CASCADE"), nullable=False),
)

# Facts about the install itself, one row each: `secret_check`, an HMAC of a fixed string under the
# secret key, lets every command tell the key that made the data from another one.
install = Table(
    "install",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
