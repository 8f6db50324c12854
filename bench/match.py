"""Matching latency at scale: claims.search.match_text over --priors PriorFactCheck rows on PostgreSQL,
next to a brute-force scan (trigram similarity over every row, no index) in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck .venv/bin/python bench/match.py --priors 100000

Rows are generated from real French fact-check claims (--corpus, the `normalized claim` column of
CheckThat! claims-fr; a small built-in list when the file is missing): each row is a base claim with
its figures and names swapped, so the table is full of near-duplicates, the hard case for a
matcher. They are imported through the import service (claims.services.priors.priors_upsert, which
stores their analysed forms and BM25 postings; without embeddings, whose cost is reported apart),
and the import time is printed. Queries are shortened, re-cased paraphrases of random rows, each
labelled with the row it came from: recall_at_10 and map5 say how well they find it. Seeded rows
are tagged (source "bench-match"), reused by later runs of the same size, and removed with --cleanup.

--labelled QUERIES.tsv QRELS.tsv adds real labelled queries (e.g. the matching-en dev qrels against
its imported Snopes rows): their MAP@5 and latency (English: with the MiniLM embedding) are printed
too. Ends with one line of name=value pairs.
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
from claims.search import embed, match_text  # noqa: E402
from claims.search.evaluation import Scores, doc_id, read_qrels, read_queries  # noqa: E402
from claims.services.priors import priors_upsert  # noqa: E402

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


def seed(count: int, bases: list[str], rng: random.Random) -> float:
    """Import `count` generated rows through the import service; returns the seconds it took (0: reused)."""
    existing = PriorFactCheck.objects.filter(source=SOURCE, analysed__isnull=False).count()
    if existing == count:
        print(f"reusing {count} seeded rows")
        return 0.0
    PriorFactCheck.objects.filter(source=SOURCE).delete()
    rows = []
    for i in range(count):
        text = bases[i % len(bases)] if i < len(bases) else mutate(bases[i % len(bases)], rng)
        rows.append({"claim_reviewed": text, "rating_text": rng.choice(["Faux", "Trompeur", "Vrai"]),
                     "url": f"https://bench.example.org/{i}", "publisher": "Bench",
                     "language": "fr" if i % 10 else "en"})
    started = time.perf_counter()
    for start in range(0, count, 10_000):  # one transaction per 10,000 rows, as a long import would
        priors_upsert(rows=rows[start : start + 10_000], source=SOURCE, embeddings=False)
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        # Mark pages all-visible (index-only scans of the postings) and refresh the planner's statistics.
        cursor.execute("VACUUM ANALYZE claims_priorfactcheck")
        cursor.execute("VACUUM ANALYZE claims_priorterm")
    print(f"imported {count} rows through priors_upsert in {seconds:.1f} s ({count / seconds:.0f} rows/s)")
    return seconds


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


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
    parser.add_argument("--labelled", nargs=2, type=Path, metavar=("QUERIES", "QRELS"),
                        help="real labelled queries (their fact-checks imported already)")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench/match.py measures the PostgreSQL implementation: set DATABASE_URL=postgres://...")
    rng = random.Random(args.seed)
    rss_before = rss_mb()
    import_seconds = seed(args.priors, load_bases(args.corpus), rng)
    rows = list(PriorFactCheck.objects.filter(source=SOURCE).values_list("id", "claim_reviewed", "url"))
    picked = rng.sample(rows, min(args.queries, len(rows)))
    queries = [(row_id, url, paraphrase(text, rng)) for row_id, text, url in picked]

    match_text(text=queries[0][2])  # warm up: connection, plans, caches
    latencies, found, strong = [], 0, 0
    sample = Scores()
    for row_id, url, text in queries:
        started = time.perf_counter()
        matches = match_text(text=text, limit=10)
        latencies.append((time.perf_counter() - started) * 1000)
        found += any(m.url == url for m in matches)
        strong += any(m.tier == "strong" for m in matches)
        sample.add(str(row_id), [m.url for m in matches], {url})
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
    print(f"  recall@10 {found / len(queries):.3f}, MAP@5 {sample.summary()['map5']:.3f} (paraphrase sample), "
          f"queries with a strong match {strong / len(queries):.3f}")
    print(f"brute-force trigram scan: {len(scan_latencies)} queries, p50 {scan_p50:.1f} ms, p95 {scan_p95:.1f} ms, "
          f"recall@10 {scan_found / len(scan_latencies):.3f}")
    extra = ""
    if args.labelled:
        texts, qrels = read_queries(args.labelled[0]), read_qrels(args.labelled[1])
        labelled, labelled_ms = Scores(), []
        for qid, gold in qrels.items():
            started = time.perf_counter()
            matches = match_text(text=texts[qid], limit=10)
            labelled_ms.append((time.perf_counter() - started) * 1000)
            labelled.add(qid, [doc_id(m.url) for m in matches], gold)
        figures = labelled.summary()
        print(f"labelled sample {args.labelled[1].name}: {labelled.queries} queries, MAP@5 {figures['map5']:.4f}, "
              f"p50 {statistics.median(labelled_ms):.1f} ms, p95 {percentile(labelled_ms, 95):.1f} ms")
        extra = (f" labelled_map5={figures['map5']:.4f} labelled_p50_ms={statistics.median(labelled_ms):.2f}"
                 f" labelled_p95_ms={percentile(labelled_ms, 95):.2f}")
    rss_after = rss_mb()
    print(f"process RSS {rss_before:.0f} MB at start, {rss_after:.0f} MB at the end "
          f"(embedding model {'loaded' if embed._model.cache_info().currsize else 'not loaded'})")
    if args.cleanup:
        PriorFactCheck.objects.filter(source=SOURCE).delete()
        print("seeded rows deleted")
    print(
        f"priors={total} p50_ms={p50:.2f} p95_ms={p95:.2f} scan_p50_ms={scan_p50:.2f} scan_p95_ms={scan_p95:.2f} "
        f"speedup_p95={scan_p95 / p95:.1f} recall_at_10={found / len(queries):.3f} "
        f"scan_recall_at_10={scan_found / len(scan_latencies):.3f} map5={sample.summary()['map5']:.3f} "
        f"import_s={import_seconds:.1f} rss_mb={rss_after:.0f}{extra}"
    )


if __name__ == "__main__":
    main()
