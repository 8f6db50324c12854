"""Reviewer web interface at scale: server time and SQL query count for the queue (first page,
filtered, searched) and the claim workspace, with --claims claims in the database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck .venv/bin/python bench/review.py --claims 100000

The pages are rendered in-process through Django's test client (no network, no browser): the figure
is what the server spends per request, SQL included. Seeded rows are tagged (publisher
"bench-review") and reused by later runs. Ends with one line of name=value pairs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from claims.models import Article, Claim, Evidence, content_hash  # noqa: E402

TAG = "bench-review"
PER_ARTICLE = 20
SUBJECTS = ["Le chômage", "La dette publique", "Le PIB", "L'inflation", "Le déficit", "La production de blé",
            "Le nombre de médecins", "Les émissions de CO2", "Le prix de l'essence", "La population"]
VERBS = ["a augmenté de", "a baissé de", "a atteint", "a doublé pour atteindre", "est resté à"]
PLACES = ["en France", "en Ukraine", "au Kazakhstan", "en Europe", "à Paris", "au Québec", "en Afrique"]
STATUSES = ["new"] * 6 + ["selected", "in_progress", "in_review", "published", "dismissed", "duplicate"]


def sentence(rng: random.Random) -> str:
    return (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.randint(1, 99)} % {rng.choice(PLACES)} "
            f"en {rng.randint(1990, 2025)}.")


def seed(total: int, reviewers: list[User]) -> int:
    have = Claim.objects.filter(article__publisher=TAG).count()
    if have >= total:
        return have
    rng = random.Random(have)
    started = time.perf_counter()
    need = total - have
    n_articles = -(-need // PER_ARTICLE)
    batch = 500
    made = 0
    for first in range(0, n_articles, batch):
        articles = []
        spans: list[list[tuple[int, int, str]]] = []
        for i in range(first, min(first + batch, n_articles)):
            parts, text = [], ""
            for _ in range(PER_ARTICLE):
                s = sentence(rng)
                parts.append((len(text), len(text) + len(s), s))
                text += s + " "
            text += f"(bench {have} {i})"
            articles.append(Article(title=f"Dépêche {have + i}", publisher=TAG, language="fr", text=text,
                                    content_hash=content_hash(text), extraction_status="done"))
            spans.append(parts)
        Article.objects.bulk_create(articles, batch_size=batch)
        claims = []
        for article, parts in zip(articles, spans, strict=True):
            for start, end, quote in parts:
                if made >= need:
                    break
                claims.append(Claim(
                    article=article, text=quote, quote=quote, start=start, end=end, language="fr",
                    checkworthiness=round(rng.random(), 3), kind="statistic", status=rng.choice(STATUSES),
                    assignee=rng.choice([None, None, *reviewers]), has_strong_match=rng.random() < 0.05,
                    evidence_count=rng.randint(0, 6),
                ))
                made += 1
        Claim.objects.bulk_create(claims, batch_size=5000)
        print(f"  seeded {have + made}/{total} claims", file=sys.stderr, end="\r")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE claims_claim")  # index-only scans for the status counts
            cursor.execute("ANALYZE claims_article")
    print(f"\n  seeding took {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return have + made


def measure(client: Client, url: str, repeat: int) -> tuple[float, float, int]:
    client.get(url)  # warm caches (templates, the planner, the session)
    times = []
    queries = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(ctx.captured_queries)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))], queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    group = Group.objects.get(name="reviewer")
    reviewers = []
    for name in ("bench-alice", "bench-bob", "bench-carol"):
        user, _ = User.objects.get_or_create(username=name)
        user.groups.add(group)
        reviewers.append(user)
    total = seed(args.claims, reviewers)
    claim = (Claim.objects.filter(article__publisher=TAG, status="in_progress").order_by("-checkworthiness").first())
    assert claim is not None
    Evidence.objects.get_or_create(claim=claim, provider="library", url="https://example.org/bench",
                                   defaults={"title": "Rapport", "excerpt": "Chiffres officiels."})

    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(reviewers[0])
    pages: dict[str, str] = {
        "queue": "/review/",
        "filtered": "/review/?status=new&language=fr&min=0.5&unassigned=1",
        "search": "/review/?q=chômage",
        "claim": f"/review/claims/{claim.pk}/",
    }
    figures: dict[str, Any] = {"claims": total, "db": connection.vendor}
    print(f"{total} claims on {connection.vendor}; {args.repeat} requests per page")
    for name, url in pages.items():
        p50, p95, queries = measure(client, url, args.repeat)
        print(f"  {name:9s} {url:60s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {queries} queries")
        figures[f"{name}_ms"] = f"{p50:.1f}"
        figures[f"{name}_p95_ms"] = f"{p95:.1f}"
        figures[f"{name}_queries"] = queries
    print(" ".join(f"{k}={v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
