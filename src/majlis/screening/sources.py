"""Sources: the well-known news, agency, reference, NGO, international and government domains that
ship with the product (`data/sources.tsv`, per region), and a site's own hosts. A reader who links
to one cites a source; that is not promotion."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from majlis.screening.entries import data_rows

REGIONS = ("global", "iraq", "turkey", "iran", "arab")
KINDS = ("news", "agency", "fact-check", "reference", "international", "ngo", "government", "sport")


@dataclass(frozen=True)
class Source:
    """One shipped domain: it and every subdomain of it are this source."""

    domain: str
    region: str
    kind: str
    name: str
    source: str  # what the entry rests on (a Wikipedia article's title, a registry's rules)


def read_sources(rows: Iterable[dict[str, str]]) -> dict[str, Source]:
    """The sources of TSV rows (domain, region, kind, name, source), by domain."""
    found: dict[str, Source] = {}
    for row in rows:
        domain = (row.get("domain") or "").strip().lower()
        if not domain:
            continue
        region, kind = row.get("region", "").strip(), row.get("kind", "").strip()
        if region not in REGIONS or kind not in KINDS:
            raise ValueError(f"sources.tsv: {domain}: unknown region {region!r} or kind {kind!r}")
        found[domain] = Source(domain, region, kind, (row.get("name") or "").strip(), (row.get("source") or "").strip())
    return found


@cache
def shipped_sources() -> dict[str, Source]:
    """The packaged list (`data/sources.tsv`), read once."""
    return read_sources(data_rows("sources.tsv"))


def suffixes(host: str) -> list[str]:
    """The host and each domain above it: `a.b.org` gives `a.b.org`, `b.org`, `org`."""
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))]


def under(host: str, domains: Iterable[str]) -> bool:
    """Whether the host is one of the domains or a subdomain of one."""
    return any(host == d or host.endswith("." + d) for d in domains)


def known_source(host: str, dropped: Iterable[str] = ()) -> Source | None:
    """The shipped source a host belongs to (its most specific entry), unless a site dropped the host
    or a domain above it."""
    if under(host, dropped):
        return None
    table = shipped_sources()
    for suffix in suffixes(host):
        found = table.get(suffix)
        if found is not None:
            return found
    return None


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")


def own_hosts(origins: Iterable[str | None]) -> tuple[str, ...]:
    """The hosts of a site's origins and article URLs (`https://www.courier.example:443/x` gives
    `courier.example`), without `www.`, ports or paths; blanks dropped."""
    hosts: list[str] = []
    for origin in origins:
        if not origin:
            continue
        host = _SCHEME.sub("", origin.strip().lower())
        host = re.split(r"[/?#:]", host, maxsplit=1)[0].strip(".")
        host = host[4:] if host.startswith("www.") else host
        if host and host not in hosts:
            hosts.append(host)
    return tuple(hosts)
