"""A feed polled on the embedded default (SQLite, as in the demo) ends idle with its entries
counted: the poll's precompiled statements send and read times as the ORM would (SQLite stores
naive UTC text), so the token that guards the poll's own updates matches what it wrote."""

import os
import subprocess
import sys
import textwrap

from tests.workers import ROOT

SCRIPT = textwrap.dedent("""
    import django
    django.setup()
    from django.core.management import call_command
    call_command("migrate", verbosity=0)
    from django.db import connection
    from claims.models import Channel, Source
    from claims.services.source_poll import source_poll_execute
    from claims.services.sources import source_add, sources_poll_now
    assert connection.vendor == "sqlite", connection.vendor
    feed = (ROOT / "claims/fixtures/feeds/demo-news.xml").resolve().as_uri()
    source = source_add(url=feed, name="demo", interval_minutes=60, channel=Channel.COMMAND, allow_files=True)
    sources_poll_now(source_ids=[source.pk])
    source.refresh_from_db()
    print("first", source.items_seen, source.poll_status, source.last_status)
    Source.objects.filter(pk=source.pk).update(poll_status="queued")
    source_poll_execute(source_id=source.pk)
    source.refresh_from_db()
    print("second", source.items_seen, source.poll_status)
""")


def test_a_feed_polled_on_sqlite_ends_idle_with_its_entries_counted(tmp_path) -> None:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "CELERY_BROKER_URL", "FACTCHECK_REQUIRE_SERVICES")}
    env.update(FACTCHECK_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="factcheck.settings")
    done = subprocess.run([sys.executable, "-c", f"from pathlib import Path\nROOT = Path({str(ROOT)!r})\n" + SCRIPT],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    first, second = done.stdout.strip().splitlines()[-2:]
    items = int(first.split()[1])
    assert items > 0 and first.split()[2:] == ["idle", "200"], first
    assert second.split() == ["second", str(items), "idle"], second
