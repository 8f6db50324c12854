"""Outbound requests (URL fetching, webhooks) reach only public addresses: one policy, checked on the
address that is actually connected to, through IPv6 translation forms, without naming the address."""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from claims.addresses import AllowList, address_allowed, is_public_address
from claims.netfetch import FetchError, check_url_allowed, fetch_url
from tests.loopback import html, loopback_server

# (address, may an outbound request reach it?) — the translation forms judged by what they carry.
ADDRESSES = [
    ("93.184.216.34", True),
    ("2001:4860:4860::8888", True),
    ("10.0.0.1", False),
    ("127.0.0.1", False),
    ("169.254.169.254", False),
    ("100.64.0.1", False),  # carrier-grade NAT
    ("0.0.0.0", False),
    ("224.0.0.1", False),
    ("::1", False),
    ("::", False),
    ("fe80::1", False),
    ("fc00::1", False),
    ("ff02::1", False),
    ("::ffff:10.0.0.1", False),  # IPv4-mapped
    ("::ffff:8.8.8.8", True),
    ("::10.0.0.1", False),  # IPv4-compatible (deprecated): refused whatever it carries
    ("::8.8.8.8", False),
    ("64:ff9b::10.0.0.1", False),  # NAT64 well-known prefix
    ("64:ff9b::169.254.169.254", False),
    ("64:ff9b::8.8.8.8", True),
    ("64:ff9b:1::a00:1", False),  # local-use NAT64
    ("2002:a00:1::1", False),  # 6to4 of 10.0.0.1
    ("2002:7f00:1::", False),  # 6to4 of 127.0.0.1
    ("2002:808:808::1", True),  # 6to4 of 8.8.8.8
    ("::ffff:0:10.0.0.1", False),  # IPv4-translated (SIIT)
    ("::ffff:0:127.0.0.1", False),
    ("::ffff:0:8.8.8.8", True),
    ("fec0::1", False),  # site-local (deprecated, still routed in old intranets)
    ("fef0::1", False),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False),  # Teredo
]


@pytest.mark.parametrize(("text", "public"), ADDRESSES)
def test_it_applies_one_address_policy_through_translation_forms(text, public, settings):
    settings.FACTCHECK_FETCH_ALLOWLIST = []
    address = ipaddress.ip_address(text)
    assert is_public_address(address) is public
    host = f"[{text}]" if address.version == 6 else text
    if public:
        assert check_url_allowed(f"http://{host}/")
        return
    with pytest.raises(FetchError) as info:
        check_url_allowed(f"http://{host}/")
    assert info.value.code == "private_address"
    # The message names the host the user typed, not what a name resolved to.
    assert "resolves to a private or reserved address" in info.value.message


def test_an_allow_list_admits_a_range_also_through_its_translation_forms():
    allowlist = AllowList.parse(["127.0.0.1/32", "intranet.example"])
    for text in ("127.0.0.1", "::ffff:127.0.0.1", "64:ff9b::7f00:1"):
        assert address_allowed(ipaddress.ip_address(text), host="x", allowlist=allowlist), text
    assert not address_allowed(ipaddress.ip_address("127.0.0.2"), host="x", allowlist=allowlist)
    assert address_allowed(ipaddress.ip_address("10.9.9.9"), host="Intranet.Example.", allowlist=allowlist)


@pytest.fixture
def rebinding_dns(monkeypatch) -> list[str]:
    """`rebind.test` answers 127.0.0.1 (allow-listed: "public" here) to the first lookup and
    127.0.0.2 (not allow-listed: "internal") to every later one, like a rebinding attacker's DNS."""
    real = socket.getaddrinfo
    lookups: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name == "rebind.test":
            lookups.append(name)
            return real("127.0.0.1" if len(lookups) == 1 else "127.0.0.2", port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return lookups


def _jump(request: dict) -> tuple[int, dict[str, str], bytes]:
    port = request["headers"]["Host"].rsplit(":", 1)[1]
    return 302, {"Location": f"http://rebind.test:{port}/page"}, b""


@pytest.fixture
def public_and_internal():
    """The same port on 127.0.0.1 ("public", allow-listed) and 127.0.0.2 ("internal")."""
    with loopback_server({"/page": html("<p>public page</p>"), "/jump": _jump}) as public, loopback_server(
        {"/page": html("<p>internal secrets</p>")}, host="127.0.0.2", port=public.port
    ) as internal:
        yield public, internal


def test_it_connects_to_the_address_it_checked_despite_dns_rebinding(settings, rebinding_dns, public_and_internal):
    settings.FACTCHECK_FETCH_ALLOWLIST = ["127.0.0.1/32"]
    public, internal = public_and_internal
    result = fetch_url(f"http://rebind.test:{public.port}/page")
    assert "public page" in result.text()
    assert internal.requests == []
    [request] = public.requests
    assert request["headers"]["Host"] == f"rebind.test:{public.port}"  # the name, not the pinned address
    assert result.url == f"http://rebind.test:{public.port}/page"
    assert len(rebinding_dns) == 1  # resolved once, checked, used


def test_it_pins_every_redirect_hop(settings, rebinding_dns, public_and_internal):
    settings.FACTCHECK_FETCH_ALLOWLIST = ["127.0.0.1/32"]
    public, internal = public_and_internal
    result = fetch_url(public.url("/jump"))
    assert "public page" in result.text()
    assert internal.requests == []
    assert [r["path"] for r in public.requests] == ["/jump", "/page"]


@contextmanager
def tls_server_recording_sni(port: int) -> Iterator[list[str]]:
    """A TLS listener on 127.0.0.1:`port` with a self-signed certificate that records the SNI name
    of each handshake (the client then refuses the certificate: the handshake is all we need)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "rebind.test")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1)).sign(key, hashes.SHA256()))
    seen: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        cert_path, key_path = Path(folder, "c.pem"), Path(folder, "k.pem")
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                               serialization.NoEncryption()))
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_path, key_path)
        context.sni_callback = lambda sock, server_name, ctx: seen.append(server_name or "")
    listener = socket.create_server(("127.0.0.1", port))
    listener.settimeout(5)

    def serve() -> None:
        try:
            conn, _ = listener.accept()
            with context.wrap_socket(conn, server_side=True):
                pass
        except (OSError, ssl.SSLError):
            pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        listener.close()
        thread.join(timeout=5)


def test_it_keeps_the_name_for_tls_sni_when_pinned(settings, rebinding_dns):
    settings.FACTCHECK_FETCH_ALLOWLIST = ["127.0.0.1/32"]
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    with tls_server_recording_sni(port) as seen, pytest.raises(FetchError) as info:
        fetch_url(f"https://rebind.test:{port}/")
    assert seen == ["rebind.test"]  # the pinned connection still says which site it wants
    assert info.value.code == "connect_error"  # and verifies the certificate (self-signed here)


def test_a_refusal_does_not_reveal_the_address_a_name_resolved_to(settings):
    settings.FACTCHECK_FETCH_ALLOWLIST = []
    with pytest.raises(FetchError) as info:
        fetch_url("http://localhost:8000/admin/")
    assert info.value.code == "private_address"
    assert "localhost" in info.value.message
    assert "127.0.0.1" not in info.value.message and "::1" not in info.value.message
