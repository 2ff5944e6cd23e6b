"""Schemathesis against the generated /openapi.json: no 5xx, and every response fits the schema.

Bounded: 400 generated requests spread over every operation, on SQLite and PostgreSQL."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from majlis.storage import Store
from tests.conftest import make_newsroom


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_api_answers_every_request_within_its_schema(data, store: Store, app) -> None:  # type: ignore[no-untyped-def]
    if store.site_by_slug("courier") is None:
        make_newsroom(store, "courier", premoderate=False)
    if not hasattr(app.state, "fuzz_operations"):
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        app.state.fuzz_operations = [result.ok() for result in schema.get_all_operations()]
    operation = data.draw(st.sampled_from(app.state.fuzz_operations), label="operation")
    case = data.draw(operation.as_strategy(), label="case")
    case.call_and_validate()
