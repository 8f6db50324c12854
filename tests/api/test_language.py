"""The API answers in ONE language per request: the one Accept-Language asks for, English when it
asks for none (never the reviewers' French default, never the browsable API's cookie), with DRF's
own messages and the app's in that same language. Codes and shapes do not change."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from claims.models import ClaimStatus
from tests.api.conftest import error_code
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def fr(client: APIClient) -> APIClient:
    client.credentials(**{**client._credentials, "HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9,en;q=0.5"})
    return client


def test_it_answers_in_english_by_default_and_in_french_when_asked(alice: Any, api_as: Any) -> None:
    claim = ClaimFactory()
    english = api_as(alice).post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "published"}, format="json")
    french = fr(api_as(alice)).post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "published"}, format="json")
    assert english.status_code == french.status_code == 409
    assert error_code(english) == error_code(french) == "transition_not_allowed"
    assert english.json()["message"] == "A claim cannot go from New to Published."
    assert french.json()["message"] == "Une affirmation ne peut pas passer de « nouvelle » à « publiée »."
    assert english.json()["details"] == french.json()["details"]
    assert english.json()["details"]["from"] == "new"
    assert english["Content-Language"] == "en" and french["Content-Language"] == "fr"


def test_drf_and_app_messages_of_one_answer_share_its_language(alice: Any, api_as: Any) -> None:
    client = fr(api_as(alice))
    response = client.post("/api/v1/articles/", {"title": "x" * 5000, "language": 12}, format="json")
    assert response.status_code == 400 and error_code(response) == "invalid_input"
    body = response.json()
    texts = [body["message"], *[m for messages in body["details"].values() for m in messages]]
    assert any("caractères" in t or "valide" in t or "Envoyez" in t for t in texts), texts
    assert not any(word in t for t in texts for word in (" the ", "This ", "Ensure", "Send ", "valid ")), texts


@pytest.mark.parametrize(("path", "code", "french"), [
    ("/api/v1/claims/?page_size=0", "invalid_input", "Entre 1 et"),
    ("/api/v1/claims/?cursor=nonsense", "invalid_input", "Curseur invalide."),
    ("/api/v1/claims/999999/verdict/", "not_found", ""),
    ("/api/v1/nowhere/", "not_found", "Ce point d’accès n’existe pas."),
])
def test_every_refusal_reads_in_french(alice: Any, api_as: Any, path: str, code: str, french: str) -> None:
    response = fr(api_as(alice)).get(path)
    assert error_code(response) == code
    english = api_as(alice).get(path).json()["message"]
    assert response.json()["message"] != english
    assert french in response.json()["message"]


def test_authentication_and_scope_refusals_follow_the_header(alice: Any, api_as: Any) -> None:
    anonymous = APIClient(HTTP_ACCEPT_LANGUAGE="fr")
    assert anonymous.get("/api/v1/claims/").json()["message"] == "Informations d'authentification non fournies."
    bad_key = APIClient(HTTP_ACCEPT_LANGUAGE="fr", HTTP_AUTHORIZATION="Api-Key nope.nope")
    assert bad_key.get("/api/v1/claims/").json() == {
        "code": "invalid_api_key", "details": {},
        "message": "Clé d’API invalide : envoyez-la sous la forme « Authorization: Api-Key <clé> ».",
    }
    read_only = fr(api_as(alice, "read"))
    refused = read_only.post(f"/api/v1/claims/{ClaimFactory().pk}/transition/", {"to": "selected"}, format="json")
    assert refused.status_code == 403
    assert refused.json()["message"] == "Cette clé d’API n’a pas la portée que cet appel demande."


def test_an_unknown_or_wildcard_language_gets_english_and_a_cookie_does_not_count(alice: Any, api_as: Any) -> None:
    claim = ClaimFactory(status=ClaimStatus.NEW)
    client = api_as(alice)
    client.cookies["django_language"] = "fr"
    client.credentials(**{**client._credentials, "HTTP_ACCEPT_LANGUAGE": "de-DE, *;q=0.1"})
    response = client.post(f"/api/v1/claims/{claim.pk}/transition/", {"to": "published"}, format="json")
    assert response.json()["message"] == "A claim cannot go from New to Published."
    assert response["Content-Language"] == "en"


def test_the_review_pages_keep_french_as_their_default(alice: Any) -> None:
    from django.test import Client

    client = Client()
    client.force_login(alice)
    assert '<html lang="fr">' in client.get("/review/").content.decode()
