from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def loopback_allowed(settings: Any) -> Any:
    """The loopback feed servers are private addresses: allow 127.0.0.1 explicitly, as an intranet
    source would be; every other private address stays refused."""
    settings.FACTCHECK_FETCH_ALLOWLIST = ["127.0.0.1"]
    settings.FACTCHECK_FETCH_TIMEOUT = 5
    return settings
