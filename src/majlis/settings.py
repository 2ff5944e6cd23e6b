"""Typed settings, read once from `MAJLIS_*` environment variables and passed in (never a global)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from majlis.domain import http_url

PLACEHOLDER_SECRETS = {"changeme", "change-me", "secret", "majlis", "please-change"}
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")


class Settings(BaseSettings):
    """Every setting of a Majlis install; `docs/configuration.md` documents each one."""

    model_config = SettingsConfigDict(env_prefix="MAJLIS_", extra="ignore")

    database_url: str = Field(
        "sqlite:///majlis.db",
        description="SQLAlchemy URL. SQLite (default, a file in the working folder) or postgresql://...",
    )
    secret_key: str = Field(
        "",
        description="Key for keyed hashes of emails and IPs. Empty: read or create `secret_file`.",
    )
    secret_file: Path | None = Field(
        None,
        description="Where the generated secret key is kept when `secret_key` is empty (mode 0600). "
        "Empty: `majlis.secret` beside the SQLite database; PostgreSQL needs `secret_key`.",
    )
    comment_min_chars: int = Field(1, ge=1, description="Shortest accepted comment, in characters.")
    comment_max_chars: int = Field(5000, ge=1, description="Longest accepted comment, in characters.")
    name_max_chars: int = Field(80, ge=1, description="Longest accepted author name.")
    email_max_chars: int = Field(254, ge=6, description="Longest accepted email address.")
    max_body_bytes: int = Field(
        65536, ge=1024, description="Largest request body accepted by the API, in bytes (413 beyond)."
    )
    page_size_default: int = Field(50, ge=1, description="Comments per page when `limit` is absent.")
    page_size_max: int = Field(200, ge=1, description="Largest `limit` a reader may ask for.")
    log_level: str = Field("info", description="Log level of the server: debug, info, warning, error or critical.")
    auto_migrate: bool = Field(True, description="Apply database migrations when the server starts.")
    email_key: str = Field(
        "", description="Fernet key that encrypts commenters' emails at rest. Empty: derived from the secret key."
    )
    ip_retention_days: int = Field(30, ge=0, description="Days a comment keeps the keyed hash of its client IP.")
    rate_limits: str = Field(
        "ip:10/60,email:5/60,site:300/60",
        description="Comment posting limits as scope:count/seconds (scopes ip, email, site), or `off`.",
    )
    redis_url: str = Field("", description="redis://host:port/db: shares rate limits between web processes.")
    min_submit_seconds: float = Field(
        2.0, ge=0, description="A comment sent with a form ticket younger than this is refused as a bot's."
    )
    trusted_proxies: str = Field(
        "", description="Comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed."
    )
    session_hours: int = Field(12, ge=1, description="How long a moderator's login session lasts.")
    login_max_failures: int = Field(
        5, ge=1, description="Failed logins of one client on one account before each further try must wait."
    )
    login_backoff_seconds: float = Field(
        30.0, gt=0, description="The first such wait; each further failure doubles it, up to `login_lockout_minutes`."
    )
    login_lockout_minutes: int = Field(
        15, ge=1, description="Longest wait of one client on one account; the window of the two limits below."
    )
    login_client_failures: int = Field(
        20, ge=1, description="Failed logins of one client on all accounts, within the window, before its 429s."
    )
    login_account_failures: int = Field(
        100, ge=1, description="Failed logins on one account from all clients, within the window, beyond which "
        "clients that failed on it wait (one that has not failed still logs in)."
    )
    desk_poll_seconds: float = Field(2.0, gt=0, description="How often the desk's live queue checks for new comments.")
    secure_cookies: bool = Field(False, description="Send the session cookie only over HTTPS (set behind TLS).")
    demo: bool = Field(False, description="Serve the demo newsroom's article pages at / and /ar.")
    public_url: str = Field(
        "http://127.0.0.1:8000", description="The address readers and moderators reach Majlis at (links in e-mails)."
    )
    outbox_poll_seconds: float = Field(
        1.0, gt=0, description="How often comment events are turned into webhook deliveries and e-mails."
    )
    webhook_timeout_seconds: float = Field(5.0, gt=0, description="How long a webhook receiver may take to answer.")
    webhook_max_attempts: int = Field(
        10, ge=1, description="Attempts of one webhook delivery before it is logged as failed."
    )
    webhook_retry_base_seconds: float = Field(
        10.0, gt=0, description="First retry delay of a failed delivery; each further retry waits twice as long (at most 1 h)."
    )
    event_retention_days: int = Field(
        30, ge=1, description="Days handled comment events and finished webhook deliveries stay in the log."
    )
    webhook_allow_private: bool = Field(
        False, description="Allow webhooks to loopback, private and link-local addresses (receivers inside your network)."
    )
    smtp_host: str = Field("", description="SMTP server for e-mail notifications. Empty: no e-mail is sent.")
    smtp_port: int = Field(587, ge=1, le=65535, description="SMTP port.")
    smtp_security: Literal["starttls", "tls", "none"] = Field(
        "starttls", description="`starttls` (port 587), `tls` (implicit TLS, port 465) or `none` (local relays only)."
    )
    smtp_username: str = Field("", description="SMTP login; empty: no authentication.")
    smtp_password: str = Field("", description="SMTP password.")
    smtp_timeout_seconds: float = Field(10.0, gt=0, description="How long to wait for the SMTP server.")
    mail_from: str = Field("Majlis <noreply@localhost>", description="The From address of notifications.")
    mail_max_attempts: int = Field(5, ge=1, description="Attempts to send one e-mail before giving up (SMTP outage).")
    mail_retry_base_seconds: float = Field(30.0, gt=0, description="First retry delay of an e-mail; doubles each time.")
    digest_threshold: int = Field(
        20, ge=0, description="Pending comments on a site that trigger the moderators' digest e-mail (0: never)."
    )
    digest_interval_minutes: int = Field(60, ge=1, description="At most one digest per site in this many minutes.")
    metrics_token: str = Field(
        "", description="Bearer token a Prometheus scrape of /metrics must send. Empty: /metrics is off (404)."
    )

    @field_validator("secret_key")
    @classmethod
    def _refuse_placeholder(cls, value: str) -> str:
        if value and (value.lower() in PLACEHOLDER_SECRETS or len(value) < 16):
            raise ValueError("MAJLIS_SECRET_KEY must be a random string of at least 16 characters")
        return value

    @field_validator("metrics_token")
    @classmethod
    def _strong_metrics_token(cls, value: str) -> str:
        if value and (value.lower() in PLACEHOLDER_SECRETS or len(value) < 16):
            raise ValueError("MAJLIS_METRICS_TOKEN must be a random string of at least 16 characters")
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value.strip().lower() not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return value.strip().lower()

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            backend = make_url(value).get_backend_name()
        except ArgumentError as error:
            raise ValueError("not a database URL (sqlite:///file or postgresql://...)") from error
        if backend not in ("sqlite", "postgresql", "postgres"):
            raise ValueError("must be a sqlite:// or postgresql:// URL")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str) -> str:
        if value and urlsplit(value).scheme not in ("redis", "rediss", "unix"):
            raise ValueError("must be a redis://, rediss:// or unix:// URL")
        return value

    @field_validator("public_url")
    @classmethod
    def _public_http(cls, value: str) -> str:
        try:
            return http_url(value)
        except ValueError as error:
            raise ValueError(str(error)) from error

    @field_validator("rate_limits")
    @classmethod
    def _valid_limits(cls, value: str) -> str:
        from majlis.limits import parse_limits

        parse_limits(value)
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _valid_proxies(cls, value: str) -> str:
        import ipaddress

        for part in value.split(","):
            if part.strip():
                ipaddress.ip_network(part.strip(), strict=False)
        return value

    def secret_location(self) -> Path | None:
        """Where the generated secret key is kept: `secret_file`, or `majlis.secret` in the folder
        of the SQLite database file, wherever the command runs (None: no such place)."""
        if self.secret_file is not None:
            return self.secret_file.absolute()
        from sqlalchemy.engine import make_url

        url = make_url(self.database_url)
        if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
            return None
        return Path(url.database).absolute().parent / "majlis.secret"

    def resolved_secret(self) -> bytes:
        """The secret key: configured, or generated once and kept at `secret_location()`. Commands
        and the app take it through `services.secret_key.install_secret`, which checks it fits the data."""
        if self.secret_key:
            return self.secret_key.encode()
        path = self.secret_location()
        if path is None:
            raise ValueError("MAJLIS_SECRET_KEY is required: a PostgreSQL database has no folder to keep it in")
        if not path.exists():
            # Written whole under another name, then linked into place: processes starting together
            # (gunicorn's workers) never read a half-written key, and the first one's key holds.
            path.parent.mkdir(parents=True, exist_ok=True)
            draft = path.with_name(f".{path.name}.{secrets.token_hex(6)}")
            descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as out:
                out.write(secrets.token_urlsafe(48) + "\n")
            try:
                os.link(draft, path)
            except FileExistsError:
                pass
            finally:
                draft.unlink()
        return path.read_text().strip().encode()
