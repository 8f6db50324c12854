"""French and English UI: chosen from the browser or the switch; every string of the interface translated."""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import ClaimFactory

LOCALE = Path(settings.BASE_DIR) / "locale"
OURS = ("templates/review/", "templates/registration/", "templates/base.html", "claims/review/",
        "claims/extraction/checkworthiness.py")


def po_entries(language: str) -> list[tuple[list[str], str, list[str]]]:
    """(references, msgid, msgstrs) for every entry of the catalogue, header excluded."""
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = []
    for block in text.split("\n\n"):
        refs = [r for line in block.splitlines() if line.startswith("#: ") for r in line[3:].split()]
        fields: dict[str, str] = {}
        key = ""
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                key = match.group(1)
                fields[key] = match.group(2)
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        if fields.get("msgid"):
            entries.append((refs, fields["msgid"], [v for k, v in fields.items() if k.startswith("msgstr")]))
    return entries


@pytest.mark.parametrize("language", ["fr", "en"])
def test_it_translates_every_string_of_the_interface(language: str) -> None:
    entries = [e for e in po_entries(language) if any(ref.startswith(OURS) for ref in e[0])]
    assert len(entries) > 150
    # Every entry of the catalogue, not only the review pages': API refusals, labels, admin texts.
    untranslated = [msgid for _refs, msgid, msgstrs in po_entries(language) if not all(msgstrs)]
    assert untranslated == []
    # Fuzzy entries are left out of the compiled catalogue: they would show in English.
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_it_ships_compiled_catalogues_in_step_with_the_sources(language: str) -> None:
    mo = gettext.GNUTranslations((LOCALE / language / "LC_MESSAGES" / "django.mo").open("rb"))
    for _refs, msgid, msgstrs in po_entries(language):
        if "\\" in msgid:
            continue
        if len(msgstrs) == 1:
            assert mo.gettext(msgid) == msgstrs[0], f"django.mo is stale for {msgid!r}: run compilemessages"
        else:
            assert mo.ngettext(msgid, "", 1) == msgstrs[0], f"django.mo is stale for {msgid!r}: run compilemessages"


def test_it_speaks_the_browsers_language(as_user: Any, alice: Any) -> None:
    ClaimFactory(checkworthiness=0.8)
    french = as_user(alice, language="fr").get("/review/").content.decode()
    english = as_user(alice, language="en").get("/review/").content.decode()
    assert "File des affirmations" in french and '<html lang="fr">' in french
    assert "0,80" in french  # numbers in the French format
    assert "Claims queue" in english and "0.80" in english


def test_it_translates_why_a_claim_was_picked(as_user: Any, alice: Any) -> None:
    # Reasons are stored as English message ids; one the catalogue does not know shows as stored.
    claim = ClaimFactory(checkworthiness_reasons=["contains a quantity", "future or hypothetical", "an unknown reason"])
    url = reverse("review:claim", args=[claim.pk])
    french = as_user(alice, language="fr").get(url).content.decode()
    english = as_user(alice, language="en").get(url).content.decode()
    def reasons(html: str, side: str = "") -> list[str]:
        return re.findall(rf'<span class="reason{side}">([^<]*)</span>', html)

    # what raised the score, then apart what lowered it
    assert reasons(french) == ["contient une quantité", "an unknown reason"]
    assert reasons(french, " against") == ["futur ou hypothétique"]
    assert "Ce qui la dessert :" in french
    assert reasons(english) == ["contains a quantity", "an unknown reason"]
    assert reasons(english, " against") == ["future or hypothetical"]
    assert "Against it:" in english


def test_it_switches_language_from_the_menu(as_user: Any, alice: Any) -> None:
    client: Client = as_user(alice, language="fr")
    response = client.post(reverse("set_language"), {"language": "en", "next": "/review/"})
    assert response.status_code == 302
    assert "Claims queue" in client.get("/review/").content.decode()


def test_it_translates_refusals_from_the_workflow(as_user: Any, alice: Any) -> None:
    claim = ClaimFactory()
    response = as_user(alice, language="fr").post(
        reverse("review:claim_transition", args=[claim.pk]), {"to": "dismissed", "comment": ""}
    )
    assert response.status_code == 400
    assert "Expliquez pourquoi dans un commentaire." in response.content.decode()
