import os
from typing import Any

from celery import Celery
from celery.signals import task_postrun, task_prerun
from django.db import close_old_connections

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
@task_postrun.connect
def close_old_database_connections(sender: Any = None, **kwargs: Any) -> None:
    """Around each task, what Django does around each request: close the connection only when it is
    broken, past CONN_MAX_AGE or left outside autocommit (settings.CELERY_DB_REUSE_MAX keeps Celery's
    own fixup from closing it after every task). Not for eager tasks: they run inside a request or
    a test, whose connection and transaction are not the task's to close."""
    if sender is not None and not getattr(sender.request, "is_eager", False):
        close_old_connections()
