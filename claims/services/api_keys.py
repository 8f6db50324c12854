"""API clients: keys are generated here, shown once, stored as a SHA-256 hash, revocable.

A key acts as its account, with that account's role: creating one, or widening what it may do, is
acting as that account. Only the account itself or a superuser may (api_client_may_act_as); the
command line, which already has the database, counts as trusted. Revoking is open to whoever may
change API clients: it only takes power away.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from claims.models import API_SCOPES, ApiClient, Channel, hash_api_key
from claims.services.api_key_cache import api_key_forget
from claims.services.audit import audit_record
from claims.services.errors import InvalidInput, NotAllowed
from claims.services.roles import EDITOR, REVIEWER, SERVICE_ACCOUNT_PREFIX


def api_scopes_parse(raw: str | Iterable[str]) -> list[str]:
    scopes = [s.strip() for s in (raw.split(",") if isinstance(raw, str) else raw) if s.strip()]
    unknown = sorted(set(scopes) - set(API_SCOPES))
    if unknown or not scopes:
        raise InvalidInput(f"Scopes must be among {', '.join(API_SCOPES)} (got {', '.join(unknown) or 'none'}).",
                           code="invalid_scopes")
    return [s for s in API_SCOPES if s in scopes]


def api_service_user(*, name: str, role: str = REVIEWER) -> Any:
    """The account a key acts as when no person is named: `api-<name>`, no password, the given role."""
    if role not in (REVIEWER, EDITOR, ""):
        raise InvalidInput(f"Unknown role {role!r}.", code="invalid_role")
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=f"{SERVICE_ACCOUNT_PREFIX}{slugify(name)}"[:150])
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def api_client_may_act_as(*, actor: Any, user: Any) -> bool:
    """May `actor` create a key acting as `user`, or change the scopes of such a key?"""
    if actor is None:  # manage.py create_api_key: whoever runs it has the database already
        return True
    return bool(getattr(actor, "is_superuser", False)) or (actor.pk is not None and actor.pk == user.pk)


def _refuse_unless_may_act_as(actor: Any, user: Any) -> None:
    if not api_client_may_act_as(actor=actor, user=user):
        raise NotAllowed(f"Only {user.get_username()} or a superuser can create or change keys acting as "
                         f"{user.get_username()}.", code="not_key_owner")


def api_client_create(
    *, name: str, scopes: Iterable[str], user: Any, actor: Any = None, channel: str = Channel.COMMAND
) -> tuple[ApiClient, str]:
    """A new client and its key; the key is returned once and never stored."""
    name = name.strip()
    if not name:
        raise InvalidInput("An API client needs a name.", code="empty_name")
    scopes = api_scopes_parse(list(scopes))
    _refuse_unless_may_act_as(actor, user)
    prefix, key = ApiClient.generate_key()
    with transaction.atomic():
        client = ApiClient.objects.create(name=name, user=user, prefix=prefix, key_hash=hash_api_key(key),
                                          scopes=scopes)
        audit_record(actor=actor, action="api_client.create", obj=client,
                     after={"name": name, "scopes": scopes, "user": user.pk}, channel=channel)
    return client, key


def api_client_update(
    *, client: ApiClient, name: str, scopes: Iterable[str], actor: Any = None, channel: str = Channel.ADMIN
) -> ApiClient:
    """Rename a client or change its scopes; scopes follow the same rule as creating the key."""
    name = name.strip()
    if not name:
        raise InvalidInput("An API client needs a name.", code="empty_name")
    scopes = api_scopes_parse(list(scopes))
    with transaction.atomic():
        current = ApiClient.objects.select_for_update().select_related("user").get(pk=client.pk)
        if scopes != current.scopes:
            _refuse_unless_may_act_as(actor, current.user)
        before = {"name": current.name, "scopes": current.scopes}
        ApiClient.objects.filter(pk=client.pk).update(name=name, scopes=scopes)
        client.name, client.scopes = name, scopes
        _forget_now_and_after_commit(current.prefix)
        audit_record(actor=actor, action="api_client.update", obj=client, before=before,
                     after={"name": name, "scopes": scopes}, channel=channel)
    return client


def _forget_now_and_after_commit(prefix: str) -> None:
    """This process drops its cached copy of the key at once (other processes within the cache TTL).
    `.update()` sends no post_save signal, so the services say it themselves; once more after the
    commit, because a request in another thread may re-read the old row until then."""
    api_key_forget(prefix=prefix)
    transaction.on_commit(lambda: api_key_forget(prefix=prefix))


def api_client_revoke(*, client: ApiClient, actor: Any = None, channel: str = Channel.ADMIN) -> ApiClient:
    with transaction.atomic():
        now = timezone.now()
        ApiClient.objects.filter(pk=client.pk).update(is_active=False, revoked_at=now)
        client.is_active, client.revoked_at = False, now
        _forget_now_and_after_commit(client.prefix)
        audit_record(actor=actor, action="api_client.revoke", obj=client, channel=channel)
    return client
