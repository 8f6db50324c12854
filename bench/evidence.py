"""Evidence throughput: claims/s through the `evidence` queue with 1 and then 2 real Celery worker
processes, local providers only (prior_factchecks and library: no network).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck CELERY_BROKER_URL=redis://127.0.0.1:6379/0 \
        .venv/bin/python bench/evidence.py --claims 300

Each claim goes in as one `claims.tasks.claim_gather_evidence` message; workers fan it out into
one `claims.tasks.evidence_run` per provider, match, store evidence and update the claim. The clock
runs from the first message to the last finished run (worker start-up excluded). Seeded rows are
tagged "bench-evidence" and removed at the end. Ends with one line of name=value pairs.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from claims.models import Claim, Evidence, EvidenceRun, LibraryDocument, PriorFactCheck  # noqa: E402
from claims.services.library import library_document_add  # noqa: E402
from claims.services.queue import enqueue_now  # noqa: E402
from factcheck.celery import app  # noqa: E402

TAG = "bench-evidence"
PROVIDERS = ["prior_factchecks", "library"]
COUNTRIES = ["Kazakhstan", "Ukraine", "Sénégal", "Maroc", "Algérie", "Pologne", "Brésil", "Canada", "Japon",
             "Mexique", "Tunisie", "Cameroun", "Belgique", "Suisse", "Italie", "Espagne", "Chili", "Inde"]
GOODS = ["aide humanitaire", "médicaments", "blé", "vaccins", "ambulances", "tentes", "générateurs", "riz"]
VERBS = ["a envoyé", "a livré", "a promis", "a reçu", "a vendu", "a acheté"]


def sentence(rng: random.Random) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    return f"Le {a} {rng.choice(VERBS)} {rng.randint(2, 900)} tonnes de {rng.choice(GOODS)} à {b} en {rng.randint(2015, 2025)}"


def seed(claims: int, priors: int, documents: int, rng: random.Random) -> list[int]:
    cleanup()
    PriorFactCheck.objects.bulk_create(
        [PriorFactCheck(claim_reviewed=sentence(rng), rating_text="Faux", url=f"https://bench.example.org/ev/{i}",
                        publisher="Bench", language="fr", source=TAG) for i in range(priors)],
        batch_size=2000,
    )
    for i in range(documents):
        text = "\n\n".join(f"{sentence(rng)}. Selon le ministère, le convoi est parti lundi." for _ in range(20))
        library_document_add(title=f"Rapport {i}", text=text, publisher=TAG, language="fr")
    created = Claim.objects.bulk_create(
        [Claim(text=sentence(rng) + ".", language="fr", claimant=TAG, checkworthiness=0.8) for _ in range(claims)]
    )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE claims_priorfactcheck")
        cursor.execute("VACUUM ANALYZE claims_librarypassage")
    return [claim.pk for claim in created]


def cleanup() -> None:
    Claim.objects.filter(claimant=TAG).delete()
    PriorFactCheck.objects.filter(source=TAG).delete()
    LibraryDocument.objects.filter(publisher=TAG).delete()


def reset(claim_ids: list[int]) -> None:
    Evidence.objects.filter(claim_id__in=claim_ids).delete()
    EvidenceRun.objects.filter(claim_id__in=claim_ids).delete()
    Claim.objects.filter(pk__in=claim_ids).update(evidence_count=0, has_strong_match=False)
    with app.connection_for_write() as conn:
        conn.default_channel.queue_purge("evidence")


def start_workers(count: int, logdir: Path) -> list[subprocess.Popen[bytes]]:
    procs = []
    for i in range(count):
        log = logdir / f"worker-{count}-{i}.log"
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "factcheck", "worker", "-Q", "evidence", "-c", "1",
             "-n", f"bench-evidence-{count}-{i}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-l", "INFO", "-f", str(log)],
            cwd=ROOT, env={**os.environ, "CELERY_TASK_ALWAYS_EAGER": "0"}, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ))
        deadline = time.monotonic() + 120
        while not (log.exists() and b" ready." in log.read_bytes()):
            if procs[-1].poll() is not None or time.monotonic() > deadline:
                stop_workers(procs)
                sys.exit(f"worker did not start: see {log}")
            time.sleep(0.2)
    return procs


def stop_workers(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def measure(workers: int, claim_ids: list[int], logdir: Path) -> float:
    reset(claim_ids)
    procs = start_workers(workers, logdir)
    try:
        expected = len(claim_ids) * len(PROVIDERS)
        started = time.perf_counter()
        for claim_id in claim_ids:
            enqueue_now("claims.tasks.claim_gather_evidence", claim_id, PROVIDERS)
        runs = EvidenceRun.objects.filter(claim_id__in=claim_ids, status__in=["done", "failed"])
        while runs.count() < expected:
            time.sleep(0.1)
        elapsed = time.perf_counter() - started
    finally:
        stop_workers(procs)
    failed = EvidenceRun.objects.filter(claim_id__in=claim_ids, status="failed").count()
    evidence = Evidence.objects.filter(claim_id__in=claim_ids).count()
    rate = len(claim_ids) / elapsed
    print(f"{workers} worker process(es): {len(claim_ids)} claims in {elapsed:.2f} s = {rate:.1f} claims/s "
          f"({evidence} evidence rows, {failed} failed runs)")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=300)
    parser.add_argument("--priors", type=int, default=20_000)
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--keep", action="store_true", help="keep the seeded rows")
    args = parser.parse_args()
    if connection.vendor != "postgresql" or not settings.CELERY_BROKER_URL:
        sys.exit("bench/evidence.py needs DATABASE_URL=postgres://... and CELERY_BROKER_URL (real workers)")
    rng = random.Random(args.seed)
    claim_ids = seed(args.claims, args.priors, args.documents, rng)
    print(f"seeded {args.claims} claims, {args.priors} prior fact-checks, {args.documents} library documents")
    with tempfile.TemporaryDirectory(prefix="bench-evidence-") as logdir:
        one = measure(1, claim_ids, Path(logdir))
        two = measure(2, claim_ids, Path(logdir))
    if not args.keep:
        cleanup()
    print(f"claims_per_s_1={one:.2f} claims_per_s_2={two:.2f} scaling={two / one:.2f} claims={args.claims} "
          f"providers={len(PROVIDERS)} cpus={os.cpu_count()}")


if __name__ == "__main__":
    main()
