"""Per-key throttling (rate from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["api_key"])."""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from claims.models import ApiClient


class ApiKeyThrottle(SimpleRateThrottle):
    """One bucket per API key; session users get one bucket per account, anonymous per address."""

    scope = "api_key"

    def get_cache_key(self, request: Request, view: Any) -> str:
        if isinstance(request.auth, ApiClient):
            ident = f"key:{request.auth.prefix}"
        elif request.user and request.user.is_authenticated:
            ident = f"user:{request.user.pk}"
        else:
            ident = f"ip:{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
