"""Outbound requests only to public addresses, and to the very address that was checked.

A name is resolved once, every address it resolves to is checked, and the connection goes to a
checked address while the request still names the host (the `Host` header, TLS SNI and certificate
check): a name that resolves elsewhere a moment later (DNS rebinding) cannot steer the request."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Mapping

import httpx

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
# One message for every refusal: it never says what a name resolved to, nor whether it resolved.
REFUSED = ("refused: the URL must resolve to public addresses only, never to a loopback, private, link-local, "
           "reserved or otherwise non-public address (set MAJLIS_WEBHOOK_ALLOW_PRIVATE to deliver inside your network)")
NAT64 = ipaddress.ip_network("64:ff9b::/96")  # well-known prefix: the last 32 bits are an IPv4 address
LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")  # an operator's own translation: never public


class Refused(Exception):
    """The host does not resolve, or resolves to an address that is not public."""

    def __init__(self) -> None:
        super().__init__(REFUSED)


def is_public(address: Address) -> bool:
    """Whether an address is on the public internet, looking through every IPv6 form that embeds an
    IPv4 address (mapped, compatible, NAT64, 6to4; Teredo is refused outright)."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return is_public(address.ipv4_mapped)
        if int(address) >> 32 == 0 or address in LOCAL_NAT64 or address.teredo is not None:
            return False  # ::a.b.c.d (IPv4-compatible, deprecated), ::, ::1
        if address in NAT64:
            return is_public(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        if address.sixtofour is not None and not is_public(address.sixtofour):
            return False
        if address.is_site_local:
            return False
    return address.is_global and not (address.is_multicast or address.is_reserved or address.is_unspecified
                                      or address.is_loopback or address.is_link_local or address.is_private)


def resolve(host: str, port: int) -> list[Address]:
    """Every address `host` resolves to, in the resolver's order (empty if it does not resolve)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    found: list[Address] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    return found


def checked_addresses(url: str, allow_private: bool) -> list[Address]:
    """The addresses to connect to for `url`, resolved once; `Refused` if there are none or, unless
    `allow_private`, if any is not public (one bad address refuses the name: it could be picked)."""
    try:
        target = httpx.URL(url)
    except httpx.InvalidURL:
        raise Refused from None
    found = resolve(target.raw_host.decode("ascii"), target.port or (443 if target.scheme == "https" else 80))
    if not found or not (allow_private or all(is_public(address) for address in found)):
        raise Refused
    return found


def post_pinned(client: httpx.Client, url: str, addresses: list[Address], content: bytes,
                headers: Mapping[str, str]) -> httpx.Response:
    """POST to `url` by connecting to one of `addresses` (the next if one refuses the connection),
    with the URL's own host in `Host`, TLS SNI and the certificate check."""
    target = httpx.URL(url)
    sent = {**headers, "Host": target.netloc.decode("ascii")}
    for n, address in enumerate(addresses):
        try:
            return client.post(target.copy_with(host=str(address)), content=content, headers=sent,
                               extensions={"sni_hostname": target.raw_host.decode("ascii")})
        except httpx.ConnectError:
            if n == len(addresses) - 1:
                raise
    raise httpx.ConnectError(REFUSED)  # no address: checked_addresses never returns an empty list
