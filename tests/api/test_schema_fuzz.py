"""Fuzz every operation of our own OpenAPI schema (schemathesis): no 5xx, and every response
(status code, content type, body, headers) matches the schema. Bounded to keep CI fast."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import ClaimFactory, PriorFactCheckFactory, VerdictFactory

MAX_EXAMPLES = 12
CHECKS = (not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance)


@pytest.fixture
def api_schema(db, erin, alice, ed):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections
    from django.test import Client

    from claims.services.api_keys import api_client_create

    # Something to find: claims in several states, a published verdict, a prior fact-check.
    ClaimFactory.create_batch(2)
    claim = ClaimFactory(status="in_progress", assignee=alice)
    VerdictFactory(claim=claim, author=alice)
    published = ClaimFactory(status="published")
    VerdictFactory(claim=published, author=alice, approver=erin, status="published")
    PriorFactCheckFactory()
    _, key = api_client_create(name="fuzzer", scopes=["read", "write", "publish"], user=ed)
    raw = Client().get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json",
                       HTTP_AUTHORIZATION=f"Api-Key {key}").json()
    schema = schemathesis.from_dict(raw, app=WSGIHandler(), data_generation_methods=schemathesis.DataGenerationMethod.all())
    schema.fuzz_key = key  # type: ignore[attr-defined]
    # What django.test.Client does around each request: a raw WSGIHandler would otherwise close the
    # connection holding the test transaction at the end of every request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schema
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.from_pytest_fixture("api_schema")


@pytest.fixture(autouse=True)
def _generous_throttle(settings):  # noqa: F811 - pytest-django's settings fixture
    from claims.api.throttling import ApiKeyThrottle

    previous = ApiKeyThrottle.THROTTLE_RATES
    ApiKeyThrottle.THROTTLE_RATES = {"api_key": "100000/minute"}
    yield
    ApiKeyThrottle.THROTTLE_RATES = previous


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_it_conforms_to_its_own_schema(case, api_schema):
    response = case.call_wsgi(headers={"Authorization": f"Api-Key {api_schema.fuzz_key}"})
    case.validate_response(response, checks=CHECKS)


# The chain a newsroom tool walks: articles -> an article -> its claims -> a claim -> its verdict, evidence...
STATEFUL_OPERATIONS = [
    "articles_list", "articles_retrieve", "claims_list", "claims_retrieve", "claims_verdict_retrieve",
    "claims_verdict_update", "claims_transition_create", "claims_evidence_list", "claims_runs_list",
    "claimreview_retrieve",
]


def test_stateful_fuzzing_follows_links_to_existing_objects(api_schema):
    """OpenAPI links (article -> claims, claim -> verdict, evidence, runs...): the fuzzer calls the next
    operation with ids from real answers, so it reaches existing objects instead of only 404s."""
    from hypothesis.stateful import run_state_machine_as_test

    stateful = schemathesis.from_dict(
        api_schema.raw_schema, app=api_schema.app, data_generation_methods=[schemathesis.DataGenerationMethod.positive]
    ).include(operation_id=STATEFUL_OPERATIONS)
    followed: list[tuple[str, int]] = []

    class Workflow(stateful.as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case):
            return {"headers": {"Authorization": f"Api-Key {api_schema.fuzz_key}"}}

        def _add_results_to_targets(self, targets, results):
            # Hypothesis renamed the hook schemathesis 3 overrides (_add_result_to_targets) to this one:
            # route each answer to the bundle of the links its status code declares, as schemathesis meant.
            for result in results:
                target = self._get_target_for_result(result) if result is not None else None
                if target is not None:
                    super()._add_results_to_targets((target,), [result])

        def call(self, case, **kwargs):
            # Cursors come from `next` links and `fields` from the documented names, never invented.
            for name in ("cursor", "fields"):
                (case.query or {}).pop(name, None)
            return super().call(case, **kwargs)

        def step(self, case, previous=None):
            result = super().step(case, previous)
            if previous is not None and result is not None:
                followed.append((case.operation.verbose_name, result.response.status_code))
            return result

        def validate_response(self, response, case, additional_checks=()):
            case.validate_response(response, checks=CHECKS + tuple(additional_checks))

    run_state_machine_as_test(Workflow, settings=settings(
        max_examples=4, stateful_step_count=4, deadline=None, derandomize=True,
        suppress_health_check=list(HealthCheck)))
    reached = {name for name, status in followed if status < 400}
    assert {"GET /api/v1/articles/{id}/", "GET /api/v1/claims/{id}/"} & reached, followed
