"""Grouped cross-validation of the English rules with candidate signals added: is a signal worth a rule?

    .venv/bin/python bench/rule_signals.py ../shared/data/checkworthiness-en/train.tsv [--only NAME,...] [--together]

Parses the file once (the parse and the signals are kept in the temporary directory under a hash of
the file, as `sentence_signals` makes them), then for the baseline, each candidate alone and, with
--together, all candidates at once, refits the rule weights on every fold exactly as
`evaluate_checkworthiness FILE --cv 5 --rules` does (`training.cross_validate(models=False)`) and
prints the mean, the standard deviation and the per-fold F1. The baseline line repeats that command's
figures. The candidates are the general English signals tried in the seventh session (README,
"Check-worthiness"); none is used by the scorers: add one to Signals and _RULES to use it.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import pickle
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import setup_django  # noqa: E402

Candidate = Callable[..., bool]


def _root_subject(doc: Any) -> Any:
    subjects = [c for c in doc[:].root.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
    return subjects[0] if subjects else None


def _words(*words: str) -> Candidate:
    chosen = frozenset(words)
    return lambda doc, signals: any(t.lower_ in chosen for t in doc)


def _entity(label: str) -> Candidate:
    return lambda doc, signals: any(e.label_ == label for e in doc.ents)


def _negated_past(doc: Any, signals: Any) -> bool:
    """'never', or a negation on a verb in the past ('did not vote', 'has not met')."""
    return any(t.lower_ == "never" for t in doc) or any(
        t.dep_ == "neg" and (t.head.tag_ in ("VBD", "VBN") or any(
            c.dep_ == "aux" and (c.tag_ == "VBD" or c.lower_ in ("did", "has", "have", "had")) for c in t.head.children))
        for t in doc)


def _subject(*forms: str) -> Candidate:
    return lambda doc, signals: (s := _root_subject(doc)) is not None and s.lower_ in forms


def _third_person_subject(doc: Any, signals: Any) -> bool:
    s = _root_subject(doc)
    return s is not None and (s.lower_ in ("he", "she", "they", "it") if s.pos_ == "PRON" else s.pos_ in ("NOUN", "PROPN"))


CANDIDATES: dict[str, Candidate] = {
    "degree": lambda doc, signals: any(t.tag_ in ("JJR", "JJS", "RBR", "RBS") for t in doc),
    "modal": lambda doc, signals: any(t.tag_ == "MD" for t in doc),
    "passive": lambda doc, signals: any(t.dep_ in ("nsubjpass", "auxpass") for t in doc),
    "perfect": lambda doc, signals: doc[:].root.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "'s") for c in doc[:].root.children),
    "existential": lambda doc, signals: any(t.dep_ == "expl" for t in doc),
    "wh_adverb": lambda doc, signals: any(t.tag_ == "WRB" for t in doc),
    "negated_past": _negated_past,
    "person": _entity("PERSON"), "org": _entity("ORG"), "gpe": _entity("GPE"), "norp": _entity("NORP"),
    "law": _entity("LAW"),
    "subject_i": _subject("i"), "subject_we": _subject("we"), "subject_you": _subject("you"),
    "subject_third": _third_person_subject,
    "third_person_past": lambda doc, signals: signals.main_past and _third_person_subject(doc, signals),
    "i_past": lambda doc, signals: signals.main_past and _subject("i")(doc, signals),
    "quantifier": lambda doc, signals: any(
        t.lower_ in ("many", "any", "every", "no", "all", "most", "none", "each", "single")
        and t.dep_ in ("det", "amod", "nsubj", "dobj", "pobj") for t in doc),
    "cognition": _words("think", "thinks", "thought", "thinking", "believe", "believes", "believed", "feel",
                        "feels", "felt", "opinion", "view", "judgment", "wish", "mind", "afraid", "concerned", "glad",
                        "convinced", "suppose", "guess", "sure"),
    "evidence": _words("report", "reports", "study", "studies", "evidence", "numbers", "figures", "statistics",
                       "data", "survey", "poll", "polls", "analysis", "estimate", "estimates", "estimated"),
    "stance": _words("against", "wants", "supports", "opposes", "favors", "proposes", "promised", "promises",
                     "claims"),
    "institution": _words("administration", "congress", "senate", "government", "department", "agency",
                          "commission", "court", "federal", "legislature", "committee", "treasury"),
}


def _parsed(path: str) -> tuple[list[Any], list[Any], list[Any]]:
    from spacy.tokens import DocBin

    from claims.extraction.nlp import nlp_for
    from claims.extraction.normalise import normalise
    from claims.extraction.training import read_checkthat_tsv, sentence_signals

    examples = read_checkthat_tsv(path)
    nlp, _ = nlp_for("en")
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / "factcheck-rule-signals" / digest
    if not (cache / "signals.pkl").exists():
        cache.mkdir(parents=True, exist_ok=True)
        texts = [normalise(e.text).text for e in examples]
        DocBin(docs=nlp.pipe(texts, batch_size=256)).to_disk(cache / "docs.spacy")
        (cache / "signals.pkl").write_bytes(pickle.dumps(sentence_signals([e.text for e in examples], "en")))
    docs = list(DocBin().from_disk(cache / "docs.spacy").get_docs(nlp.vocab))
    return examples, pickle.loads((cache / "signals.pkl").read_bytes()), docs


def _cross_validate(examples: list[Any], signals: list[Any], names: list[str]) -> list[float]:
    from claims.extraction import checkworthiness
    from claims.extraction.training import cross_validate

    shipped = list(checkworthiness._RULES)
    checkworthiness._RULES[:] = [*shipped, *((name, 0.0, name) for name in names)]  # weights refitted per fold
    try:
        return [r.scores["rules"].f1 for r in cross_validate(examples, k=5, signals=signals, models=False)]
    finally:
        checkworthiness._RULES[:] = shipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--only", default="", help="comma-separated candidate names (default: all)")
    parser.add_argument("--together", action="store_true", help="also all the chosen candidates at once")
    args = parser.parse_args()
    setup_django()
    chosen = [n for n in args.only.split(",") if n] or list(CANDIDATES)
    examples, signals, docs = _parsed(args.file)
    with_candidates = []
    for s, doc in zip(signals, docs, strict=True):
        s = dataclasses.replace(s)
        for name in chosen:
            setattr(s, name, bool(len(doc)) and bool(CANDIDATES[name](doc, s)))
        with_candidates.append(s)
    runs = [("baseline", []), *((name, [name]) for name in chosen)]
    if args.together:
        runs.append(("together", chosen))
    for label, names in runs:
        f1 = _cross_validate(examples, with_candidates, names)
        on = f"  (on in {sum(getattr(s, names[0]) for s in with_candidates)} sentences)" if len(names) == 1 else ""
        print(f"{label:20s} f1 {statistics.mean(f1):.4f} ± {statistics.pstdev(f1):.4f}  per fold "
              + " ".join(f"{x:.3f}" for x in f1) + on, flush=True)


if __name__ == "__main__":
    main()
