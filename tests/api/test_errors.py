"""Every error is JSON with a stable code: 400, 404, 405, 413, 415."""

from __future__ import annotations

import pytest

from tests.api.conftest import error_code

pytestmark = pytest.mark.django_db


def test_it_answers_413_in_json_for_a_body_over_the_limit(alice, api_as, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    api = api_as(alice, "read", "write")
    response = api.post("/api/v1/claims/", {"text": "x" * 2000}, format="json")
    assert response.status_code == 413
    assert error_code(response) == "request_too_large"
    assert "1000" in response.json()["message"]


def test_it_enforces_the_limit_on_the_bytes_read_when_content_length_lies(alice, api_as, settings):
    import io

    from claims.api.errors import RequestTooLarge
    from claims.api.parsers import LimitedJSONParser

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    with pytest.raises(RequestTooLarge):
        LimitedJSONParser().parse(io.BytesIO(b'{"text": "' + b"y" * 500 + b'"}'))
    assert LimitedJSONParser().parse(io.BytesIO(b'{"text": "ok"}')) == {"text": "ok"}


def test_it_answers_415_for_a_body_that_is_not_json(alice, api_as):
    api = api_as(alice, "read", "write")
    response = api.post("/api/v1/claims/", data="text=hello", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert error_code(response) == "unsupported_media_type"


def test_it_answers_400_for_malformed_json(alice, api_as):
    api = api_as(alice, "read", "write")
    response = api.post("/api/v1/claims/", data='{"text": ', content_type="application/json")
    assert response.status_code == 400
    assert error_code(response) == "parse_error"


def test_it_answers_400_with_field_details_for_invalid_input(alice, api_as):
    api = api_as(alice, "read", "write")
    response = api.post("/api/v1/claims/", {"text": ""}, format="json")
    assert response.status_code == 400
    assert error_code(response) == "invalid_input"
    assert "text" in response.json()["details"]
    assert response.json()["message"].startswith("text:")


def test_it_answers_json_404_for_unknown_paths_and_objects(alice, api_as):
    api = api_as(alice, "read")
    for path in ("/api/v1/nothing-here/", "/api/v1/claims/999999/", "/api/v1/claims/999999/verdict/"):
        response = api.get(path)
        assert response.status_code == 404, path
        assert error_code(response) == "not_found"


def test_it_answers_405_for_a_method_the_endpoint_lacks(alice, api_as):
    api = api_as(alice, "read", "write")
    response = api.delete("/api/v1/ratings/")
    assert response.status_code == 405
    assert error_code(response) == "method_not_allowed"


def test_it_answers_400_for_bad_filter_values_instead_of_500(alice, api_as):
    api = api_as(alice, "read")
    for query in ("min_checkworthiness=lots", "status=bogus", "updated_since=yesterday", "page_size=0",
                  "cursor=%%%", "ordering=text", "fields=id,secret", "article=-1", "has_verdict=maybe"):
        response = api.get(f"/api/v1/claims/?{query}")
        assert response.status_code == 400, query
        assert error_code(response) in ("invalid_input", "invalid_cursor", "invalid_ordering", "unknown_fields")
