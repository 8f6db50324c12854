"""What this process knows about API keys, so authenticating a request costs no query.

Each entry holds the ApiClient row, its user and the user's roles as the database said them at most
FACTCHECK_API_KEY_CACHE_SECONDS ago. A key revoked, an account disabled or a role removed in
another process takes effect here within that many seconds; in this process at once, because
saving those rows (or revoking through claims.services.api_keys) drops the entry.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from time import monotonic
from typing import Any

from django.conf import settings

from claims.models import ApiClient

_MAX_ENTRIES = 10_000


@dataclass(frozen=True)
class KnownKey:
    client: ApiClient
    groups: frozenset[str]
    expires: float


_known: dict[str, KnownKey] = {}
_lock = threading.Lock()


def api_key_lookup(*, prefix: str) -> KnownKey | None:
    """The client with this prefix (with its user and role names), from this process's cache when fresh."""
    now = monotonic()
    known = _known.get(prefix)
    if known is not None and known.expires > now:
        return known
    client = ApiClient.objects.select_related("user").filter(prefix=prefix).first()
    if client is None:
        return None
    groups = frozenset(client.user.groups.values_list("name", flat=True))
    ttl = settings.FACTCHECK_API_KEY_CACHE_SECONDS
    known = KnownKey(client=client, groups=groups, expires=now + ttl)
    if ttl > 0:
        with _lock:
            if len(_known) >= _MAX_ENTRIES:
                _known.clear()
            _known[prefix] = known
    return known


def api_key_forget(*, prefix: str | None = None, user_id: int | None = None) -> None:
    """Drop the entry of one key, of every key of one account, or (neither given) all of them."""
    with _lock:
        if prefix is None and user_id is None:
            _known.clear()
            return
        for key in [p for p, known in _known.items() if p == prefix or known.client.user_id == user_id]:
            del _known[key]


def connect_invalidation() -> None:
    """Forget cached keys when their row, their account or the account's roles change (AppConfig.ready)."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import m2m_changed, post_delete, post_save

    user_model = get_user_model()

    def client_changed(sender: Any, instance: ApiClient, **kwargs: Any) -> None:
        api_key_forget(prefix=instance.prefix)

    def user_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
        if isinstance(instance, user_model):
            api_key_forget(user_id=instance.pk)
        else:  # roles changed from the group's side: working out whose is not worth it
            api_key_forget()

    post_save.connect(client_changed, sender=ApiClient, dispatch_uid="api-key-cache-client-saved")
    post_delete.connect(client_changed, sender=ApiClient, dispatch_uid="api-key-cache-client-deleted")
    post_save.connect(user_changed, sender=user_model, dispatch_uid="api-key-cache-user-saved")
    post_delete.connect(user_changed, sender=user_model, dispatch_uid="api-key-cache-user-deleted")
    m2m_changed.connect(user_changed, sender=user_model.groups.through, dispatch_uid="api-key-cache-roles")
