from django.apps import AppConfig
from django.db.models.signals import post_migrate


def register_tasks() -> None:
    """Register every Celery task now, while the process starts and no request thread runs yet.

    Celery discovers tasks lazily outside a worker; done on the first enqueue, two request threads
    raced and one failed to publish (its article then waited for the sweeper)."""
    import claims.tasks  # noqa: F401  (the tasks register themselves with the app on import)
    from factcheck.celery import app

    app.finalize(auto=True)


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = "Fact-checking"

    def ready(self) -> None:
        from claims.group_permissions import sync_group_permissions
        from claims.services.api_key_cache import connect_invalidation

        connect_invalidation()
        register_tasks()

        post_migrate.connect(sync_group_permissions, sender=self, dispatch_uid="claims-group-permissions")
