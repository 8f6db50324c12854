"""Fetching URLs that users and providers name, safely.

Every outbound request for an article URL, a URL snapshot, an evidence API or a webhook goes
through this module: bounded time, bounded size, an allowed content type, a limited number of
redirects, and no private, loopback, link-local or otherwise non-public target unless an allow-list
setting names it (`claims.addresses` holds the policy). The host is resolved once per hop, every
address it resolves to is checked, and the connection goes to the checked address (pinned), with
the original name kept for the Host header, TLS SNI and certificate checks: a DNS answer that
changes between the check and the connection (DNS rebinding) cannot steer the request inside.
Each redirect hop is resolved, checked and pinned again.

Error messages name the host, never the address it resolved to: they reach users and logs.
"""

from __future__ import annotations

import functools
import ipaddress
import os
import socket
import ssl
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings

from claims.addresses import AllowList, address_allowed

USER_AGENT = "FactcheckWorkbench/0.1 (+newsroom fact-checking)"
_IP = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    def __init__(
        self, message: str, *, code: str, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return self.code == "timeout" or self.code == "connect_error" or (
            self.code == "http_error" and self.status is not None and (self.status == 429 or self.status >= 500)
        )


@dataclass
class FetchResult:
    url: str
    status: int
    content_type: str
    body: bytes
    encoding: str | None
    headers: dict[str, str] = field(default_factory=dict)
    elapsed_ms: int = 0

    def text(self) -> str:
        return self.body.decode(self.encoding or "utf-8", errors="replace")


@dataclass(frozen=True)
class Target:
    """A URL resolved once and checked: requests for it connect to `address`, nowhere else."""

    url: str
    host: str
    port: int
    address: _IP


def resolve_host(host: str, port: int) -> list[_IP]:
    """The one DNS lookup of a hop (every address the name has, in the resolver's order)."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"The host {host!r} could not be resolved.", code="dns_error") from exc
    addresses: list[_IP] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError(f"The host {host!r} could not be resolved.", code="dns_error")
    return addresses


def resolve_target(url: str, *, allowlist: Iterable[str] | None = None) -> Target:
    """Check the URL's form, resolve its host once and refuse it unless every address is allowed.

    `allowlist` defaults to FACTCHECK_FETCH_ALLOWLIST; webhooks pass FACTCHECK_WEBHOOK_ALLOWLIST.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"Only http and https URLs can be fetched, not {parts.scheme or 'no scheme'!r}.",
                         code="invalid_url")
    host = (parts.hostname or "").lower()
    if not host:
        raise FetchError("The URL has no host.", code="invalid_url")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError("The URL has an invalid port.", code="invalid_url") from exc
    policy = AllowList.parse(settings.FACTCHECK_FETCH_ALLOWLIST if allowlist is None else allowlist)
    addresses = resolve_host(host, port)
    # Every address must pass, not just the one used: a name with one public and one private
    # address is a rebinding attempt in slow motion.
    if not all(address_allowed(address, host=host, allowlist=policy) for address in addresses):
        raise FetchError(f"Refusing to connect to {host}: it resolves to a private or reserved address.",
                         code="private_address")
    return Target(url=url, host=host, port=port, address=addresses[0])


def check_url_allowed(url: str, *, allowlist: Iterable[str] | None = None) -> list[_IP]:
    """Refuse URLs that are malformed or resolve to a non-public address (unless allow-listed).

    For an early answer only (e.g. before queueing a fetch): the request itself must go through
    fetch_url()/send_request(), which resolve again and pin what they checked.
    """
    target = resolve_target(url, allowlist=allowlist)
    return [target.address]


def _pinned(target: Target, headers: dict[str, str]) -> tuple[httpx.URL, dict[str, str], dict[str, str]]:
    """The request URL with the checked address in place of the name, and the name kept where the
    server and TLS need it: the Host header, and SNI plus certificate verification for https."""
    logical = httpx.URL(target.url)
    pinned_url = logical.copy_with(host=str(target.address))
    pinned_headers = {**headers, "Host": logical.netloc.decode("ascii")}
    extensions = {"sni_hostname": logical.host} if logical.scheme == "https" else {}
    return pinned_url, pinned_headers, extensions


def _client(timeout: float, limits: httpx.Limits | None = None) -> httpx.Client:
    return httpx.Client(follow_redirects=False, timeout=timeout, trust_env=False, verify=_ssl_context(),
                        limits=limits or httpx.Limits(max_keepalive_connections=0))


# Keep-alive between fetches, but a pooled connection only ever carries requests for the name it
# was opened for (its SNI and certificate) at the address that name was checked to have for this
# very request: one client per (scheme, name, checked address, port), so pinning stays per request.
# Per thread (no client is shared between threads, so closing an evicted one never cuts a request
# short) and per process (after a fork the child drops, without closing, what the parent opened).
# Polling a publisher's feeds back to back reuses one connection, and over https one TLS handshake.
KEEPALIVE_SECONDS = 5.0
MAX_POOLED_CLIENTS = 16
_KEEPALIVE = httpx.Limits(max_connections=None, max_keepalive_connections=1, keepalive_expiry=KEEPALIVE_SECONDS)
_ClientKey = tuple[str, str, _IP, int]


class _Pooled(threading.local):
    def __init__(self) -> None:
        self.clients: OrderedDict[_ClientKey, tuple[httpx.Client, float]] = OrderedDict()


_pooled = _Pooled()


def _forget_pooled_clients() -> None:
    _pooled.clients = OrderedDict()  # the parent's connections: not ours to close


os.register_at_fork(after_in_child=_forget_pooled_clients)


def _pooled_client(target: Target, scheme: str) -> httpx.Client:
    """The client for this checked target; clients idle longer than their keep-alive (their
    connections are stale by then) and the least recently used beyond MAX_POOLED_CLIENTS are closed."""
    key = (scheme, target.host, target.address, target.port)
    now = time.monotonic()
    clients = _pooled.clients
    client = clients.pop(key, (None, 0.0))[0]
    for old_key, (old, used) in list(clients.items()):
        if now - used <= KEEPALIVE_SECONDS and len(clients) < MAX_POOLED_CLIENTS:
            break  # the rest are newer
        del clients[old_key]
        old.close()
    if client is None:
        client = _client(KEEPALIVE_SECONDS, _KEEPALIVE)
    clients[key] = (client, now)
    return client


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds: a number of seconds or an HTTP date (RFC 9110 allows both)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One verified TLS context per process: building one per request costs ~14 ms of CPU (loading
    the CA bundle), more than a whole unchanged feed poll is allowed to cost."""
    return httpx.create_ssl_context()


def fetch_url(
    url: str,
    *,
    max_bytes: int | None = None,
    timeout: float | None = None,
    allowed_types: tuple[str, ...] = ("text/html", "application/xhtml+xml", "text/plain"),
    max_redirects: int = 5,
    headers: dict[str, str] | None = None,
    params: dict[str, str] | None = None,
) -> FetchResult:
    max_bytes = max_bytes or settings.FACTCHECK_FETCH_MAX_BYTES
    timeout = timeout or settings.FACTCHECK_FETCH_TIMEOUT
    deadline = time.monotonic() + timeout
    started = time.monotonic()
    request_headers = {"User-Agent": USER_AGENT, "Accept": ", ".join(allowed_types) + ", */*;q=0.1"}
    request_headers.update(headers or {})
    current = url
    for _hop in range(max_redirects + 1):
        target = resolve_target(current)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"Timed out after {timeout:g} s.", code="timeout")
        pinned_url, pinned_headers, extensions = _pinned(target, request_headers)
        client = _pooled_client(target, pinned_url.scheme)
        try:
            with client.stream(
                "GET", pinned_url, headers=pinned_headers, params=params if current == url else None,
                timeout=httpx.Timeout(remaining), extensions=extensions,
            ) as response:
                if response.is_redirect and response.status_code != 304:  # httpx counts 304 as 3xx
                    location = response.headers.get("location", "")
                    if not location:
                        raise FetchError("A redirect without a Location header.", code="http_error",
                                         status=response.status_code)
                    current = urljoin(current, location)  # relative to the name, not the pinned address
                    continue
                final = str(response.url.copy_with(host=httpx.URL(current).host))  # with the query
                return _read(response, final, allowed_types, max_bytes, deadline, timeout, started)
        except httpx.TimeoutException as exc:
            raise FetchError(f"Timed out after {timeout:g} s.", code="timeout") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"Could not connect: {type(exc).__name__}.", code="connect_error") from exc
    raise FetchError(f"More than {max_redirects} redirects.", code="too_many_redirects")


@dataclass(frozen=True)
class SendResult:
    status: int
    body_excerpt: str
    elapsed_ms: int


def send_request(
    method: str,
    url: str,
    *,
    content: bytes = b"",
    headers: dict[str, str] | None = None,
    timeout: float,
    allowlist: Iterable[str] | None = None,
    excerpt_chars: int = 300,
) -> SendResult:
    """One request without redirects (webhook deliveries), pinned to the checked address.

    Redirects are not followed: a receiver that moved must be reconfigured, not chased.
    Raises FetchError for refused targets, DNS and connection failures and timeouts.
    """
    started = time.monotonic()
    target = resolve_target(url, allowlist=allowlist)
    pinned_url, pinned_headers, extensions = _pinned(target, {"User-Agent": USER_AGENT, **(headers or {})})
    try:
        with _client(timeout) as client, client.stream(
            method, pinned_url, content=content, headers=pinned_headers, extensions=extensions
        ) as response:
            excerpt = b""
            for chunk in response.iter_bytes():
                excerpt += chunk
                if len(excerpt) >= excerpt_chars * 4:  # enough bytes for the excerpt in any encoding
                    break
            text = excerpt.decode(response.charset_encoding or "utf-8", errors="replace")[:excerpt_chars]
            return SendResult(response.status_code, text, int((time.monotonic() - started) * 1000))
    except httpx.TimeoutException as exc:
        raise FetchError(f"Timed out after {timeout:g} s.", code="timeout") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"Could not connect: {type(exc).__name__}.", code="connect_error") from exc


def _read(
    response: httpx.Response,
    url: str,
    allowed_types: tuple[str, ...],
    max_bytes: int,
    deadline: float,
    timeout: float,
    started: float,
) -> FetchResult:
    status = response.status_code
    if status == 304:
        # Only a conditional request (If-None-Match / If-Modified-Since in `headers`) gets one:
        # "unchanged since you last asked", no body. Callers that sent no validators never see it.
        # Reading the (empty, by definition) body to its end is what lets the connection be kept.
        for chunk in response.iter_bytes():
            if chunk:
                break  # a server that sends one anyway: the connection is closed, not read further
        return FetchResult(url=url, status=status, content_type="", body=b"", encoding=None,
                           headers=dict(response.headers), elapsed_ms=int((time.monotonic() - started) * 1000))
    if status >= 400:
        raise FetchError(
            f"The server answered {status}.", code="http_error", status=status,
            retry_after=_retry_after(response.headers.get("retry-after")),
        )
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if allowed_types and content_type not in allowed_types:
        raise FetchError(
            f"Unsupported content type {content_type or 'none'!r} (expected {', '.join(allowed_types)}).",
            code="bad_content_type", status=status,
        )
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"The response is larger than {max_bytes} bytes.", code="too_large", status=status)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"The response is larger than {max_bytes} bytes.", code="too_large", status=status)
        if time.monotonic() > deadline:
            raise FetchError(f"Timed out after {timeout:g} s.", code="timeout")
        chunks.append(chunk)
    return FetchResult(
        url=url,
        status=status,
        content_type=content_type,
        body=b"".join(chunks),
        encoding=response.charset_encoding,
        headers=dict(response.headers),
        elapsed_ms=int((time.monotonic() - started) * 1000),
    )
