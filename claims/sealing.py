"""Secrets the server must use but nobody should read back (webhook signing secrets).

They are sealed at rest with Fernet (AES-128-CBC + HMAC-SHA256) under a key derived from
SECRET_KEY, so a database dump, a backup or an SQL console shows ciphertext only. Keys in
SECRET_KEY_FALLBACKS still open old values, so rotating SECRET_KEY the Django way keeps webhooks
working; a value no key opens reads as "" and the delivery refuses to sign with it (rotate the
webhook's secret then). The plaintext exists in memory on the model instance, for signing, and is
shown to a person exactly once: when it is created or rotated.
"""

from __future__ import annotations

import base64
import logging
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac

log = logging.getLogger(__name__)

_SALT = "claims.sealing.SealedCharField"


def _fernet(secret_key: str) -> Fernet:
    digest = salted_hmac(_SALT, "sealing-key", secret=secret_key, algorithm="sha256").digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _box() -> MultiFernet:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([_fernet(key) for key in keys])


def seal(plaintext: str) -> str:
    return _box().encrypt(plaintext.encode("utf-8")).decode("ascii")


def unseal(token: str) -> str | None:
    """The plaintext, or None when no current or fallback key opens the token."""
    try:
        return _box().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError, ValueError):
        return None


class SealedCharField(models.CharField):
    """A CharField whose Python value is the plaintext and whose column holds it sealed.

    An empty value stays empty in the column, so a CHECK constraint can refuse blank secrets.
    """

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if not value:
            return value
        plaintext = unseal(value)
        if plaintext is None:
            log.warning("a sealed %s could not be opened with SECRET_KEY or its fallbacks", self.name)
            return ""
        return plaintext

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if not value:
            return value
        if unseal(value) is not None:  # already sealed (a row copied or loaded as it was stored)
            return value
        return seal(value)
