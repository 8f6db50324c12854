"""The claim workspace: workflow buttons per role and state, verdicts, evidence, comments, conflicts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import AuditEvent, Comment, Evidence, EvidenceRun, Verdict
from claims.services.workflow import claim_transition, claim_update, verdict_save
from tests.factories import ClaimFactory, VerdictFactory, rating
from tests.review.conftest import csrf_token

pytestmark = pytest.mark.django_db


def url(name: str, claim: Any, *extra: Any) -> str:
    return reverse(f"review:{name}", args=[claim.pk, *extra])


def buttons(html: str) -> list[str]:
    return re.findall(r'<button type="submit" class="[a-z]+" data-to="([a-z_]+)">', html)


def in_progress(actor: Any) -> Any:
    claim = ClaimFactory(status="selected")
    return claim_transition(claim=claim, to="in_progress", actor=actor)


def submitted(author: Any) -> Any:
    claim = in_progress(author)
    verdict_save(claim=claim, actor=author, rating=rating("mostly-true"),
                 summary="Le Kazakhstan a envoyé 40 tonnes d'aide")
    return claim_transition(claim=claim, to="in_review", actor=author)


def test_it_shows_the_claim_in_its_article_context(as_user: Any, alice: Any, claim: Any) -> None:
    html = as_user(alice).get(url("claim", claim)).content.decode()
    assert f"<mark>{claim.quote}</mark>" in html.replace("&#x27;", "'")
    assert reverse("review:article", args=[claim.article_id]) + f"#claim-{claim.pk}" in html


def test_it_offers_only_the_steps_valid_for_the_state_and_role(as_user: Any, alice: Any, erin: Any) -> None:
    new = ClaimFactory()
    assert sorted(buttons(as_user(alice).get(url("claim", new)).content.decode())) == ["dismissed", "selected"]
    review = submitted(alice)
    assert buttons(as_user(alice).get(url("claim", review)).content.decode()) == []
    assert sorted(buttons(as_user(erin).get(url("claim", review)).content.decode())) == ["in_progress", "published"]


def test_it_tells_an_editor_who_wrote_the_verdict_that_another_editor_must_approve(as_user: Any, erin: Any) -> None:
    claim = submitted(erin)
    html = as_user(erin).get(url("claim", claim)).content.decode()
    assert "published" not in buttons(html)
    assert "another editor must approve it" in html
    response = as_user(erin).post(url("claim_transition", claim), {"to": "published"})
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_it_walks_a_claim_from_new_to_published(as_user: Any, alice: Any, erin: Any) -> None:
    claim = ClaimFactory()
    client = as_user(alice, csrf=True)
    for to in ("selected", "in_progress"):
        token = csrf_token(client.get(url("claim", claim)).content.decode())
        claim.refresh_from_db()
        response = client.post(url("claim_transition", claim),
                               {"to": to, "expected_version": claim.version, "csrfmiddlewaretoken": token})
        assert response.status_code == 303, response.content.decode()[:2000]
    token = csrf_token(client.get(url("claim", claim)).content.decode())
    response = client.post(url("verdict_save", claim), {
        "rating": "mostly-true", "summary": "Le Kazakhstan a envoyé 40 tonnes d'aide",
        "explanation": "Chiffres du ministère.", "sources": "https://example.org/a\nhttps://example.org/b",
        "csrfmiddlewaretoken": token,
    })
    assert response.status_code == 303
    verdict = Verdict.objects.get(claim=claim)
    assert verdict.sources == ["https://example.org/a", "https://example.org/b"]
    assert client.post(url("claim_transition", claim), {"to": "in_review", "csrfmiddlewaretoken": token}).status_code == 303
    editor = as_user(erin, csrf=True)
    html = editor.get(reverse("review:awaiting")).content.decode()
    assert f'data-href="/review/claims/{claim.pk}/"' in html
    token = csrf_token(editor.get(url("claim", claim)).content.decode())
    assert editor.post(url("claim_transition", claim), {"to": "published", "csrfmiddlewaretoken": token}).status_code == 303
    claim.refresh_from_db()
    verdict.refresh_from_db()
    assert (claim.status, verdict.status, verdict.approver) == ("published", "published", erin)
    assert "Published" in editor.get(url("claim", claim)).content.decode()


def test_it_refuses_an_invalid_transition_with_409(as_user: Any, alice: Any) -> None:
    claim = ClaimFactory()
    response = as_user(alice).post(url("claim_transition", claim), {"to": "published"})
    assert response.status_code == 409
    assert "A claim cannot go from new to published." in response.content.decode()


def test_it_requires_a_comment_to_send_back(as_user: Any, alice: Any, erin: Any) -> None:
    claim = submitted(alice)
    client = as_user(erin)
    refused = client.post(url("claim_transition", claim), {"to": "in_progress", "comment": " "})
    assert refused.status_code == 400
    assert "Say why in a comment" in refused.content.decode()
    assert client.post(url("claim_transition", claim), {"to": "in_progress", "comment": "Source manquante"}).status_code == 303
    claim.refresh_from_db()
    assert (claim.status, claim.status_reason) == ("in_progress", "Source manquante")


def test_it_refuses_a_summary_of_75_characters_or_more(as_user: Any, alice: Any) -> None:
    claim = in_progress(alice)
    response = as_user(alice).post(url("verdict_save", claim), {"rating": "false", "summary": "x" * 75})
    assert response.status_code == 400
    assert 'value="' + "x" * 75 + '"' in response.content.decode()  # what was typed is kept
    assert not Verdict.objects.filter(claim=claim).exists()


def test_it_refuses_a_save_over_someone_elses_change_and_shows_who_and_what(as_user: Any, alice: Any, bob: Any) -> None:
    claim = ClaimFactory(claimant="Le ministre")
    opened_version = claim.version
    claim_update(claim=claim, actor=bob, changes={"claimant": "La ministre des Finances"})
    response = as_user(alice).post(url("claim_edit", claim), {
        "text": claim.text, "claimant": "Le Premier ministre", "kind": "statistic", "language": "fr",
        "entities": "[]", "quantities": "[]", "dates": "[]", "expected_version": opened_version,
    })
    html = response.content.decode()
    assert response.status_code == 412
    assert "Changed by bob at" in html and "since you opened it" in html
    assert "La ministre des Finances" in html  # the current value
    assert 'value="Le Premier ministre"' in html  # the refused input, kept for the second try
    claim.refresh_from_db()
    assert claim.claimant == "La ministre des Finances"
    assert AuditEvent.objects.filter(claim=claim, action="claim.update.refused", actor=alice).exists()


def test_it_marks_the_stance_of_evidence_by_form_and_by_script(as_user: Any, alice: Any, claim: Any) -> None:
    evidence = Evidence.objects.create(claim=claim, provider="library", url="https://example.org/x", title="Rapport")
    client = as_user(alice)
    response = client.post(reverse("review:evidence_stance", args=[evidence.pk]), {"stance": "refutes"})
    assert response.status_code == 303 and response["Location"].endswith(f"#evidence-{evidence.pk}")
    evidence.refresh_from_db()
    assert (evidence.stance, evidence.stance_by) == ("refutes", alice)
    as_json = client.post(reverse("review:evidence_stance", args=[evidence.pk]), {"stance": "supports"},
                          HTTP_ACCEPT="application/json")
    assert as_json.status_code == 200 and as_json.json()["ok"] is True
    bad = client.post(reverse("review:evidence_stance", args=[evidence.pk]), {"stance": "maybe"},
                      HTTP_ACCEPT="application/json")
    assert bad.status_code == 400 and "error" in bad.json()
    evidence.refresh_from_db()
    assert evidence.stance == "supports"


def test_it_queues_evidence_by_url_and_refuses_a_non_url(as_user: Any, alice: Any, claim: Any) -> None:
    client = as_user(alice)
    assert client.post(url("evidence_add", claim), {"url": "not a url"}).status_code == 400
    response = client.post(url("evidence_add", claim), {"url": "https://example.org/report"})
    assert response.status_code == 303
    run = EvidenceRun.objects.get(claim=claim, provider="url_snapshot")
    assert "example.org/report" in str(run.options)


def test_it_reruns_a_failed_provider(as_user: Any, alice: Any, claim: Any) -> None:
    EvidenceRun.objects.create(claim=claim, provider="library", status="failed", error="timeout", attempts=3)
    html = as_user(alice).get(url("claim", claim)).content.decode()
    assert url("evidence_retry", claim, "library") in html and "timeout" in html
    response = as_user(alice).post(url("evidence_retry", claim, "library"))
    assert response.status_code == 303
    assert EvidenceRun.objects.get(claim=claim, provider="library").status in ("queued", "running", "done")


def test_it_adds_comments_and_refuses_empty_ones(as_user: Any, alice: Any, claim: Any) -> None:
    client = as_user(alice)
    assert client.post(url("comment_add", claim), {"body": "   "}).status_code == 400
    assert client.post(url("comment_add", claim), {"body": "Appeler le ministère"}).status_code == 303
    assert Comment.objects.get(claim=claim).author == alice
    assert "Appeler le ministère" in client.get(url("claim", claim)).content.decode()


def test_it_marks_a_duplicate_of_another_claim(as_user: Any, alice: Any, claim: Any) -> None:
    original = ClaimFactory()
    client = as_user(alice)
    assert client.post(url("claim_duplicate", claim), {"original": 999999}).status_code == 400
    assert client.post(url("claim_duplicate", claim), {"original": original.pk}).status_code == 303
    claim.refresh_from_db()
    assert (claim.status, claim.duplicate_of_id) == ("duplicate", original.pk)


def test_it_lets_a_reviewer_take_a_claim_but_only_an_editor_assign_others(
    as_user: Any, alice: Any, bob: Any, erin: Any, claim: Any
) -> None:
    assert as_user(alice).post(url("claim_assign", claim), {"assignee": "me"}).status_code == 303
    claim.refresh_from_db()
    assert claim.assignee == alice
    assert as_user(alice).post(url("claim_assign", claim), {"assignee": str(bob.pk)}).status_code == 403
    html = as_user(erin).get(url("claim", claim)).content.decode()
    assert f'<option value="{bob.pk}"' in html
    assert as_user(erin).post(url("claim_assign", claim), {"assignee": str(bob.pk)}).status_code == 303
    claim.refresh_from_db()
    assert claim.assignee == bob


def test_it_refuses_every_claim_form_without_csrf_token(as_user: Any, alice: Any, claim: Any) -> None:
    client = as_user(alice, csrf=True)
    evidence = Evidence.objects.create(claim=claim, provider="library", url="https://example.org/y")
    posts = [
        (url("claim_transition", claim), {"to": "selected"}),
        (url("claim_edit", claim), {"text": "x", "kind": "other", "expected_version": 1}),
        (url("claim_assign", claim), {"assignee": "me"}),
        (url("claim_duplicate", claim), {"original": claim.pk}),
        (url("verdict_save", claim), {"rating": "false", "summary": "x"}),
        (url("comment_add", claim), {"body": "x"}),
        (url("evidence_add", claim), {"url": "https://example.org"}),
        (url("evidence_retry", claim, "library"), {}),
        (reverse("review:evidence_stance", args=[evidence.pk]), {"stance": "supports"}),
    ]
    for target, data in posts:
        assert client.post(target, data).status_code == 403, target
    claim.refresh_from_db()
    assert claim.status == "new" and claim.version == 1 and not Comment.objects.exists()


def test_it_renders_script_in_claim_text_comments_and_evidence_as_text(as_user: Any, alice: Any) -> None:
    claim = ClaimFactory(text="<script>alert(1)</script>", claimant="<img src=x onerror=alert(2)>")
    Comment.objects.create(claim=claim, author=alice, body="<script>alert(3)</script>")
    Evidence.objects.create(claim=claim, provider="library", url="https://e.org", title="<script>alert(4)</script>")
    html = as_user(alice).get(url("claim", claim)).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert html.count("&lt;script&gt;alert(") >= 3


def test_it_loads_the_workspace_in_a_fixed_number_of_queries(as_user: Any, alice: Any, bob: Any, erin: Any) -> None:
    claim = submitted(alice)
    client = as_user(erin)

    def add_rows(n: int, offset: int) -> None:
        Evidence.objects.bulk_create(
            Evidence(claim=claim, provider="library", url=f"https://e.org/{offset + i}", stance="supports",
                     stance_by=bob) for i in range(n))
        Comment.objects.bulk_create(Comment(claim=claim, author=bob, body=f"c{i}") for i in range(n))
        AuditEvent.objects.bulk_create(
            AuditEvent(actor=bob, action="comment.add", object_type="comment", object_id=i, claim=claim)
            for i in range(n))
        EvidenceRun.objects.bulk_create(EvidenceRun(claim=claim, provider=f"p{offset + i}") for i in range(n))

    add_rows(1, 0)
    client.get(url("claim", claim))
    with CaptureQueriesContext(connection) as few:
        client.get(url("claim", claim))
    add_rows(25, 100)
    VerdictFactory(claim=claim, status="retracted", author=bob)
    with CaptureQueriesContext(connection) as many:
        html = client.get(url("claim", claim)).content.decode()
    assert html.count('class="ev stance-supports"') == 26
    # 17 on PostgreSQL (the prior-match search runs four statements there), fewer on SQLite.
    assert len(many.captured_queries) == len(few.captured_queries) <= 17


def test_it_lists_prior_fact_checks_and_offers_to_mark_a_published_twin_as_original(
    as_user: Any, alice: Any, bob: Any
) -> None:
    from tests.factories import PriorFactCheckFactory

    prior = PriorFactCheckFactory()
    twin = ClaimFactory(status="published")
    VerdictFactory(claim=twin, status="published", author=bob)
    claim = ClaimFactory()
    html = as_user(alice).get(url("claim", claim)).content.decode()
    assert prior.url in html
    assert f'name="original" value="{twin.pk}"' in html
    response = as_user(alice).post(url("claim_duplicate", claim), {"original": twin.pk})
    assert response.status_code == 303
    claim.refresh_from_db()
    assert claim.duplicate_of_id == twin.pk


def test_it_never_links_a_javascript_url_from_evidence(as_user: Any, alice: Any, claim: Any) -> None:
    Evidence.objects.create(claim=claim, provider="library", url="javascript:alert(1)", title="Piège")
    Evidence.objects.create(claim=claim, provider="library", url="https://example.org/ok", title="Bon")
    html = as_user(alice).get(url("claim", claim)).content.decode()
    assert 'href="javascript:' not in html
    assert 'href="https://example.org/ok"' in html


def test_it_refuses_a_reviewer_the_editor_steps_and_a_verdict_edit_under_review(
    as_user: Any, alice: Any, bob: Any
) -> None:
    claim = submitted(bob)
    client = as_user(alice)
    assert client.post(url("claim_transition", claim), {"to": "published"}).status_code == 403
    assert client.post(url("claim_transition", claim), {"to": "in_progress", "comment": "non"}).status_code == 403
    assert client.post(url("verdict_save", claim), {"rating": "false", "summary": "autre"}).status_code == 409
    claim.refresh_from_db()
    assert claim.status == "in_review"
    assert Verdict.objects.get(claim=claim).summary == "Le Kazakhstan a envoyé 40 tonnes d'aide"


def test_it_shows_a_claim_entered_without_an_article(as_user: Any, alice: Any) -> None:
    claim = ClaimFactory(article=None, start=None, end=None, quote="", text="Affirmation saisie à la main")
    response = as_user(alice).get(url("claim", claim))
    assert response.status_code == 200
    assert "Affirmation saisie à la main" in response.content.decode()


def test_it_reopens_a_published_claim_as_a_correction_for_editors_only(as_user: Any, alice: Any, bob: Any,
                                                                        erin: Any) -> None:
    claim = submitted(bob)
    claim_transition(claim=claim, to="published", actor=erin)
    assert as_user(alice).post(url("claim_transition", claim), {"to": "in_progress", "comment": "x"}).status_code == 403
    response = as_user(erin).post(url("claim_transition", claim), {"to": "in_progress", "comment": "Nouveau chiffre"})
    assert response.status_code == 303
    claim.refresh_from_db()
    assert claim.status == "in_progress"
    assert Verdict.objects.filter(claim=claim, status="draft", supersedes__isnull=False).exists()
