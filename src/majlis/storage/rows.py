"""Helpers shared by the storage modules: the clock and row-to-dataclass loading."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Row

T = TypeVar("T")


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def load(cls: type[T], row: Row[Any], **converted: Any) -> T:
    """A domain dataclass from a row: columns of the same name, then the converted ones."""
    mapping = row._mapping
    values = {f.name: mapping[f.name] for f in fields(cls) if f.name in mapping and f.name not in converted}  # type: ignore[arg-type]
    return cls(**values, **converted)


