"""Thin Celery tasks: ids in, call one service. Each module names its tasks claims.tasks.<name>."""

from claims.tasks.evidence import *  # noqa: F401,F403
from claims.tasks.extraction import *  # noqa: F401,F403
from claims.tasks.fanout import *  # noqa: F401,F403
from claims.tasks.sources import *  # noqa: F401,F403
from claims.tasks.webhooks import *  # noqa: F401,F403
