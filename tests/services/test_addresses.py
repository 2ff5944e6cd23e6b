"""Webhook addresses: every non-public form refused with one message, the name resolved once, and the
connection made to the checked address while the request names the host (Host, SNI, certificate)."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from majlis.services import addresses, webhooks
from majlis.settings import Settings
from majlis.storage import Store
from tests.conftest import free_port, make_newsroom
from tests.services.test_webhooks import Receiver

REFUSED = [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
    "224.0.0.1", "240.0.0.1", "255.255.255.255", "198.18.0.1",
    "::", "::1", "fe80::1", "fc00::1", "fec0::1", "ff02::1", "2001:db8::1",
    "::127.0.0.1", "::8.8.8.8",  # IPv4-compatible (deprecated): never public
    "::ffff:127.0.0.1", "::ffff:10.0.0.1",  # IPv4-mapped
    "64:ff9b::127.0.0.1", "64:ff9b::10.0.0.1", "64:ff9b:1::8.8.8.8",  # NAT64, well-known and local-use
    "2002:7f00:1::1", "2002:a00:1::1",  # 6to4 around 127.0.0.1 and 10.0.0.1
    "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
]
PUBLIC = ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8", "2002:808:808::1"]


@pytest.mark.parametrize("address", REFUSED)
def test_non_public_forms_are_refused(address: str) -> None:
    assert not addresses.is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert addresses.is_public(ipaddress.ip_address(address))


def test_registration_refuses_every_form_with_one_message(client: TestClient, store: Store) -> None:
    room = make_newsroom(store)
    url = f"/api/v1/sites/{room.site}/webhooks"
    answers = set()
    for target in ("http://[::127.0.0.1]/h", "http://[::ffff:127.0.0.1]/h", "http://[64:ff9b::7f00:1]/h",
                   "http://[2002:7f00:1::1]/h", "http://[2001::1]/h", "http://2130706433/h", "http://0x7f.1/h",
                   "http://localhost:8080/h", "http://nothing-here.invalid/h"):
        refused = client.post(url, headers=room.pub_headers(), json={"url": target})
        assert refused.status_code == 422, target
        answers.add(refused.text)
    assert len(answers) == 1  # an internal name and a name that does not resolve look alike
    assert "127.0.0.1" not in answers.pop()
    assert client.get(url, headers=room.pub_headers()).json() == []


def test_one_non_public_address_among_public_ones_refuses_the_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(addresses, "resolve", lambda host, port: [ipaddress.ip_address("8.8.8.8"),
                                                                  ipaddress.ip_address("10.0.0.7")])
    with pytest.raises(addresses.Refused):
        addresses.checked_addresses("https://cms.example/hook", allow_private=False)
    assert addresses.checked_addresses("https://cms.example/hook", allow_private=True)


def test_delivery_connects_to_the_address_it_checked(store: Store, settings: Settings,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The name is resolved once per attempt; a second answer (a rebinding) is never used."""
    receiver = Receiver(free_port())
    answers = iter([[ipaddress.ip_address("127.0.0.1")], [ipaddress.ip_address("203.0.113.9")]] * 2)
    calls: list[str] = []

    def rebinding(host: str, port: int) -> list[Any]:
        calls.append(host)
        return next(answers)

    allowed = settings.model_copy(update={"webhook_allow_private": True})
    room = make_newsroom(store)
    site = store.site_by_slug(room.site)
    assert site is not None
    hook, _ = webhooks.create(store, allowed, settings.resolved_secret(), site,
                              f"http://cms.newsroom.test:{receiver.port}/hooks", None)
    monkeypatch.setattr(addresses, "resolve", rebinding)
    try:
        result = webhooks.send_test(store, allowed, settings.resolved_secret(), site, hook["id"])
    finally:
        receiver.close()
    assert result["delivered"] is True, result
    assert calls == ["cms.newsroom.test"]
    assert receiver.received[0][0]["Host"] == f"cms.newsroom.test:{receiver.port}"


def test_delivery_refused_later_says_the_same_and_sends_nothing(store: Store, settings: Settings,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    receiver = Receiver(free_port())
    room = make_newsroom(store)
    site = store.site_by_slug(room.site)
    assert site is not None
    hook, _ = webhooks.create(store, settings.model_copy(update={"webhook_allow_private": True}),
                              settings.resolved_secret(), site, f"http://cms.newsroom.test:{receiver.port}/h", None)
    monkeypatch.setattr(addresses, "resolve", lambda host, port: [ipaddress.ip_address("::ffff:127.0.0.1")])
    result = webhooks.send_test(store, settings, settings.resolved_secret(), site, hook["id"])
    receiver.close()
    assert result["delivered"] is False and result["error"] == addresses.REFUSED
    assert receiver.requests == 0


@pytest.fixture
def tls_receiver(tmp_path: Path) -> Iterator[tuple[int, ssl.SSLContext]]:
    """An HTTPS receiver on 127.0.0.1 whose certificate names only `cms.newsroom.test`, and a client
    context that trusts that certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "cms.newsroom.test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("cms.newsroom.test")]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    (tmp_path / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server name
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    server.socket = server_context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield port, ssl.create_default_context(cafile=str(tmp_path / "cert.pem"))
    finally:
        server.shutdown()
        server.server_close()


def test_tls_checks_the_certificate_against_the_name_not_the_address(tls_receiver: tuple[int, ssl.SSLContext]) -> None:
    port, trusted = tls_receiver
    loopback = [ipaddress.ip_address("127.0.0.1")]
    with httpx.Client(verify=trusted, timeout=5) as client:
        answer = addresses.post_pinned(client, f"https://cms.newsroom.test:{port}/h", loopback, b"{}", {})
        assert answer.status_code == 204
        with pytest.raises(httpx.ConnectError, match="certificate"):  # the certificate does not name this host
            addresses.post_pinned(client, f"https://other.newsroom.test:{port}/h", loopback, b"{}", {})


def test_a_url_httpx_cannot_parse_is_refused_not_raised() -> None:
    with pytest.raises(addresses.Refused):
        addresses.checked_addresses("http://[::1/hook", allow_private=True)
