"""Keep the model permissions of the `reviewer` and `editor` groups in step with the models.

Runs after every migrate (permissions only exist once post_migrate has created them), so a fresh
database and an upgraded one end up the same. Editors may change everything in the domain app
through the admin; reviewers may look at it there and work in /review/.
"""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


def sync_group_permissions(sender: AppConfig, **kwargs: Any) -> None:
    from django.contrib.auth.models import Group, Permission

    using = kwargs.get("using", "default")
    domain = Permission.objects.using(using).filter(content_type__app_label="claims")
    editor, _ = Group.objects.using(using).get_or_create(name="editor")
    reviewer, _ = Group.objects.using(using).get_or_create(name="reviewer")
    view_users = Permission.objects.using(using).filter(content_type__app_label="auth", codename="view_user")
    editor.permissions.add(*domain, *view_users)
    reviewer.permissions.add(*domain.filter(codename__startswith="view_"))
