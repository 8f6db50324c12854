"""manage.py ingest: files, folders, stdin, jsonl; a summary table at the end."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from claims.management.commands.ingest import split_title
from claims.models import Article, Claim
from tests.ingest.conftest import ARTICLE, CHANGED, PAGE

# Committed transactions: extraction runs right after each article commits, as in production,
# so the summary table counts the claims.
pytestmark = pytest.mark.django_db(transaction=True)
FIXTURES = Path(__file__).resolve().parents[2] / "claims" / "fixtures" / "articles"


@pytest.fixture
def ingest(eager_tasks: None) -> Any:
    def run(*args: str) -> str:
        out = io.StringIO()
        call_command("ingest", *args, "--no-progress", stdout=out, stderr=io.StringIO())
        return out.getvalue()

    return run


def row(output: str, label: str) -> str:
    line = next(line for line in output.splitlines() if line.startswith(label))
    return line[len(label):].strip()


def test_it_ingests_a_folder_and_prints_a_summary(tmp_path: Path, ingest: Any) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(CHANGED, encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    output = ingest(str(tmp_path), "--language", "fr")
    assert row(output, "ingested") == "3"
    assert row(output, "extracted") == "3"
    assert int(row(output, "claims")) == Claim.objects.count() > 0
    assert "articles/s" in output and "claims/s" in output
    titles = set(Article.objects.values_list("title", flat=True))
    assert "Le Kazakhstan envoie de l’aide à l’Ukraine" in titles
    again = ingest(str(tmp_path), "--language", "fr")
    assert row(again, "duplicates skipped") == "3" and row(again, "ingested") == "0"


def test_it_reads_jsonl_and_reports_bad_rows(tmp_path: Path, ingest: Any) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": ARTICLE, "title": "Aide", "language": "fr", "published_at": "2022-09-14"}),
        "{not json",
        json.dumps({"text": ""}),
        json.dumps(["a list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = ingest(str(path))
    assert row(output, "ingested") == "1"
    assert row(output, "failed to ingest") == "3"
    assert f"failed: {path}:2: not valid JSON" in output
    assert f"failed: {path}:3: Give the article's text, its HTML or its URL." in output
    assert Article.objects.get().published_at is not None


def test_it_reads_stdin(monkeypatch: pytest.MonkeyPatch, ingest: Any) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    output = ingest("-", "--language", "fr")
    assert row(output, "ingested") == "1"
    assert Article.objects.get().extraction_status == "done"


def test_it_reports_unreadable_files_without_stopping(tmp_path: Path, ingest: Any) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Le texte \xe9tait mal encod\xe9.".encode("latin-1"))
    output = ingest(str(tmp_path), "--language", "fr")
    assert row(output, "ingested") == "1" and row(output, "failed to ingest") == "1"
    assert "not valid UTF-8" in output


def test_it_refuses_a_missing_path() -> None:
    with pytest.raises(CommandError, match="no such file"):
        call_command("ingest", "/nonexistent/articles", stdout=io.StringIO())


def test_it_takes_the_first_line_as_title_only_when_it_stands_alone() -> None:
    assert split_title("Titre\n\nCorps du texte.") == ("Titre", "Corps du texte.")
    assert split_title("Une phrase.\nSuite du texte.") == ("", "Une phrase.\nSuite du texte.")


def test_the_sample_articles_all_ingest_with_claims(ingest: Any) -> None:
    files = sorted(FIXTURES.glob("*.txt"))
    assert sum(f.name.startswith("fr-") for f in files) >= 3 and sum(f.name.startswith("en-") for f in files) >= 2
    output = ingest(str(FIXTURES))
    assert row(output, "ingested") == str(len(files)) and row(output, "extracted") == str(len(files))
    by_language = dict(Article.objects.values_list("title", "language"))
    assert set(by_language.values()) == {"fr", "en"}
    for article in Article.objects.all():
        claims = list(article.claims.all())
        # A short list per article; what it leaves out stays recoverable on the article.
        assert claims and len(claims) + len(article.extraction_candidates) >= 3, article.title
        assert all(c.offsets_error(article.text) is None for c in claims)
