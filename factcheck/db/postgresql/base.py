"""PostgreSQL (psycopg 3) with a health check that costs nothing under load.

Django's CONN_HEALTH_CHECKS sends a query before the first query of every request that reuses a
persistent connection: one extra round trip per API call. A connection that served a request a
moment ago is almost certainly still alive, so this backend checks it only when it has been idle
for more than IDLE_SECONDS_BEFORE_CHECK (e.g. overnight, or across a database restart nobody
noticed). A restart while requests are flowing is still recovered from: the request that meets
the dead connection fails with a 503 (factcheck.middleware) and Django closes the connection,
because an error occurred on it, before the next request.
"""

from __future__ import annotations

from time import monotonic

from django.db.backends.postgresql import base

IDLE_SECONDS_BEFORE_CHECK = 5.0


class DatabaseWrapper(base.DatabaseWrapper):
    _last_boundary = 0.0

    def connect(self) -> None:
        super().connect()
        self._last_boundary = monotonic()

    def close_if_unusable_or_obsolete(self) -> None:
        # Called at the start and at the end of every request: the gap measured at a start is how
        # long the connection sat idle since the previous request ended.
        now = monotonic()
        idle = now - self._last_boundary
        self._last_boundary = now
        super().close_if_unusable_or_obsolete()
        if self.connection is not None and idle < IDLE_SECONDS_BEFORE_CHECK:
            self.health_check_done = True
