"""axe-core over every reviewer page, in French and English, at desktop width and at 390 px, in
Chromium: no serious or critical violation, and at 390 px no page scrolls sideways."""

from __future__ import annotations

from typing import Any

import pytest

from tests.axe import axe_violations
from tests.browser.conftest import DESKTOP, PHONE
from tests.conftest import make_user
from tests.review.pages import build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_every_reviewer_page_passes_axe_in_both_languages_and_widths(open_session: Any, live_server: Any) -> None:
    alice = make_user("alice", "reviewer")
    erin = make_user("erin", "editor")
    ed = make_user("ed", "editor")
    visits = build(alice, erin, ed)
    found: list[str] = []
    wide: list[str] = []
    for locale in ("fr-FR", "en-GB"):
        for label, viewport in (("desktop", DESKTOP), ("390px", PHONE)):
            pages = {"reviewer": open_session(alice, viewport=viewport, locale=locale),
                     "editor": open_session(erin, viewport=viewport, locale=locale)}
            for visit in visits:
                page = pages[visit.who]
                response = page.goto(f"{live_server.url}{visit.path}")
                assert response is not None and response.status == visit.status, visit
                assert page.locator("html").get_attribute("lang") == locale[:2]
                found += [f"{locale} {label} {visit.name}: {v}" for v in axe_violations(page)]
                if viewport is PHONE:
                    width = page.evaluate("document.documentElement.scrollWidth")
                    if width > PHONE["width"]:
                        wide.append(f"{locale} {visit.name}: {width}px")
    assert found == []
    assert wide == [], "pages wider than the phone"


def test_axe_finds_a_serious_violation_when_there_is_one(open_session: Any, live_server: Any) -> None:
    """The check itself: an unlabelled field and low-contrast text are reported."""
    page = open_session(make_user("alice", "reviewer"))
    page.evaluate("""() => {
        const main = document.querySelector('main');
        main.insertAdjacentHTML('beforeend', '<input id="nolabel"><p style="color:#bbb">faint</p>');
    }""")
    violations = axe_violations(page)
    assert any("label" in v and "#nolabel" in v for v in violations), violations
    assert any("color-contrast" in v for v in violations), violations
