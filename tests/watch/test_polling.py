"""Polling loopback feed servers: RSS 2.0, Atom, a news sitemap, conditional GET, failures with
Retry-After, broken XML, a redirect into a private network; nothing duplicated across polls,
health fields right, resumable after a poll dies mid-way."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.models import Article, AuditEvent, PollStatus, Source, SourceItem
from claims.services.source_poll import source_poll_execute
from claims.services.sources import source_add, sources_poll_now, sources_schedule_due
from tests.loopback import loopback_server
from tests.watch.feeds import ConditionalFeed, FailingThenOk, atom, news_sitemap, rss, site, xml

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("loopback_allowed")]
NUMBERS = [1, 2, 3]


def poll(source: Source) -> Any:
    """What the beat job and the task do: queue the source, then run its poll."""
    sources_poll_now(source_ids=[source.pk])
    outcome = source_poll_execute(source_id=source.pk)
    source.refresh_from_db()
    return outcome


def served(routes_for: Any) -> Any:
    """A loopback site whose routes are built from its own base URL."""
    server_cm = loopback_server({})
    server = server_cm.__enter__()
    server.routes.update(site(routes_for(server.base_url), NUMBERS))
    return server_cm, server


@pytest.mark.parametrize("kind, make, content_type", [
    ("rss", rss, "application/rss+xml"),
    ("atom", atom, "application/atom+xml"),
    ("sitemap", news_sitemap, "application/xml"),
])
def test_it_ingests_each_new_item_of_a_feed_once(kind: str, make: Any, content_type: str) -> None:
    cm, server = served(lambda base: {"/feed": xml(make(base, NUMBERS), content_type)})
    try:
        source = source_add(url=server.url("/feed"), name="Test", language="fr")
        first = poll(source)
        second = poll(source)
    finally:
        cm.__exit__(None, None, None)
    assert (first.result, first.new_items, first.ingested) == ("done", 3, 3)
    assert (second.result, second.new_items, second.ingested) == ("done", 0, 0)
    assert Article.objects.count() == 3 and SourceItem.objects.count() == 3
    items = SourceItem.objects.order_by("url")
    assert [i.url for i in items] == [server.url(f"/articles/{n}") for n in NUMBERS]
    assert {i.origin for i in items} == {"page"} and {i.status for i in items} == {"done"}
    article = Article.objects.get(url=server.url("/articles/2"))
    assert article.title == "Article numéro 2" and "lycées" in article.text
    assert article.published_at is not None and article.language == "fr"
    assert (source.kind, source.last_status, source.consecutive_failures, source.items_seen) == (kind, 200, 0, 3)
    assert source.poll_status == PollStatus.IDLE and source.last_error == ""
    assert source.next_poll_at > timezone.now() + timedelta(minutes=29)
    # Each page was fetched once: the second poll found every item already there.
    assert sum(1 for r in server.requests if r["path"].startswith("/articles/")) == 3


def test_an_unchanged_feed_costs_one_304_and_new_items_are_picked_up_later() -> None:
    feed = ConditionalFeed(b"")
    cm, server = served(lambda base: {"/feed": feed})
    feed.body = rss(server.base_url, [1, 2])
    try:
        source = source_add(url=server.url("/feed"))
        poll(source)
        assert source.etag == '"v1"' and source.last_modified == "Mon, 30 Nov 2026 08:00:00 GMT"
        requests_before = len(server.requests)
        unchanged = poll(source)
        assert (unchanged.result, source.last_status, source.last_error) == ("not_modified", 304, "")
        assert len(server.requests) == requests_before + 1  # the feed only, answered 304
        feed.body, feed.etag, feed.modified = rss(server.base_url, [1, 2, 3]), '"v2"', "Tue, 01 Dec 2026 08:00:00 GMT"
        changed = poll(source)
    finally:
        cm.__exit__(None, None, None)
    assert feed.statuses == [200, 304, 200]
    assert (changed.new_items, source.items_seen, Article.objects.count()) == (1, 3, 3)


def test_a_failing_feed_backs_off_honouring_retry_after_then_recovers() -> None:
    failing = FailingThenOk(b"", failures=1, fail_status=503, retry_after="7200")
    cm, server = served(lambda base: {"/feed": failing})
    failing.body = rss(server.base_url, NUMBERS)
    try:
        source = source_add(url=server.url("/feed"), interval_minutes=10)
        failed = poll(source)
        assert failed.result == "failed"
        assert (source.consecutive_failures, source.last_status) == (1, 503)
        assert source.last_error == "The server answered 503." and source.last_error_at is not None
        # Backoff would say 10 minutes; the server asked for two hours.
        assert source.next_poll_at > timezone.now() + timedelta(minutes=119)
        assert sources_schedule_due()["due"] == 0  # not due before Retry-After
        recovered = poll(source)
    finally:
        cm.__exit__(None, None, None)
    assert recovered.result == "done" and recovered.ingested == 3
    assert (source.consecutive_failures, source.last_status, source.healthy) == (0, 200, True)
    assert source.last_success_at is not None and source.last_error == "The server answered 503."


def test_failures_double_the_wait_up_to_the_ceiling(settings: Any) -> None:
    settings.FACTCHECK_WATCH_MAX_BACKOFF_MINUTES = 60
    cm, server = served(lambda base: {"/feed": lambda r: (500, {"Content-Type": "text/plain"}, b"oops")})
    waits = []
    try:
        source = source_add(url=server.url("/feed"), interval_minutes=10)
        for _ in range(4):
            poll(source)
            waits.append(round((source.next_poll_at - source.last_polled_at).total_seconds() / 60))
    finally:
        cm.__exit__(None, None, None)
    assert waits == [10, 20, 40, 60] and source.consecutive_failures == 4


def test_broken_xml_is_a_failure_with_a_readable_reason() -> None:
    broken = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</ti'
    cm, server = served(lambda base: {"/feed": xml(broken)})
    try:
        source = source_add(url=server.url("/feed"))
        outcome = poll(source)
    finally:
        cm.__exit__(None, None, None)
    assert outcome.result == "failed" and SourceItem.objects.count() == 0
    assert source.last_error.startswith("The feed could not be read: not well-formed XML at line 1")
    assert source.consecutive_failures == 1 and source.last_status == 200


def test_a_redirect_into_a_private_network_is_refused() -> None:
    cm, server = served(lambda base: {"/feed": lambda r: (302, {"Location": "http://10.20.30.40/feed.xml"}, b"")})
    try:
        source = source_add(url=server.url("/feed"))
        outcome = poll(source)
    finally:
        cm.__exit__(None, None, None)
    assert outcome.result == "failed"
    assert "10.20.30.40: it resolves to a private or reserved address" in source.last_error
    assert [r["path"] for r in server.requests] == ["/feed"]  # nothing was asked of 10.20.30.40


def test_an_item_whose_page_fails_uses_the_feed_summary_and_says_so() -> None:
    cm, server = served(lambda base: {"/feed": xml(rss(base, NUMBERS))})
    server.routes["/articles/2"] = lambda r: (404, {"Content-Type": "text/plain"}, b"gone")
    try:
        source = source_add(url=server.url("/feed"))
        poll(source)
    finally:
        cm.__exit__(None, None, None)
    item = SourceItem.objects.get(url=server.url("/articles/2"))
    assert (item.status, item.origin) == ("done", "summary")
    assert item.error == ("The page could not be used (The server answered 404.): the feed's summary was "
                          "ingested instead.")
    assert item.article.text.startswith("Article numéro 2\n\nLe conseil régional a voté mardi")
    assert AuditEvent.objects.filter(action="article.from_feed_summary", object_id=item.article_id).count() == 1


def test_an_item_without_page_or_summary_fails_with_its_reason() -> None:
    cm, server = served(lambda base: {"/feed": xml(rss(base, [1], summaries=False))})
    server.routes["/articles/1"] = lambda r: (500, {"Content-Type": "text/plain"}, b"down")
    try:
        source = source_add(url=server.url("/feed"))
        outcome = poll(source)
    finally:
        cm.__exit__(None, None, None)
    item = SourceItem.objects.get()
    assert (outcome.failed_items, item.status, item.article_id) == (1, "failed", None)
    assert "The server answered 500." in item.error and "no summary" in item.error
    assert source.consecutive_failures == 0  # the feed itself is healthy


def test_a_known_article_is_linked_not_fetched_again(article: Any) -> None:
    cm, server = served(lambda base: {"/feed": xml(rss(base, [1]))})
    try:
        Article.objects.filter(pk=article.pk).update(url=server.url("/articles/1"))
        source = source_add(url=server.url("/feed"))
        poll(source)
    finally:
        cm.__exit__(None, None, None)
    item = SourceItem.objects.get()
    assert (item.origin, item.article_id) == ("existing", article.pk)
    assert not [r for r in server.requests if r["path"] == "/articles/1"]


def test_a_poll_that_died_mid_way_resumes_without_duplicates(settings: Any) -> None:
    cm, server = served(lambda base: {"/feed": ConditionalFeed(rss(base, NUMBERS))})
    try:
        source = source_add(url=server.url("/feed"))
        # The first poll stored the entries and the validators, ingested one, then its worker died.
        settings.FACTCHECK_WATCH_POLL_BUDGET_SECONDS = 0
        sources_poll_now(source_ids=[source.pk])
        source_poll_execute(source_id=source.pk)
        assert SourceItem.objects.filter(status="pending").count() == 3
        Source.objects.filter(pk=source.pk).update(poll_status=PollStatus.RUNNING,
                                                   poll_started_at=timezone.now() - timedelta(hours=1))
        settings.FACTCHECK_WATCH_POLL_BUDGET_SECONDS = 120
        assert sources_schedule_due()["lost"] == 1  # the sweeper takes the lost poll back
        outcome = source_poll_execute(source_id=source.pk)
    finally:
        cm.__exit__(None, None, None)
    source.refresh_from_db()
    assert (outcome.result, outcome.ingested) == ("not_modified", 3)  # one 304, and the pending items
    assert Article.objects.count() == 3 and SourceItem.objects.filter(status="done").count() == 3


def test_an_unchanged_feed_without_pending_items_costs_two_statements() -> None:
    feed = ConditionalFeed(b"")
    cm, server = served(lambda base: {"/feed": feed})
    feed.body = rss(server.base_url, [1, 2])
    try:
        source = source_add(url=server.url("/feed"))
        poll(source)
        sources_poll_now(source_ids=[source.pk])
        with CaptureQueriesContext(connection) as queries:
            outcome = source_poll_execute(source_id=source.pk)
    finally:
        cm.__exit__(None, None, None)
    source.refresh_from_db()
    # The take (which also looks for pending entries) and the finish; no query for entries.
    assert len(queries) == 2, [q["sql"] for q in queries]
    assert queries[0]["sql"].startswith("UPDATE") and queries[1]["sql"].startswith("UPDATE")
    assert (outcome.result, source.last_status, source.poll_status, source.kind) == ("not_modified", 304, "idle", "rss")
    assert source.next_poll_at > timezone.now() + timedelta(minutes=29) and source.last_success_at is not None


def test_entries_left_pending_are_resumed_by_a_poll_that_finds_nothing_new(settings: Any) -> None:
    # A feed without validators: every poll is a 200 with the same entries, none of them new.
    cm, server = served(lambda base: {"/feed": xml(rss(base, NUMBERS))})
    try:
        source = source_add(url=server.url("/feed"))
        settings.FACTCHECK_WATCH_POLL_BUDGET_SECONDS = 0
        poll(source)  # stored the entries, ingested none, queued itself again
        assert SourceItem.objects.filter(status="pending").count() == 3
        settings.FACTCHECK_WATCH_POLL_BUDGET_SECONDS = 120
        outcome = source_poll_execute(source_id=source.pk)
    finally:
        cm.__exit__(None, None, None)
    assert (outcome.result, outcome.new_items, outcome.ingested, outcome.more) == ("done", 0, 3, False)
    assert SourceItem.objects.filter(status="done").count() == 3 and Article.objects.count() == 3


def test_a_poll_that_lost_its_source_does_not_finish_it() -> None:
    feed = ConditionalFeed(b"")
    cm, server = served(lambda base: {"/feed": feed})
    feed.body = rss(server.base_url, [1])
    try:
        source = source_add(url=server.url("/feed"))
        poll(source)
        sources_poll_now(source_ids=[source.pk])
        # The sweeper gave the source to another poll while this one was fetching: the token changed.
        from claims.services import source_poll as service

        taken = service._take(source.pk)
        assert taken is not None and taken[1] is False
        newer = timezone.now() + timedelta(seconds=1)
        Source.objects.filter(pk=source.pk).update(poll_started_at=newer)
        service._finish(taken[0], taken[0].poll_started_at, status=304, kind="", more=False)
    finally:
        cm.__exit__(None, None, None)
    source.refresh_from_db()
    assert (source.poll_status, source.poll_started_at) == (PollStatus.RUNNING, newer)


def test_a_budget_overrun_continues_in_a_fresh_poll(settings: Any) -> None:
    settings.FACTCHECK_WATCH_POLL_BUDGET_SECONDS = 0
    cm, server = served(lambda base: {"/feed": xml(rss(base, NUMBERS))})
    try:
        source = source_add(url=server.url("/feed"))
        outcome = poll(source)
    finally:
        cm.__exit__(None, None, None)
    assert outcome.more and source.poll_status == PollStatus.QUEUED and source.next_poll_at <= timezone.now()


def test_two_workers_never_poll_the_same_source() -> None:
    source = source_add(url="http://127.0.0.1:9/feed")
    sources_poll_now(source_ids=[source.pk])
    Source.objects.filter(pk=source.pk).update(poll_status=PollStatus.RUNNING, poll_started_at=timezone.now())
    assert source_poll_execute(source_id=source.pk).result == "skipped"
    assert sources_poll_now(source_ids=[source.pk]) == []  # a running poll is left to its worker


def test_the_beat_job_queues_due_polls_and_resends_forgotten_ones() -> None:
    due = source_add(url="http://127.0.0.1:9/a")
    later = source_add(url="http://127.0.0.1:9/b")
    paused = source_add(url="http://127.0.0.1:9/c")
    Source.objects.filter(pk=later.pk).update(next_poll_at=timezone.now() + timedelta(minutes=5))
    Source.objects.filter(pk=paused.pk).update(is_enabled=False)
    assert sources_schedule_due() == {"due": 1, "forgotten": 0, "lost": 0}
    assert Source.objects.get(pk=due.pk).poll_status == PollStatus.QUEUED
    assert sources_schedule_due() == {"due": 0, "forgotten": 0, "lost": 0}  # queued once
    # The broker lost the message: after FACTCHECK_WATCH_QUEUED_SECONDS the row is sent again.
    Source.objects.filter(pk=due.pk).update(poll_queued_at=timezone.now() - timedelta(hours=1))
    assert sources_schedule_due() == {"due": 0, "forgotten": 1, "lost": 0}


def test_a_file_source_reads_the_bundled_demo_feed() -> None:
    from claims.management.commands.demo import FIXTURES

    url = (FIXTURES / "feeds" / "demo-news.xml").resolve().as_uri()
    source = source_add(url=url, allow_files=True)
    first = poll(source)
    second = poll(source)
    assert (first.result, first.new_items) == ("done", 4)
    assert second.result == "not_modified"  # the file's mtime is its Last-Modified
    origins = sorted(SourceItem.objects.values_list("origin", flat=True))
    assert origins == ["page", "page", "page", "summary"]  # one link names a page that is not there
    assert Article.objects.filter(url__isnull=True).count() == 4


def test_a_file_source_outside_the_allowed_folders_is_refused(tmp_path: Any) -> None:
    from claims.services.errors import InvalidInput

    secret = tmp_path / "passwd.xml"
    secret.write_text("<rss/>")
    with pytest.raises(InvalidInput, match="not under a folder allowed"):
        source_add(url=secret.as_uri(), allow_files=True)
    with pytest.raises(InvalidInput, match="not an http"):
        source_add(url=secret.as_uri())  # the API and the admin never allow files
    assert not Source.objects.exists()


@pytest.mark.services
def test_a_broker_outage_delays_polls_without_losing_them(
    settings: Any, broker_url: str, postgres: None, django_capture_on_commit_callbacks: Any
) -> None:
    from factcheck.celery import app
    from tests.workers import broker_at, purge, waiting_messages

    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous, app.conf.task_always_eager = app.conf.task_always_eager, False
    purge(["default"])
    try:
        source = source_add(url="http://127.0.0.1:9/feed")
        with broker_at("redis://127.0.0.1:1/0"), django_capture_on_commit_callbacks(execute=True):
            assert sources_schedule_due()["due"] == 1  # the message could not be sent: no error
        assert waiting_messages("default") == 0
        assert Source.objects.get(pk=source.pk).poll_status == PollStatus.QUEUED
        # The broker is back; once the queued poll is old enough, the beat job sends it again.
        settings.FACTCHECK_WATCH_QUEUED_SECONDS = -1
        with django_capture_on_commit_callbacks(execute=True):
            assert sources_schedule_due()["forgotten"] == 1
        assert waiting_messages("default") == 1
    finally:
        app.conf.task_always_eager = previous
        purge(["default"])
