"""Sites, moderators, passwords and API tokens."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Sequence

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.exc import IntegrityError

from majlis.domain import ApiToken, Moderator, Role, Site, http_url
from majlis.languages import CODES
from majlis.screening.policy import Policy
from majlis.services.errors import Conflict, Invalid, NotFound
from majlis.storage import Store

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
LANGUAGES = CODES
MIN_PASSWORD_CHARS = 10
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether the password matches the stored hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def token_hash(token: str) -> str:
    """How a token is stored: tokens are 256-bit random, so a plain SHA-256 suffices."""
    return hashlib.sha256(token.encode()).hexdigest()


def author_key(secret: bytes, email: str) -> str:
    """Keyed hash of a normalised email: matches an author without revealing the email."""
    return hmac.new(secret, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def create_site(
    store: Store, slug: str, name: str, origins: Sequence[str], language: str
) -> Site:
    """Create a site with the default policy."""
    if not SLUG.match(slug):
        raise Invalid("a slug is 1-63 lowercase letters, digits or dashes", "slug")
    if language not in LANGUAGES:
        raise Invalid(f"language must be one of {', '.join(LANGUAGES)}", "language")
    origins = [web_origin(origin, "origin") for origin in origins]
    try:
        return store.create_site(slug, name or slug, origins, language, Policy().to_dict())
    except IntegrityError as error:
        raise Conflict(f"site {slug!r} exists already", "slug") from error


def web_origin(value: str, field: str) -> str:
    """An allowed origin as stored: an http(s) scheme://host[:port], nothing after it; else `Invalid`."""
    try:
        return http_url(value, origin=True)
    except ValueError as error:
        raise Invalid(f"an origin is http(s)://host[:port] without a path: {value!r} ({error})", field) from error


def issue_token(store: Store, role: Role, site_id: int | None, moderator_id: int | None) -> str:
    """Create an API token and return it; only its hash is stored, so show it once."""
    token = "mj_" + secrets.token_urlsafe(32)
    store.add_token(token_hash(token), role, site_id, moderator_id)
    return token


def token_for(store: Store, token: str) -> ApiToken | None:
    """The live token matching a bearer string, if any."""
    return store.token_by_hash(token_hash(token))


def create_moderator(
    store: Store, email: str, password: str, *, is_admin: bool, site_slugs: Sequence[str]
) -> Moderator:
    """Create a moderator with an argon2-hashed password, on the given sites (or all, as admin)."""
    email = email.strip().lower()
    if "@" not in email:
        raise Invalid("not an email address", "email")
    if len(password) < MIN_PASSWORD_CHARS:
        raise Invalid(f"a password has at least {MIN_PASSWORD_CHARS} characters", "password")
    site_ids = []
    for slug in site_slugs:
        site = store.site_by_slug(slug)
        if site is None:
            raise NotFound(f"no site {slug!r}", "site")
        site_ids.append(site.id)
    try:
        return store.create_moderator(email, hash_password(password), is_admin, site_ids)
    except IntegrityError as error:
        raise Conflict(f"moderator {email!r} exists already", "email") from error


def authenticate(store: Store, email: str, password: str) -> Moderator | None:
    """The moderator for these credentials, or None."""
    moderator = store.moderator_by_email(email.strip().lower())
    if moderator is None:
        _hasher.hash(password)  # spend the same time whether or not the account exists
        return None
    if not verify_password(moderator.password_hash, password):
        return None
    if _hasher.check_needs_rehash(moderator.password_hash):
        store.set_password_hash(moderator.id, hash_password(password))
    return moderator
