"""The names of the Celery tasks, in one place.

Services enqueue work by name (they never import claims.tasks, which imports them); the tasks
register under these names. This module imports nothing, so settings, services and tasks can all
read it. claims.services.queue refuses a name that is not listed here: a typo is a bug to fix,
not a job for the sweeper.
"""

from __future__ import annotations

ARTICLE_EXTRACT = "claims.tasks.article_extract"
SWEEP_EXTRACTIONS = "claims.tasks.sweep_extractions"
CLAIM_GATHER_EVIDENCE = "claims.tasks.claim_gather_evidence"
EVIDENCE_RUN = "claims.tasks.evidence_run"
EVIDENCE_CANDIDATES = "claims.tasks.evidence_candidates"
SWEEP_EVIDENCE_RUNS = "claims.tasks.sweep_evidence_runs"
WEBHOOK_DELIVER = "claims.tasks.webhook_deliver"
SWEEP_WEBHOOKS = "claims.tasks.sweep_webhooks"
FAN_OUT = "claims.tasks.fan_out"
SOURCE_POLL = "claims.tasks.source_poll"
SOURCES_POLL_DUE = "claims.tasks.sources_poll_due"

ALL_TASKS = frozenset({
    ARTICLE_EXTRACT, SWEEP_EXTRACTIONS, CLAIM_GATHER_EVIDENCE, EVIDENCE_RUN, EVIDENCE_CANDIDATES, SWEEP_EVIDENCE_RUNS, WEBHOOK_DELIVER,
    SWEEP_WEBHOOKS, FAN_OUT, SOURCE_POLL, SOURCES_POLL_DUE,
})
# Tasks a fan-out may publish: ids in, idempotent (a redelivered fan-out publishes them again).
FAN_OUT_TASKS = frozenset({WEBHOOK_DELIVER, EVIDENCE_RUN, EVIDENCE_CANDIDATES, ARTICLE_EXTRACT, SOURCE_POLL})
