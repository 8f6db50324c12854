"""Per-key throttling (rate from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["api_key"]).

A sliding-window counter: one integer per key and window in the cache, incremented atomically
(Redis INCR when FACTCHECK_CACHE_URL is set), and the previous window's count weighted by how much
of it still overlaps the last `duration` seconds. DRF's SimpleRateThrottle keeps the list of every
request's time instead and reads and rewrites it whole on each request: at 600/minute that is 600
floats unpickled, scanned and pickled again per call (12,000 under a benchmark's generous rate),
and two processes rewriting the same list lose each other's requests.
"""

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

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        self.now = self.timer()
        window, position = divmod(self.now, self.duration)
        current_key, previous_key = f"{key}:{int(window)}", f"{key}:{int(window) - 1}"
        self.cache.add(current_key, 0, timeout=2 * self.duration)  # no-op when the window has begun
        try:
            current = self.cache.incr(current_key)
        except ValueError:  # evicted between add and incr
            self.cache.set(current_key, 1, timeout=2 * self.duration)
            current = 1
        previous = self.cache.get(previous_key, 0)
        estimated = previous * (1 - position / self.duration) + current
        self.remaining = self.duration - position
        return estimated <= self.num_requests

    def wait(self) -> float | None:
        """Seconds until the current window ends (the Retry-After of a 429)."""
        return getattr(self, "remaining", None)
