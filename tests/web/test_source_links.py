"""Through the real API: a comment that cites a news agency or the site's own pages is published;
one that carries a shortener or a site's blocked domain is not."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from majlis.storage import Store
from tests.conftest import Newsroom, comment_body, make_newsroom

BODY = (
    "The provincial parliament voted on Tuesday on the new city budget. It raises spending on schools, "
    "roads and water pipes, and cuts the cost of the governor's office. Opposition members said the "
    "budget ignores the old city and its markets, and asked for the contracts to be published."
)


@pytest.fixture
def screened(store: Store, client: TestClient) -> Newsroom:
    room = make_newsroom(store, "herald", premoderate=False)
    client.put(f"/api/v1/sites/{room.site}/articles/{room.article}",
               json={"title": "Parliament votes on the city budget", "body": BODY, "language": "en"},
               headers=room.pub_headers())
    return room


@pytest.mark.parametrize("text", [
    "Reuters reported the same budget vote with the figures for schools: https://www.reuters.com/world/middle-east/",
    # the site's own origin: a price next to an unlisted link would send it to a human
    "The budget gives schools 3000 dinars a pupil, see http://localhost:8000/news/budget-schools",
])
def test_a_comment_citing_a_source_is_published(client: TestClient, screened: Newsroom, text: str) -> None:
    body = client.post(screened.comments_url(), json=comment_body(text)).json()
    assert (body["state"], body["category"]) == ("approved", None)
    published = [c["text"] for c in client.get(screened.comments_url()).json()["comments"]]
    assert text in published


def test_a_shortened_link_and_a_blocked_source_are_not_published(client: TestClient, screened: Newsroom,
                                                                  store: Store) -> None:
    short = client.post(screened.comments_url(), json=comment_body("The real budget figures: bit.ly/3budgetX")).json()
    assert (short["state"], short["category"]) == ("rejected", "promotion")
    site = store.site_by_slug(screened.site)
    assert site is not None
    store.update_site(site.id, policy={**site.policy, "blocked_domains": ["reuters.com"]})
    cited = comment_body("Reuters on the budget vote for schools: https://www.reuters.com/world/", author_email="b@example.org")
    assert client.post(screened.comments_url(), json=cited).json()["state"] == "rejected"
