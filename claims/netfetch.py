"""Fetching URLs that users and providers name, safely.

Every outbound request for an article URL, a URL snapshot or an evidence API goes through
fetch_url(): bounded time, bounded size, an allowed content type, a limited number of redirects,
and no private, loopback, link-local or otherwise non-public target unless the settings allow-list
names it. Each redirect hop is checked again, so a public URL cannot bounce into the intranet.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings

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


def _allowlist() -> tuple[set[str], list[ipaddress.IPv4Network | ipaddress.IPv6Network]]:
    hosts: set[str] = set()
    networks = []
    for item in settings.FACTCHECK_FETCH_ALLOWLIST:
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            hosts.add(item.lower())
    return hosts, networks


def _is_public(address: _IP) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def check_url_allowed(url: str) -> list[_IP]:
    """Refuse URLs that are malformed or resolve to a non-public address (unless allow-listed)."""
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
    allowed_hosts, allowed_networks = _allowlist()
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"The host {host!r} could not be resolved.", code="dns_error") from exc
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if host in allowed_hosts:
        return addresses
    for address in addresses:
        if any(address in network for network in allowed_networks):
            continue
        if not _is_public(address):
            raise FetchError(
                f"Refusing to fetch {host}: it resolves to a private or reserved address ({address}).",
                code="private_address",
            )
    return addresses


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
    with httpx.Client(follow_redirects=False, timeout=timeout, trust_env=False, verify=_ssl_context()) as client:
        for _hop in range(max_redirects + 1):
            check_url_allowed(current)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise FetchError(f"Timed out after {timeout:g} s.", code="timeout")
            try:
                with client.stream(
                    "GET", current, headers=request_headers, params=params if current == url else None,
                    timeout=httpx.Timeout(remaining),
                ) as response:
                    if response.is_redirect and response.status_code != 304:  # httpx counts 304 as 3xx
                        location = response.headers.get("location", "")
                        if not location:
                            raise FetchError("A redirect without a Location header.", code="http_error",
                                             status=response.status_code)
                        current = urljoin(str(response.url), location)
                        continue
                    return _read(response, allowed_types, max_bytes, deadline, timeout, started)
            except httpx.TimeoutException as exc:
                raise FetchError(f"Timed out after {timeout:g} s.", code="timeout") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"Could not connect: {type(exc).__name__}.", code="connect_error") from exc
    raise FetchError(f"More than {max_redirects} redirects.", code="too_many_redirects")


def _read(
    response: httpx.Response,
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
        return FetchResult(url=str(response.url), status=status, content_type="", body=b"", encoding=None,
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
        url=str(response.url),
        status=status,
        content_type=content_type,
        body=b"".join(chunks),
        encoding=response.charset_encoding,
        headers=dict(response.headers),
        elapsed_ms=int((time.monotonic() - started) * 1000),
    )
