"""Two extraction jobs racing for the same queued articles on PostgreSQL: each article is taken once."""

from __future__ import annotations

import threading

import pytest
from django.db import connections

from claims.models import Article
from claims.services.extraction_job import _claim_jobs
from claims.services.ingest import article_ingest
from tests.ingest.conftest import ARTICLE

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_never_gives_the_same_article_to_two_jobs(postgres: None) -> None:
    ids = [article_ingest(text=f"{ARTICLE} Dépêche numéro {n}.", language="fr").article.pk for n in range(12)]
    barrier = threading.Barrier(4)
    taken: list[list[int]] = []
    lock = threading.Lock()

    def job(first: int) -> None:
        try:
            barrier.wait()
            got, _ = _claim_jobs(first, batch=6)
            with lock:
                taken.append(got)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=job, args=(ids[n],)) for n in (0, 3, 6, 9)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [pk for got in taken for pk in got]
    assert len(every) == len(set(every)), taken
    assert set(every) <= set(ids)
    running = set(Article.objects.filter(extraction_status="running").values_list("pk", flat=True))
    assert running == set(every)
