"""Walk the URL configuration: every page and API route refuses anonymous visitors.

Only the health probes, the login page, the language switch and the static API docs are public.
A new route is checked automatically, with no test to remember to write.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC = {
    "/",  # a redirect to /review/, which asks for a login
    "/healthz",
    "/readyz",
    "/accounts/login/",
    "/accounts/logout/",
    "/admin/logout/",
    "/admin/login/",
    "/i18n/setlang/",
}


def _walk(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern


def _concrete(route: str) -> str:
    """Turn a route pattern into a URL with plausible values for its parameters."""
    route = route.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\.", ".")
    route = re.sub(r"<(?:int:)?[a-z_]*id>|<int:[a-z_]+>|<path:object_id>", "1", route)
    route = re.sub(r"<(?:slug|str):[a-z_]+>", "x", route)
    route = re.sub(r"\(\?P<format>[^)]*\)", "json", route)
    route = re.sub(r"\(\?P<[a-z_]+>[^)]*\)", "1", route)
    route = route.replace("(?:", "").replace(")?", "").replace("/?", "/")
    return "/" + route


def _routes():
    seen = set()
    for route, _pattern in _walk(get_resolver().url_patterns):
        url = _concrete(route)
        if "(" in url or "[" in url or url in seen:
            continue
        seen.add(url)
        yield url


ROUTES = sorted(_routes())


def test_the_walk_finds_the_main_surfaces():
    assert any(url.startswith("/review/") for url in ROUTES)
    assert any(url.startswith("/admin/") for url in ROUTES)


@pytest.mark.django_db
@pytest.mark.parametrize("url", [u for u in ROUTES if u not in PUBLIC and not u.startswith("/static/")])
def test_anonymous_visitors_are_refused(client, url):
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        if response.status_code in (404, 405):
            continue
        assert response.status_code in (301, 302, 401, 403), f"{method.upper()} {url} -> {response.status_code}"
        if response.status_code in (301, 302):
            assert "login" in response["Location"], f"{method.upper()} {url} redirects to {response['Location']}"


@pytest.mark.django_db
@pytest.mark.parametrize("url", sorted(PUBLIC))
def test_public_routes_are_few_and_harmless(client, url):
    assert client.get(url).status_code in (200, 302, 405)
