"""Every page needs a login; the roles decide what each person can open."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.review.conftest import csrf_token

pytestmark = pytest.mark.django_db


def pages(claim: Any) -> list[str]:
    return [
        reverse("review:queue"),
        reverse("review:awaiting"),
        reverse("review:stats"),
        reverse("review:article", args=[claim.article_id]),
        reverse("review:claim", args=[claim.pk]),
    ]


def test_it_sends_anonymous_visitors_to_the_login_page(client: Client, claim: Any) -> None:
    for url in pages(claim):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login") + "?next=")


def test_it_refuses_every_page_to_an_account_without_a_role(as_user: Any, charlie: Any, claim: Any) -> None:
    client = as_user(charlie)
    for url in pages(claim):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "no reviewer or editor role" in response.content.decode() or "Only editors" in response.content.decode()


def test_it_refuses_actions_to_an_account_without_a_role(as_user: Any, charlie: Any, claim: Any) -> None:
    response = as_user(charlie).post(reverse("review:claim_transition", args=[claim.pk]), {"to": "selected"})
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == "new"


def test_it_shows_the_awaiting_review_list_to_editors_only(as_user: Any, alice: Any, erin: Any) -> None:
    assert as_user(alice).get(reverse("review:awaiting")).status_code == 403
    assert as_user(erin).get(reverse("review:awaiting")).status_code == 200


def test_it_links_awaiting_review_in_the_menu_for_editors_only(as_user: Any, alice: Any, erin: Any) -> None:
    awaiting = reverse("review:awaiting")
    assert awaiting not in as_user(alice).get(reverse("review:queue")).content.decode()
    assert awaiting in as_user(erin).get(reverse("review:queue")).content.decode()


def test_it_logs_in_through_the_form_with_csrf_enforced(alice: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    page = client.get(reverse("login"))
    html = page.content.decode()
    assert 'name="password"' in html
    refused = client.post(reverse("login"), {"username": "alice", "password": "pw-alice"})
    assert refused.status_code == 403
    response = client.post(
        reverse("login"), {"username": "alice", "password": "pw-alice", "csrfmiddlewaretoken": csrf_token(html)}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("review:queue")
    assert client.get(reverse("review:queue")).status_code == 200


def test_it_rejects_a_wrong_password_with_a_message(client: Client, alice: Any) -> None:
    response = client.post(reverse("login"), {"username": "alice", "password": "nope"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "didn't match" in response.content.decode()


def test_it_logs_out_with_a_post(as_user: Any, alice: Any) -> None:
    client = as_user(alice)
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("review:queue")).status_code == 302


def test_it_changes_the_password(as_user: Any, alice: Any) -> None:
    client = as_user(alice, csrf=True)
    html = client.get(reverse("password_change")).content.decode()
    assert 'name="new_password1"' in html
    response = client.post(reverse("password_change"), {
        "old_password": "pw-alice", "new_password1": "a much longer secret 42",
        "new_password2": "a much longer secret 42", "csrfmiddlewaretoken": csrf_token(html),
    })
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a much longer secret 42")


def test_it_answers_404_for_a_missing_claim_or_article(as_user: Any, alice: Any) -> None:
    client = as_user(alice)
    assert client.get(reverse("review:claim", args=[999999])).status_code == 404
    assert client.get(reverse("review:article", args=[999999])).status_code == 404
    assert client.post(reverse("review:claim_transition", args=[999999]), {"to": "selected"}).status_code == 404


def test_it_refuses_get_on_actions(as_user: Any, alice: Any, claim: Any) -> None:
    assert as_user(alice).get(reverse("review:claim_transition", args=[claim.pk])).status_code == 405
