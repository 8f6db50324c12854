from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def network(settings: Any) -> Any:
    """Network providers on, and 127.0.0.1 allowed as a fetch target (the loopback servers)."""
    settings.FACTCHECK_NETWORK_PROVIDERS = True
    settings.FACTCHECK_FETCH_ALLOWLIST = ["127.0.0.1"]
    settings.FACTCHECK_TOOLS_API_KEY = "test-key"
    settings.FACTCHECK_EVIDENCE_BACKOFF_SECONDS = 0.1
    return settings


@pytest.fixture
def kazakh_claim(db: None) -> Any:
    from tests.factories import ClaimFactory

    return ClaimFactory(
        text="Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine.",
        entities=[{"text": "Kazakhstan", "label": "LOC"}, {"text": "Ukraine", "label": "LOC"}],
        quantities=[{"text": "40 tonnes", "value": 40, "unit": "tonnes"}],
    )
