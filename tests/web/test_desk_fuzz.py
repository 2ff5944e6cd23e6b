"""The desk's forms and JSON endpoints with generated input, as a logged-in admin: never a 5xx."""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from majlis.services import accounts
from majlis.storage import Store
from tests.conftest import make_newsroom

TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
EXTREMES = st.sampled_from([0, -1, 2**31, 2**63 - 1, 2**63, 2**64, 10**30, "1e400", "nan", "-0", " 7 "])
NUMBER = st.one_of(EXTREMES, st.integers(min_value=-(2**70), max_value=2**70), st.text(max_size=12))
JSONISH = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70), TEXT),
                       lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
                       max_leaves=8)


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
    which = data.draw(st.sampled_from(["queue", "history", "decide", "undo", "authors", "settings", "comment"]))
    headers = {"x-csrf-token": csrf}
    if which == "queue":
        params = {k: str(data.draw(NUMBER if k in ("article", "limit") else TEXT)) for k in ("site", "article", "language", "reason", "limit")}
        answer = client.get("/moderate", params=params)
    elif which == "history":
        answer = client.get("/moderate/history", params={"q": data.draw(TEXT), "state": data.draw(TEXT),
                                                         "before": str(data.draw(NUMBER))})
    elif which in ("decide", "undo"):
        answer = client.post(f"/moderate/{which}", json=data.draw(JSONISH), headers=headers)
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
