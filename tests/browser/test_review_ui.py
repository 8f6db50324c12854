"""Issue 15's reviewer interface in Chromium: a quantity chip edited through its small form, the
page landing on the next step with the focus on the confirmation, an editor approving what they see
and correcting a published verdict, and the phone layout measured with bounding boxes."""

from __future__ import annotations

from typing import Any

import pytest

from claims.models import Claim, Verdict
from claims.services.workflow import claim_transition, verdict_save
from tests.browser.conftest import PHONE
from tests.conftest import make_user
from tests.factories import ArticleFactory, ClaimFactory, rating
from tests.review.pages import build, structured

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_edits_a_quantity_and_lands_on_the_next_step_after_saving_a_verdict(
    open_session: Any, live_server: Any
) -> None:
    alice = make_user("alice", "reviewer")
    claim = ClaimFactory(status="selected")
    claim = structured(claim, alice)
    claim_transition(claim=claim, to="in_progress", actor=alice)
    page = open_session(alice)
    page.goto(f"{live_server.url}/review/claims/{claim.pk}/")

    chip = page.locator("#quantities-0")
    assert _words(chip.locator(".chiptext")).startswith("about 40 tonnes (from 38 to 42)")
    chip.locator("summary", has_text="Edit").click()
    chip.get_by_label("Value").fill("38")
    chip.get_by_label("Unit").fill("t")
    chip.get_by_label("Approximation").select_option("at_least")
    chip.get_by_label("Range from").fill("")
    chip.get_by_label("to", exact=True).fill("")
    chip.get_by_role("button", name="Save").click()
    page.wait_for_url("**#quantities")
    page.wait_for_load_state()
    assert _words(page.locator("#quantities-0 .chiptext")).startswith("at least 38 t « près de 40 tonnes »")
    page.wait_for_function("document.activeElement.tagName === 'LI'")
    assert page.evaluate("document.activeElement.textContent") == "Saved."
    claim.refresh_from_db()
    assert claim.quantities[0]["value"] == 38 and claim.quantities[0]["start"] == 20  # offsets kept

    # A field the form validates: the browser's own check first, then the server's for the range.
    page.locator("#quantities-0 summary", has_text="Edit").click()
    page.locator("#quantities-0").get_by_label("Range from").fill("50")
    page.locator("#quantities-0").get_by_label("to", exact=True).fill("10")
    page.locator("#quantities-0").get_by_role("button", name="Save").click()
    page.wait_for_selector("#error")
    assert "lower end is above its upper end" in page.locator("#error").inner_text()

    page.goto(f"{live_server.url}/review/claims/{claim.pk}/")
    page.get_by_label("Rating").select_option(label="Mostly false")
    page.get_by_label("Summary (the claim as reviewed)").fill("Le Kazakhstan a envoyé 40 tonnes")
    page.get_by_label("Sources (one web address per line)").fill("https://example.org/rapport")
    page.get_by_role("button", name="Save verdict").click()
    page.wait_for_url("**#workflow")
    page.wait_for_load_state()
    page.wait_for_function("document.activeElement.tagName === 'LI'")
    focused = page.evaluate("[document.activeElement.textContent, document.activeElement.closest('section').id]")
    assert focused == ["Verdict saved. Next step: “Submit for review”.", "workflow"]
    submit = page.get_by_role("button", name="Submit for review")
    assert submit.is_visible() and _in_viewport(page, submit)
    submit.click()
    page.wait_for_selector(".pagehead .badge.st-in_review")


def test_an_editor_sees_what_they_approve_and_corrects_a_published_verdict(open_session: Any, live_server: Any
                                                                         ) -> None:
    alice = make_user("alice", "reviewer")
    erin = make_user("erin", "editor")
    claim = ClaimFactory(status="selected")
    claim_transition(claim=claim, to="in_progress", actor=alice)
    verdict_save(claim=claim, actor=alice, rating=rating("false"), summary="Aucune aide envoyée",
                 explanation="Le ministère ne cite aucun envoi.", sources=["https://example.org/source-1"])
    claim_transition(claim=claim, to="in_review", actor=alice)

    editor = open_session(erin)
    editor.goto(f"{live_server.url}/review/claims/{claim.pk}/")
    card = editor.locator("#submitted-verdict")
    assert "False" in card.inner_text() and "Le ministère ne cite aucun envoi." in card.inner_text()
    assert card.get_by_role("link", name="https://example.org/source-1").get_attribute("href") == \
        "https://example.org/source-1"
    # The reason field of "send back" sits with its own button, folded, after the primary step.
    assert editor.locator("#primary-steps button").first.inner_text() == "Approve and publish"
    assert not editor.locator("#wf-comment-in_progress").is_visible()
    editor.get_by_role("button", name="Approve and publish").click()
    editor.wait_for_selector("#published-verdict")
    published = editor.locator("#published-verdict").inner_text()
    assert "Approved by\nerin" in published and "https://example.org/source-1" in published

    reviewer = open_session(alice)
    reviewer.goto(f"{live_server.url}/review/claims/{claim.pk}/")
    assert reviewer.locator("#published-verdict").is_visible()
    for gone in ("#correct", "#ev-url", "#dup-original", "#runs form"):
        assert reviewer.locator(gone).count() == 0, gone

    editor.locator("#correct summary").click()
    editor.get_by_label("What needs correcting (required)").fill("Un envoi a été confirmé depuis.")
    editor.locator("#correct").get_by_role("button", name="Correct this verdict").click()
    editor.wait_for_selector(".pagehead .badge.st-in_progress")
    claim.refresh_from_db()
    assert claim.status == "in_progress"
    assert Verdict.objects.filter(claim=claim, status="published").exists()
    assert Verdict.objects.filter(claim=claim, status="draft", supersedes__isnull=False).exists()
    assert editor.locator("#verdict-form").is_visible() and editor.locator("#published-verdict").is_visible()


def test_the_phone_layout_fits_and_stays_readable(open_session: Any, live_server: Any) -> None:
    alice = make_user("alice", "reviewer")
    visits = {v.name: v for v in build(alice, make_user("erin", "editor"), make_user("ed", "editor"))}
    long_text = ("Selon le rapport annuel publié par le ministère de la Santé, le nombre de lits d'hôpital a baissé "
                 "de 12 % en dix ans dans les départements ruraux, alors que la population de plus de 75 ans a "
                 "augmenté de 18 % sur la même période selon l'Insee")
    ClaimFactory(article=ArticleFactory(), text=long_text, checkworthiness=0.99)
    phone = open_session(alice, viewport=PHONE, locale="fr-FR")

    phone.goto(f"{live_server.url}{visits['claim-new'].path}")
    runs = phone.locator("#runs")
    assert runs.evaluate("e => e.scrollWidth <= e.clientWidth")
    box = runs.bounding_box()
    for button in phone.locator("#runs button").all():
        b = button.bounding_box()
        assert box["x"] <= b["x"] and b["x"] + b["width"] <= box["x"] + box["width"]
    crumb = phone.locator(".crumbtitle").bounding_box()
    assert crumb["x"] + crumb["width"] <= PHONE["width"] and crumb["height"] < 30  # one clamped line

    phone.goto(f"{live_server.url}{visits['article'].path}")
    title = phone.locator("h1")
    line = float(title.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    assert title.bounding_box()["height"] <= 2 * line + 1  # clamped to two lines
    assert title.evaluate("e => e.scrollHeight > e.clientHeight")  # ... of a longer title

    phone.goto(f"{live_server.url}/review/")
    link = phone.locator("td.claimtext a", has_text="Selon le rapport annuel")
    assert link.inner_text() == long_text  # the whole claim is in the page, not cut at 160 characters
    assert link.get_attribute("title") == long_text
    folded = link.bounding_box()["height"]
    link.focus()
    assert link.bounding_box()["height"] > folded  # and unfolds for whoever moves to it

    phone.goto(f"{live_server.url}/review/stats/")
    sizes = phone.evaluate("""() => [...document.querySelectorAll('svg.chart')]
        .filter(svg => svg.getBoundingClientRect().width > 0)
        .flatMap(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].map(t => scale * parseFloat(t.getAttribute('font-size')));
        })""")
    assert sizes and min(sizes) >= 11, min(sizes)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _words(locator: Any) -> str:
    return " ".join(locator.inner_text().split())


def _in_viewport(page: Any, locator: Any) -> bool:
    box = locator.bounding_box()
    height = page.evaluate("window.innerHeight")
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= height


def test_no_published_claim_tops_the_open_queue(open_session: Any, live_server: Any) -> None:
    alice = make_user("alice", "reviewer")
    ClaimFactory(text="Déjà publiée et très bien notée", checkworthiness=0.99, status="published")
    ClaimFactory(text="Encore à vérifier", checkworthiness=0.5)
    page = open_session(alice)
    rows = page.locator("#queue-table tbody td.claimtext a").all_inner_texts()
    assert rows == ["Encore à vérifier"]
    page.locator(".tab.st-published").click()
    assert page.locator("#queue-table tbody td.claimtext a").all_inner_texts() == ["Déjà publiée et très bien notée"]
    assert Claim.objects.count() == 2
