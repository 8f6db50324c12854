"""Work a web process would otherwise do in its first requests, done before it takes any.

Django imports the URL configuration (and with it every view, serializer and the API schema's
modules) on the first request; Celery imports its broker transport on the first message; the
translation catalogues load on first use. Measured with bench/load.py, a fresh gunicorn worker
spent its first seconds on this, with its threads queued on the import lock: the p95 of the first
15 s of load was several times the steady one. gunicorn calls warm() in each worker before it
accepts connections (factcheck/gunicorn_conf.py). Nothing here touches the database or the broker.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def warm() -> list[str]:
    """Load what the first requests would load; returns what was warmed (for logs and tests)."""
    from django.conf import settings
    from django.urls import get_resolver
    from django.utils import translation

    done = []
    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 - imports the URLconf and every view module
    done.append("urls")
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Claims")
    done.append("translations")
    try:
        from factcheck.celery import app

        app.connection_for_write().transport  # noqa: B018 - imports the transport, opens no socket
        app.amqp  # noqa: B018 - the message protocol, built on first use
        done.append("broker transport")
    except Exception as exc:  # a broker misconfiguration shows on the first enqueue, as before
        log.warning("could not prepare the broker transport: %s", exc)
    return done
