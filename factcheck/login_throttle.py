"""Login throttling for every password form: /accounts/login/ and /admin/login/ share one count.

Failures are counted per (username, address) pair: after FACTCHECK_LOGIN_MAX_FAILURES, that
username is refused from that address for FACTCHECK_LOGIN_LOCKOUT_SECONDS (429). Nobody else is
affected: a colleague behind the same office proxy still logs in, and a stranger cannot lock a named
account from elsewhere. A per-address ceiling, FACTCHECK_LOGIN_MAX_FAILURES_PER_ADDRESS (high
enough for a newsroom behind one address), stops one address from guessing across many usernames.

Counts live in the cache: per process by default (the demo), shared by every process when
FACTCHECK_CACHE_URL points at Redis (production). Failures are counted where Django reports them
(the `user_login_failed` signal, sent by authenticate() whatever the form), so a new login view is
throttled as soon as its URL goes through `throttled()`.

Why not django-axes: it is maintained and covers the pair lock, but its failure limit is one number
for every lockout parameter, so a per-address ceiling higher than the per-pair limit cannot be said;
its cache handler refuses the per-process memory cache the embedded default uses, and its database
handler adds two tables and a write per attempt. This module is the ~100 lines the rule needs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def _limits() -> tuple[int, int, int]:
    return (settings.FACTCHECK_LOGIN_MAX_FAILURES, settings.FACTCHECK_LOGIN_MAX_FAILURES_PER_ADDRESS,
            settings.FACTCHECK_LOGIN_LOCKOUT_SECONDS)


def _address(request: HttpRequest | None) -> str:
    return (request.META.get("REMOTE_ADDR", "") if request is not None else "") or "unknown"


def _pair_key(username: str, address: str) -> str:
    digest = hashlib.sha256(f"{username.strip().lower()}\0{address}".encode()).hexdigest()[:32]
    return f"login-fail:pair:{digest}"


def _address_key(address: str) -> str:
    return f"login-fail:addr:{address}"


def _bump(key: str, window: int) -> None:
    cache.add(key, 0, window)  # the window starts at the first failure
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)


def login_locked(request: HttpRequest, username: str) -> bool:
    """Is this login attempt refused before the password is even checked?"""
    per_pair, per_address, _window = _limits()
    address = _address(request)
    counts = cache.get_many([_pair_key(username, address), _address_key(address)])
    return (counts.get(_pair_key(username, address)) or 0) >= per_pair or (
        counts.get(_address_key(address)) or 0
    ) >= per_address


@receiver(user_login_failed, dispatch_uid="factcheck.login_throttle.failed")
def _count_failure(sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None,
                   **kwargs: Any) -> None:
    username = str(credentials.get(get_user_model().USERNAME_FIELD) or "")
    _per_pair, _per_address, window = _limits()
    address = _address(request)
    _bump(_pair_key(username, address), window)
    _bump(_address_key(address), window)


@receiver(user_logged_in, dispatch_uid="factcheck.login_throttle.succeeded")
def _forget_failures(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    # Only the pair: a success must not reset the ceiling of an address guessing other accounts.
    if request is not None:
        cache.delete(_pair_key(user.get_username(), _address(request)))


def _refusal(request: HttpRequest) -> HttpResponse:
    window = _limits()[2]
    response = render(
        request,
        "registration/login.html",
        {
            "form": auth_views.AuthenticationForm(request),
            "next": request.POST.get("next", request.GET.get("next", "")),
            "throttled": _("Too many failed attempts. Try again in %(minutes)s minutes.")
            % {"minutes": max(1, window // 60)},
        },
        status=429,
    )
    response["Retry-After"] = str(window)
    return response


def throttled(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wrap a login view: a locked (username, address) pair or address gets a 429 before any check."""

    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and login_locked(request, request.POST.get("username") or ""):
            return _refusal(request)
        return view(request, *args, **kwargs)

    wrapper.__name__ = getattr(view, "__name__", "login")
    wrapper.__doc__ = view.__doc__
    return wrapper
