"""Ingestion, the extraction job and the sweeper (claims.services.ingest, extraction_job, extraction_sweep)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.models import Article, AuditEvent, Claim, Webhook, WebhookDelivery
from claims.services.errors import InvalidInput
from claims.services.extraction_job import _claim_jobs, _persist_all, article_extract
from claims.services.extraction_sweep import extraction_sweep
from claims.services.ingest import article_ingest
from tests.ingest.conftest import ARTICLE, CHANGED

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_tasks(eager_tasks: None, django_capture_on_commit_callbacks: Any) -> Any:
    """Ingest, then run what was queued after commit (in-process, like the embedded default)."""

    def run(**kwargs: Any) -> Article:
        with django_capture_on_commit_callbacks(execute=True):
            article = article_ingest(**kwargs).article
        article.refresh_from_db()
        return article

    return run


def test_it_stores_the_article_queued_and_extracts_claims_with_exact_offsets(run_tasks: Any, alice: Any) -> None:
    Webhook.objects.create(name="cms", url="https://cms.example.org/hook", events=["claim.created",
                                                                                     "article.extracted"])
    article = run_tasks(text=ARTICLE, title="Aide", submitted_by=alice, language="fr")
    assert article.extraction_status == "done"
    assert article.extracted_at is not None
    claims = list(article.claims.order_by("start"))
    # Three sentences: a short list of one claim (at most 40% of sentences), the others recoverable.
    assert len(claims) == 1
    for claim in claims:
        assert claim.offsets_error(article.text) is None
        assert claim.created_by is None
    candidates = article.extraction_candidates
    assert len(candidates) == 2
    # Which of the two best sentences is kept and which recoverable is the scorer's call (0.93 and
    # 0.91 today); both keep their fields and exact offsets either way.
    stored = [{"quote": c.quote, "start": c.start, "end": c.end, "claimant": c.claimant,
               "quantities": c.quantities, "kind": c.kind} for c in claims]
    every = stored + candidates
    tonnes = next(c for c in every if "40 tonnes" in c["quote"])
    assert tonnes["quantities"][0]["value"] == 40.0 and tonnes["kind"] == "statistic"
    nevzline = next(c for c in every if "Nevzline" in c["quote"])
    assert nevzline["claimant"] == "Leonid Nevzline"
    for candidate in every:
        assert article.text[candidate["start"] : candidate["end"]] == candidate["quote"]
    assert not any("(OD)" in c.quote for c in claims)
    actions = set(AuditEvent.objects.filter(object_id=article.pk).values_list("action", flat=True))
    assert {"article.ingest", "article.extract"} <= actions
    events = list(WebhookDelivery.objects.values_list("event", flat=True))
    assert events.count("claim.created") == len(claims) and events.count("article.extracted") == 1


def test_it_returns_the_existing_article_for_the_same_text(run_tasks: Any) -> None:
    first = run_tasks(text=ARTICLE, language="fr")
    claims = first.claims.count()
    again = article_ingest(text=ARTICLE + "\n\n", language="fr")
    assert again.article.pk == first.pk and again.outcome == "duplicate"
    assert Article.objects.count() == 1 and Claim.objects.count() == claims


@pytest.mark.parametrize(
    "kwargs,code",
    [
        ({"text": ""}, "empty"),
        ({"text": "   \n\n  "}, "empty"),
        ({"text": "Du texte\x00binaire"}, "binary_content"),
        ({"text": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, "binary_content"),
        ({"text": "Le texte \xe9tait".encode("latin-1")}, "invalid_utf8"),
        ({"text": "\x01\x02\x03\x04\x05\x06\x07\x08" * 10}, "binary_content"),
        ({"text": "1234 5678 !!!"}, "no_article_body"),
        ({"html": "<html><body><nav><a href='/'>Accueil</a></nav></body></html>"}, "no_article_body"),
        ({"text": "Ein ganz normaler Satz.", "language": "de"}, "unsupported_language"),
        ({}, "no_content"),
        ({"url": "ftp://example.org/a"}, "invalid_url"),
        ({"text": "Un article.", "published_at": "hier"}, "invalid_date"),
    ],
)
def test_it_refuses_bad_input_clearly_and_writes_nothing(kwargs: dict[str, Any], code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        article_ingest(**kwargs)
    assert caught.value.code == code
    assert caught.value.message
    assert Article.objects.count() == 0 and AuditEvent.objects.count() == 0


def test_it_refuses_articles_over_the_size_limit(settings: Any) -> None:
    settings.FACTCHECK_MAX_ARTICLE_CHARS = 1000
    with pytest.raises(InvalidInput, match="limit is 1,000"):
        article_ingest(text="Une phrase de plus. " * 100)
    assert Article.objects.count() == 0


def test_it_refuses_a_megabyte_of_text_by_default() -> None:
    with pytest.raises(InvalidInput) as caught:
        article_ingest(text="Le gouvernement a annoncé 3 mesures. " * 30_000)
    assert caught.value.code == "too_large"


def test_it_keeps_the_main_text_of_an_html_page(run_tasks: Any) -> None:
    from tests.ingest.conftest import PAGE

    article = run_tasks(html=PAGE, language="fr")
    assert article.title == "Aide humanitaire : le Kazakhstan envoie 40 tonnes"
    assert "près de 40 tonnes" in article.text
    assert "Mentions légales" not in article.text and "Accueil" not in article.text
    assert article.html == PAGE
    assert article.extraction_status == "done" and article.claims.exists()


def test_an_html_page_is_read_by_the_extraction_worker_not_in_the_request(monkeypatch: Any) -> None:
    from claims.extraction import html as html_module
    from tests.ingest.conftest import PAGE

    def not_here(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the request parsed the HTML page")

    monkeypatch.setattr(html_module, "html_to_text", not_here)
    result = article_ingest(html=PAGE, language="fr", html_in_worker=True)  # stored and queued: nothing parsed
    article = result.article
    assert (result.outcome, article.extraction_status, article.text, article.html) == ("created", "queued", "", PAGE)
    assert article_ingest(html=PAGE, language="fr", html_in_worker=True).outcome == "duplicate"  # the same page
    monkeypatch.undo()
    assert article_extract(article_id=article.pk, batch=1).status == "done"
    article.refresh_from_db()
    assert article.title == "Aide humanitaire : le Kazakhstan envoie 40 tonnes"
    assert "près de 40 tonnes" in article.text and "Mentions légales" not in article.text
    assert article.claims.exists()


def test_an_html_page_whose_body_the_worker_cannot_find_fails_with_the_reason() -> None:
    page = "<html><head><title>" + "Les mots du titre " * 10 + "</title></head><body></body></html>"
    article = article_ingest(html=page, language="fr", html_in_worker=True).article  # it shows words: accepted
    assert article_extract(article_id=article.pk, batch=1).status == "failed"
    article.refresh_from_db()
    assert article.extraction_status == "failed" and "No article body" in article.extraction_error


def test_it_parses_published_dates_into_aware_datetimes() -> None:
    article = article_ingest(text=ARTICLE, published_at="2022-09-14", language="fr").article
    assert timezone.is_aware(article.published_at)
    assert article.published_at.date() == dt.date(2022, 9, 14)


def test_it_claims_an_article_once_even_when_the_task_runs_twice(run_tasks: Any) -> None:
    article = run_tasks(text=ARTICLE, language="fr")
    claims = sorted(Claim.objects.filter(article=article).values_list("pk", flat=True))
    second = article_extract(article_id=article.pk)
    assert second.status.startswith("skipped")
    assert sorted(Claim.objects.filter(article=article).values_list("pk", flat=True)) == claims
    assert AuditEvent.objects.filter(action="article.extract").count() == 1


def test_it_leaves_an_article_another_worker_is_running_alone() -> None:
    article = article_ingest(text=ARTICLE, language="fr").article
    Article.objects.filter(pk=article.pk).update(extraction_status="running")
    assert article_extract(article_id=article.pk).status == "skipped (running)"
    assert not Claim.objects.exists()


def test_it_takes_other_queued_articles_in_the_same_batch() -> None:
    first = article_ingest(text=ARTICLE, language="fr").article
    second = article_ingest(text=CHANGED, language="fr").article
    result = article_extract(article_id=first.pk, batch=4)
    assert result.status == "done"
    second.refresh_from_db()
    assert second.extraction_status == "done" and second.claims.exists()
    assert article_extract(article_id=second.pk).status.startswith("skipped")


FACTS = [
    "Le gouvernement kazakh a envoyé mercredi près de {n}0 tonnes de farine au Liban.",
    "La Croix-Rouge a distribué {n}00 couvertures dans les camps du nord de la Syrie.",
    "Le port de Rotterdam a perdu {n} millions d'euros pendant la grève des dockers.",
    "Selon l'Insee, le chômage a reculé de {n} % en un an dans les Hauts-de-France.",
    "La mairie de Lyon a ouvert {n}2 kilomètres de pistes cyclables depuis janvier.",
    "Les pompiers des Landes sont intervenus {n}50 fois pendant la tempête de lundi.",
    "L'hôpital de Rennes a recruté {n}5 infirmières pour son service des urgences.",
    "Le Sénat a adopté mardi par {n}90 voix le projet de loi sur l'eau potable.",
    "Air France a annulé {n}30 vols au départ de Roissy à cause des orages de juillet.",
    "Le tribunal de Nantes a condamné l'entreprise à {n}0.000 euros d'amende pour pollution.",
]


def long_article(copies: int) -> str:
    """Distinct facts with figures, `copies` paragraphs of ten sentences: a longer short list."""
    return "\n\n".join(" ".join(fact.format(n=n + 1) for fact in FACTS) for n in range(copies))


def test_it_writes_claims_in_a_bounded_number_of_queries(django_assert_max_num_queries: Any) -> None:
    article = article_ingest(text=long_article(3), language="fr").article
    # 14 for the article, its claims and its recoverable candidates (one read of the active webhooks for
    # both events it emits), 3 for the claims' queued evidence runs (lock, read, insert).
    with django_assert_max_num_queries(17):
        result = article_extract(article_id=article.pk, batch=1)
    assert result.created >= 8
    article.refresh_from_db()
    assert len(article.extraction_candidates) >= 10


def dispatches(count: int) -> list[Article]:
    """`count` queued articles, each a different paragraph of facts with figures."""
    return [article_ingest(text=" ".join(fact.format(n=n + 1) for fact in FACTS), language="fr").article
            for n in range(count)]


# The statements of a batch of one article on PostgreSQL, inside a test's transaction (where each transaction
# is a savepoint): 5 to claim it (this article's status with the other queued ones; savepoint, SET LOCAL,
# UPDATE, release), 1 to read the articles, 14 to write them: savepoint, SET LOCAL, lock the articles, read
# their claims, insert the new claims, update the article, insert the audit rows, read the webhooks, insert
# the claim.created deliveries, lock the new claims, read and insert their evidence runs, insert the
# article.extracted deliveries, release. Each other article of the batch adds its own UPDATE.
BATCH_STATEMENTS_POSTGRES = 20


def test_it_writes_a_batch_of_articles_with_one_update_more_per_article(django_assert_num_queries: Any) -> None:
    Webhook.objects.create(name="cms", url="https://cms.example.org/hook",
                           events=["claim.created", "article.extracted"])
    alone = dispatches(1)[0]
    with CaptureQueriesContext(connection) as one:
        assert article_extract(article_id=alone.pk, batch=4).status == "done"
    if connection.vendor == "postgresql":
        assert len(one) == BATCH_STATEMENTS_POSTGRES, "\n".join(q["sql"][:90] for q in one.captured_queries)

    batch = dispatches(4)[1:]  # the first text is the article just extracted: three new ones queued
    with django_assert_num_queries(len(one) + len(batch) - 1):
        article_extract(article_id=batch[0].pk, batch=4)
    for article in batch:
        article.refresh_from_db()
        assert article.extraction_status == "done" and article.claims.exists()
        assert AuditEvent.objects.filter(action="article.extract", object_id=article.pk).count() == 1
    claims = Claim.objects.filter(article__in=batch).values_list("pk", flat=True)
    assert sorted(WebhookDelivery.objects.filter(event="claim.created", object_id__in=claims)
                  .values_list("object_id", flat=True)) == sorted(claims)
    extracted = WebhookDelivery.objects.filter(event="article.extracted", object_id__in=[a.pk for a in batch])
    assert extracted.count() == len(batch)


def test_a_message_whose_article_another_job_took_costs_one_query(django_assert_num_queries: Any) -> None:
    first, second = dispatches(2)
    assert article_extract(article_id=first.pk, batch=4).status == "done"
    with django_assert_num_queries(1):  # its status, read with the other queued ones
        assert article_extract(article_id=second.pk, batch=4).status == "skipped (done)"
    Article.objects.filter(pk=second.pk).delete()
    with django_assert_num_queries(1):
        assert article_extract(article_id=second.pk, batch=4).status == "skipped (gone)"


def test_an_article_changed_during_extraction_is_skipped_and_the_rest_of_its_batch_written() -> None:
    from claims.extraction import extract_texts

    urls = [f"https://news.example.org/depeche-{n}" for n in range(3)]
    ids = [article_ingest(text=f"{ARTICLE} Dépêche {n}.", url=url, language="fr").article.pk
           for n, url in enumerate(urls)]
    assert sorted(_claim_jobs(ids[0], batch=3)[0]) == ids
    articles = list(Article.objects.filter(pk__in=ids).order_by("pk"))
    extractions = extract_texts([a.text for a in articles], languages=["fr"] * 3)
    article_ingest(text=CHANGED, url=urls[1], language="fr")  # the page changed while it was parsed

    results = _persist_all(list(zip(articles, extractions, strict=True)))
    assert [results[pk].status for pk in ids] == ["done", "skipped (changed during extraction)", "done"]
    changed = Article.objects.get(pk=ids[1])
    assert changed.extraction_status == "queued" and not changed.claims.exists()  # its new job writes it
    assert set(Article.objects.filter(claims__isnull=False).values_list("pk", flat=True)) == {ids[0], ids[2]}


def test_one_article_that_cannot_be_written_costs_the_rest_of_its_batch_nothing(postgres: None) -> None:
    """A failure inside the batch's transaction leaves nothing of it written; each article is then
    written on its own, and the one that fails again stays running, with nothing half-written, for the
    sweeper."""
    first, broken, third = dispatches(3)
    with connection.cursor() as cursor:  # a real failure of the database, for the claims of one article
        cursor.execute("CREATE FUNCTION refuse_claim() RETURNS trigger LANGUAGE plpgsql AS "
                       "$$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$")
        cursor.execute(f"CREATE TRIGGER refuse_claim BEFORE INSERT ON claims_claim FOR EACH ROW "
                       f"WHEN (NEW.article_id = {broken.pk}) EXECUTE FUNCTION refuse_claim()")
    with pytest.raises(DatabaseError, match="refused for the test"):
        article_extract(article_id=first.pk, batch=3)
    for article in (first, third):
        article.refresh_from_db()
        assert article.extraction_status == "done" and article.claims.exists()
    broken.refresh_from_db()
    assert broken.extraction_status == "running" and not broken.claims.exists()
    assert broken.extraction_candidates == []
    extracted = AuditEvent.objects.filter(action="article.extract").values_list("object_id", flat=True)
    assert sorted(extracted) == [first.pk, third.pk]


@pytest.mark.services
def test_it_queues_the_new_claims_evidence_runs_as_rows_before_any_message(
    settings: Any, broker_url: str, postgres: None, django_capture_on_commit_callbacks: Any
) -> None:
    """With the broker down when the extraction commits, the runs are still there for the sweeper."""
    from claims.evidence import enabled_providers
    from claims.models import EvidenceRun
    from factcheck.celery import app
    from tests.workers import broker_at, purge, waiting_messages

    settings.FACTCHECK_AUTO_EVIDENCE = True
    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous, app.conf.task_always_eager = app.conf.task_always_eager, False
    purge(["default", "evidence"])
    try:
        article = article_ingest(text=long_article(3), language="fr").article
        with broker_at("redis://127.0.0.1:1/0"), django_capture_on_commit_callbacks(execute=True):
            result = article_extract(article_id=article.pk)
        assert waiting_messages("default") == waiting_messages("evidence") == 0
    finally:
        app.conf.task_always_eager = previous
    claim_ids = list(Claim.objects.filter(article=article).values_list("pk", flat=True))
    assert result.created == len(claim_ids) >= 3
    runs = EvidenceRun.objects.filter(claim_id__in=claim_ids)
    assert sorted(runs.values_list("claim_id", "provider")) == sorted(
        (pk, name) for pk in claim_ids for name in enabled_providers()
    )
    assert set(runs.values_list("status", flat=True)) == {"queued"}


def test_it_keeps_touched_claims_and_their_offsets_when_a_changed_article_is_re_extracted(
    run_tasks: Any,
) -> None:
    url = "https://news.example.org/kazakhstan"
    article = run_tasks(text=ARTICLE, url=url, language="fr")
    touched = article.claims.order_by("-checkworthiness").first()  # the one claim of its short list
    Claim.objects.filter(pk=touched.pk).update(touched=True, text="Le Kazakhstan a offert trois ambulances.")
    untouched_ids = set(article.claims.exclude(pk=touched.pk).values_list("pk", flat=True))

    updated = run_tasks(text=CHANGED, url=url, language="fr")
    assert updated.pk == article.pk
    assert AuditEvent.objects.filter(object_id=article.pk, action="article.update").exists()
    assert updated.extraction_status == "done" and updated.text.startswith(CHANGED.strip()[:40])
    kept = Claim.objects.get(pk=touched.pk)
    assert kept.text == "Le Kazakhstan a offert trois ambulances."
    assert kept.start != touched.start
    assert kept.offsets_error(updated.text) is None
    assert not Claim.objects.filter(pk__in=untouched_ids).exists()
    found = [c.quote for c in updated.claims.all()] + [c["quote"] for c in updated.extraction_candidates]
    assert any("18 pays" in quote for quote in found)
    assert all(c["start"] != kept.start for c in updated.extraction_candidates)
    # No second copy of the kept claim.
    assert updated.claims.filter(start=kept.start, end=kept.end).count() == 1


def test_it_fails_with_an_actionable_message_when_the_model_is_missing(settings: Any) -> None:
    settings.FACTCHECK_SPACY_MODELS = {"fr": "no_such_spacy_model_package"}
    article = article_ingest(text=ARTICLE, language="fr").article
    result = article_extract(article_id=article.pk)
    article.refresh_from_db()
    assert result.status == "failed" and article.extraction_status == "failed"
    assert "Extraction crashed" in article.extraction_error and "spaCy models" in article.extraction_error
    assert not Claim.objects.exists()
    assert AuditEvent.objects.filter(action="article.extract_failed").exists()


def test_it_stores_a_url_article_queued_and_fetches_it_in_the_worker(site: str, run_tasks: Any) -> None:
    stored = article_ingest(url=f"{site}/article", language="fr").article
    assert stored.text == "" and stored.extraction_status == "queued"
    result = article_extract(article_id=stored.pk)
    stored.refresh_from_db()
    assert result.status == "done", stored.extraction_error
    assert "près de 40 tonnes" in stored.text and "Accueil" not in stored.text
    assert stored.title.startswith("Aide humanitaire")
    assert stored.claims.exists()
    assert article_ingest(url=f"{site}/article").outcome == "duplicate"


@pytest.mark.parametrize(
    "path,words",
    [
        ("/slow", "Timed out"),
        ("/to-private", "not"),
        ("/huge", "larger than"),
        ("/image", "content type"),
        ("/missing", "404"),
    ],
)
def test_it_fails_url_articles_that_cannot_be_fetched_with_the_reason(
    site: str, settings: Any, path: str, words: str
) -> None:
    settings.FACTCHECK_FETCH_MAX_BYTES = 1_000_000
    article = article_ingest(url=f"{site}{path}", language="fr").article
    result = article_extract(article_id=article.pk)
    article.refresh_from_db()
    assert result.status == "failed" and article.extraction_status == "failed"
    assert article.extraction_error.startswith(f"Could not fetch {site}{path}")
    assert words in article.extraction_error
    assert article.text == "" and not Claim.objects.exists()
    retried = article_ingest(url=f"{site}{path}")
    assert retried.article.pk == article.pk and retried.outcome == "updated"
    assert retried.article.extraction_status == "queued"


def test_the_sweeper_requeues_articles_left_queued_or_stuck_running(eager_tasks: None, settings: Any) -> None:
    waiting = article_ingest(text=ARTICLE, language="fr").article  # its task was never delivered
    stuck = article_ingest(text=CHANGED, language="fr").article
    long_ago = timezone.now() - dt.timedelta(hours=2)
    Article.objects.filter(pk=stuck.pk).update(extraction_status="running", extraction_started_at=long_ago)
    Article.objects.filter(pk=waiting.pk).update(updated_at=long_ago)
    assert extraction_sweep(min_age_seconds=60) == 2
    statuses = set(Article.objects.values_list("extraction_status", flat=True))
    assert statuses == {"done"}


def test_the_sweeper_leaves_fresh_and_recently_started_jobs_alone() -> None:
    article_ingest(text=ARTICLE, language="fr")
    running = article_ingest(text=CHANGED, language="fr").article
    Article.objects.filter(pk=running.pk).update(extraction_status="running", extraction_started_at=timezone.now())
    assert extraction_sweep(min_age_seconds=60) == 0


def test_a_claim_token_tells_each_job_which_articles_it_got() -> None:
    ids = [article_ingest(text=f"{ARTICLE} Dépêche {n}.", language="fr").article.pk for n in range(3)]
    Article.objects.filter(pk=ids[1]).update(extraction_status="running")
    taken, _ = _claim_jobs(ids[0], batch=3)
    assert sorted(taken) == [ids[0], ids[2]]
    assert _claim_jobs(ids[2], batch=3) == ([], "running")


def test_it_stores_an_article_in_an_unsupported_language_and_says_so(run_tasks: Any) -> None:
    text = ("Die Regierung hat am Dienstag 300 Millionen Euro für die Krankenhäuser bereitgestellt. "
            "Der Minister sagte, das Geld komme aus dem Haushalt des Jahres 2024.")
    article = run_tasks(text=text)
    assert article.language == "de"
    assert article.extraction_status == "done"
    assert "no spaCy model" in article.extraction_error
    assert all(c.offsets_error(article.text) is None for c in article.claims.all())


def test_the_extraction_job_gives_the_extraction_each_articles_title(monkeypatch: Any) -> None:
    # the title tells which statement is the article's lead (claims.extraction.lead_choice._echoed_lead)
    import claims.extraction as extraction

    seen: list[Any] = []
    real = extraction.extract_texts

    def spy(texts: Any, **kwargs: Any) -> Any:
        seen.append(kwargs.get("titles"))
        return real(texts, **kwargs)

    monkeypatch.setattr(extraction, "extract_texts", spy)
    article = article_ingest(text=ARTICLE, title="Aide humanitaire : le Kazakhstan envoie 40 tonnes",
                             language="fr").article
    assert article_extract(article_id=article.pk, batch=1).status == "done"
    assert seen == [["Aide humanitaire : le Kazakhstan envoie 40 tonnes"]]
