"""The shipped list of source domains: read from its TSV, matched on subdomains and restricted
suffixes, overridable by the site."""

from __future__ import annotations

import pytest

from majlis.screening.sources import KINDS, REGIONS, known_source, own_hosts, read_sources, shipped_sources


@pytest.mark.parametrize(("host", "domain"), [
    ("reuters.com", "reuters.com"),
    ("uk.reuters.com", "reuters.com"),
    ("ar.wikipedia.org", "wikipedia.org"),
    ("iraq.un.org", "un.org"),
    ("moh.gov.iq", "gov.iq"),
    ("mnr.gov.krd", "gov.krd"),
    ("istanbul.bel.tr", "bel.tr"),
    ("www2.cdc.gov", "gov"),
    ("who.int", "int"),
    ("hurriyet.com.tr", "hurriyet.com.tr"),
    ("en.irna.ir", "irna.ir"),
])
def test_hosts_of_listed_domains_are_sources(host: str, domain: str) -> None:
    found = known_source(host)
    assert found is not None and found.domain == domain


@pytest.mark.parametrize("host", ["reuters.com.example.net", "notreuters.com", "gov.example.com", "bbc.co", "com", ""])
def test_lookalikes_and_bare_suffixes_are_not(host: str) -> None:
    assert known_source(host) is None


def test_every_region_is_there_and_every_row_is_sourced() -> None:
    table = shipped_sources()
    assert {s.region for s in table.values()} == set(REGIONS)
    assert {s.kind for s in table.values()} <= set(KINDS)
    assert all(s.source and s.name for s in table.values())
    for domain in ("apnews.com", "bbc.com", "aljazeera.net", "rudaw.net", "kurdistan24.net", "shafaq.com", "ina.iq",
                   "bianet.org", "iranintl.com", "hrw.org", "amnesty.org", "gov.tr", "gov.ir"):
        assert domain in table


def test_a_site_drops_a_shipped_domain_with_its_subdomains() -> None:
    assert known_source("arabic.rt.com", dropped=("rt.com",)) is None
    assert known_source("moh.gov.iq", dropped=("moh.gov.iq",)) is None  # under the gov.iq entry
    assert known_source("mop.gov.iq", dropped=("moh.gov.iq",)) is not None
    assert known_source("moh.gov.iq", dropped=("gov.iq",)) is None


def test_a_row_outside_the_regions_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown region"):
        read_sources([{"domain": "x.example", "region": "mars", "kind": "news", "name": "X", "source": "s"}])


def test_own_hosts_from_origins_and_urls() -> None:
    assert own_hosts(["https://www.Courier.example:443", "https://courier.example/a/b", "", None,
                      "http://news.courier.example/x?y"]) == ("courier.example", "news.courier.example")
