"""Watching sources: N loopback feeds x M items through real Celery workers.

Round 1, all new: every source is queued at once (as the beat job does when all are due); each
poll fetches its feed, stores the items, fetches every article page and ingests it; workers
extract the claims and run the prior-fact-check matching that raises alerts. One item in
--repeat-every repeats a fact-checked claim. Figures: items/s from the first poll queued to the
last matching run finished, and alert latency (item published -> alert created), p50/p95.

Round 2, all unchanged: every source is polled again; the feeds answer 304. Figure: worker CPU
(user + system, every process of the workers) per unchanged source.

Needs DATABASE_URL=postgres://... and CELERY_BROKER_URL. Prints a last line of name=value figures.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
os.environ["FACTCHECK_FETCH_ALLOWLIST"] = "127.0.0.1"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from claims.models import (  # noqa: E402
    Alert,
    Article,
    EvidenceRun,
    ExtractionStatus,
    PollStatus,
    PriorFactCheck,
    RunStatus,
    Source,
    SourceItem,
)
from claims.services.queue import enqueue_now  # noqa: E402
from claims.services.sources import source_add, sources_poll_now  # noqa: E402
from factcheck.celery import app  # noqa: E402

TAG = "bench-watch"
QUEUES = ["default", "extract", "evidence"]
COUNTRIES = ["Kazakhstan", "Sénégal", "Maroc", "Pologne", "Brésil", "Canada", "Japon", "Mexique", "Tunisie",
             "Cameroun", "Belgique", "Chili", "Inde", "Norvège", "Pérou", "Ghana", "Vietnam", "Irlande"]
GOODS = ["aide humanitaire", "médicaments", "blé", "vaccins", "tentes", "générateurs", "riz", "couvertures"]
CITIES = ["Rennes", "Lille", "Nantes", "Dijon", "Tours", "Metz", "Brest", "Nîmes", "Pau", "Caen", "Reims"]


def prior_claim(n: int) -> str:
    return f"Le {COUNTRIES[n % len(COUNTRIES)]} a envoyé {100 + 37 * n} tonnes de {GOODS[n % len(GOODS)]} à l'Ukraine"


def page_html(source: int, item: int, repeat: int | None, rng: random.Random) -> bytes:
    city = rng.choice(CITIES)
    paragraphs = [
        f"La mairie de {city} a voté lundi un budget de {rng.randint(2, 900)} millions d'euros pour la "
        f"rénovation de {rng.randint(3, 90)} écoles, selon l'adjoint aux finances (source {source}, n° {item}).",
        f"Selon la préfecture, {rng.randint(100, 9000)} logements ont été raccordés au réseau de chaleur "
        f"depuis {rng.randint(2015, 2025)}, soit une hausse de {rng.randint(2, 60)} % en un an.",
    ]
    if repeat is not None:
        paragraphs.insert(1, f"« {prior_claim(repeat)} », a affirmé le ministre lors d'une conférence de presse.")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Dépêche {source}-{item}</title>'
            f"</head><body><nav><a href='/'>Accueil</a></nav><article><h1>Dépêche {source}-{item}</h1>{body}"
            f"</article></body></html>").encode()


class Site:
    """Feeds /s/<i>/feed (with an ETag: a second poll gets a 304) and pages /s/<i>/a/<j>."""

    def __init__(self, sources: int, items: int, repeat_every: int, published: datetime, seed: int) -> None:
        rng = random.Random(seed)
        self.pages: dict[str, bytes] = {}
        self.feeds: dict[str, bytes] = {}
        self.published = published
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.httpd.request_queue_size = 256
        base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.base = base
        counter = 0
        for s in range(sources):
            entries = []
            for i in range(items):
                counter += 1
                repeat = counter // repeat_every if counter % repeat_every == 0 else None
                self.pages[f"/s/{s}/a/{i}"] = page_html(s, i, repeat, rng)
                entries.append(f"<item><title>Dépêche {s}-{i}</title><link>{base}/s/{s}/a/{i}</link>"
                               "<pubDate>{PUB}</pubDate></item>")
            self.feeds[f"/s/{s}/feed"] = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                                          f"<title>Bench {s}</title><link>{base}/</link><description>d</description>"
                                          + "".join(entries) + "</channel></rss>").encode()
        self.repeats = counter // repeat_every

    def _handler(self) -> Any:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                if self.path in site.feeds:
                    if self.headers.get("If-None-Match") == '"v1"':
                        self.send_response(304)
                        self.send_header("ETag", '"v1"')
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    pub = format_datetime(site.published, usegmt=True).encode()
                    body, kind = site.feeds[self.path].replace(b"{PUB}", pub), "application/rss+xml"
                elif self.path in site.pages:
                    body, kind = site.pages[self.path], "text/html; charset=utf-8"
                else:
                    body, kind = b"not found", "text/plain"
                self.send_response(200 if body != b"not found" else 404)
                self.send_header("Content-Type", kind)
                self.send_header("ETag", '"v1"')
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def start(self) -> None:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def seed_priors(count: int) -> None:
    from claims.services.priors import priors_upsert

    rows = [{"claim_reviewed": prior_claim(n), "rating_text": "Faux", "url": f"https://verif.example.org/{TAG}/{n}",
             "publisher": "Vérif", "language": "fr"} for n in range(count + 1)]
    priors_upsert(rows=rows, source=TAG)


def cleanup(sources: list[int]) -> None:
    article_ids = list(SourceItem.objects.filter(source_id__in=sources).values_list("article_id", flat=True))
    Article.objects.filter(pk__in=[a for a in article_ids if a]).delete()
    Source.objects.filter(pk__in=sources).delete()
    PriorFactCheck.objects.filter(source=TAG).delete()


def start_workers(count: int, logdir: Path, env: dict[str, str]) -> list[subprocess.Popen[bytes]]:
    procs = []
    for i in range(count):
        log = logdir / f"watch-worker-{i}.log"
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "factcheck", "worker", "-Q", ",".join(QUEUES), "-c", "1",
             "-n", f"bench-watch-{i}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-l", "WARNING", "-f", str(log)],
            cwd=ROOT, env={**os.environ, **env}, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ))
    deadline = time.monotonic() + 180
    for i, proc in enumerate(procs):
        log = logdir / f"watch-worker-{i}.log"
        while not (log.exists() and _has_pool(proc.pid)):
            if proc.poll() is not None or time.monotonic() > deadline:
                stop_workers(procs)
                sys.exit(f"worker did not start: see {log}")
            time.sleep(0.3)
    time.sleep(2.0)  # let the pool processes import the app
    return procs


def _has_pool(pid: int) -> bool:
    return len(_group(pid)) >= 2


def _group(pgid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.getpgid(int(entry)) == pgid:
                    pids.append(int(entry))
            except (ProcessLookupError, PermissionError):
                pass
    return pids


def cpu_seconds(procs: list[subprocess.Popen[bytes]]) -> float:
    """User + system CPU of every process of the workers (main processes and pool children)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for proc in procs:
        for pid in _group(proc.pid):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def waiting(queue: str) -> int:
    with app.connection_for_write() as conn:
        try:
            return conn.default_channel.queue_declare(queue, passive=True).message_count
        except conn.channel_errors:
            return 0


def stop_workers(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def busy(sources: list[int], expected_items: int) -> str:
    """What is still in flight, or "" once every item went through extraction and matching."""
    items = SourceItem.objects.filter(source_id__in=sources)
    if items.exclude(status=SourceItem.Status.PENDING).count() < expected_items:
        return "items"
    if Source.objects.filter(pk__in=sources).exclude(poll_status=PollStatus.IDLE).exists():
        return "polls"
    articles = Article.objects.filter(source_items__source_id__in=sources)
    if articles.filter(extraction_status__in=[ExtractionStatus.QUEUED, ExtractionStatus.RUNNING]).exists():
        return "extraction"
    if EvidenceRun.objects.filter(claim__article__source_items__source_id__in=sources,
                                  status__in=[RunStatus.QUEUED, RunStatus.RUNNING]).exists():
        return "matching"
    return ""


def wait_until_done(sources: list[int], expected_items: int, timeout: float) -> float:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        state = busy(sources, expected_items)
        if not state:
            return time.monotonic()
        if state != last:
            print(f"  waiting for {state}…", flush=True)
            last = state
        time.sleep(0.5)
    sys.exit(f"not done after {timeout:g} s (still: {last})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2, help="worker processes (each -c 1, all queues)")
    parser.add_argument("--repeat-every", type=int, default=10, help="one item in N repeats a fact-checked claim")
    parser.add_argument("--timeout", type=float, default=7200.0)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--keep", action="store_true", help="keep the rows afterwards")
    args = parser.parse_args()
    if connection.vendor != "postgresql" or settings.CELERY_TASK_ALWAYS_EAGER:
        sys.exit("bench/watch.py needs DATABASE_URL=postgres://... and CELERY_BROKER_URL (real workers)")

    published = datetime.now(tz=UTC).replace(microsecond=0)
    site = Site(args.sources, args.items, args.repeat_every, published, args.seed)
    site.start()
    seed_priors(site.repeats)
    source_ids = [source_add(url=f"{site.base}/s/{s}/feed", name=f"{TAG} {s}", language="fr",
                             interval_minutes=60).pk for s in range(args.sources)]
    # Sources are due at once: park them so only this script queues their polls.
    Source.objects.filter(pk__in=source_ids).update(next_poll_at=published.replace(year=published.year + 1))
    total = args.sources * args.items
    env = {"CELERY_TASK_ALWAYS_EAGER": "0", "FACTCHECK_EVIDENCE_PROVIDERS": "prior_factchecks",
           "FACTCHECK_NETWORK_PROVIDERS": "0", "FACTCHECK_FETCH_ALLOWLIST": "127.0.0.1"}
    with app.connection_for_write() as conn:
        for queue in QUEUES:
            conn.default_channel.queue_purge(queue)
    logdir = Path(tempfile.mkdtemp(prefix="bench-watch-"))
    procs = start_workers(args.workers, logdir, env)
    try:
        print(f"round 1: {args.sources} sources x {args.items} new items, {args.workers} workers", flush=True)
        # The items are published now: alert latency counts from here, workers already running.
        published = site.published = datetime.now(tz=UTC).replace(microsecond=0)
        started = time.monotonic()
        sources_poll_now(source_ids=source_ids)
        finished = wait_until_done(source_ids, total, args.timeout)
        elapsed = finished - started
        items_per_s = total / elapsed
        latencies = sorted(
            (created - published).total_seconds()
            for created in Alert.objects.filter(source_id__in=source_ids, tier="strong")
            .values_list("created_at", flat=True)
        )
        alerts = len(latencies)
        print(f"  {total} items in {elapsed:.1f} s = {items_per_s:.2f} items/s; {alerts} alerts "
              f"(expected {site.repeats})", flush=True)

        print(f"round 2: {args.sources} unchanged feeds", flush=True)
        Source.objects.filter(pk__in=source_ids).update(last_status=None)
        # What idle workers burn anyway (broker polling), to tell it apart from the polls' own cost.
        idle_from, idle_started = cpu_seconds(procs), time.monotonic()
        time.sleep(5.0)
        idle_rate = (cpu_seconds(procs) - idle_from) / (time.monotonic() - idle_started)
        cpu_before = cpu_seconds(procs)
        started = time.monotonic()
        sources_poll_now(source_ids=source_ids)
        while Source.objects.filter(pk__in=source_ids, last_status=304).count() < args.sources:
            if time.monotonic() - started > args.timeout:
                sys.exit("round 2 did not finish")
            time.sleep(0.2)
        while Source.objects.filter(pk__in=source_ids).exclude(poll_status=PollStatus.IDLE).exists():
            time.sleep(0.1)
        round2 = time.monotonic() - started
        raw_ms = (cpu_seconds(procs) - cpu_before) * 1000 / args.sources
        cpu_ms = max(0.0, raw_ms - idle_rate * round2 * 1000 / args.sources)
        duplicates = SourceItem.objects.filter(source_id__in=source_ids).count() - total
        print(f"  {args.sources} unchanged polls in {round2:.1f} s: {raw_ms:.2f} ms worker CPU each, "
              f"{cpu_ms:.2f} ms without the workers' idle cost ({idle_rate * 1000:.1f} ms/s); "
              f"{duplicates} duplicate items", flush=True)
        # The floor: the same task for sources that are not queued (one UPDATE finds nothing to take),
        # i.e. what Celery, the broker round trip and the database connection cost per task anyway.
        cpu_before = cpu_seconds(procs)
        started = time.monotonic()
        for pk in source_ids:
            enqueue_now("claims.tasks.source_poll", pk)
        while waiting("default") or time.monotonic() - started < 1.0:
            time.sleep(0.1)
        time.sleep(1.0)  # the last messages in flight
        floor_ms = max(0.0, ((cpu_seconds(procs) - cpu_before)
                             - idle_rate * (time.monotonic() - started)) * 1000 / args.sources)
        print(f"  the same task with nothing to poll: {floor_ms:.2f} ms worker CPU each (Celery + broker + "
              f"one UPDATE)", flush=True)
    finally:
        stop_workers(procs)
        site.stop()
        if not args.keep:
            cleanup(source_ids)
    p50 = statistics.median(latencies) if latencies else float("nan")
    p95 = latencies[max(0, int(0.95 * len(latencies)) - 1)] if latencies else float("nan")
    print(f"items_per_s={items_per_s:.2f} unchanged_cpu_ms={cpu_ms:.2f} unchanged_cpu_raw_ms={raw_ms:.2f} "
          f"task_floor_cpu_ms={floor_ms:.2f} "
          f"alert_latency_p50_s={p50:.1f} "
          f"alert_latency_p95_s={p95:.1f} alerts={alerts} expected_alerts={site.repeats} items={total} "
          f"sources={args.sources} workers={args.workers} duplicates={duplicates}")


if __name__ == "__main__":
    main()
