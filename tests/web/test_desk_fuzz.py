"""The desk's forms and JSON endpoints with generated input, as a logged-in admin: never a 5xx."""

from __future__ import annotations

import re
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from majlis.demo import DEMO_MODERATOR, DEMO_PASSWORD
from majlis.services import accounts
from majlis.storage import Store
from tests.conftest import LiveServer, make_newsroom

TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
EXTREMES = st.sampled_from([0, -1, 2**31, 2**63 - 1, 2**63, 2**64, 10**30, "1e400", "nan", "-0", " 7 "])
NUMBER = st.one_of(EXTREMES, st.integers(min_value=-(2**70), max_value=2**70), st.text(max_size=12))
JSONISH = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70), TEXT),
                       lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
                       max_leaves=8)

DEEP = 30_000
# Bodies a JSON parser chokes on, or that hold numbers no row id can be.
RAW_BODIES = [
    '{"ids":[1e400],"decision":"approve"}', '{"id":1e400}', '{"ids":[-1e400],"decision":"reject"}',
    '{"ids":[NaN],"decision":"approve"}', '{"id":Infinity}', '{"id":99999999999999999999999999999999}',
    '{"ids":[' + ",".join(["7"] * 600) + '],"decision":"approve"}', '{"ids":"1","decision":"approve"}',
    "[" * DEEP + "]" * DEEP, '{"ids":' + "[" * DEEP + "]" * DEEP + "}", '{"id":' + '{"a":' * DEEP + "1" + "}" * DEEP + "}",
    "", "null", "[]", '"ids"', "{", '{"ids":[1],"decision":"approve"', r'"\ud800"',
]


def _with_ids(ids: list[object]) -> dict[str, object]:
    return {"ids": ids, "id": ids[0] if ids else None, "decision": "approve"}


def admin_client(client: TestClient, store: Store) -> str:
    if store.site_by_slug("courier") is None:
        make_newsroom(store, "courier")
        accounts.create_moderator(store, "boss@courier.example", "correct horse battery", is_admin=True, site_slugs=[])
    form = client.get("/moderate/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
    client.post("/moderate/login", data={"email": "boss@courier.example", "password": "correct horse battery",
                                         "csrf": token}, follow_redirects=False)
    return re.search(r'data-csrf="([^"]+)"', client.get("/moderate").text).group(1)  # type: ignore[union-attr]


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=st.data())
def test_desk_endpoints_never_fail_on_generated_input(data, client: TestClient, store: Store) -> None:  # type: ignore[no-untyped-def]
    csrf = getattr(client, "fuzz_csrf", None) or admin_client(client, store)
    client.fuzz_csrf = csrf  # type: ignore[attr-defined]
    which = data.draw(st.sampled_from(["queue", "history", "decide", "undo", "raw", "authors", "settings", "comment"]))
    headers = {"x-csrf-token": csrf}
    if which == "queue":
        params = {k: str(data.draw(NUMBER if k in ("article", "limit") else TEXT)) for k in ("site", "article", "language", "reason", "limit")}
        answer = client.get("/moderate", params=params)
    elif which == "history":
        answer = client.get("/moderate/history", params={"q": data.draw(TEXT), "state": data.draw(TEXT),
                                                         "before": str(data.draw(NUMBER))})
    elif which in ("decide", "undo"):
        body = data.draw(st.one_of(JSONISH, st.builds(_with_ids, st.lists(st.one_of(NUMBER, JSONISH), max_size=3))))
        answer = client.post(f"/moderate/{which}", json=body, headers=headers)
        if answer.status_code in (400, 422):
            assert answer.json()["field"], answer.text  # the field at fault is named
    elif which == "raw":
        answer = client.post(data.draw(st.sampled_from(["/moderate/decide", "/moderate/undo"])),
                             content=data.draw(st.sampled_from(RAW_BODIES)),
                             headers={**headers, "content-type": "application/json"})
        assert answer.status_code in (400, 413, 422) and answer.json()["field"], answer.text[:300]
    elif which == "authors":
        answer = client.post("/moderate/authors", data={"csrf": csrf, "comment_id": str(data.draw(NUMBER)),
                                                        "kind": data.draw(TEXT), "days": str(data.draw(NUMBER)),
                                                        "note": data.draw(TEXT)}, follow_redirects=False)
    elif which == "settings":
        fields = ["reject_profanity", "review_profanity", "banned_words", "suspect_words", "allowed_domains", "origins",
                  "show_reasons", "premoderate_all", "proof_of_work"]
        form = {k: str(data.draw(st.one_of(TEXT, NUMBER))) for k in fields}
        answer = client.post("/moderate/settings/courier", data={"csrf": csrf, **form}, follow_redirects=False)
    else:
        answer = client.get("/moderate/comments/" + quote(str(data.draw(NUMBER)), safe=""))
    assert answer.status_code < 500, (which, answer.status_code, answer.text[:300])


@pytest.mark.parametrize(("body", "field"), [('{"ids":[1e400],"decision":"approve"}', "ids.0"),
                                              ("[" * DEEP + "]" * DEEP, "body")], ids=["1e400", "30000-deep"])
def test_hostile_json_gets_a_4xx_from_a_real_server(live_demo: LiveServer, body: str, field: str) -> None:
    """Over a real socket, logged in: an answer naming the field, and the server still answers."""
    with httpx.Client(base_url=live_demo.base) as http:
        form = http.get("/moderate/login")
        token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]
        http.post("/moderate/login", data={"email": DEMO_MODERATOR, "password": DEMO_PASSWORD, "csrf": token})
        csrf = re.search(r'data-csrf="([^"]+)"', http.get("/moderate").text).group(1)  # type: ignore[union-attr]
        answer = http.post("/moderate/decide", content=body,
                           headers={"content-type": "application/json", "x-csrf-token": csrf})
        assert answer.status_code in (400, 422) and answer.json()["field"] == field, answer.text[:300]
        assert http.get("/healthz").status_code == 200


def test_desk_json_names_the_field(client: TestClient, store: Store) -> None:
    csrf = admin_client(client, store)
    headers = {"x-csrf-token": csrf, "content-type": "application/json"}
    huge = client.post("/moderate/decide", content='{"ids":[1e400],"decision":"approve"}', headers=headers)
    assert huge.status_code == 422 and huge.json()["field"] == "ids.0"
    deep = client.post("/moderate/decide", content="[" * DEEP + "]" * DEEP, headers=headers)
    assert deep.status_code == 400 and deep.json()["field"] == "body"
    unknown = client.post("/moderate/decide", json={"ids": [1], "decision": "maybe"}, headers=headers)
    assert unknown.status_code == 422 and unknown.json()["field"] == "decision"
    assert client.post("/moderate/undo", json={"id": 2**70}, headers=headers).json()["field"] == "id"
