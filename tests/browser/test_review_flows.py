"""The reviewer's day in a real browser: queue by keyboard, evidence, verdict, second reviewer,
a claim made from a text selection, and the conflict message when two people edit one claim."""

from __future__ import annotations

from typing import Any

import pytest

from claims.models import Claim, Evidence, Verdict
from tests.browser.conftest import PHONE, screenshot
from tests.conftest import make_user
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_takes_a_claim_from_the_queue_to_publication(open_session: Any, live_server: Any) -> None:
    alice = make_user("alice", "reviewer")
    ed = make_user("ed", "editor")
    article = ArticleFactory(title="Aide humanitaire au Kazakhstan")
    ClaimFactory(article=article, checkworthiness=0.95, text="La première affirmation à vérifier")
    target = ClaimFactory(article=article, checkworthiness=0.7, text="Le Kazakhstan a envoyé 40 tonnes d'aide")
    ClaimFactory(article=article, checkworthiness=0.4, text="Une affirmation moins importante", status="selected")
    evidence = Evidence.objects.create(claim=target, provider="library", url="https://example.org/rapport",
                                       title="Rapport du ministère", excerpt="38 tonnes ont été livrées.",
                                       relevance=0.8)

    page = open_session(alice)
    page.wait_for_selector("#queue-table tbody tr")
    screenshot(page, "queue")
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.locator("tr.current").get_attribute("id") == f"row-{target.pk}"
    page.keyboard.press("x")
    assert page.locator("#selected-count b").text_content() == "1"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/review/claims/{target.pk}/")

    page.get_by_role("button", name="Select for checking").click()
    page.get_by_role("button", name="Start checking").click()
    page.locator(f"#evidence-{evidence.pk}").get_by_role("button", name="Refutes").click()
    page.wait_for_selector(f"#evidence-{evidence.pk} button[value=refutes][aria-pressed=true]")
    evidence.refresh_from_db()
    assert evidence.stance == "refutes"

    page.get_by_label("Rating").select_option(label="Mostly false")
    page.get_by_label("Summary (the claim as reviewed)").fill("Le Kazakhstan a envoyé 40 tonnes d'aide")
    assert page.locator("#v-summary-count").text_content() == "39 / 74"
    page.get_by_label("Explanation").fill("Le ministère compte 38 tonnes livrées.")
    page.get_by_role("button", name="Save verdict").click()
    page.wait_for_selector("text=Verdict saved.")
    screenshot(page, "claim")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_selector(".badge.st-in_review")

    editor = open_session(ed)
    editor.get_by_role("link", name="Awaiting review").click()
    screenshot(editor, "awaiting")
    editor.get_by_role("link", name="Le Kazakhstan a envoyé 40 tonnes").click()
    editor.get_by_role("button", name="Approve and publish").click()
    editor.wait_for_selector(".pagehead .badge.st-published")
    assert editor.locator(".pagehead .badge").text_content() == "Published"
    target.refresh_from_db()
    verdict = Verdict.objects.get(claim=target)
    assert (target.status, verdict.status, verdict.author, verdict.approver) == ("published", "published", alice, ed)
    screenshot(editor, "claim-published")
    editor.get_by_role("link", name="Dashboard").click()
    editor.wait_for_selector("svg.chart")
    screenshot(editor, "stats")

    phone = open_session(alice, viewport=PHONE)
    phone.wait_for_selector("#queue-table")
    screenshot(phone, "queue-390")
    phone.goto(f"{live_server.url}/review/claims/{target.pk}/")
    screenshot(phone, "claim-390")
    # At 390 px nothing overflows the page sideways.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_it_creates_a_claim_from_a_text_selection(open_session: Any, live_server: Any) -> None:
    alice = make_user("alice", "reviewer")
    # An emoji before the selection: offsets count code points, as Python does, not UTF-16 units.
    text = ("Le ministre 🇫🇷 a parlé hier.\n\nLe PIB a progressé de 2 % en 2023. "
            "Le chômage est tombé à 7 % selon l'Insee. La dette atteint 110 % du PIB.")
    article = ArticleFactory(text=text, title="Économie : les chiffres du trimestre")
    first = text.index("Le PIB")
    ClaimFactory(article=article, start=first, end=text.index("2023.") + 5, checkworthiness=0.9)
    wanted = "Le chômage est tombé à 7 %"

    page = open_session(alice)
    page.goto(f"{live_server.url}/review/articles/{article.pk}/")
    assert page.locator("#new-claim").is_disabled()
    page.evaluate(
        """(wanted) => {
          const root = document.getElementById('article-text');
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walker.nextNode())) {
            const i = node.data.indexOf(wanted);
            if (i >= 0) {
              const range = document.createRange();
              range.setStart(node, Math.max(0, i - 1));  // include the space before: it is trimmed
              range.setEnd(node, i + wanted.length);
              const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
              return;
            }
          }
          throw new Error('text not found');
        }""",
        wanted,
    )
    page.wait_for_selector("#new-claim:not([disabled])")
    screenshot(page, "article")
    page.get_by_role("button", name="New claim").click()
    page.wait_for_url(f"{live_server.url}/review/claims/*/")
    claim = Claim.objects.exclude(pk__in=article.claims.filter(created_by__isnull=True)).get(article=article)
    assert claim.quote == wanted
    assert text[claim.start:claim.end] == wanted
    assert claim.created_by == alice
    page.goto(f"{live_server.url}/review/articles/{article.pk}/")
    assert page.locator(f"#claim-{claim.pk}").text_content() == wanted
    screenshot(page, "article-with-new-claim")
    phone = open_session(alice, viewport=PHONE)
    phone.goto(f"{live_server.url}/review/articles/{article.pk}/")
    screenshot(phone, "article-390")


def test_it_refuses_the_second_of_two_concurrent_edits_with_a_clear_message(
    open_session: Any, live_server: Any
) -> None:
    alice = make_user("alice", "reviewer")
    bob = make_user("bob", "reviewer")
    claim = ClaimFactory(claimant="Le ministre")
    url = f"{live_server.url}/review/claims/{claim.pk}/"
    first = open_session(alice)
    second = open_session(bob)
    first.goto(url)
    second.goto(url)

    first.get_by_label("Claimant").fill("La ministre des Finances")
    first.get_by_role("button", name="Save details").click()
    first.wait_for_selector("text=Claim saved.")

    second.get_by_label("Claimant").fill("Le Premier ministre")
    second.get_by_role("button", name="Save details").click()
    second.wait_for_selector("#conflict")
    message = second.locator("#error").text_content()
    assert "Changed by alice at" in message and "since you opened it" in message
    assert "La ministre des Finances" in message
    assert second.get_by_label("Claimant").input_value() == "Le Premier ministre"
    screenshot(second, "conflict")
    claim.refresh_from_db()
    assert claim.claimant == "La ministre des Finances"

    # Having seen the current values, bob can save deliberately: the form now carries the new version.
    second.get_by_role("button", name="Save details").click()
    second.wait_for_selector("text=Claim saved.")
    claim.refresh_from_db()
    assert claim.claimant == "Le Premier ministre"


def test_it_shows_new_evidence_when_a_provider_run_finishes(open_session: Any, live_server: Any) -> None:
    from claims.models import EvidenceRun

    alice = make_user("alice", "reviewer")
    claim = ClaimFactory()
    run = EvidenceRun.objects.create(claim=claim, provider="url_snapshot", status="queued",
                                     options={"url": "https://example.org/rapport"})
    page = open_session(alice, locale="fr-FR")
    page.goto(f"{live_server.url}/review/claims/{claim.pk}/")
    assert page.locator("#runs").get_attribute("data-pending") == "1"
    assert page.locator("#ev-h").text_content().startswith("Sources")  # the French interface
    # What the worker would do: store the snapshot and finish the run. The open page picks it up.
    Evidence.objects.create(claim=claim, provider="url_snapshot", url="https://example.org/rapport",
                            title="Rapport annuel 2023")
    EvidenceRun.objects.filter(pk=run.pk).update(status="done", found_count=1)
    page.wait_for_selector("#evidence-list >> text=Rapport annuel 2023", timeout=15_000)
    assert page.locator("#evidence-count").text_content() == "1"
    page.locator("#evidence-list").get_by_role("button", name="Confirme").click()
    page.wait_for_selector("#evidence-list button[value=supports][aria-pressed=true]")
    screenshot(page, "claim-fr")
