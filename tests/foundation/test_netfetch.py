"""Safe fetching against real loopback servers: limits, content types and private-address refusal."""

from __future__ import annotations

import time

import pytest

from claims.netfetch import FetchError, fetch_url
from tests.loopback import html, loopback_server


@pytest.fixture
def allow_loopback(settings):
    settings.FACTCHECK_FETCH_ALLOWLIST = ["127.0.0.1/32"]


def test_it_refuses_loopback_and_metadata_addresses_by_default(settings):
    settings.FACTCHECK_FETCH_ALLOWLIST = []
    for url in ("http://127.0.0.1:9/", "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/",
                "http://192.168.0.1/", "http://[::1]/", "http://localhost/"):
        with pytest.raises(FetchError) as info:
            fetch_url(url)
        assert info.value.code == "private_address", url


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "http:///nohost", "javascript:alert(1)"])
def test_it_refuses_other_schemes_and_malformed_urls(url):
    with pytest.raises(FetchError) as info:
        fetch_url(url)
    assert info.value.code == "invalid_url"


def test_it_fetches_an_allow_listed_page(allow_loopback):
    with loopback_server({"/a": html("<title>Bonjour</title><p>Texte</p>")}) as server:
        result = fetch_url(server.url("/a"))
    assert result.status == 200
    assert result.content_type == "text/html"
    assert "Bonjour" in result.text()


def test_it_refuses_a_redirect_into_a_private_range(settings):
    settings.FACTCHECK_FETCH_ALLOWLIST = ["127.0.0.1/32"]
    routes = {"/jump": lambda r: (302, {"Location": "http://169.254.169.254/latest/"}, b"")}
    with loopback_server(routes) as server, pytest.raises(FetchError) as info:
        fetch_url(server.url("/jump"))
    assert info.value.code == "private_address"


def test_it_follows_a_bounded_number_of_redirects(allow_loopback):
    routes = {"/loop": lambda r: (302, {"Location": "/loop"}, b"")}
    with loopback_server(routes) as server, pytest.raises(FetchError) as info:
        fetch_url(server.url("/loop"), max_redirects=3)
    assert info.value.code == "too_many_redirects"
    assert len(server.requests) == 4


def test_it_caps_the_size_even_without_a_content_length(allow_loopback):
    big = b"<p>" + b"x" * 200_000

    def chunked(request):
        return 200, {"Content-Type": "text/html", "Content-Length": str(len(big))}, big

    with loopback_server({"/big": chunked}) as server, pytest.raises(FetchError) as info:
        fetch_url(server.url("/big"), max_bytes=50_000)
    assert info.value.code == "too_large"


def test_it_refuses_non_html_content(allow_loopback):
    routes = {"/pdf": lambda r: (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")}
    with loopback_server(routes) as server, pytest.raises(FetchError) as info:
        fetch_url(server.url("/pdf"))
    assert info.value.code == "bad_content_type"


def test_it_gives_up_on_a_slow_server(allow_loopback):
    def slow(request):
        time.sleep(2)
        return 200, {"Content-Type": "text/html"}, b"late"

    with loopback_server({"/slow": slow}) as server, pytest.raises(FetchError) as info:
        fetch_url(server.url("/slow"), timeout=0.5)
    assert info.value.code == "timeout"
    assert info.value.retryable


def test_it_reports_429_with_its_retry_after(allow_loopback):
    routes = {"/busy": lambda r: (429, {"Content-Type": "text/plain", "Retry-After": "7"}, b"slow down")}
    with loopback_server(routes) as server, pytest.raises(FetchError) as info:
        fetch_url(server.url("/busy"))
    assert (info.value.code, info.value.status, info.value.retry_after) == ("http_error", 429, 7.0)
    assert info.value.retryable
