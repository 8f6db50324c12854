"""Login throttling: after a few failed attempts for one username or from one address, refuse
further attempts for a while (429) instead of letting a script guess passwords."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def _keys(request: HttpRequest) -> list[str]:
    username = (request.POST.get("username") or "").strip().lower()
    address = request.META.get("REMOTE_ADDR", "")
    digest = hashlib.sha256(username.encode()).hexdigest()[:32]
    return [f"login-fail:user:{digest}", f"login-fail:ip:{address}"]


def _limit() -> int:
    return getattr(settings, "FACTCHECK_LOGIN_MAX_FAILURES", 5)


def _window() -> int:
    return getattr(settings, "FACTCHECK_LOGIN_LOCKOUT_SECONDS", 900)


class ThrottledLoginView(auth_views.LoginView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        keys = _keys(request)
        if any((cache.get(key) or 0) >= _limit() for key in keys):
            minutes = max(1, _window() // 60)
            response = render(
                request,
                "registration/login.html",
                {
                    "form": self.get_form_class()(request),
                    "throttled": _("Too many failed attempts. Try again in %(minutes)s minutes.")
                    % {"minutes": minutes},
                },
                status=429,
            )
            response["Retry-After"] = str(_window())
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: Any) -> HttpResponse:
        for key in _keys(self.request):
            cache.add(key, 0, _window())
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, _window())
        return super().form_invalid(form)

    def form_valid(self, form: Any) -> HttpResponse:
        cache.delete_many(_keys(self.request)[:1])
        return super().form_valid(form)
