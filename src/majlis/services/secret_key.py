"""The install's secret key, checked against the data it made before anything reads or writes.

Keyed hashes (authors, client addresses, bans) and the encrypted emails only mean something under
the key that made them: a command that found another key would answer "nothing held" to a legal
request, or ban nobody. So the first command on a database records a check value (an HMAC of a
fixed string under the key), and every later one refuses a key that does not give it.
"""

from __future__ import annotations

import hashlib
import hmac

from majlis.services.errors import ServiceError
from majlis.settings import Settings
from majlis.storage import Store

CHECK = "secret_check"
_CHECKED_TEXT = b"majlis secret key check\x00v1"


class SecretKeyError(ServiceError):
    """The secret key is missing where it is required, or is not the one the data was made with."""


def check_value(secret: bytes) -> str:
    """What `install.secret_check` holds for this key (reveals nothing of it)."""
    return hmac.new(secret, _CHECKED_TEXT, hashlib.sha256).hexdigest()


def install_secret(settings: Settings, store: Store) -> bytes:
    """The secret key of this install, checked against its database (the check is recorded on first
    use). A missing `majlis.secret` is created only for a database that holds nothing made with one."""
    recorded = store.install_value(CHECK)
    location = settings.secret_location()
    if settings.secret_key:
        source = "MAJLIS_SECRET_KEY"
    elif location is None:
        raise SecretKeyError("MAJLIS_SECRET_KEY is required with this database (PostgreSQL has no folder "
                             "to keep a generated key in; docs/configuration.md)")
    else:
        source = str(location)
        if not location.exists() and (recorded is not None or store.holds_keyed_data()):
            raise SecretKeyError(f"the secret key of this database is missing: expected it in {location} "
                                 "or MAJLIS_SECRET_KEY (docs/configuration.md)")
    secret = settings.resolved_secret()
    expected = check_value(secret)
    if recorded is None:
        recorded = store.record_install_value(CHECK, expected)
    if not hmac.compare_digest(recorded, expected):
        raise SecretKeyError(f"the secret key from {source} is not the one this database's data was made "
                             "with; set the original one (docs/configuration.md)")
    return secret
