"""Schemathesis against the generated /openapi.json: no 5xx, and every response fits the schema.

Bounded: 400 generated requests spread over every operation, on SQLite and PostgreSQL."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

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
    # A schema-valid string may still break a rule (a NUL in the URL is a 400): only 5xx and answers
    # outside the schema fail.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_publisher_endpoints_answer_every_request_within_their_schema(data, store: Store, app) -> None:  # type: ignore[no-untyped-def]
    """The same, authenticated as the site's publisher, on the article and webhook endpoints (not the
    test delivery, which would call out to whatever URL was generated)."""
    if not hasattr(app.state, "fuzz_publisher"):
        room = make_newsroom(store, "herald", premoderate=False)
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        operations = [result.ok() for result in schema.get_all_operations()]
        app.state.fuzz_publisher = (room.pub_headers(), [
            op for op in operations
            if ("/webhooks" in op.path or op.path.endswith("/articles/{article}") or op.path.endswith("/articles"))
            and not op.path.endswith("/test")])
    headers, operations = app.state.fuzz_publisher
    operation = data.draw(st.sampled_from(operations), label="operation")
    case = data.draw(operation.as_strategy(), label="case")
    case.path_parameters = {**(case.path_parameters or {}), "site": "herald"}
    # Business rules go beyond the schema (an ftp:// URL, a private address, a closed article): a 422 for a
    # schema-valid body is expected here; a 5xx or an answer outside the schema is not. The site is
    # replaced after generation, so schemathesis' own idea of which part was made invalid no longer
    # holds (it once flagged a valid PUT as "negative data accepted"): that check is left to the
    # unauthenticated test above, which sends its cases as generated.
    case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance, negative_data_rejection])


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_moderator_endpoints_answer_every_request_within_their_schema(data, store: Store, app) -> None:  # type: ignore[no-untyped-def]
    """The moderation API, authenticated as a moderator of a site with comments waiting."""
    if not hasattr(app.state, "fuzz_moderator"):
        from fastapi.testclient import TestClient

        room = make_newsroom(store, "gazette", premoderate=True)
        with TestClient(app) as client:
            for n in range(3):
                client.post(room.comments_url(), json={"author_name": "R", "author_email": f"r{n}@example.org",
                                                       "text": f"Remark {n} on the city budget and the schools."})
        schema = schemathesis.openapi.from_asgi("/openapi.json", app)
        operations = [result.ok() for result in schema.get_all_operations()]
        app.state.fuzz_moderator = (room.mod_headers(), [op for op in operations if op.path.startswith("/api/v1/moderation")])
    headers, operations = app.state.fuzz_moderator
    operation = data.draw(st.sampled_from(operations), label="operation")
    case = data.draw(operation.as_strategy(), label="case")
    case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])
