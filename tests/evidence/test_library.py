"""The library: documents split into passages at ingestion, searched by the library provider."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from claims.evidence import get_provider
from claims.models import AuditEvent, LibraryDocument, LibraryPassage
from claims.services.errors import InvalidInput
from claims.services.library import PASSAGE_MAX, PASSAGE_TARGET, library_document_add, split_passages

pytestmark = pytest.mark.django_db

REPORT = (
    "Rapport annuel de l'aide humanitaire\n\n"
    "Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine en mars 2022.\n\n"
    + "Les convois comprenaient des médicaments et de la nourriture. " * 30
    + "\n\nLa Pologne a servi de point de transit pour l'ensemble des livraisons."
)


def test_it_splits_text_into_passages_whose_offsets_point_into_the_text():
    spans = split_passages(REPORT)
    assert len(spans) >= 3
    for span in spans:
        assert 0 < span.end - span.start <= PASSAGE_MAX
        assert REPORT[span.start : span.end] == REPORT[span.start : span.end].strip()
    assert [s.start for s in spans] == sorted(s.start for s in spans)


def test_it_adds_a_document_once_with_its_passages(admin_user):
    document, created = library_document_add(title="Rapport", text=REPORT, language="fr", actor=admin_user)
    again, created_again = library_document_add(title="Autre titre", text=REPORT, language="fr")

    assert created and not created_again and again.pk == document.pk
    passages = list(LibraryPassage.objects.filter(document=document))
    assert all(document.text[p.start : p.end] == p.text and p.language == "fr" for p in passages)
    assert AuditEvent.objects.filter(action="library.add").count() == 1


def test_it_refuses_an_empty_document():
    with pytest.raises(InvalidInput):
        library_document_add(title="Vide", text="  \n ")
    assert not LibraryDocument.objects.exists()


def test_the_library_provider_returns_the_best_passage(kazakh_claim):
    library_document_add(title="Rapport", text=REPORT, language="fr", source_url="https://gov.example/rapport")

    [best, *_] = get_provider("library").search(kazakh_claim)

    assert "Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine en mars 2022." in best.excerpt
    assert len(best.excerpt) <= PASSAGE_TARGET  # a passage, not the whole report
    assert best.url.startswith("https://gov.example/rapport#passage-") and best.title == "Rapport"


def test_the_command_adds_text_and_html_files(tmp_path, capsys):
    (tmp_path / "note.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Communiqué</title></head><body><article><p>"
        + "Le ministère confirme l'envoi de 40 tonnes d'aide humanitaire. " * 5
        + "</p></article></body></html>", encoding="utf-8")

    call_command("library_add", str(tmp_path), "--language", "fr")
    call_command("library_add", str(tmp_path / "note.txt"))

    out = capsys.readouterr().out
    assert out.count("added as document") == 2 and "already in the library" in out
    assert set(LibraryDocument.objects.values_list("title", flat=True)) == {"note", "Communiqué"}
