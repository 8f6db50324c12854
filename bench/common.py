"""Shared plumbing for the benchmarks: Django set-up, fast synthetic data, figures.

Benchmarks read DATABASE_URL like the app. Synthetic rows are written with PostgreSQL COPY so that
100,000 claims take seconds, and every claim keeps the offset invariant (its quote is its
article's text at its offsets).
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SUBJECTS = ["Le gouvernement", "La ministre de la Santé", "La métropole de Lyon", "Le syndicat", "La région",
            "L'agence régionale", "Le préfet", "La Fédération hospitalière", "Le maire", "L'Insee"]
VERBS = ["a annoncé", "a affirmé", "a promis", "a confirmé", "a déclaré", "assure"]
OBJECTS = ["{n} millions d'euros pour les hôpitaux", "{n} postes d'infirmiers", "une baisse de {n} % du chômage",
           "{n} kilomètres de pistes cyclables", "{n} lits supprimés en cinq ans", "{n} bus électriques",
           "une hausse de {n} % des loyers", "{n} écoles rénovées", "{n} tonnes d'aide humanitaire"]
STATUSES = ["new"] * 6 + ["selected", "in_progress", "in_review", "dismissed", "published"]


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    import django

    django.setup()


def sentence(rng: random.Random) -> str:
    obj = rng.choice(OBJECTS).format(n=rng.randint(2, 9000))
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {obj} en {rng.randint(2015, 2026)}."


def seed_claims(total: int, *, per_article: int = 50, seed: int = 7) -> int:
    """Top the database up to `total` claims (PostgreSQL: COPY; elsewhere: bulk_create)."""
    from django.db import connection, transaction

    from claims.models import Article, Claim, content_hash

    have = Claim.objects.count()
    missing = total - have
    if missing <= 0:
        return 0
    rng = random.Random(seed + have)
    from django.contrib.auth.models import User

    reviewers = list(User.objects.values_list("pk", flat=True)[:20]) or [None]
    articles_needed = (missing + per_article - 1) // per_article
    article_rows = []
    claim_specs = []
    base = Article.objects.count()
    for index in range(articles_needed):
        sentences = [sentence(rng) for _ in range(per_article)]
        text = " ".join(sentences) + f" (Dépêche synthétique {base + index}.)"
        article_rows.append(Article(title=f"Dépêche synthétique {base + index}", language="fr", text=text,
                                    content_hash=content_hash(text), extraction_status="done"))
        position = 0
        specs = []
        for s in sentences:
            specs.append((position, position + len(s), s))
            position += len(s) + 1
        claim_specs.append(specs)
    with transaction.atomic():
        created = Article.objects.bulk_create(article_rows, batch_size=2000)
        rows = []
        for article, specs in zip(created, claim_specs, strict=True):
            for start, end, quote in specs:
                if len(rows) >= missing:
                    break
                status = rng.choice(STATUSES)
                assignee = rng.choice(reviewers) if status != "new" else None
                rows.append((article.pk, quote, quote, start, end, "fr", round(rng.random(), 3),
                             '["contains a quantity"]', "statistic", "", "", False, "[]", "[]", "[]", status,
                             "", assignee, False, False, rng.randint(0, 5), 1))
        columns = ("article_id, text, quote, start, \"end\", language, checkworthiness, checkworthiness_reasons, "
                   "kind, claimant, outlet, needs_context, entities, quantities, dates, status, status_reason, "
                   "assignee_id, touched, "
                   "has_strong_match, evidence_count, version")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                raw = cursor.cursor
                with raw.copy(f"COPY claims_claim ({columns}, created_at, updated_at) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row((*row, "now()", "now()"))
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE claims_claim")
                cursor.execute("ANALYZE claims_article")
        else:
            fields = [c.strip().strip('"') for c in columns.split(",")]
            Claim.objects.bulk_create(
                [Claim(**dict(zip(fields, row, strict=True))) for row in rows], batch_size=2000
            )
    return len(rows)


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summarise(values: list[float]) -> dict[str, float]:
    return {"p50": percentile(values, 50), "p95": percentile(values, 95), "p99": percentile(values, 99),
            "mean": statistics.fmean(values) if values else float("nan")}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def figures_line(figures: dict[str, object]) -> str:
    def fmt(value: object) -> str:
        return f"{value:.3f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)

    return " ".join(f"{key}={fmt(value)}" for key, value in figures.items())
