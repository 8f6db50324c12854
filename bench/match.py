"""Matching latency at scale: claims.search.match_text over --priors PriorFactCheck rows on PostgreSQL,
next to a brute-force scan (trigram similarity over every row, no index) in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck .venv/bin/python bench/match.py --priors 100000

Rows are generated from real French fact-check claims (--corpus, the `normalized claim` column of
CheckThat! claims-fr; a small built-in list when the file is missing): each row is a base claim with
its figures and names swapped, so the table is full of near-duplicates, the hard case for a
matcher. Queries are shortened, re-cased paraphrases of random rows; recall_at_10 says how often
the row they came from is in the first 10 results. Seeded rows are tagged (source "bench-match"),
inserted with COPY, reused by later runs of the same size, and removed with --cleanup.
Ends with one line of name=value pairs.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402

from claims.models import PriorFactCheck  # noqa: E402
from claims.search import match_text  # noqa: E402

SOURCE = "bench-match"
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/data/claims-fr/train.csv"
FALLBACK = [
    "Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine",
    "Emmanuel Macron a augmenté les impôts de 12 milliards d'euros en 2023",
    "La France a accueilli 300 000 réfugiés ukrainiens en un an",
    "Cette photo montre des manifestants à Paris en 2019",
    "Le chômage a baissé de 3 % depuis 2017 selon l'Insee",
    "Un vaccin contre le Covid-19 contient des puces électroniques",
]
NAMES = ["Kazakhstan", "Macron", "Ukraine", "Paris", "Lyon", "Sénégal", "Tunis", "Bruxelles", "Québec", "OMS",
         "Insee", "Pfizer", "Bolsonaro", "Biden", "Marseille", "Algérie", "Maroc", "Cameroun", "Dakar", "Genève"]
WORD = re.compile(r"\w+|\W+")


def load_bases(path: Path) -> list[str]:
    if not path.exists():
        print(f"corpus {path} not found: using {len(FALLBACK)} built-in claims")
        return FALLBACK
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    bases = sorted({row[1].strip() for row in rows[1:] if len(row) > 1 and len(row[1].split()) >= 4})
    print(f"corpus: {len(bases)} distinct fact-checked claims from {path}")
    return bases


def mutate(text: str, rng: random.Random) -> str:
    """Same wording, other figures and names: what a table of many fact-checks looks like."""
    out = []
    for token in WORD.findall(text):
        if token.isdigit():
            out.append(str(rng.randint(1, 5000)))
        elif token[:1].isupper() and len(token) > 3 and rng.random() < 0.5:
            out.append(rng.choice(NAMES))
        else:
            out.append(token)
    return "".join(out)


def seed(count: int, bases: list[str], rng: random.Random) -> None:
    existing = PriorFactCheck.objects.filter(source=SOURCE).count()
    if existing == count:
        print(f"reusing {count} seeded rows")
        return
    PriorFactCheck.objects.filter(source=SOURCE).delete()
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        columns = ("claim_reviewed, rating_text, url, publisher, claimant, language, source, raw, imported_at")
        with cursor.cursor.copy(f"COPY claims_priorfactcheck ({columns}) FROM STDIN") as copy:
            for i in range(count):
                text = bases[i % len(bases)] if i < len(bases) else mutate(bases[i % len(bases)], rng)
                language = "fr" if i % 10 else "en"
                copy.write_row((text, rng.choice(["Faux", "Trompeur", "Vrai"]), f"https://bench.example.org/{i}",
                                "Bench", "", language, SOURCE, "{}", "2026-01-01T00:00:00+00:00"))
    with connection.cursor() as cursor:
        # Merge GIN's pending list and refresh the lexeme statistics the matcher reads.
        cursor.execute("VACUUM ANALYZE claims_priorfactcheck")
    print(f"seeded {count} rows in {time.perf_counter() - started:.1f} s")


def paraphrase(text: str, rng: random.Random) -> str:
    words = text.split()
    kept = [w for w in words if not (len(w) > 3 and w.isalpha() and rng.random() < 0.2)]
    return " ".join(kept).lower().rstrip(".") + "."


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def scan(text: str) -> list[int]:
    """Brute force: trigram similarity against every row, the planner forbidden to use an index."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(
            "SELECT id FROM claims_priorfactcheck ORDER BY similarity(claim_reviewed, %s) DESC LIMIT 10", [text]
        )
        return [row[0] for row in cursor.fetchall()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--priors", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--scan-queries", type=int, default=20, help="the brute-force scan is slow: fewer")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cleanup", action="store_true", help="delete the seeded rows at the end")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench/match.py measures the PostgreSQL implementation: set DATABASE_URL=postgres://...")
    rng = random.Random(args.seed)
    seed(args.priors, load_bases(args.corpus), rng)
    rows = list(PriorFactCheck.objects.filter(source=SOURCE).values_list("id", "claim_reviewed", "url"))
    picked = rng.sample(rows, min(args.queries, len(rows)))
    queries = [(row_id, url, paraphrase(text, rng)) for row_id, text, url in picked]

    match_text(text=queries[0][2])  # warm up: connection, plans, caches
    latencies, found, strong = [], 0, 0
    for _row_id, url, text in queries:
        started = time.perf_counter()
        matches = match_text(text=text, limit=10)
        latencies.append((time.perf_counter() - started) * 1000)
        found += any(m.url == url for m in matches)
        strong += any(m.tier == "strong" for m in matches)
    scan_latencies, scan_found = [], 0
    for row_id, _url, text in queries[: args.scan_queries]:
        started = time.perf_counter()
        ids = scan(text)
        scan_latencies.append((time.perf_counter() - started) * 1000)
        scan_found += row_id in ids

    total = PriorFactCheck.objects.count()
    p50, p95 = statistics.median(latencies), percentile(latencies, 95)
    scan_p50, scan_p95 = statistics.median(scan_latencies), percentile(scan_latencies, 95)
    print(f"rows in table: {total} ({args.priors} seeded)")
    print(f"match_text: {len(latencies)} queries, p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(latencies):.1f} ms")
    print(f"  recall@10 {found / len(queries):.3f}, queries with a strong match {strong / len(queries):.3f}")
    print(f"brute-force trigram scan: {len(scan_latencies)} queries, p50 {scan_p50:.1f} ms, p95 {scan_p95:.1f} ms, "
          f"recall@10 {scan_found / len(scan_latencies):.3f}")
    if args.cleanup:
        PriorFactCheck.objects.filter(source=SOURCE).delete()
        print("seeded rows deleted")
    print(
        f"priors={total} p50_ms={p50:.2f} p95_ms={p95:.2f} scan_p50_ms={scan_p50:.2f} scan_p95_ms={scan_p95:.2f} "
        f"speedup_p95={scan_p95 / p95:.1f} recall_at_10={found / len(queries):.3f} "
        f"scan_recall_at_10={scan_found / len(scan_latencies):.3f}"
    )


if __name__ == "__main__":
    main()
