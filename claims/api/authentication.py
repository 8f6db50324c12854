"""API keys: `Authorization: Api-Key <prefix>.<secret>`, stored as a SHA-256 hash.

The key acts as its ApiClient's user (whose role decides workflow permissions); request.auth is
the ApiClient, whose scopes the permission classes check per endpoint.
"""

from __future__ import annotations

import copy
import hmac
from datetime import timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from claims.models import ApiClient, hash_api_key
from claims.services.api_key_cache import api_key_lookup

KEYWORD = b"api-key"
# last_used_at is a hint for admins, not an access log: refresh it at most this often so a burst
# of requests does not turn every read into a write.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def api_client_touch(client: ApiClient) -> None:
    """Record use with one conditional UPDATE, only when the stored value is older than a minute."""
    now = timezone.now()
    if client.last_used_at is not None and now - client.last_used_at < LAST_USED_RESOLUTION:
        return
    threshold = now - LAST_USED_RESOLUTION
    ApiClient.objects.filter(pk=client.pk).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=threshold)
    ).update(last_used_at=now)
    client.last_used_at = now


class ApiKeyAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, ApiClient] | None:
        header = get_authorization_header(request).split()
        if not header or header[0].lower() != KEYWORD:
            return None  # not ours: let session authentication try
        if len(header) != 2:
            raise AuthenticationFailed("Invalid Api-Key header: expected 'Api-Key <key>'.", code="invalid_api_key")
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed("Invalid API key.", code="invalid_api_key") from None
        prefix, _, secret = key.partition(".")
        if not prefix or not secret:
            raise AuthenticationFailed("Invalid API key.", code="invalid_api_key")
        known = api_key_lookup(prefix=prefix)
        if known is None or not hmac.compare_digest(known.client.key_hash, hash_api_key(key)):
            raise AuthenticationFailed("Invalid API key.", code="invalid_api_key")
        client = known.client
        if not client.is_active or client.revoked_at is not None:
            raise AuthenticationFailed("This API key has been revoked.", code="revoked_api_key")
        if not client.user.is_active:
            raise AuthenticationFailed("The account of this API key is disabled.", code="inactive_user")
        api_client_touch(client)  # on the cached row: at most one UPDATE a minute per key and process
        # Requests get their own copies (views may set attributes on them), with the roles already read.
        user = copy.copy(client.user)
        user._factcheck_groups = set(known.groups)
        request_client = copy.copy(client)
        request_client.user = user
        return user, request_client

    def authenticate_header(self, request: Request) -> str:
        # Makes unauthenticated requests 401 (with WWW-Authenticate) rather than 403.
        return "Api-Key"


class ApiKeyScheme(OpenApiAuthenticationExtension):
    """Documents the Api-Key header in the OpenAPI schema."""

    target_class = "claims.api.authentication.ApiKeyAuthentication"
    name = "ApiKeyAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey", "in": "header", "name": "Authorization",
            "description": (
                "Send `Authorization: Api-Key <key>` (the word `Api-Key`, a space, then the key; not `Bearer`). "
                "Keys are created in the admin or with `manage.py create_api_key`, with the scopes read, write "
                "and publish, and act as their account. A client generated with openapi-python-client: "
                "`AuthenticatedClient(base_url=..., token=key, prefix=\"Api-Key\")`."
            ),
        }
