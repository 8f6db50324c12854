"""Every reviewer page, in every state, read in French: no text of the page is an English message
id of the catalogue (a string someone forgot to translate, or a translation the catalogue lacks),
and no stored code (an audit action, a provider id, a tier, a scorer's reason) shows raw."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client

from tests.review.pages import build
from tests.review.test_i18n import po_entries

pytestmark = pytest.mark.django_db

SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
# Words that are the same in both languages, or names.
SAME_IN_BOTH = {"Type", "Date", "Dates", "Organisation", "Approximation", "Question", "question", "Wikipedia",
                "Google Fact Check Tools", "Page", "Source", "Sources", "Note", "Total", "API", "Admin",
                "Unit", "Law"}
RAW_CODES = {"claim.transition", "claim.assign", "claim.update", "verdict.create", "verdict.update",
             "claim.update.refused", "comment.add", "evidence.stance", "prior_factchecks", "library",
             "url_snapshot", "strong", "possible", "in_review", "in_progress", "approx", "LOC", "PER", "ORG"}


class TextNodes(HTMLParser):
    """The texts a person sees or hears: text nodes and the attributes read aloud or shown."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in SHOWN_ATTRIBUTES and value:
                self.texts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text and not self._skip:
            self.texts.append(text)


def english_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """A whole-text pattern per English message id whose French differs (placeholders match anything)."""
    patterns = []
    for _refs, msgid, msgstrs in po_entries("fr"):
        english = msgid.replace('\\"', '"').replace("\\n", " ")
        if english in msgstrs or english in SAME_IN_BOTH or not re.search(r"[A-Za-z]{2}", english):
            continue
        body = re.escape(" ".join(english.split()))
        body = re.sub(r"%\\\(\w+\\\)[sd]|%[sd]", ".+?", body)
        patterns.append((english, re.compile(rf"^{body}$")))
    return patterns


def test_every_reviewer_page_reads_entirely_in_french(alice: Any, erin: Any, ed: Any) -> None:
    visits = build(alice, erin, ed)
    clients = {}
    for who, user in (("reviewer", alice), ("editor", erin)):
        clients[who] = Client(HTTP_ACCEPT_LANGUAGE="fr")
        clients[who].force_login(user)
    patterns = english_patterns()
    assert len(patterns) > 300
    found: list[str] = []
    for visit in visits:
        response = clients[visit.who].get(visit.path)
        assert response.status_code == visit.status, visit
        html = response.content.decode()
        assert '<html lang="fr">' in html, visit
        parser = TextNodes()
        parser.feed(html)
        for text in parser.texts:
            found += [f"{visit.name}: {text!r} (catalogue: {msgid!r})" for msgid, pattern in patterns
                      if pattern.match(text)]
            found += [f"{visit.name}: raw code {text!r}" for code in RAW_CODES if text == code]
    assert found == []


def test_the_walk_would_see_an_untranslated_string(alice: Any) -> None:
    """The check itself: an English message id left in a French page is caught."""
    parser = TextNodes()
    parser.feed('<p>Correct this verdict</p><p title="Provider runs">x</p><p>Corriger ce verdict</p>')
    hits = [text for text in parser.texts for _msgid, pattern in english_patterns() if pattern.match(text)]
    assert hits == ["Correct this verdict", "Provider runs"]
