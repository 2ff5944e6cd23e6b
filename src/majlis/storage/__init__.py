"""Durable storage behind a small interface: `Store` over SQLite or PostgreSQL."""

from majlis.storage.engine import make_engine
from majlis.storage.migrate import migrate
from majlis.storage.store import Store

__all__ = ["Store", "make_engine", "migrate"]
