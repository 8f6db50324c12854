"""A language's check-worthiness model learnt from labelled article candidates (no ORM).

The English models learn from CheckThat! sentences; French news has no such file, so the French
model learns from the candidates extraction makes of real articles, each labelled
(claims/evaluation/checkworthiness-fr.jsonl: Y worth checking, B borderline, N not; its README says
by whom). The labels
file holds offsets, not text: the articles are read from their corpus and extracted again, and a
candidate takes the label of the labelled span it overlaps (`label_for`), so the labels outlive
small changes to where extraction cuts sentences.

The model is the language-independent logistic regression of training.py (rule signals and parse
features) with the rule score's log-odds as one more feature: it learns corrections to the rules,
not a scorer from nothing. The labels also name each article's main fact, from which a lead model
learns which statement an article reports (`train_leads`, leads.py). Generalisation is measured on
folds of whole articles, as a reviewer sees it: the share of worth-checking claims in each article's
stored top 5, and whether its main fact is among them (`top_five`).
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from claims.extraction import leads as ld
from claims.extraction import titles as tt
from claims.extraction import usability as us
from claims.extraction.checkworthiness import MODEL_FORMAT, Signals, rescale, rule_score
from claims.extraction.pipeline import extract_texts
from claims.extraction.selection import select
from claims.extraction.training import fit_model, fit_with_threshold, foldable_groups, grouped_folds

LABELS = ("Y", "B", "N")
# A candidate takes a labelled span's label when they share at least this much of each (a sentence cut
# again one word later keeps its label; one of two halves of a split sentence does not).
MIN_OVERLAP = 0.5
# The regression's L2 strength (scikit-learn's C): on 5 folds of the 382 labelled articles, 1.0 gave top-5
# 0.751 and the main fact in 239 of 380 top fives, 0.1 0.752 and 248, 0.03 0.743 and 248.
C = 0.1


@dataclass(frozen=True)
class ArticleLabels:
    id: str
    sha1: str  # the first 12 hex digits of the SHA-1 of the article's text: the corpus row it was labelled on
    main: tuple[int, int] | None  # the candidate stating the article's main news fact, if one did
    spans: tuple[tuple[int, int, str], ...]  # (start, end, label) of every candidate, in the article's text


def text_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


class _WrongLabel(ValueError):
    """A line that parses but holds a label the file's kind does not have."""


def _read_lines(path: str | Path, what: str, parse: Callable[[dict[str, Any]], Any]) -> list[Any]:
    """Each non-blank line of a JSONL labels file, parsed; an error names the file, the line and what it is not."""
    out = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                out.append(parse(json.loads(line)))
            except _WrongLabel as exc:
                raise ValueError(f"{path}:{number}: {exc}") from exc
            except (ValueError, KeyError, TypeError, IndexError) as exc:
                raise ValueError(f"{path}:{number}: not {what} ({exc})") from exc
    return out


def read_article_labels(path: str | Path) -> list[ArticleLabels]:
    """One JSON object a line: {"id", "sha1", "main": [start, end] or null, "labels": [[start, end, "Y"], ...]}."""

    def parse(row: dict[str, Any]) -> ArticleLabels:
        spans = tuple((int(s), int(e), str(label)) for s, e, label in row["labels"])
        if any(label not in LABELS for _, _, label in spans):
            raise _WrongLabel("labels are Y, B or N")
        main = tuple(int(v) for v in row["main"]) if row.get("main") else None
        return ArticleLabels(str(row["id"]), str(row["sha1"]), main, spans)  # type: ignore[arg-type]

    return _read_lines(path, "an article's labels", parse)


@dataclass(frozen=True)
class UsableLabels:
    id: str
    sha1: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, U/L/N) of each labelled candidate's text


def read_usable_labels(path: str | Path) -> list[UsableLabels]:
    """One JSON object a line: {"id", "sha1", "labels": [[start, end, "U", ["SUBJ", ...]], ...]} (the codes say
    what an annotator found wrong: claims/evaluation/README.md)."""

    def parse(row: dict[str, Any]) -> UsableLabels:
        spans = tuple((int(item[0]), int(item[1]), str(item[2])) for item in row["labels"])
        if any(label not in us.USABLE_LABELS for _, _, label in spans):
            raise _WrongLabel("usability labels are U, L or N")
        return UsableLabels(str(row["id"]), str(row["sha1"]), spans)

    return _read_lines(path, "an article's usability labels", parse)


def label_for(start: int, end: int, spans: Sequence[tuple[int, int, str]]) -> str | None:
    """The label of the span that shares most characters with [start, end), when it shares at least
    MIN_OVERLAP of both; None for a candidate nobody labelled."""
    best, label = 0, None
    for s, e, lab in spans:
        shared = min(end, e) - max(start, s)
        if shared > best and shared >= MIN_OVERLAP * (end - start) and shared >= MIN_OVERLAP * (e - s):
            best, label = shared, lab
    return label


@dataclass
class LabelledArticle:
    id: str
    candidates: list[Any]  # candidates.ClaimCandidate, every one extraction made (none selected away)
    labels: list[str | None]
    sentences: int
    main: int | None  # index in candidates
    title: frozenset[str] = frozenset()  # the title's stems (titles.title_stems)
    rule_lead: int | None = None  # the candidate the lead rule marked (lead_choice._mark_lead without a model)
    usable: list[str | None] = field(default_factory=list)  # U/L/N per candidate (attach_usable), None: unlabelled


def _labelled_row(corpus: Mapping[str, Mapping[str, Any]], article_id: str, sha1: str) -> Mapping[str, Any]:
    """The corpus row labels were made on: missing, or with another text than the one labelled, is an error (the
    labels' offsets would point elsewhere)."""
    row = corpus.get(article_id)
    if row is None:
        raise ValueError(f"article {article_id} is not in the corpus")
    if text_digest(row["text"]) != sha1:
        raise ValueError(f"article {article_id}: its text is not the one labelled (SHA-1 {sha1})")
    return row


def _article_folds(articles: Sequence[Any], folds: int) -> list[list[int]]:
    """Folds of whole articles (indexes into `articles`): what a model is measured on never shares an article with
    what it learnt from."""
    return grouped_folds(foldable_groups(list(range(len(articles))), folds), folds)


def labelled_articles(
    labels: Sequence[ArticleLabels], corpus: Mapping[str, Mapping[str, Any]], *, batch: int = 32,
    progress: Callable[[int], None] | None = None,
) -> list[LabelledArticle]:
    """The labelled articles extracted again as the pipeline does (title, publication date, the rules'
    scores), every candidate kept. An article missing from the corpus, or whose text changed since
    it was labelled, is an error: its offsets would point elsewhere."""
    rows = [_labelled_row(corpus, item.id, item.sha1) for item in labels]
    row_of = {item.id: row for item, row in zip(labels, rows, strict=True)}
    out: list[LabelledArticle] = []
    for first in range(0, len(rows), batch):
        chunk = rows[first:first + batch]
        published = [dt.date.fromisoformat(r["published_at"][:10]) if r.get("published_at") else None for r in chunk]
        extractions = extract_texts([r["text"] for r in chunk], languages=[r.get("language", "fr") for r in chunk],
                                    scorer=None, min_score=0.0, selective=False, published=published,
                                    titles=[r.get("title") or "" for r in chunk])
        for item, extraction in zip(labels[first:first + batch], extractions, strict=True):
            cands = sorted(extraction.claims, key=lambda c: c.start)
            main = next((i for i, c in enumerate(cands) if item.main is not None
                         and label_for(c.start, c.end, [(*item.main, "Y")]) is not None), None)
            rule_lead = next((i for i, c in enumerate(cands) if c.signals is not None and c.signals.lead), None)
            out.append(LabelledArticle(item.id, cands, [label_for(c.start, c.end, item.spans) for c in cands],
                                       extraction.sentences, main, tt.title_stems(row_of[item.id].get("title") or ""),
                                       rule_lead))
        if progress is not None:
            progress(len(out))
    return out


def attach_usable(articles: Sequence[LabelledArticle], labels: Sequence[UsableLabels],
                  corpus: Mapping[str, Mapping[str, Any]]) -> int:
    """Give each candidate the usability label of the labelled text at its offsets (the same span, give or take
    MIN_OVERLAP: a text is judged as written, so a candidate cut elsewhere is not the one labelled). Labels of an
    article not among `articles`, or of a text that changed since, are an error. Returns the candidates labelled."""
    by_id = {a.id: a for a in articles}
    count = 0
    for item in labels:
        article = by_id.get(item.id)
        if article is None:
            raise ValueError(f"article {item.id} has usability labels but no check-worthiness labels")
        _labelled_row(corpus, item.id, item.sha1)
        article.usable = [label_for(c.start, c.end, item.spans) for c in article.candidates]
        count += sum(1 for label in article.usable if label is not None)
    return count


def share_threshold(probs: Sequence[float], share: float) -> float:
    """The probability above which `share` of the candidates lie: the model stores as many candidates as
    the rules it refines did (the rules' 0.5 line was set for the stored share, selection.SHARE)."""
    return float(np.quantile(np.asarray(probs, dtype=float), 1.0 - share)) if len(probs) else 0.5


@dataclass(frozen=True)
class TopFive:
    claims: int
    articles: int
    worth: int  # labelled Y
    borderline: int  # labelled B
    main_articles: int  # articles with a labelled main fact
    main_found: int  # ... that is among their top 5
    usable_labelled: int = 0  # claims of the top 5 with a usability label
    usable: int = 0  # ... labelled U, usable as written
    usable_edit: int = 0  # ... labelled L, usable after a one-second edit

    def line(self, name: str) -> str:
        n = max(1, self.claims)
        line = (f"{name}: top-5 worth checking {self.worth / n:.3f}, with borderline {(self.worth + self.borderline) / n:.3f}, "
                f"main fact in the top 5 {self.main_found}/{self.main_articles} ({self.claims} claims, "
                f"{self.claims / max(1, self.articles):.2f} per article)")
        if self.usable_labelled:
            u = self.usable_labelled
            line += (f"; usable as written {self.usable / u:.3f}, after an edit {(self.usable + self.usable_edit) / u:.3f} "
                     f"({u} labelled)")
        return line


def top_five(articles: Sequence[LabelledArticle], scores: Sequence[Sequence[float]], *, min_score: float = 0.5,
             usable: Sequence[Sequence[float]] | None = None) -> TopFive:
    """What a reviewer reads first: each article's short list made from these scores (selection.select; with
    `usable`, the usability model's probabilities), its five best, and how many of them were labelled worth
    checking and usable as written."""
    claims = worth = borderline = main_articles = main_found = usable_labelled = usable_u = usable_l = 0
    for a_index, (article, article_scores) in enumerate(zip(articles, scores, strict=True)):
        cands = [copy.copy(c) for c in article.candidates]
        for c_index, (cand, score) in enumerate(zip(cands, article_scores, strict=True)):
            cand.checkworthiness = score
            cand.usable = usable[a_index][c_index] if usable is not None else 1.0
        kept, _ = select(cands, sentences=article.sentences, min_score=min_score)
        index = {id(c): i for i, c in enumerate(cands)}
        top = [index[id(c)] for c in sorted(kept, key=lambda c: -c.checkworthiness)[:5]]
        labels = [article.labels[i] for i in top]
        claims += len(labels)
        worth += labels.count("Y")
        borderline += labels.count("B")
        if article.main is not None:
            main_articles += 1
            main_found += article.main in top
        if article.usable:
            judged = [article.usable[i] for i in top if article.usable[i] is not None]
            usable_labelled += len(judged)
            usable_u += judged.count("U")
            usable_l += judged.count("L")
    return TopFive(claims, len(articles), worth, borderline, main_articles, main_found, usable_labelled, usable_u,
                   usable_l)


def rule_scores(articles: Sequence[LabelledArticle]) -> list[list[float]]:
    return [[rule_score(c.signals or Signals())[0] for c in a.candidates] for a in articles]


def _rescaled(probs: Sequence[float], threshold: float) -> list[float]:
    return [round(rescale(p, threshold), 3) for p in probs]


def train_leads(articles: Sequence[LabelledArticle], *, folds: int = 5, seed: int = 0, c: float = C) -> dict[str, Any]:
    """The lead model (leads.py: a linear.LinearModel over leads.lead_features, fitted to tell each labelled
    article's main fact from its other first statements) and its out-of-fold picks on folds of whole articles,
    with how often they and the rule's picks are the main fact."""
    chosen = [i for i, a in enumerate(articles) if a.main is not None and a.main < ld.WINDOW]
    rows = {i: ld.lead_features(articles[i].candidates, articles[i].title, articles[i].rule_lead) for i in chosen}

    def fit(indexes: Sequence[int]) -> Any:
        flat = [{"text": "", "features": row} for i in indexes for row in rows[i]]
        gold = [k == articles[i].main for i in indexes for k in range(len(rows[i]))]
        return fit_model(flat, gold, lexical=False, seed=seed, c=c)

    picks: dict[int, int | None] = {}
    for fold in _article_folds(articles, folds):
        model = fit([i for i in chosen if i not in set(fold)])
        for i in fold:
            picks[i] = ld.pick(model, articles[i].candidates, articles[i].title, articles[i].rule_lead)
    labelled = [a for a in articles if a.main is not None]
    return {
        "model": fit(chosen), "picks": [picks.get(i) for i in range(len(articles))], "articles": len(labelled),
        "found": {"rule": sum(1 for a in labelled if a.rule_lead == a.main),
                  "model": sum(1 for i, a in enumerate(articles) if a.main is not None and picks.get(i) == a.main)},
    }


def train_usable(articles: Sequence[LabelledArticle], *, folds: int = 5, seed: int = 0, c: float = C) -> dict[str, Any]:
    """The usability model (usability.py: a linear.LinearModel over usability.usable_features, fitted to tell texts
    labelled U or L from those labelled N) and its out-of-fold probability for every candidate (folds of whole
    articles: a candidate's probability comes from a model that never saw its article), with how well they and
    the needs_context flag alone rank a usable text above an unusable one (AUC)."""
    from sklearn.metrics import roc_auc_score

    labelled = [(a_index, c_index) for a_index, a in enumerate(articles) for c_index, label in enumerate(a.usable)
                if label is not None]
    gold = [articles[a].usable[k] != "N" for a, k in labelled]
    if len(set(gold)) < 2:
        raise ValueError("the usability model needs texts labelled N and others")
    rows = {(a, k): us.usable_features(articles[a].candidates[k]) for a, k in labelled}

    def fit(indexes: set[int]) -> Any:
        chosen = [(pair, g) for pair, g in zip(labelled, gold, strict=True) if pair[0] in indexes]
        return fit_model([{"text": "", "features": rows[pair]} for pair, _ in chosen], [g for _, g in chosen],
                         lexical=False, seed=seed, c=c)

    held: list[list[float]] = [[1.0] * len(a.candidates) for a in articles]
    for fold in _article_folds(articles, folds):
        model = fit(set(range(len(articles))) - set(fold))
        for a_index in fold:
            cands = articles[a_index].candidates
            if cands:
                held[a_index] = [float(p) for p in model.predict_proba(us.rows(cands))[:, 1]]
    probs = [held[a][k] for a, k in labelled]
    flags = [float(not articles[a].candidates[k].needs_context) for a, k in labelled]
    return {
        "model": fit(set(range(len(articles)))), "held": held, "candidates": len(labelled),
        "labels": {lab: sum(1 for a, k in labelled if articles[a].usable[k] == lab) for lab in us.USABLE_LABELS},
        "auc": round(float(roc_auc_score(gold, probs)), 3),
        "auc_needs_context": round(float(roc_auc_score(gold, flags)), 3),
    }


def mark_leads(articles: Sequence[LabelledArticle], picks: Sequence[int | None]) -> None:
    """The leads as a lead model marks them (its out-of-fold picks: what it does on articles it never saw),
    so that the language's scorer learns from the lead signal it will be given."""
    for article, chosen in zip(articles, picks, strict=True):
        for k, cand in enumerate(article.candidates):
            if cand.signals is not None:
                cand.signals.lead = k == chosen


def train_language(
    articles: Sequence[LabelledArticle], *, language: str = "fr", folds: int = 5, seed: int = 0, c: float = C,
    leads: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The language's model (a linear.LinearModel over training.feature_rows), its threshold, and the
    figures of folds of whole articles: out-of-fold top 5 against the rules' on the same folds. With
    `leads` (train_leads), the candidates' leads are the lead model's out-of-fold picks first: the rules'
    figure is taken before, with the rule's leads."""
    rules = top_five(articles, rule_scores(articles))
    if leads is not None:
        mark_leads(articles, leads["picks"])
    flat = [(a_index, c, label) for a_index, a in enumerate(articles)
            for c, label in zip(a.candidates, a.labels, strict=True) if label is not None]
    if len({label == "Y" for _, _, label in flat}) < 2:
        raise ValueError("training needs candidates labelled Y and others")
    texts = [c.text for _, c, _ in flat]
    signals = [c.signals or Signals(language=language) for _, c, _ in flat]
    gold = [label == "Y" for _, _, label in flat]
    groups = foldable_groups([a_index for a_index, _, _ in flat], folds)
    share = float(np.mean([rule_score(s)[0] >= 0.5 for s in signals]))
    out_of_fold: list[float] = []

    def threshold(probs: Sequence[float], _gold: Sequence[bool], _folds: Sequence[Sequence[int]]) -> float:
        out_of_fold[:] = probs
        return share_threshold(probs, share)

    model, cut, _ = fit_with_threshold(False, texts, signals, gold, groups, folds, seed, threshold=threshold, c=c)
    # Out-of-fold scores of every labelled candidate (an unlabelled one keeps its rule score: it is never counted).
    held = rule_scores(articles)
    position = {id(c): i for i, (_, c, _) in enumerate(flat)}
    rescaled = _rescaled(out_of_fold, cut)
    for a_index, article in enumerate(articles):
        for c_index, cand in enumerate(article.candidates):
            if id(cand) in position:
                held[a_index][c_index] = rescaled[position[id(cand)]]
    figures = {"rules": rules, "trained": top_five(articles, held)}
    usable = None
    if any(a.usable for a in articles):
        usable = train_usable(articles, folds=folds, seed=seed, c=c)
        figures["trained, usability"] = top_five(articles, held, usable=usable["held"])
    return {
        "model": model, "threshold": cut, "language": language, "articles": len(articles),
        "candidates": len(flat), "labels": {lab: sum(1 for *_, label in flat if label == lab) for lab in LABELS},
        "folds": folds, "stored_share": share,
        "top_five": figures, "leads": leads, "usable": usable, "held": held,
    }


def add_to_payload(payload: dict[str, Any], trained: dict[str, Any]) -> dict[str, Any]:
    """The scorer's payload with the language's model in it (the English models and thresholds kept)."""
    if payload.get("format") != MODEL_FORMAT:
        raise ValueError(f"not a check-worthiness model of format {MODEL_FORMAT}: train the English one first")
    language = trained["language"]
    out = dict(payload)
    out["lexical"] = {**payload.get("lexical", {}), language: trained["model"]}
    if trained.get("leads") is not None:
        out["leads"] = {**payload.get("leads", {}), language: trained["leads"]["model"]}
    if trained.get("usable") is not None:
        out["usable"] = {**payload.get("usable", {}), language: trained["usable"]["model"]}
    out["thresholds"] = {**payload["thresholds"], language: trained["threshold"]}
    out["articles"] = {**payload.get("articles", {}), language: {
        k: v for k, v in trained.items() if k not in ("model", "top_five", "leads", "usable", "held")} | {
        "leads": {k: v for k, v in (trained.get("leads") or {}).items() if k in ("articles", "found")},
        "usable": {k: v for k, v in (trained.get("usable") or {}).items() if k not in ("model", "held")},
        "top_five": {name: vars(t) for name, t in trained["top_five"].items()},
        "trained_at": dt.datetime.now(tz=dt.UTC).isoformat(timespec="seconds")}}
    return out

