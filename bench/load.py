#!/usr/bin/env python
"""Load on the API served by gunicorn on PostgreSQL, next to a minimal Django JSON view.

  python bench/load.py --claims 100000 --duration 15 --connections 16,64 [--burst 1000]

Loopback only, bounded in time. Needs DATABASE_URL (PostgreSQL), CELERY_BROKER_URL (Redis) and
Debian's `wrk`. Prints requests/s and p50/p95/p99 per concurrency for a realistic mix (claims list
page of 100, claim detail, match, submit article) and for the minimal view, and with --burst N the
time for 2 extraction workers to drain N articles submitted at once through the API, with the
loss and duplicate counts. Ends with one line of name=value figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import ROOT, figures_line, seed_claims, setup_django  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(app: str, port: int, workers: int, threads: int, env: dict[str, str],
                   worker_class: str = "gthread", ready_path: str = "/healthz") -> subprocess.Popen:
    """gunicorn with the project's settings (factcheck/gunicorn_conf.py) and the sizes under test,
    returned once its workers answer: the master listens before its workers have booted, and a
    run started then would time the boot (seconds of queued requests), not the service."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", app, "-c", str(ROOT / "factcheck" / "gunicorn_conf.py"), "-b", f"127.0.0.1:{port}",
         "-w", str(workers), "--threads", str(threads), "-k", worker_class, "--timeout", "60",
         "--log-level", "warning"],
        cwd=ROOT if app.startswith("factcheck") else ROOT / "bench", env=env, start_new_session=True,
    )
    deadline = time.monotonic() + 120
    answered = 0
    while time.monotonic() < deadline and answered < 10 * workers:  # each connection may reach any worker
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as sock:
                sock.sendall(f"GET {ready_path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode())
                answered = answered + 1 if sock.recv(12).startswith(b"HTTP/1.") else 0
        except OSError:
            answered = 0
            time.sleep(0.2)
    if answered < 10 * workers:
        proc.kill()
        raise RuntimeError(f"gunicorn {app} did not start")
    while len(children(proc.pid)) < workers and time.monotonic() < deadline:
        time.sleep(0.1)
    return proc


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=30)


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User + system CPU seconds of each live process (Linux /proc)."""
    seconds = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seconds[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return seconds


def database_backends() -> list[int]:
    """The PostgreSQL server processes serving this benchmark's database (other connections but ours)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        return [row[0] for row in cursor.fetchall()]


class CpuMeter:
    """CPU spent by the web workers and by PostgreSQL during one wrk run: a figure that, unlike
    requests/s, does not move when other work shares the machine."""

    def __init__(self, master: int, with_database: bool) -> None:
        self.master, self.with_database = master, with_database

    def __enter__(self) -> CpuMeter:
        self.web = cpu_seconds(children(self.master))
        self.db = cpu_seconds(database_backends()) if self.with_database else {}
        return self

    def __exit__(self, *exc: object) -> None:
        web = cpu_seconds(children(self.master))
        self.web_s = sum(web[pid] - self.web.get(pid, 0.0) for pid in web)
        db = cpu_seconds(database_backends()) if self.with_database else {}
        self.db_s = sum(db[pid] - self.db.get(pid, 0.0) for pid in db)


def run_wrk(url: str, connections: int, duration: int, env: dict[str, str]) -> dict[str, float]:
    done = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--timeout", "10s",
         "-s", str(ROOT / "bench" / "load.lua"), url],
        capture_output=True, text=True, env=env, timeout=duration + 60,
    )
    line = next((line for line in done.stdout.splitlines() if line.startswith("WRK ")), "")
    if not line:
        raise RuntimeError(f"wrk printed no summary:\n{done.stdout}\n{done.stderr}")
    return {k: float(v) for k, v in (pair.split("=") for pair in line.split()[1:])}


def burst(base: str, key: str, count: int, env: dict[str, str]) -> dict[str, float]:
    """Submit `count` articles at once, let 2 extraction workers drain them, count losses and duplicates."""
    import httpx

    from claims.models import Article, Claim

    stamp = int(time.time())
    texts = [f"Rafale {stamp}-{i} : le département a ouvert {i + 10} places de crèche en 2024, "
             f"a annoncé mardi la présidente du conseil départemental." for i in range(count)]
    workers = [
        subprocess.Popen([sys.executable, "-m", "celery", "-A", "factcheck", "worker", "-Q", "extract", "-c", "1",
                          "-n", f"burst{i}-{os.getpid()}@%h", "--without-gossip", "--without-mingle",
                          "-l", "WARNING"], cwd=ROOT, env=env, start_new_session=True)
        for i in range(2)
    ]
    try:
        started = time.monotonic()

        def submit(text: str) -> int:
            with httpx.Client(timeout=30) as client:
                response = client.post(f"{base}/api/v1/articles/", json={"text": text, "language": "fr"},
                                       headers={"Authorization": f"Api-Key {key}"})
            return response.status_code

        with ThreadPoolExecutor(max_workers=16) as pool:
            codes = list(pool.map(submit, texts))
        submitted_s = time.monotonic() - started
        prefix = f"Rafale {stamp}-"
        deadline = time.monotonic() + 1800
        while time.monotonic() < deadline:
            pending = Article.objects.filter(text__startswith=prefix).exclude(extraction_status__in=["done", "failed"])
            if not pending.exists():
                break
            time.sleep(1)
        drained_s = time.monotonic() - started
        stored = Article.objects.filter(text__startswith=prefix).count()
        done = Article.objects.filter(text__startswith=prefix, extraction_status="done").count()
        claims = Claim.objects.filter(article__text__startswith=prefix)
        duplicates = claims.count() - claims.values("article_id", "start", "end").distinct().count()
        return {"burst_articles": count, "burst_accepted": sum(1 for c in codes if c in (200, 201, 202)),
                "burst_stored": stored, "burst_done": done, "burst_lost": count - stored,
                "burst_duplicate_claims": duplicates, "burst_submit_s": round(submitted_s, 2),
                "burst_drain_s": round(drained_s, 2), "burst_articles_per_s": round(done / drained_s, 2)}
    finally:
        for proc in workers:
            stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run")
    parser.add_argument("--connections", default="16,64")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker (the default of factcheck/gunicorn_conf.py)")
    parser.add_argument("--worker-class", default="gthread", help="gunicorn worker class (gthread, gevent)")
    parser.add_argument("--burst", type=int, default=0, help="articles to submit at once (0: skip)")
    parser.add_argument("--warmup", type=int, default=5,
                        help="seconds of unmeasured load on each server before its measured runs (both servers "
                             "alike: a fresh worker, even the minimal one, serves its first seconds at about half speed)")
    args = parser.parse_args()

    if not shutil.which("wrk"):
        sys.exit("bench/load.py needs wrk (Debian package `wrk`): apt-get install -y wrk")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("bench/load.py needs DATABASE_URL pointing at PostgreSQL")
    os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/14")
    setup_django()
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from claims.models import Claim
    from claims.services.api_keys import api_client_create, api_service_user

    call_command("migrate", verbosity=0)
    t0 = time.monotonic()
    added = seed_claims(args.claims)
    print(f"seeded {added} claims in {time.monotonic() - t0:.1f} s ({Claim.objects.count()} in all)", flush=True)
    user = api_service_user(name="load-bench", role="editor")
    _, key = api_client_create(name=f"load-bench-{int(time.time())}", scopes=["read", "write"], user=user)
    ids = Claim.objects.order_by("pk").values_list("pk", flat=True)
    env = dict(os.environ, DJANGO_DEBUG="0", DJANGO_SECRET_KEY="bench-" + "x" * 50,
               DJANGO_ALLOWED_HOSTS="127.0.0.1", DJANGO_SECURE_SSL_REDIRECT="0", FACTCHECK_API_RATE="1000000/minute",
               CELERY_TASK_ALWAYS_EAGER="0", BENCH_API_KEY=key,
               BENCH_MIN_CLAIM_ID=str(ids.first()), BENCH_MAX_CLAIM_ID=str(ids.last()))
    User.objects.filter(pk=user.pk).update(is_active=True)

    figures: dict[str, object] = {}
    port = free_port()
    app = start_gunicorn("factcheck.wsgi", port, args.workers, args.threads, env, args.worker_class)
    try:
        if args.warmup:
            run_wrk(f"http://127.0.0.1:{port}", 16, args.warmup, dict(env, BENCH_MIX="api"))
        for connections in [int(c) for c in args.connections.split(",")]:
            with CpuMeter(app.pid, with_database=True) as cpu:
                result = run_wrk(f"http://127.0.0.1:{port}", connections, args.duration, dict(env, BENCH_MIX="api"))
            print(f"api c={connections}: {result}", flush=True)
            for name in ("rps", "p50_ms", "p95_ms", "p99_ms"):
                figures[f"{name}_c{connections}"] = round(result[name], 2)
            total = result["requests"]
            figures[f"web_cpu_ms_per_req_c{connections}"] = round(1000 * cpu.web_s / max(total, 1), 2)
            figures[f"db_cpu_ms_per_req_c{connections}"] = round(1000 * cpu.db_s / max(total, 1), 2)
            figures[f"error_rate_c{connections}"] = round((result["status_errors"] + result["socket_errors"]) / total, 4)
        if args.burst:
            burst_figures = burst(f"http://127.0.0.1:{port}", key, args.burst, env)
            print(f"burst: {burst_figures}", flush=True)
            figures.update(burst_figures)
    finally:
        stop(app)

    port = free_port()
    baseline = start_gunicorn("minimal_app", port, args.workers, args.threads, env, args.worker_class,
                              ready_path="/minimal")
    try:
        if args.warmup:
            run_wrk(f"http://127.0.0.1:{port}", 16, args.warmup, dict(env, BENCH_MIX="minimal"))
        for connections in [int(c) for c in args.connections.split(",")]:
            with CpuMeter(baseline.pid, with_database=False) as cpu:
                result = run_wrk(f"http://127.0.0.1:{port}", connections, args.duration, dict(env, BENCH_MIX="minimal"))
            print(f"minimal c={connections}: {result}", flush=True)
            figures[f"minimal_rps_c{connections}"] = round(result["rps"], 2)
            figures[f"minimal_cpu_ms_per_req_c{connections}"] = round(1000 * cpu.web_s / max(result["requests"], 1), 3)
            figures[f"ratio_c{connections}"] = round(figures[f"rps_c{connections}"] / result["rps"], 3)
    finally:
        stop(baseline)
    print(figures_line(figures))


if __name__ == "__main__":
    main()
