"""Webhook signing secrets sealed at rest and never blank; reply bodies out of delivery errors.

Existing secrets are sealed in place (blank ones replaced by a generated secret: a receiver that
checked nothing keeps working, one that wants to check asks for a rotation). Reply bodies that
earlier code put into `error` ("HTTP 500: <body>") move to `response_excerpt`, and the copies in
`webhook.attempt` audit rows, which reviewers can read, are cut to the status.
"""

import re

from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import StrIndex, Substr

import claims.models.operations
import claims.sealing

_BODY = re.compile(r"^(HTTP \d{3}): ")


def seal_secrets(apps, schema_editor):
    Webhook = apps.get_model("claims", "Webhook")
    for hook in Webhook.objects.all():  # a handful of endpoints
        plaintext = hook.secret or claims.models.operations.new_webhook_secret()
        if claims.sealing.unseal(plaintext) is None:
            Webhook.objects.filter(pk=hook.pk).update(secret=claims.sealing.seal(plaintext))


def unseal_secrets(apps, schema_editor):
    Webhook = apps.get_model("claims", "Webhook")
    for hook in Webhook.objects.all():
        Webhook.objects.filter(pk=hook.pk).update(secret=claims.sealing.unseal(hook.secret) or "")


def move_reply_bodies(apps, schema_editor):
    WebhookDelivery = apps.get_model("claims", "WebhookDelivery")
    AuditEvent = apps.get_model("claims", "AuditEvent")
    separator = StrIndex("error", Value(": "))
    # One UPDATE: both columns are computed from the old value of `error`.
    WebhookDelivery.objects.filter(error__regex=r"^HTTP [0-9]{3}: ").update(
        response_excerpt=Substr("error", separator + 2), error=Substr("error", 1, separator - 1)
    )
    changed = []
    for event in AuditEvent.objects.filter(action="webhook.attempt").only("after").iterator(chunk_size=2000):
        error = (event.after or {}).get("error") or ""
        match = _BODY.match(error)
        if match:
            event.after = {**event.after, "error": match.group(1)}
            changed.append(event)
        if len(changed) >= 1000:
            AuditEvent.objects.bulk_update(changed, ["after"])
            changed = []
    if changed:
        AuditEvent.objects.bulk_update(changed, ["after"])


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0005_webhook_next_attempt"),
    ]

    operations = [
        migrations.AddField(
            model_name="webhookdelivery",
            name="response_excerpt",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(move_reply_bodies, migrations.RunPython.noop),
        # Room for the sealed form first, then seal, then the field that seals and opens.
        migrations.AlterField(
            model_name="webhook",
            name="secret",
            field=models.CharField(max_length=500, default="", blank=True),
        ),
        migrations.RunPython(seal_secrets, unseal_secrets),
        migrations.AlterField(
            model_name="webhook",
            name="secret",
            field=claims.sealing.SealedCharField(
                default=claims.models.operations.new_webhook_secret, editable=False, max_length=500
            ),
        ),
        migrations.AddConstraint(
            model_name="webhook",
            constraint=models.CheckConstraint(condition=models.Q(("secret", ""), _negated=True),
                                              name="webhook_secret_not_blank"),
        ),
    ]
