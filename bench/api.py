"""REST API at scale: latency percentiles and SQL queries per request for the main endpoints
(DESIGN.md §9), with --claims claims in the database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck .venv/bin/python bench/api.py --claims 100000

Requests go through Django's test client in-process (no network): the figure is what the server
spends per request, authentication, throttling, SQL and JSON rendering included. Claims are topped
up with PostgreSQL COPY (bench/common.py) and reused by later runs; the API key made for the run is
deleted at the end. Ends with one line of name=value pairs; p50_ms, p95_ms and queries are the
claims list (page of 100).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import figures_line, seed_claims, sentence, setup_django, summarise  # noqa: E402

PRIORS_TAG = "bench-api"


def seed_priors(count: int, rng: random.Random) -> None:
    from claims.models import PriorFactCheck

    have = PriorFactCheck.objects.filter(source=PRIORS_TAG).count()
    rows = [
        PriorFactCheck(claim_reviewed=sentence(rng), rating_text=rng.choice(["Faux", "Vrai", "Trompeur"]),
                       url=f"https://checker.example.org/bench-api/{have + n}", publisher="Checker",
                       language="fr", source=PRIORS_TAG)
        for n in range(max(0, count - have))
    ]
    PriorFactCheck.objects.bulk_create(rows, batch_size=5000)


def measure(client: Any, key: str, urls: list[str]) -> tuple[list[float], list[int], list[float]]:
    """Wall time, queries and this process's CPU time per request (CPU time does not grow when
    other work shares the machine; wall time does)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries, cpu = [], [], []
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url, HTTP_AUTHORIZATION=f"Api-Key {key}")
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}: {response.content[:300]!r}")
        queries.append(len(captured))
    return times, queries, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=100_000, help="claims in the database (default 100000)")
    parser.add_argument("--requests", type=int, default=40, help="requests per endpoint (default 40)")
    parser.add_argument("--priors", type=int, default=5000, help="prior fact-checks for match/ (default 5000)")
    args = parser.parse_args()

    setup_django()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from claims.api.throttling import ApiKeyThrottle
    from claims.models import Claim
    from claims.services.api_keys import api_client_create

    if connection.vendor != "postgresql":
        print(f"warning: running on {connection.vendor}; the figures that count are PostgreSQL's (set DATABASE_URL)")
    call_command("migrate", verbosity=0)
    rng = random.Random(11)
    started = time.perf_counter()
    added = seed_claims(args.claims)
    seed_priors(args.priors, rng)
    total = Claim.objects.count()
    print(f"claims={total} (added {added} in {time.perf_counter() - started:.1f}s)")

    user, _ = User.objects.get_or_create(username="bench-api")
    user.groups.add(Group.objects.get(name="editor"))
    row, key = api_client_create(name="bench-api", scopes=["read"], user=user)
    ApiKeyThrottle.THROTTLE_RATES = {"api_key": "1000000/minute"}  # measuring the server, not the limit
    client = Client(HTTP_HOST="localhost")  # an allowed host in every configuration
    try:
        ids = list(Claim.objects.order_by("?").values_list("id", flat=True)[: args.requests])
        words = ["hôpitaux", "chômage", "infirmiers", "loyers", "écoles", "tonnes", "bus"]
        n = args.requests
        endpoints = {
            "list": ["/api/v1/claims/?page_size=100"] * n,
            "filtered": [f"/api/v1/claims/?page_size=100&status=new&language=fr&min_checkworthiness=0.{d}"
                         for d in (rng.randint(3, 8) for _ in range(n))],
            "searched": [f"/api/v1/claims/?page_size=100&q={rng.choice(words)}" for _ in range(n)],
            "detail": [f"/api/v1/claims/{pk}/" for pk in ids],
            "match": [f"/api/v1/match/?text={sentence(rng)}&language=fr" for _ in range(n)],
        }
        # Page 2 of the list: the keyset cursor from page 1.
        first = client.get("/api/v1/claims/?page_size=100", HTTP_AUTHORIZATION=f"Api-Key {key}").json()
        endpoints["page2"] = [first["next"]] * n if first.get("next") else []
        for urls in endpoints.values():  # warm-up: connections, caches, spaCy-free analysers
            if urls:
                measure(client, key, urls[:3])
        figures: dict[str, object] = {}
        for name, urls in endpoints.items():
            if not urls:
                continue
            times, queries, cpu = measure(client, key, urls)
            stats = summarise(times)
            cpu_p50 = summarise(cpu)["p50"]
            print(f"{name:9s} p50={stats['p50']:7.1f} ms  p95={stats['p95']:7.1f} ms  cpu_p50={cpu_p50:5.2f} ms  "
                  f"queries={max(queries)} (min {min(queries)})  n={len(urls)}")
            prefix = "" if name == "list" else f"{name}_"
            figures[f"{prefix}p50_ms"] = round(stats["p50"], 1)
            figures[f"{prefix}p95_ms"] = round(stats["p95"], 1)
            figures[f"{prefix}cpu_ms"] = round(cpu_p50, 2)
            figures[f"{prefix}queries"] = max(queries)
        figures = {"claims": total, **figures}
    finally:
        row.delete()
    print(figures_line(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
