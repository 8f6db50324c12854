"""Grouped cross-validation of the English rules with candidate signals added: is a signal worth a rule?

    .venv/bin/python bench/rule_signals.py ../shared/data/checkworthiness-en/train.tsv [--only NAME,...] [--together]
        [--without NAME,...]

Parses the file once (the parse and the signals are kept in the temporary directory under a hash of
the file and of the extraction code, as `sentence_signals` makes them), then for the baseline, each
candidate alone and, with --together, all candidates at once, refits the rule weights on every fold
exactly as `evaluate_checkworthiness FILE --cv 5 --rules` does (`training.cross_validate(models=False)`)
and prints the mean, the standard deviation and the per-fold F1. The baseline line repeats that
command's figures. --without also runs the shipped rules without the named ones (one run for all of
them). The candidates (CANDIDATES) are not used by the scorers: add one to Signals and _RULES to use it.
The 23 general English signals tried in the seventh session were moved there in the ninth.
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


# Candidate signals, each computed on the parsed sentence (a spaCy Doc) and its Signals. The 23 general
# English signals tried in the seventh session are in the product since the ninth (Signals.degree ...
# institution, README "Check-worthiness"): the baseline has them. Add a new one here as
# `"name": lambda doc, signals: ...` to measure it on top of them.
CANDIDATES: dict[str, Candidate] = {}


def _parsed(path: str) -> tuple[list[Any], list[Any], list[Any]]:
    from spacy.tokens import DocBin

    from claims.extraction.nlp import nlp_for
    from claims.extraction.normalise import normalise
    from claims.extraction.training import read_checkthat_tsv, sentence_signals

    examples = read_checkthat_tsv(path)
    nlp, _ = nlp_for("en")
    # The signals depend on the extraction code as much as on the file: a cache made before a change to
    # it would give the signals of the code before (a field added since reads its default).
    code = b"".join(p.read_bytes() for p in sorted((Path(__file__).resolve().parent.parent / "claims" / "extraction")
                                                   .glob("*.py")))
    digest = hashlib.sha256(Path(path).read_bytes() + code).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / "factcheck-rule-signals" / digest
    if not (cache / "signals.pkl").exists():
        cache.mkdir(parents=True, exist_ok=True)
        texts = [normalise(e.text).text for e in examples]
        DocBin(docs=nlp.pipe(texts, batch_size=256)).to_disk(cache / "docs.spacy")
        (cache / "signals.pkl").write_bytes(pickle.dumps(sentence_signals([e.text for e in examples], "en")))
    docs = list(DocBin().from_disk(cache / "docs.spacy").get_docs(nlp.vocab))
    return examples, pickle.loads((cache / "signals.pkl").read_bytes()), docs


def _cross_validate(examples: list[Any], signals: list[Any], names: list[str], without: frozenset[str] = frozenset(),
                    ) -> list[float]:
    from claims.extraction import checkworthiness
    from claims.extraction.training import cross_validate

    shipped = list(checkworthiness._RULES)
    kept = [rule for rule in shipped if rule[0] not in without]
    checkworthiness._RULES[:] = [*kept, *((name, 0.0, name) for name in names)]  # weights refitted per fold
    try:
        return [r.scores["rules"].f1 for r in cross_validate(examples, k=5, signals=signals, models=False)]
    finally:
        checkworthiness._RULES[:] = shipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--only", default="", help="comma-separated candidate names (default: all)")
    parser.add_argument("--together", action="store_true", help="also all the chosen candidates at once")
    parser.add_argument("--without", default="", help="comma-separated shipped rules to leave out in one more run")
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
    runs: list[tuple[str, list[str], frozenset[str]]] = [
        ("baseline", [], frozenset()), *((name, [name], frozenset()) for name in chosen)]
    if args.together and chosen:
        runs.append(("together", chosen, frozenset()))
    without = frozenset(n for n in args.without.split(",") if n)
    if without:
        from claims.extraction.checkworthiness import _RULES

        unknown = without - {name for name, _, _ in _RULES}
        if unknown:
            parser.error(f"not shipped rules: {', '.join(sorted(unknown))}")
        runs.append(("without", [], without))
    for label, names, left_out in runs:
        f1 = _cross_validate(examples, with_candidates, names, left_out)
        on = f"  (on in {sum(getattr(s, names[0]) for s in with_candidates)} sentences)" if len(names) == 1 else ""
        print(f"{label:20s} f1 {statistics.mean(f1):.4f} ± {statistics.pstdev(f1):.4f}  per fold "
              + " ".join(f"{x:.3f}" for x in f1) + on, flush=True)


if __name__ == "__main__":
    main()
