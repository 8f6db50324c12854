"""`manage.py create_api_key NAME --scopes read,write,publish [--user USERNAME]`: prints the key once."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.models import Channel
from claims.services.api_keys import api_client_create, api_scopes_parse, api_service_user
from claims.services.errors import InvalidInput


class Command(BaseCommand):
    help = "Create an API client and print its key (shown once; only its hash is stored)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name")
        parser.add_argument("--scopes", default="read", help="Comma-separated: read,write,publish (default read)")
        parser.add_argument("--user", help="Act as this existing account (its role decides what the key may do)")
        parser.add_argument("--role", default="reviewer", choices=["reviewer", "editor", "none"],
                            help="Role of the service account created when --user is not given")

    def handle(self, *args: Any, name: str, scopes: str, user: str | None, role: str, **options: Any) -> None:
        try:
            parsed = api_scopes_parse(scopes)
            if user:
                account = get_user_model().objects.filter(username=user).first()
                if account is None:
                    raise CommandError(f"No user named {user!r}.")
            else:
                account = api_service_user(name=name, role="" if role == "none" else role)
            client, key = api_client_create(name=name, scopes=parsed, user=account, channel=Channel.COMMAND)
        except InvalidInput as exc:
            raise CommandError(exc.message) from exc
        self.stderr.write(f"Created API client {client.name!r} (prefix {client.prefix}, scopes "
                          f"{','.join(client.scopes)}, acting as {account.get_username()}). "
                          "Store the key now: it cannot be shown again.")
        self.stdout.write(key)
