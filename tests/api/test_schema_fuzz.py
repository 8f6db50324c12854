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
