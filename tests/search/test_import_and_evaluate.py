"""JSONL import of prior fact-checks, stored analysed forms, the same ranking on both databases, and
`evaluate_matching` on a tiny synthetic qrels (runs on SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import math
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import PriorFactCheck, PriorTerm
from claims.search import match_text, recall
from claims.search.rerank import K1, B
from claims.services.priors import priors_import_jsonl, priors_reindex

pytestmark = pytest.mark.django_db

ROWS = [
    {"vclaim_id": "vclaim-sno-kazakh-aid", "vclaim": "Kazakhstan sent 40 tons of humanitarian aid to Ukraine.",
     "title": "Did Kazakhstan Send Aid to Ukraine?", "subtitle": "A viral post said so.", "author": "A. Writer",
     "date": "7 March 2022"},
    {"vclaim_id": "vclaim-sno-uzbek-aid", "vclaim": "Uzbekistan sent 400 tons of humanitarian aid to Ukraine.",
     "title": "Uzbek Aid", "subtitle": "", "author": "B. Writer", "date": "8 March 2022"},
    {"vclaim_id": "vclaim-sno-vaccine-chips", "vclaim": "COVID-19 vaccines contain microchips to track people.",
     "title": "Microchips in Vaccines?", "subtitle": "No.", "author": "C. Writer", "date": "1 May 2021"},
    {"vclaim_id": "vclaim-sno-pizza-vending", "vclaim": "A pizza vending machine makes a pizza in three minutes.",
     "title": "Pizza Vending Machine", "subtitle": "", "author": "D. Writer", "date": "1 July 2015"},
    {"vclaim_id": "vclaim-sno-wombats", "vclaim": "Wombats are herding other animals into their burrows to escape "
     "the Australian bushfires.", "title": "Are Wombats Sheltering Animals?", "subtitle": "", "author": "E",
     "date": "14 January 2020"},
]
QUERIES = {
    "q1": "BREAKING: Kazakhstan just sent 40 tons of aid to Ukraine 🇺🇦 pic.twitter.com/abc — Jo (@jo) March 7, 2022",
    "q2": "They put microchips in the covid vaccines to track us all!!! #WakeUp https://t.co/x",
    "q3": "#PizzaVendingMachine makes your pizza in 3 minutes",
    "q4": "Hero wombats are herding animals into burrows to save them from the #AustralianFires",
}
QRELS = {"q1": "vclaim-sno-kazakh-aid", "q2": "vclaim-sno-vaccine-chips", "q3": "vclaim-sno-pizza-vending",
         "q4": "vclaim-sno-wombats"}


@pytest.fixture
def imported(db):
    lines = [json.dumps(row) for row in ROWS] + ["not json", json.dumps({"vclaim_id": "x"}), ""]
    return priors_import_jsonl(lines=lines, source="jsonl")


def test_it_imports_matching_jsonl_as_prior_fact_checks(imported):
    assert (imported.created, imported.updated) == (5, 0)
    assert [number for number, _ in imported.rejected] == [6, 7]
    prior = PriorFactCheck.objects.get(url="https://www.snopes.com/fact-check/vclaim-sno-kazakh-aid")
    assert (prior.title, prior.summary, prior.publisher, prior.language) == (
        "Did Kazakhstan Send Aid to Ukraine?", "A viral post said so.", "Snopes", "en")
    assert prior.review_date.date().isoformat() == "2022-03-07" and prior.raw["author"] == "A. Writer"


def test_it_stores_analysed_forms_and_postings_at_import(imported):
    prior = PriorFactCheck.objects.get(url="https://www.snopes.com/fact-check/vclaim-sno-kazakh-aid")
    assert {"kazakhstan", "40", "ukrain"} <= set(prior.analysed["claim"])
    assert "kazakhstan" in prior.analysed["title"] and prior.analysed["entities"]
    assert prior.embedding is not None and len(bytes(prior.embedding)) == 768
    postings = dict(PriorTerm.objects.filter(prior=prior).values_list("term", "tf"))
    assert postings["kazakhstan"] == 2  # claim and title
    assert sum(postings.values()) == prior.term_count


def test_reimporting_changes_nothing_and_an_edit_replaces_the_postings(imported):
    before = PriorTerm.objects.count()
    again = priors_import_jsonl(lines=[json.dumps(row) for row in ROWS])
    assert (again.created, again.updated) == (0, 0) and PriorTerm.objects.count() == before
    edited = dict(ROWS[3], vclaim="A robot bakes pizza in ninety seconds.")
    priors_import_jsonl(lines=[json.dumps(edited)])
    terms = set(PriorTerm.objects.filter(prior__url__endswith="pizza-vending").values_list("term", flat=True))
    assert "robot" in terms and "minut" not in terms


def test_import_is_bulk(db):
    rows = [json.dumps({"vclaim_id": f"v-{n}", "vclaim": f"Claim number {n} about topic {n % 7}", "title": "",
                        "subtitle": "", "author": "", "date": ""}) for n in range(300)]
    with CaptureQueriesContext(connection) as queries:
        priors_import_jsonl(lines=rows, embeddings=False)
    # PostgreSQL: read, insert, read ids, COPY postings (+ savepoints). SQLite splits the inserts into
    # batches of its 999 bound parameters: still a handful of statements, never one per row.
    assert len(queries) <= (10 if connection.vendor == "postgresql" else 20)
    assert PriorFactCheck.objects.count() == 300 and PriorTerm.objects.values("prior").distinct().count() == 300


def test_reindex_rebuilds_rows_written_without_the_service(imported):
    PriorTerm.objects.all().delete()
    PriorFactCheck.objects.update(analysed=None)
    assert match_text(text=QUERIES["q3"]) == []
    assert priors_reindex(missing_only=True, embeddings=False) == 5
    recall.forget_stats()
    assert match_text(text=QUERIES["q3"])[0].url.endswith("pizza-vending")


def python_bm25(terms: list[str]) -> list[tuple[float, int]]:
    """BM25 from the stored analysed forms, in plain Python: the oracle both databases must agree with."""
    priors = list(PriorFactCheck.objects.exclude(analysed=None).values_list("id", "analysed"))
    docs = {pk: a["claim"] + a["title"] for pk, a in priors}
    average = sum(map(len, docs.values())) / len(docs)
    df = Counter(t for d in docs.values() for t in set(d))
    scores = []
    for pk, doc in docs.items():
        tf = Counter(doc)
        score = sum(
            math.log(1 + (len(docs) - df[t] + 0.5) / (df[t] + 0.5)) * tf[t] * (K1 + 1)
            / (tf[t] + K1 * (1 - B + B * len(doc) / average))
            for t in terms if tf[t]
        )
        if score:
            scores.append((round(score, 6), pk))
    return sorted(scores, key=lambda s: (-s[0], -s[1]))


def test_the_database_computes_the_same_bm25_as_python(imported):
    terms = ["kazakhstan", "aid", "ukrain", "40", "vaccin", "pizza"]
    total, average = recall.collection_stats()
    df = recall.frequencies(terms)
    hits = recall.top({t: recall.idf(df[t], total) for t in df}, average_length=average, limit=10)
    assert [(round(h.bm25, 6), h.id) for h in hits] == python_bm25(terms)[:10]


# The same fixture and queries give these top-3 on PostgreSQL and on SQLite: CI runs this module on
# both (DATABASE_URL set, then unset), so a ranking difference between them fails one of the runs.
EXPECTED_TOP3 = {
    "q1": ["vclaim-sno-kazakh-aid", "vclaim-sno-uzbek-aid"],
    "q2": ["vclaim-sno-vaccine-chips"],
    "q3": ["vclaim-sno-pizza-vending"],
    "q4": ["vclaim-sno-wombats"],
}


def test_postgresql_and_sqlite_give_the_same_top_3(imported):
    for qid, expected in EXPECTED_TOP3.items():
        ranked = [m.url.rsplit("/", 1)[-1] for m in match_text(text=QUERIES[qid], limit=3)]
        assert ranked[: len(expected)] == expected, (connection.vendor, qid, ranked)


def test_evaluate_matching_prints_the_metrics_of_the_match_service(imported, tmp_path):
    queries = tmp_path / "queries.tsv"
    queries.write_text("".join(f"{qid}\t{text}\n" for qid, text in QUERIES.items()) + "q5\tnothing shared here\n")
    qrels = tmp_path / "qrels.tsv"
    qrels.write_text("".join(f"{qid}\t0\t{doc}\t1\n" for qid, doc in QRELS.items()) + "q5\t0\tvclaim-sno-wombats\t1\n")
    out = StringIO()
    call_command("evaluate_matching", str(queries), str(qrels), stdout=out)
    last = out.getvalue().strip().splitlines()[-1]
    figures = dict(pair.split("=") for pair in last.split())
    assert list(figures) == ["map5", "mrr5", "recall10", "empty"]
    assert float(figures["map5"]) == pytest.approx(0.8) and float(figures["empty"]) == pytest.approx(0.2)
    assert float(figures["recall10"]) == pytest.approx(0.8)


def test_rows_imported_through_the_admin_spreadsheet_import_are_matchable(db):
    import tablib

    from claims.admin.resources import PriorFactCheckResource

    dataset = tablib.Dataset(headers=["claim_reviewed", "url", "language", "rating_text", "publisher"])
    dataset.append(["A pizza vending machine makes a pizza in three minutes.", "https://x.example.org/pizza",
                    "en", "True", "X"])
    result = PriorFactCheckResource().import_data(dataset, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    recall.forget_stats()
    assert match_text(text=QUERIES["q3"])[0].url == "https://x.example.org/pizza"
