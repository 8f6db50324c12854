"""Extraction throughput (DESIGN.md §9): ingest + extract + persist, against bare spaCy.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck .venv/bin/python bench/extract.py \\
        --corpus ../shared/data/news-fr/orangesum-1000.jsonl --limit 200

The project path is the real one: article_ingest for every row (in groups of --batch committed
together, as the `ingest` command and API would), then the extraction task run in this process
(the embedded default), which claims queued articles, parses them with nlp.pipe, scores and
bulk-writes the claims. The bare figure is nlp.pipe over the same texts with the same model
package as shipped (spacy.load, every pipe), in the same run, measured before and after the project path
(their mean is used: the machine is shared). The project drops the pipes it does not read
(lemmatizer; attribute ruler where a morphologizer sets POS), as DESIGN.md §10 suggests;
bare_same_pipes_articles_per_s reports bare nlp.pipe with those pipes dropped too. Bare runs happen
in a child process, so peak_rss_mb is the project path's own. Evidence gathering, which runs on
another queue in production, is switched off. The run's articles are deleted before and after.
Ends with one line of name=value pairs: ratio, articles_per_s, claims_per_s, peak_rss_mb,
bare_articles_per_s; and, since the wall clock of a shared machine counts other jobs' time, cpu_ratio:
the same ratio by CPU time (the project's process and its PostgreSQL backend, when that runs on this
machine, against the bare runs' own CPU time).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import figures_line, peak_rss_mb, setup_django  # noqa: E402


def load(path: str, limit: int) -> list[dict[str, str]]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                if row.get("text"):
                    rows.append(row)
            if limit and len(rows) >= limit:
                break
    return rows


def bare(nlp, texts: list[str]) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Articles per second of bare nlp.pipe: per second of wall clock, and per second of CPU time."""
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return len(texts) / (time.perf_counter() - started), len(texts) / (time.process_time() - cpu)


def _bare_child(package: str, exclude: list[str], texts: list[str], queue) -> None:  # type: ignore[no-untyped-def]
    import spacy

    nlp = spacy.load(package, exclude=exclude)
    bare(nlp, texts[:4])  # warm-up
    queue.put(bare(nlp, texts))


def bare_in_child(package: str, texts: list[str], exclude: list[str] | None = None) -> tuple[float, float]:
    """Bare nlp.pipe in its own process, so its memory does not count in the project's peak RSS:
    (articles/s by wall clock, articles/s by CPU time)."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_bare_child, args=(package, exclude or [], texts, queue))
    proc.start()
    wall, cpu = queue.get()
    proc.join()
    return float(wall), float(cpu)


def database_cpu_seconds() -> tuple[int, float] | None:
    """(pid, CPU seconds so far) of this connection's PostgreSQL backend when it runs on this machine,
    read from /proc; None elsewhere (SQLite runs in this process: its time is already ours)."""
    import os

    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        if b"postgres" not in Path(f"/proc/{pid}/cmdline").read_bytes():
            return None  # a remote server: that pid is some other process here
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return pid, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a process and its children, the largest of them."""
    import subprocess

    pids = [pid, *[int(p) for p in subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True,
                                                   text=True).stdout.split()]]
    peak = 0.0
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
        except OSError:
            continue
    return peak


def run_workers(count: int, rows: list[dict[str, str]], batch: int, language: str) -> dict[str, float]:
    """The same ingest, consumed by `count` real Celery worker processes on the `extract` queue."""
    import os
    import signal
    import subprocess

    from django.conf import settings

    from claims.models import Article, Channel, Claim
    from claims.services.ingest import article_ingest
    from factcheck.celery import app

    # Celery reads this from Django's settings first: both must say "not eager".
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge("extract")
    env = {**os.environ, "FACTCHECK_AUTO_EVIDENCE": "0", "FACTCHECK_EXTRACTION_BATCH": str(batch),
           "CELERY_TASK_ALWAYS_EAGER": "0"}
    logs, procs = [], []
    for n in range(count):
        log = Path(f"/tmp/bench-extract-worker-{os.getpid()}-{n}.log")
        logs.append(log)
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "factcheck", "worker", "-Q", "extract", "-c", "1",
             "-n", f"bench{n}-{os.getpid()}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-l", "INFO"], cwd=Path(__file__).resolve().parent.parent, env=env, start_new_session=True,
            stdout=log.open("wb"), stderr=subprocess.STDOUT))
    try:
        deadline = time.monotonic() + 120
        while not all(b" ready." in log.read_bytes() for log in logs):
            if time.monotonic() > deadline:
                raise SystemExit("workers did not start: see " + ", ".join(map(str, logs)))
            time.sleep(0.2)

        def ingest(items: list[dict[str, str]]) -> list[int]:
            from django.db import transaction

            ids = []
            for offset in range(0, len(items), batch):
                with transaction.atomic():
                    for row in items[offset : offset + batch]:
                        ids.append(article_ingest(text=row["text"], language=row.get("language", language),
                                                  title=row.get("title", ""), channel=Channel.COMMAND).article.pk)
            return ids

        def wait(ids: list[int]) -> None:
            while Article.objects.filter(pk__in=ids, extraction_status__in=["queued", "running"]).exists():
                time.sleep(0.1)

        # Warm-up: every worker loads its model on its first task.
        warm = [{"text": r["text"] + f"\n\n(Échauffement {n}.)"} for n, r in enumerate(rows[: 2 * count])]
        warm_ids = ingest(warm)
        wait(warm_ids)
        started = time.perf_counter()
        ids = ingest(rows)
        wait(ids)
        elapsed = time.perf_counter() - started
        claims = Claim.objects.filter(article_id__in=ids).count()
        done = Article.objects.filter(pk__in=ids, extraction_status="done").count()
        if done != len(ids):
            raise SystemExit(f"only {done}/{len(ids)} articles extracted by the workers: see {logs}")
        Article.objects.filter(pk__in=warm_ids).delete()
        peak = max(_rss_mb(p.pid) for p in procs)
    finally:
        for proc in procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            proc.wait(timeout=30)
    return {"articles_per_s": len(ids) / elapsed, "claims_per_s": claims / elapsed, "peak_rss_mb": peak}


def cleanup(texts: list[str]) -> None:
    from claims.models import Article, content_hash

    hashes = [content_hash(t.strip()) for t in texts]
    Article.objects.filter(content_hash__in=hashes).delete()


# The tables the project path writes (and cleanup() empties again).
BENCH_TABLES = ("claims_article", "claims_claim", "claims_auditevent", "claims_webhookdelivery",
                "claims_evidencerun")


def vacuum() -> None:
    """Start from tables in the state autovacuum keeps live ones in: no dead rows, fresh statistics.

    Every run inserts, updates several times and deletes its articles and claims: without this, a run
    measures the dead rows of the runs before it (indexes scanned through them), more with each run
    where autovacuum is off or behind, as on a dev server."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in BENCH_TABLES:
                cursor.execute(f"VACUUM ANALYZE {table}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", required=True, help="JSONL with text, title, language, published_at")
    parser.add_argument("--limit", type=int, default=200, help="articles to use (default 200; 0 = all)")
    parser.add_argument("--batch", type=int, default=8, help="articles committed together and parsed together")
    parser.add_argument("--language", default="fr", help="spaCy model used for the bare run (default fr)")
    parser.add_argument("--keep", action="store_true", help="keep the articles and claims afterwards")
    parser.add_argument("--workers", default="", help="also consume with real Celery workers, e.g. 1,2 "
                        "(needs CELERY_BROKER_URL); adds workers_<n>_articles_per_s and scaling")
    args = parser.parse_args()

    setup_django()
    from django.conf import settings
    from django.db import connection, transaction

    from claims.extraction import extract_texts
    from claims.extraction.checkworthiness import configured_scorer
    from claims.extraction.nlp import nlp_for
    from claims.models import Article, Channel, Claim
    from claims.services.ingest import article_ingest
    from factcheck.celery import app

    # One process, tasks in-process: the embedded default.
    app.conf.task_always_eager = True
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.FACTCHECK_AUTO_EVIDENCE = False
    settings.FACTCHECK_EXTRACTION_BATCH = args.batch
    # A production worker runs with DEBUG off: Django's debug cursor would log every query it makes.
    settings.DEBUG = False

    rows = load(args.corpus, args.limit)
    texts = [r["text"] for r in rows]
    if not texts:
        raise SystemExit(f"{args.corpus}: no articles")
    package = settings.FACTCHECK_SPACY_MODELS[args.language]
    nlp, _ = nlp_for(args.language)
    dropped = [name for name in nlp.meta.get("pipeline", []) if name not in nlp.pipe_names]
    cleanup(texts)
    vacuum()
    # warm-up: models loaded (the spaCy pipeline and the configured check-worthiness scorer), caches built
    extract_texts(texts[:2], languages=[args.language] * 2, scorer=configured_scorer())
    chars = sum(len(t) for t in texts)
    print(f"corpus: {args.corpus} ({len(texts)} articles, {chars / len(texts):.0f} characters on average)")
    print(f"database: {connection.vendor}; model: {package} (bare: every pipe; project: {nlp.pipe_names})")

    bare_before, bare_cpu_before = bare_in_child(package, texts)
    print(f"bare nlp.pipe (before): {bare_before:.2f} articles/s")

    database_before = database_cpu_seconds()
    started, cpu_started = time.perf_counter(), time.process_time()
    ids: list[int] = []
    for offset in range(0, len(rows), args.batch):
        with transaction.atomic():  # extraction tasks are enqueued on commit, then run here
            for row in rows[offset : offset + args.batch]:
                article = article_ingest(
                    text=row["text"], title=row.get("title", ""), language=row.get("language", args.language),
                    published_at=row.get("published_at") or None, channel=Channel.COMMAND,
                ).article
                ids.append(article.pk)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    database_after = database_cpu_seconds()
    database_cpu = None
    if database_before and database_after and database_before[0] == database_after[0]:
        database_cpu = database_after[1] - database_before[1]
    done = Article.objects.filter(pk__in=ids, extraction_status="done").count()
    claims = Claim.objects.filter(article_id__in=ids).count()
    articles_per_s = len(ids) / elapsed
    print(f"project (ingest + extract + persist): {articles_per_s:.2f} articles/s, {claims / elapsed:.1f} claims/s "
          f"({done}/{len(ids)} done, {claims} claims, {elapsed:.1f}s)")

    bare_after, bare_cpu_after = bare_in_child(package, texts)
    print(f"bare nlp.pipe (after): {bare_after:.2f} articles/s")
    same_pipes, _ = bare_in_child(package, texts, exclude=dropped)
    print(f"bare nlp.pipe with the project's pipes {nlp.pipe_names}: {same_pipes:.2f} articles/s")
    bare_mean = (bare_before + bare_after) / 2
    # On a shared machine the wall clock counts other jobs' time too: the same ratio by CPU time (the
    # project's with its database backend's, when that runs here) moves far less from run to run.
    cpu_figures: dict[str, float] = {"cpu_s": round(cpu, 2)}
    if database_cpu is not None:
        cpu_figures["database_cpu_s"] = round(database_cpu, 2)
        bare_cpu_mean = (bare_cpu_before + bare_cpu_after) / 2
        cpu_figures["cpu_ratio"] = round(len(ids) / (cpu + database_cpu) / bare_cpu_mean, 3)
        cpu_figures["bare_cpu_articles_per_s"] = round(bare_cpu_mean, 2)
    worker_figures: dict[str, float] = {}
    if args.workers:
        if not settings.CELERY_BROKER_URL:
            raise SystemExit("--workers needs CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/1)")
        for count in [int(c) for c in args.workers.split(",") if c.strip()]:
            cleanup(texts)
            vacuum()
            result = run_workers(count, rows, args.batch, args.language)
            print(f"{count} worker process(es): {result['articles_per_s']:.2f} articles/s, "
                  f"{result['claims_per_s']:.1f} claims/s, peak RSS per worker {result['peak_rss_mb']:.0f} MB")
            worker_figures[f"workers_{count}_articles_per_s"] = round(result["articles_per_s"], 2)
            worker_figures[f"workers_{count}_peak_rss_mb"] = round(result["peak_rss_mb"], 1)
        if "workers_1_articles_per_s" in worker_figures and "workers_2_articles_per_s" in worker_figures:
            worker_figures["scaling"] = round(
                worker_figures["workers_2_articles_per_s"] / worker_figures["workers_1_articles_per_s"], 2)
    if not args.keep:
        cleanup(texts)
    figures = {
        "ratio": round(articles_per_s / bare_mean, 3),
        "articles_per_s": round(articles_per_s, 2),
        "claims_per_s": round(claims / elapsed, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "bare_articles_per_s": round(bare_mean, 2),
        "bare_same_pipes_articles_per_s": round(same_pipes, 2),
        "articles": len(ids),
        "claims": claims,
        "done": done,
        **cpu_figures,
        **worker_figures,
    }
    print(figures_line(figures))
    return 0 if done == len(ids) else 1


if __name__ == "__main__":
    raise SystemExit(main())
