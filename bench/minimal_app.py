"""The baseline for bench/load.py: the smallest Django JSON view, served by the same gunicorn
settings, so the ratio shows what the workbench costs above Django itself."""

from django.conf import settings

if not settings.configured:
    settings.configure(
        DEBUG=False, SECRET_KEY="bench-only-not-secret", ALLOWED_HOSTS=["*"], ROOT_URLCONF=__name__,
        MIDDLEWARE=[], INSTALLED_APPS=[],
    )

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402


def minimal(request):
    return JsonResponse({"ok": True, "items": [{"id": i} for i in range(10)]})


urlpatterns = [path("minimal", minimal)]
application = get_wsgi_application()
