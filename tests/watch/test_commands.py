"""source_add and source_poll, in-process like the demo: the bundled feed raises its alerts."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from claims.management.commands.demo import FIXTURES
from claims.models import Alert, Source, SourceItem
from claims.services.priors import priors_import

# Transactional, like a real command run: work queued "on commit" runs as each transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_commands_watch_the_demo_feed_and_raise_its_alerts(eager_tasks: None, settings: Any) -> None:
    settings.FACTCHECK_EVIDENCE_PROVIDERS = ["prior_factchecks"]
    priors_import(payload_or_text=(FIXTURES / "claimreview-demo.json").read_text(), source="demo")
    url = (FIXTURES / "feeds" / "demo-news.xml").resolve().as_uri()
    out = StringIO()
    call_command("source_add", url, "--name", "Démo", "--language", "fr", "--every", "45", stdout=out)
    assert out.getvalue().startswith(f"Watching #{Source.objects.get().pk} Démo ({url}), every 45 min.")
    out = StringIO()
    call_command("source_poll", "--all", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "1 source(s) queued for polling."
    assert lines[1].startswith("  #") and "Démo: 4 items seen, last status 200, ok" in lines[1]
    assert SourceItem.objects.filter(status="done").count() == 4
    # Each demo article repeats one demo fact-check.
    assert Alert.objects.filter(tier="strong").count() == 4 and lines[2].startswith("4 new alert(s)")
    with pytest.raises(CommandError, match="already watched"):
        call_command("source_add", url)
    with pytest.raises(CommandError, match="not an http"):
        call_command("source_add", "gopher://example.org/feed")
