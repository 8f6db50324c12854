"""The short list an article keeps: the few claims worth a fact-checker's time, best first.

Selective by default: at most ~35% of the article's sentences (never more than 40%), between 3
and 8 claims, each at or above the threshold (past the first three, well above it unless it states
a figure: FIRM_MARGIN; past the first two, usable as written: MIN_USABLE); fragments and subjects
that need context come last.
An article that states a figure never ends with nothing: its best candidate with a quantity is
kept. Everything else stays recoverable (Extraction.recoverable), so a reviewer can pull it up.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any, Protocol

from claims.extraction.checkworthiness import SHORT_WORDS

_WORD = re.compile(r"[^\W\d_]{3,}|\d+", re.UNICODE)
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")
MIN_CLAIMS = 3
MAX_CLAIMS = 8
SHARE = 0.35  # of the article's sentences, typically
MAX_SHARE = 0.4  # never more
# Past its first FIRM_CLAIMS claims an article keeps a candidate without a figure only FIRM_MARGIN above the
# threshold: an article with three good candidates stores those, not five with the weak ones that fill the list
# (reported feelings, a private person's doings, opinions quoted score just above it). Dev tune split p@5
# 0.537 -> 0.586, recall 0.583 -> 0.573 (without the figure's exemption recall fell to 0.552). A figure forecast or
# supposed is no exemption (_states_figure).
FIRM_CLAIMS = 3
FIRM_MARGIN = 0.15
# Past its first USABLE_CLAIMS claims an article keeps no candidate the usability model (usability.py) expects a
# fact-checker to rewrite before checking it (`usable` below MIN_USABLE: "La députée du Nord annonce qu'elle quitte
# le groupe", "C'est une scène improbable qui s'est déroulée ce week-end"), unless it states a figure as a fact
# (_states_figure: "Bayer effectuera un paiement entre 8,8 milliards de dollars et 9,6 milliards de dollars ..." is
# long, and checked); it stays recoverable. Judged on 191 unseen articles (rows 800-999, README "French usability
# model"): top-5 check-worthy 55.3% -> 58.9%, usable as written 36.2% -> 40.3%, 3.95 -> 3.58 claims per article,
# as many check-worthy claims usable after at most an edit (237). Dev recall 0.605 -> 0.535 (its annotators
# picked such statements and rewrote them).
USABLE_CLAIMS = 2
MIN_USABLE = 0.5


class _Candidate(Protocol):
    start: int
    checkworthiness: float
    quantities: list[dict[str, Any]]
    text: str
    signals: Any
    usable: float


def limit_for(sentences: int) -> int:
    """How many claims an article of this many sentences keeps at most."""
    if sentences <= 0:
        return 0
    wanted = min(MAX_CLAIMS, max(MIN_CLAIMS, round(SHARE * sentences)))
    return max(1, min(wanted, math.floor(MAX_SHARE * sentences)))


def _a_statement(cand: _Candidate) -> bool:
    s = cand.signals
    return s is None or not (s.fragment or s.question)


def _names(cand: _Candidate) -> int:
    """How many names and figures a candidate states: of two statements of one fact (a lead the body restates),
    the one that names more ("à l'appel de la CGT") is the one to check."""
    return len(getattr(cand, "entities", None) or ()) + len(cand.quantities)


def _lead(ranked: Sequence[_Candidate], min_score: float) -> _Candidate | None:
    """The article's lead (Signals.lead: the news it reports, lead_choice._mark_lead) when it reaches the threshold: it
    is kept first and ranks with the best kept claim. Its details (a figure, a date, a name more) score higher one
    by one, and a short list of them would leave out the news they detail. Not a lead that speaks to the reader
    ("Revivez en vidéo ce que vous avez manqué cette année"): that is a teaser."""
    return next((c for c in ranked if c.signals is not None and getattr(c.signals, "lead", False) and _a_statement(c)
                 and not c.signals.second_person and c.checkworthiness >= min_score), None)


def _states_figure(cand: _Candidate) -> bool:
    """Whether a candidate states a figure as a fact (FIRM_MARGIN's exemption): not one it forecasts or supposes
    ("Les recettes pourraient atteindre 3 millions d'euros", "Nous allons vendre 20 000 billets"), what will be
    is no figure to check."""
    s = cand.signals
    return bool(cand.quantities) and not (s is not None and (s.forecast or s.hypothetical))


def _restates(figures: set[str], other: set[str]) -> bool:
    """Whether two claims' figures allow one to restate the other: the same, or one's with at most two more (a
    date, a detail); not two different results ("61 %" / "33 %") nor one figure among a list."""
    small, large = sorted((figures, other), key=len)
    return small <= large and len(large - small) <= 2


def select(candidates: Sequence[_Candidate], *, sentences: int, min_score: float) -> tuple[list[Any], list[Any]]:
    """(kept in article order, the rest best first)."""
    ranked = sorted(candidates, key=lambda c: (-c.checkworthiness, c.start))
    limit = limit_for(max(sentences, 1))
    kept: list[Any] = []
    seen: list[tuple[set[str], set[str]]] = []
    lead = _lead(ranked, min_score)
    for cand in ([lead] + [c for c in ranked if c is not lead] if lead is not None else ranked):
        if len(kept) >= limit:
            break
        words = set(_WORD.findall(cand.text.lower()))
        figures = set(_FIGURE.findall(cand.text))
        # The lead often restates a sentence of the body: one claim per fact, the version that names more
        # (_names). Not when the figures differ ("61 % se disent pessimistes" / "33 % se disent optimistes":
        # two results of a poll); a restatement may add a figure or two to the other's ("annoncé vendredi 3 mai que
        # le dispositif, censé se terminer le 30 avril, sera prolongé"), not a list of them.
        repeated = next((k for k, (other, their_figures) in enumerate(seen) if other and len(words & other) >= 0.6 * min(
            len(words), len(other)) and not (figures and their_figures and not _restates(figures, their_figures))),
            None)
        floor = min_score + (FIRM_MARGIN if len(kept) >= FIRM_CLAIMS and not _states_figure(cand) else 0.0)
        if cand.checkworthiness < floor or not _a_statement(cand):
            continue
        if len(kept) >= USABLE_CLAIMS and cand.usable < MIN_USABLE and not _states_figure(cand):
            continue
        if repeated is not None:
            if _names(cand) > _names(kept[repeated]):
                kept[repeated], seen[repeated] = cand, (words, figures)
            continue
        kept.append(cand)
        seen.append((words, figures))
    if lead is not None and kept:
        # The lead (or the restatement of it that names more) is the first kept: it ranks with the best.
        kept[0].checkworthiness = max(c.checkworthiness for c in kept)
    if not kept:
        with_figure = [c for c in ranked if c.quantities and _a_statement(c)]
        if with_figure:
            kept.append(with_figure[0])
    chosen = {id(c) for c in kept}
    rest = [c for c in ranked if id(c) not in chosen]
    return sorted(kept, key=lambda c: c.start), rest


# What a later candidate must gain in check-worthiness per place to come before an earlier one.
POSITION_COST = 0.5
# What a candidate that names nothing it states loses (_names_no_subject): some 0.6 of a place.
UNNAMED_COST = 0.3
# What a candidate the post states again in other words gains (_restated): as much as an unnamed one loses.
RESTATED_GAIN = 0.3
RESTATED_SHARE = 0.5


def _states_the_post(cand: _Candidate) -> bool:
    """Whether a candidate can be what a post states first: not a line too short to hold a claim
    ("URGENT URGENT NOUVELLE MALADIE", "La poire de l'angoisse !": the hook before the claim; the
    `short` rule's length) and not a forecast (what will happen is not what a fact-checker checks).
    A short line with a verb that names someone or something is a statement, not a hook: "Michel
    Cymes se fait vacciner.", "73 chinois arrêtés au Katanga." (claims-fr tune split 0.298 -> 0.299).
    A question that names no one and nothing is a hook too ("Vous savez ce que c'est ça ?", "COMMENT
    TRAITER TOUTE SORTE DE CANCERS ?", "On nous prend encore pour des pangolins ?"): it asks the reader
    to read on (tune split 0.299 -> 0.301); one that names something may be the claim asked ("L'absence
    de la France à une réunion du Conseil de sécurité : c'est de la stratégie ?")."""
    s = cand.signals
    return s is None or not (s.words < SHORT_WORDS and not _names_and_tells(s) or s.forecast
                             or s.question and not s.entities)


def _names_and_tells(s: Any) -> bool:
    """Whether a line names someone or something (an entity) and has a verb: however short, it states."""
    return bool(s.entities) and s.has_verb


def _names_no_subject(cand: _Candidate) -> bool:
    """Whether a candidate leans on something said elsewhere, speaks to the reader or of the poster: its main clause's
    subject is a pronoun ("Il a défendu sa famille contre 5 racailles", "Ils attendaient 500 000
    manifestants", "C'est fini", "Il n'y a pas un Président qui ...": who or what it is about is in
    another line), or it says "vous"/"tu" ("PRENEZ DES NOTES S'IL VOUS PLAÎT!!", "Ce que l'Occident
    n'oseront jamais vous dire"). A post's claim names what it is about: "Ce militaire Français s'est
    fait agresser par 5 personnes". Read on the parse (syntax.span_features, root_subj=pron*). So does a
    line in the first person: the poster speaks of themselves or of "us" ("Cette photo m'a mis les larmes
    aux yeux", "Un ami m'a transmis cela ce matin", "pour mieux nous embrouiller"), not of what the post
    claims (claims-fr tune split 0.296 -> 0.298)."""
    s = cand.signals
    return s is not None and (s.second_person or s.first_person
                              or any(key.startswith("root_subj=pron") for key in s.syntax))


def _restated(cand: _Candidate, others: Sequence[_Candidate]) -> bool:
    """Whether another candidate of the post says it again: half the words of the shorter of the two
    (select's measure of one fact stated twice, _WORD) and at least two. A post states its claim in its
    title and again in its text ("DES VACCINS RETIRÉS EN SUISSE" / "La Suisse a retiré deux vaccins du
    marché"), or in its text and again in the caption of its picture; the comment around it says
    something else each time (claims-fr tune split 0.300 -> 0.302: nine posts better, none worse)."""
    words = set(_WORD.findall(cand.text.lower()))
    for other in others:
        if other is cand:
            continue
        theirs = set(_WORD.findall(other.text.lower()))
        shared = len(words & theirs)
        if shared >= 2 and shared >= RESTATED_SHARE * min(len(words), len(theirs)):
            return True
    return False


def top_claim(extraction: Any) -> Any | None:
    """The one claim a text is about, among all its candidates (stored, recoverable and headlines).

    A social-media post states its claim first, most often in its first line, and then comments on it
    ("Voilà où on va !", "Partagez !"); the check-worthiness score alone prefers a detailed sentence of
    the comment. So the first candidate wins unless a later one scores POSITION_COST more per place
    (tuned on the tune split of claims-fr: evaluate_claims --split tune). A post almost always carries
    one claim, even when nothing in it reaches the threshold, so there is a top claim whenever there
    is a candidate. Short lines and forecasts take no place: they come after the other candidates
    (_states_the_post), so the post's first statement keeps the first place (claims-fr tune split
    0.289 -> 0.293). A candidate whose subject is a pronoun or that speaks to the reader costs
    UNNAMED_COST more (_names_no_subject; tune split 0.293 -> 0.297); one the post states twice gains
    RESTATED_GAIN (_restated)."""
    pool = sorted([*extraction.claims, *extraction.recoverable, *getattr(extraction, "headlines", [])],
                  key=lambda c: c.start)
    if not pool:
        return None
    pool = [c for c in pool if _states_the_post(c)] + [c for c in pool if not _states_the_post(c)]
    return max(enumerate(pool), key=lambda ic: ic[1].checkworthiness - POSITION_COST * ic[0]
               - UNNAMED_COST * _names_no_subject(ic[1]) + RESTATED_GAIN * _restated(ic[1], pool))[1]
