from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = "Fact-checking"

    def ready(self) -> None:
        from claims.group_permissions import sync_group_permissions
        from claims.services.api_key_cache import connect_invalidation

        connect_invalidation()

        post_migrate.connect(sync_group_permissions, sender=self, dispatch_uid="claims-group-permissions")
