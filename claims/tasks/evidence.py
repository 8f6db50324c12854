"""Evidence tasks (queue `evidence`): ids in, one service call each.

The service records every outcome on the EvidenceRun row and bounds the attempts
(FACTCHECK_EVIDENCE_MAX_ATTEMPTS); these tasks only schedule the retries it asks for, with the
exponential backoff + jitter (or the server's Retry-After) it computed.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task

from claims import task_names as names
from claims.services.candidates import candidates_match
from claims.services.evidence import claim_gather_evidence as gather_service
from claims.services.evidence import evidence_run_execute, evidence_sweep

__all__ = ["claim_gather_evidence", "evidence_candidates", "evidence_run", "sweep_evidence_runs"]

# Redeliveries of a run another worker holds ("busy") are bounded too: after this many the sweeper
# is the one that notices a lost worker.
MAX_BUSY_RETRIES = 5


# The services now queue the runs themselves (evidence_gather); this task stays for callers that
# name it and for messages published before that change.
@shared_task(name=names.CLAIM_GATHER_EVIDENCE, acks_late=True, ignore_result=True)
def claim_gather_evidence(claim_id: int, providers: list[str] | None = None) -> int:
    return len(gather_service(claim_id=claim_id, providers=providers))


@shared_task(
    name=names.EVIDENCE_RUN, bind=True, acks_late=True, ignore_result=True,
    soft_time_limit=120, time_limit=150,
)
def evidence_run(self: Any, run_id: int, busy_retries: int = 0) -> str:
    outcome = evidence_run_execute(run_id=run_id)
    if outcome.retry_in is None or self.request.is_eager:
        # In-process (no broker) a retry would block the caller: the sweeper re-sends queued runs.
        return outcome.result
    if outcome.result == "busy":
        if busy_retries >= MAX_BUSY_RETRIES:
            return outcome.result
        busy_retries += 1
    self.apply_async(args=(run_id,), kwargs={"busy_retries": busy_retries}, countdown=outcome.retry_in)
    return outcome.result


@shared_task(name=names.EVIDENCE_CANDIDATES, acks_late=True, ignore_result=True, soft_time_limit=120,
             time_limit=150)
def evidence_candidates(article_id: int) -> int:
    """An extracted article's candidates that repeat a fact-checked claim become claims."""
    return len(candidates_match(article_id=article_id))


@shared_task(name=names.SWEEP_EVIDENCE_RUNS, ignore_result=True)
def sweep_evidence_runs() -> dict[str, int]:
    return evidence_sweep()
