"""Alembic environment: runs against the engine handed in by `majlis.storage.migrate`."""

from __future__ import annotations

from alembic import context

from majlis.storage.engine import make_engine
from majlis.storage.tables import metadata

config = context.config
engine = config.attributes.get("engine")
if engine is None:
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///majlis.db")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
