"""The spaCy Matcher patterns of date mentions (full dates, months, weekdays, relative days and
periods), and a run of the matcher over only the stretches of a document near the words its patterns
cannot do without, which gives what a run over the whole document gives."""

from __future__ import annotations

import functools
import re
from typing import Any

from spacy.attrs import LOWER
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claims.extraction import lexicon as lx
from claims.extraction.doccache import column


@functools.lru_cache(maxsize=8)
def date_matcher(vocab: Vocab) -> Matcher:
    months = list(lx.MONTHS)
    day = {"TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01])(er|st|nd|rd|th)?$"}}
    year = {"TEXT": {"REGEX": r"^(1[89]\d\d|20\d\d)$"}}
    det = {"LOWER": {"IN": ["ces", "ce", "le", "les", "du", "au", "on", "the", "dès", "depuis", "from", "since"]},
           "OP": "?"}
    month = {"LOWER": {"IN": months}}
    conj = {"LOWER": {"IN": ["et", "and", "-", "au", "to", "à", "through", "–"]}}
    weekday = {"LOWER": {"IN": list(lx.WEEKDAYS)}}
    matcher = Matcher(vocab)
    matcher.add("DATE", [
        [det, day, conj, day, month, {**year, "OP": "?"}],
        # "du mardi 24 au mercredi 25 juillet": both days named.
        [det, weekday, day, conj, weekday, day, month, {**year, "OP": "?"}],
        [det, day, month, {**year, "OP": "?"}],
        [month, day, {"TEXT": ",", "OP": "?"}, {**year, "OP": "?"}],
        [month, day, conj, day, {"TEXT": ",", "OP": "?"}, {**year, "OP": "?"}],
        [{"LOWER": {"IN": ["en", "in", "début", "fin", "mi", "early", "late", "mid"]}, "OP": "?"}, month, year],
        [{"LOWER": {"IN": ["en", "in", "depuis", "since", "année", "year"]}}, year],
        # "entre juillet et septembre", "d'avril à juin 2019", "between July and September": a stretch of months.
        [{"LOWER": {"IN": ["entre", "between"]}}, month, {"LOWER": {"IN": ["et", "and"]}}, month, {**year, "OP": "?"}],
        [{"LOWER": {"IN": ["de", "d'", "from"]}}, month, {"LOWER": {"IN": ["à", "au", "to", "through", "until"]}}, month,
         {**year, "OP": "?"}],
        # "au troisième trimestre (2019)", "premier semestre", "the first quarter of 2020": a part of a year by its
        # rank (the year's last part, and an English one, only with the year: "the fourth quarter" of a match).
        [{"LOWER": {"IN": [r for r in lx.YEAR_PART_RANKS if lx.YEAR_PART_RANKS[r] > 0]}},
         {"LOWER": {"IN": ["trimestre", "semestre"]}}, {**year, "OP": "?"}],
        [{"LOWER": {"IN": list(lx.YEAR_PART_RANKS)}}, {"LOWER": {"IN": list(lx.YEAR_PART_MONTHS)}},
         {"LOWER": {"IN": ["de", "of"]}, "OP": "?"}, year],
    ], greedy="LONGEST")
    matcher.add("MONTH", [
        [{"LOWER": {"IN": ["début", "fin", "mi", "courant", "en", "in", "early", "late", "mid", "next", "last"]}},
         {"TEXT": "-", "OP": "?"}, month],
        [month, {"LOWER": {"IN": ["prochain", "dernier", "passé"]}}],
    ], greedy="LONGEST")
    matcher.add("WEEKDAY", [[{"LOWER": {"IN": ["ce", "this", "last", "next", "dernier"]}, "OP": "?"},
                             {"LOWER": {"IN": list(lx.WEEKDAYS)}},
                             {"LOWER": {"IN": ["dernier", "prochain", "soir", "matin", "night", "morning"]},
                              "OP": "?"}]], greedy="LONGEST")
    period = {"LOWER": {"IN": ["semaine", "mois", "année", "an", "week", "month", "year", "week-end", "weekend"]}}
    # The French model splits "week-end" in three tokens.
    weekend = [{"LOWER": "week"}, {"TEXT": "-"}, {"LOWER": "end"}]
    qualifier = {"LOWER": {"IN": ["dernière", "dernier", "prochaine", "prochain", "passée", "passé"]}}
    # "le mois" alone is no date: a definite article needs "dernier"/"prochain"; "cette semaine" does not.
    the = {"LOWER": {"IN": ["la", "le", "l'"]}}
    this = {"LOWER": {"IN": ["cette", "ce", "cet", "this"]}}
    matcher.add("RELATIVE", [[{"LOWER": {"IN": list(lx.RELATIVE_DAYS)}}],
                             [the, period, qualifier], [the, *weekend, qualifier],
                             [this, period], [this, *weekend],
                             [{"LOWER": {"IN": ["last", "next", "this"]}}, period]], greedy="LONGEST")
    return matcher


# A token a pattern cannot do without: ("lower", the hashes of its words) or ("regex", its TEXT regex).
_Required = tuple[str, Any]


@functools.lru_cache(maxsize=8)
def _required_tokens(matcher: Matcher) -> tuple[tuple[tuple[_Required, ...], ...], int] | None:
    """For every pattern of the matcher, the tokens it cannot do without that are a list of words or a
    regex, and the longest pattern; None when a pattern has no such token."""
    out = []
    longest = 0
    for key in matcher._patterns:  # the pattern dicts as added (Matcher.get needs a key)
        for pattern in matcher.get(key)[1]:
            longest = max(longest, len(pattern))
            required: list[_Required] = []
            for spec in pattern:
                if spec.get("OP", "1") not in ("1", "+") or len(spec) - ("OP" in spec) != 1:
                    continue
                lower, text = spec.get("LOWER"), spec.get("TEXT")
                if isinstance(lower, dict) and set(lower) == {"IN"}:
                    required.append(("lower", frozenset(get_string_id(w) for w in lower["IN"])))
                elif isinstance(lower, str):
                    required.append(("lower", frozenset({get_string_id(lower)})))
                elif isinstance(text, dict) and set(text) == {"REGEX"}:
                    required.append(("regex", text["REGEX"]))
            if not required:
                return None
            out.append(tuple(required))
    return tuple(out), longest


def _matches_near_triggers(matcher: Matcher, doc: Doc) -> list[tuple[int, int, int]]:
    """matcher(doc), in the same order, run only over the stretches of the document near the tokens its
    patterns need (a month, a weekday, a year...): the matcher's Python predicates cost on every token,
    and most of an article is too far from any date to be part of one."""
    required = _required_tokens(matcher)
    if required is None:
        return list(matcher(doc))
    patterns, longest = required
    needed = {spec for specs in patterns for spec in specs}
    # Where each of the patterns' words is (only those: most of a document has none of them), and which
    # distinct words of the document a regex accepts (each tried once).
    wanted = frozenset().union(*(value for kind, value in needed if kind == "lower"))
    by_lower: dict[int, list[int]] = {}
    for i, lower in enumerate(doc.to_array(LOWER).tolist()):
        if lower in wanted:
            by_lower.setdefault(lower, []).append(i)
    words = column(doc, "text")
    hits: dict[_Required, list[int]] = {}
    for spec in needed:
        kind, value = spec
        if kind == "lower":
            hits[spec] = [i for word in value & by_lower.keys() for i in by_lower[word]]
        else:
            regex = re.compile(value)
            accepted = {word for word in set(words) if regex.search(word)}
            hits[spec] = [i for i, word in enumerate(words) if word in accepted] if accepted else []
    # Any one of a pattern's required tokens locates its matches: the rarest in this document.
    near = sorted({i for specs in patterns for i in min((hits[spec] for spec in specs), key=len)})
    windows: list[list[int]] = []
    for i in near:
        start, end = max(0, i - longest + 1), min(len(doc), i + longest)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    # A match holds a required token and is at most `longest` tokens long: it lies inside one window, and
    # none crosses from one window to the next. The matcher gives each label's matches together (labels
    # in the order of their first match), longest first, then by position: so are they put back.
    by_label: dict[int, list[tuple[int, int]]] = {}
    for start, end in windows:
        for label, s, e in matcher(doc[start:end]):
            by_label.setdefault(label, []).append((start + s, start + e))
    return [(label, s, e) for label, pairs in by_label.items()
            for s, e in sorted(pairs, key=lambda p: (p[1] - p[0], -p[0]), reverse=True)]
