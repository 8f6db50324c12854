"""The French check-worthiness model learnt from labelled article candidates (article_training), on
articles written here; the shipped model's French part; the train_checkworthiness --articles command."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from claims.extraction import article_training as at
from claims.extraction import extract_texts
from claims.extraction import leads as ld
from claims.extraction.checkworthiness import (
    SCORED_BY_MODEL,
    SHIPPED_MODEL,
    TrainedScorer,
    configured_scorer,
    load_scorer,
)
from claims.extraction.titles import title_stems
from claims.extraction.training import save, train
from tests.extraction.test_checkworthiness import examples

# Facts a fact-checker would check (Y), lesser sentences (N): each article is written from these, numbered.
FACTS = [
    "La mairie de {town} a fermé {n} écoles lundi après une inondation.",
    "Le conseil régional a voté mardi une aide de {n} millions d'euros pour {town}.",
    "La police a interpellé {n} personnes samedi soir à {town}, selon la préfecture.",
]
LESSER = [
    "Il pourrait pleuvoir encore demain à {town}.",
    "Je trouve que cette ville est magnifique au printemps.",
    "Venez nombreux au marché de {town} ce dimanche !",
]
TOWNS = ["Nantes", "Rennes", "Lille", "Dijon", "Metz", "Brest", "Tours", "Nancy", "Rouen", "Caen"]


def article(number: int) -> dict[str, Any]:
    town = TOWNS[number % len(TOWNS)]
    sentences = [s.format(town=town, n=number + 3) for pair in zip(FACTS, LESSER, strict=True) for s in pair]
    return {"id": f"a{number}", "title": f"{town} : la mairie ferme des écoles", "published_at": "2024-03-08",
            "language": "fr", "text": " ".join(sentences)}


def labels_of(row: dict[str, Any]) -> dict[str, Any]:
    text, spans = row["text"], []
    town = next(t for t in TOWNS if t in text)
    number = int(row["id"][1:])
    for template, label in [(f, "Y") for f in FACTS] + [(s, "N") for s in LESSER]:
        sentence = template.format(town=town, n=number + 3)
        start = text.index(sentence)
        spans.append([start, start + len(sentence), label])
    first = sorted(spans)[0]
    return {"id": row["id"], "sha1": at.text_digest(text), "main": first[:2], "labels": sorted(spans)}


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, Any]]:
    return [article(n) for n in range(10)]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_candidate_takes_the_label_of_the_span_it_mostly_is() -> None:
    spans = [(0, 100, "Y"), (101, 200, "N")]
    assert at.label_for(0, 100, spans) == "Y"
    assert at.label_for(0, 96, spans) == "Y"  # cut a few characters earlier: the same sentence
    assert at.label_for(90, 200, spans) == "N"  # mostly the second
    assert at.label_for(0, 40, spans) is None  # a piece of a split sentence: nobody labelled it
    assert at.label_for(300, 400, spans) is None


def test_it_reads_labels_and_says_which_line_is_wrong(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": "1", "sha1": "abc", "main": None, "labels": [[0, 5, "Y"]]}])
    [item] = at.read_article_labels(good)
    assert item.spans == ((0, 5, "Y"),) and item.main is None
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"id": "1", "sha1": "abc", "main": None, "labels": [[0, 5, "maybe"]]}])
    with pytest.raises(ValueError, match="bad.jsonl:1: labels are Y, B or N"):
        at.read_article_labels(bad)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "1"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="broken.jsonl:1: not an article's labels"):
        at.read_article_labels(broken)


def test_labels_must_point_into_the_text_they_were_made_on(corpus: list[dict[str, Any]]) -> None:
    labels = [at.ArticleLabels("a0", at.text_digest(corpus[0]["text"]), None, ((0, 10, "Y"),))]
    with pytest.raises(ValueError, match="not in the corpus"):
        at.labelled_articles(labels, {})
    changed = {"a0": {**corpus[0], "text": corpus[0]["text"] + " Une phrase de plus."}}
    with pytest.raises(ValueError, match="not the one labelled"):
        at.labelled_articles(labels, changed)


def test_a_model_learnt_from_labelled_articles_ranks_facts_first(corpus: list[dict[str, Any]], tmp_path: Path) -> None:
    labels = at.read_article_labels(write_jsonl(tmp_path / "labels.jsonl", [labels_of(r) for r in corpus]))
    articles = at.labelled_articles(labels, {r["id"]: r for r in corpus})
    assert all(a.main == 0 for a in articles)  # the first sentence, a fact, was marked as the main one
    assert all(label is not None for a in articles for label in a.labels)
    trained = at.train_language(articles, folds=2)
    assert trained["labels"] == {"Y": 30, "B": 0, "N": 30} and trained["candidates"] == 60
    # Out of fold, each article's short list (two of six sentences: selection.limit_for) holds facts only.
    figures = trained["top_five"]["trained"]
    assert figures.claims == 20 and figures.worth == 20 and figures.main_found == figures.main_articles == 10
    payload = at.add_to_payload(train(examples(), language="en"), trained)
    assert set(payload["lexical"]) == {"en", "fr"} and "fr" in payload["thresholds"]
    path = tmp_path / "cw.joblib"
    save(payload, path)
    scorer = load_scorer(str(path))
    assert scorer.model_for("fr")[0] == "fr" and scorer.model_for("en")[0] == "en"
    texts = ["La mairie de Pau a fermé 12 écoles lundi après une inondation.",
             "Je trouve que cette ville est magnifique au printemps."]
    fact, opinion = (e.claims + e.recoverable for e in extract_texts(texts, languages=["fr", "fr"], scorer=scorer,
                                                                      min_score=0.0, selective=False))
    assert fact[0].checkworthiness > 0.5 > opinion[0].checkworthiness
    assert SCORED_BY_MODEL in fact[0].checkworthiness_reasons


def test_a_lead_model_learns_which_first_statement_is_the_news(corpus: list[dict[str, Any]], tmp_path: Path) -> None:
    # The main fact is the second statement of every article here (a teaser comes first): the rule, which
    # wants a past event with a name, may pick either; the model learns the place and what the news looks like.
    teaser = "Découvrez en images la journée de la mairie."
    rows = [{**row, "text": f"{teaser} {row['text']}"} for row in corpus]
    labels = [labels_of(r) for r in rows]  # the sentences found again in the longer text
    for item in labels:
        item["labels"].insert(0, [0, len(teaser), "N"])
        item["main"] = item["labels"][1][:2]
    articles = at.labelled_articles(at.read_article_labels(write_jsonl(tmp_path / "l.jsonl", labels)),
                                    {r["id"]: r for r in rows})
    assert all(a.main == 1 for a in articles)
    leads = at.train_leads(articles, folds=2)
    assert leads["articles"] == 10 and leads["found"]["model"] == 10
    assert all(pick == 1 for pick in leads["picks"])
    trained = at.train_language(articles, folds=2, leads=leads)
    assert all(a.candidates[1].signals.lead and not a.candidates[0].signals.lead for a in articles)
    payload = at.add_to_payload(train(examples(), language="en"), trained)
    scorer = TrainedScorer(payload, "cw.joblib")
    assert scorer.lead_model("fr") is not None and scorer.lead_model("en") is None
    assert scorer.for_languages(["en"]).lead_model("fr") is None  # French left to the rules: the rule's lead
    [extraction] = extract_texts([rows[0]["text"]], languages=["fr"], scorer=scorer, min_score=0.0,
                                 selective=False, titles=[rows[0]["title"]])
    marked = [c for c in sorted(extraction.claims, key=lambda c: c.start) if c.signals.lead]
    assert [c.text for c in marked] == [sorted(extraction.claims, key=lambda c: c.start)[1].text]


def test_the_lead_model_reads_the_first_statements_only() -> None:
    class Echo:  # a model that wants the statement echoing the title most
        def decision(self, row: dict[str, Any]) -> float:
            return row["features"]["echo"]

    class Cand:
        def __init__(self, text: str) -> None:
            self.text, self.quote, self.claimant, self.needs_context, self.signals = text, text, "", False, None

    title = title_stems("La grève des cheminots continue")
    body = [Cand("Le temps était doux."), Cand("La grève des cheminots continue."), *[Cand("Rien.")] * 6,
            Cand("La grève des cheminots a coûté cher aux cheminots.")]
    rows = ld.lead_features(body, title, rule_pick=0)
    assert len(rows) == ld.WINDOW and rows[0]["rule_pick"] == 1.0 and rows[1]["echo_best"] == 1.0
    assert ld.pick(Echo(), body, title, 0) == 1  # the later, more echoing one lies past the window
    assert ld.pick(Echo(), [], title, None) is None


def usable_of(row: dict[str, Any]) -> dict[str, Any]:
    """The facts usable as written (U), the lesser sentences not (N): opinions, forecasts, promotion."""
    item = labels_of(row)
    marks = {"Y": "U", "N": "N"}
    return {"id": item["id"], "sha1": item["sha1"],
            "labels": [[s, e, marks[label], [] if label == "Y" else ["QUOTE"]] for s, e, label in item["labels"]]}


def test_it_reads_usability_labels_and_says_which_line_is_wrong(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": "1", "sha1": "abc", "labels": [[0, 5, "L", ["SUBJ"]]]}])
    [item] = at.read_usable_labels(good)
    assert item.spans == ((0, 5, "L"),)
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"id": "1", "sha1": "abc", "labels": [[0, 5, "Y", []]]}])
    with pytest.raises(ValueError, match="bad.jsonl:1: usability labels are U, L or N"):
        at.read_usable_labels(bad)
    short = write_jsonl(tmp_path / "short.jsonl", [{"id": "1", "sha1": "abc", "labels": [[0, 5]]}])
    with pytest.raises(ValueError, match="short.jsonl:1: not an article's usability labels"):
        at.read_usable_labels(short)


def test_a_usability_model_learnt_from_labelled_texts_keeps_unusable_ones_off_the_list(
        corpus: list[dict[str, Any]], tmp_path: Path) -> None:
    by_id = {r["id"]: r for r in corpus}
    articles = at.labelled_articles(at.read_article_labels(write_jsonl(tmp_path / "l.jsonl", [labels_of(r) for r in corpus])),
                                    by_id)
    usable = at.read_usable_labels(write_jsonl(tmp_path / "u.jsonl", [usable_of(r) for r in corpus]))
    assert at.attach_usable(articles, usable, by_id) == 60
    trained = at.train_language(articles, folds=2)
    model = trained["usable"]
    assert model["labels"] == {"U": 30, "L": 0, "N": 30} and model["auc"] > 0.9
    # Out of fold every fact is rated usable and every lesser sentence not.
    for article, held in zip(articles, model["held"], strict=True):
        for label, p in zip(article.usable, held, strict=True):
            assert (p >= 0.5) == (label == "U")
    figures = trained["top_five"]["trained, usability"]
    assert figures.usable_labelled == figures.usable == figures.claims
    assert "usable as written 1.000" in figures.line("trained, usability")
    payload = at.add_to_payload(train(examples(), language="en"), trained)
    assert set(payload["usable"]) == {"fr"} and "held" not in payload["articles"]["fr"]
    assert payload["articles"]["fr"]["usable"]["candidates"] == 60
    scorer = TrainedScorer(payload, "cw.joblib")
    assert scorer.usable_model("fr") is not None and scorer.usable_model("en") is None
    assert scorer.for_languages(["en"]).usable_model("fr") is None
    [extraction] = extract_texts([corpus[0]["text"]], languages=["fr"], scorer=scorer, min_score=0.0, selective=False)
    by_text = {c.text: c.usable for c in extraction.claims}
    assert by_text["La mairie de Nantes a fermé 3 écoles lundi après une inondation."] > 0.5
    assert by_text["Je trouve que cette ville est magnifique au printemps."] < 0.5
    # Without a model every candidate is usable: selection is what it was.
    [plain] = extract_texts([corpus[0]["text"]], languages=["fr"], min_score=0.0, selective=False)
    assert {c.usable for c in plain.claims} == {1.0}


def test_usability_labels_must_point_into_labelled_articles(corpus: list[dict[str, Any]], tmp_path: Path) -> None:
    by_id = {r["id"]: r for r in corpus}
    articles = at.labelled_articles(at.read_article_labels(write_jsonl(tmp_path / "l.jsonl", [labels_of(corpus[0])])),
                                    by_id)
    with pytest.raises(ValueError, match="a1 has usability labels but no check-worthiness labels"):
        at.attach_usable(articles, [at.UsableLabels("a1", "x", ())], by_id)
    with pytest.raises(ValueError, match="not the one labelled"):
        at.attach_usable(articles, [at.UsableLabels("a0", "x", ())], by_id)


def test_a_model_needs_both_kinds_of_label(corpus: list[dict[str, Any]], tmp_path: Path) -> None:
    only_facts = [{**labels_of(r), "labels": [[s, e, "Y"] for s, e, _ in labels_of(r)["labels"]]} for r in corpus[:4]]
    labels = at.read_article_labels(write_jsonl(tmp_path / "labels.jsonl", only_facts))
    with pytest.raises(ValueError, match="labelled Y and others"):
        at.train_language(at.labelled_articles(labels, {r["id"]: r for r in corpus}), folds=2)


def test_only_a_model_file_takes_a_language_model() -> None:
    with pytest.raises(ValueError, match="train the English one first"):
        at.add_to_payload({"format": "something else"}, {"language": "fr"})


@pytest.mark.django_db
def test_the_command_adds_the_french_model_to_a_model_file(corpus: list[dict[str, Any]], tmp_path: Path) -> None:
    model = tmp_path / "cw.joblib"
    save(train(examples(), language="en"), model)
    model.with_suffix(".md").write_text("# cw.joblib\n\nEnglish figures.\n", encoding="utf-8")
    labels = write_jsonl(tmp_path / "labels.jsonl", [labels_of(r) for r in corpus])
    usable = write_jsonl(tmp_path / "usable.jsonl", [usable_of(r) for r in corpus])
    articles = write_jsonl(tmp_path / "corpus.jsonl", corpus)
    out = io.StringIO()
    for _ in range(2):  # run twice: the French section is replaced, not added again
        call_command("train_checkworthiness", "--articles", str(labels), "--corpus", str(articles), "--output",
                     str(model), "--folds", "2", "--usable", str(usable), stdout=out)
    assert "rules: top-5 worth checking" in out.getvalue() and "added the fr model" in out.getvalue()
    assert "usability: 60 texts labelled (U 30, L 0, N 30)" in out.getvalue()
    assert "trained, usability: top-5 worth checking" in out.getvalue()
    assert "lead: the main fact is the rule's lead in" in out.getvalue()
    provenance = model.with_suffix(".md").read_text(encoding="utf-8")
    assert provenance.startswith("# cw.joblib\n\nEnglish figures.")
    assert provenance.count("## fr: learnt from labelled article candidates") == 1
    assert "60 candidates labelled (Y 30, B 0, N 30" in provenance and "CC BY-SA" in provenance
    scorer = TrainedScorer(__import__("joblib").load(model), str(model))
    assert set(scorer.lexical) == {"en", "fr"} and set(scorer.leads) == {"fr"} and set(scorer.usable) == {"fr"}
    assert "Usability model (claims/extraction/usability.py)" in provenance and f"--usable {usable} " in provenance
    with pytest.raises(CommandError, match="needs --corpus"):
        call_command("train_checkworthiness", "--articles", str(labels), "--output", str(model))
    with pytest.raises(CommandError, match="no model to add to"):
        call_command("train_checkworthiness", "--articles", str(labels), "--corpus", str(articles), "--output",
                     str(tmp_path / "missing.joblib"))
def test_the_shipped_model_scores_french_with_its_own_model(settings: Any) -> None:
    shipped = load_scorer(str(SHIPPED_MODEL))
    assert shipped.model_for("fr")[0] == "fr"
    assert shipped.info["articles"]["fr"]["candidates"] >= 2000
    assert shipped.usable_model("fr") is not None and shipped.info["articles"]["fr"]["usable"]["candidates"] >= 3000
    settings.FACTCHECK_CHECKWORTHINESS_MODEL = "default"
    settings.FACTCHECK_CHECKWORTHINESS_MODEL_LANGUAGES = ["en", "fr"]
    [extraction] = extract_texts(["Le gouvernement a envoyé 25 tonnes de farine au Liban en mars."], languages=["fr"],
                                 scorer=configured_scorer(), min_score=0.0, selective=False)
    assert SCORED_BY_MODEL in extraction.claims[0].checkworthiness_reasons
    settings.FACTCHECK_CHECKWORTHINESS_MODEL_LANGUAGES = ["en"]
    [extraction] = extract_texts(["Le gouvernement a envoyé 25 tonnes de farine au Liban en mars."], languages=["fr"],
                                 scorer=configured_scorer(), min_score=0.0, selective=False)
    assert SCORED_BY_MODEL not in extraction.claims[0].checkworthiness_reasons


