"""Date mentions of a parsed chunk (find_dates): full dates, months, years, weekdays, relative days
and periods, each with its tense and what it needs to be resolved. Decides which matches are no date
(a weekday inside a name or a title, every such day, a weekly slot), what a commemoration remembers,
and from which day a relative day inside a quotation counts."""

from __future__ import annotations

import itertools
import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.date_patterns import _matches_near_triggers, date_matcher
from claims.extraction.doccache import column, doc_text, morph_values, sentence_start
from claims.extraction.quoted_titles import in_quoted_title
from claims.extraction.tense import _completed_at, _narrative_present, _planned_at, arranged_at, tense_at

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_ORDINAL_DAY = re.compile(r"^(\d{1,2})(er|e|st|nd|rd|th)?$")
_DAY = re.compile(r"^(0?[1-9]|[12]\d|3[01])(er)?$")
_DAY_ARTICLES = frozenset({"le", "les", "du", "au", "the"})


def is_year(text: str) -> bool:
    """Whether a word is a year as the extraction reads one: 1800 to 2099."""
    return _YEAR.match(text) is not None


_SIDE_AFTER = {"dernier", "prochain", "passé"}
_SIDE_WORDS = {"prochain", "prochaine", "next", "dernier", "dernière", "passé", "passée", "last"}
_PERIODS = {"année": "year", "an": "year", "year": "year", "mois": "month", "month": "month", "semaine": "week",
            "week": "week", "week-end": "weekend", "weekend": "weekend", "end": "weekend"}


_COMMEMORATION = ("anniversaire", "commémor", "centenaire", "cinquantenaire", "bicentenaire", "célébration")
_ROUND_YEARS = {"centenaire": 100, "cinquantenaire": 50, "bicentenaire": 200, "tricentenaire": 300}
_ORDINAL = re.compile(r"^(\d{1,3})(?:e|è|ème|eme|th)$")


def _commemorated(doc: Doc, span: Span, item: dict[str, Any]) -> None:
    """"le 15e anniversaire des attentats du 11 septembre", "la commémoration du 8 mai": a day-month
    without a year that a commemoration names is the remembered event's date, not an event of the
    article. With the anniversary's count it lies that many years before the commemoration
    (`years_before`); without, its year is unknown (`commemorated`, no value)."""
    if span[0].lower_ not in ("du", "des") and (span.start == 0 or doc[span.start - 1].lower_ not in ("du", "des", "de")):
        return
    if span.end < len(doc) and doc[span.end].lower_ in _SIDE_AFTER:
        return
    window = doc[max(0, span.start - 6) : span.start]
    word = next((t for t in reversed(window) if t.lower_.startswith(_COMMEMORATION)), None)
    if word is None or any(t.is_punct and t.text not in ("'", "-") for t in doc[word.i : span.start]):
        return
    count = _ROUND_YEARS.get(word.lower_)
    if count is None and word.i > 0 and (m := _ORDINAL.match(doc[word.i - 1].lower_)):
        count = int(m.group(1))
    if count:
        item["years_before"] = count
    else:
        item["commemorated"] = True


_NIGHT = frozenset({"nuit", "soirée", "soir", "matinée", "journée", "night"})


def _weekly(doc: Doc, i: int) -> bool:
    """Whether the weekday at token i names every such day: after the definite article, "chaque" or "un"
    ("ouvert le dimanche", "chaque lundi", "every Sunday", "un vendredi 13"), or in a span of days told in the present
    ("présente du lundi au jeudi"), not in one night's ("dans la nuit du lundi au mardi")."""
    if doc[i].lower_ not in lx.WEEKDAYS or i == 0:
        return False
    before = doc[i - 1].lower_
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if before in ("chaque", "every", "un", "a"):
        return True  # (and "un vendredi 13": any such day, not one)
    if before == "le":
        # "ouvre le dimanche" in the present; not "le mardi prochain", nor a story's "Le samedi soir, il a ...".
        # One that describes a noun is every such day whatever the tense: "opposée au travail le dimanche".
        return after not in _SIDE_WORDS and after not in ("suivant", "précédent") and (
            tense_at(doc, i) == "present" or doc[i].dep_ == "nmod" and doc[i].head.pos_ == "NOUN"
            and doc[i].head.i == i - 2)
    if before == "du" and i + 2 < len(doc) and doc[i + 1].lower_ == "au" and doc[i + 2].lower_ in lx.WEEKDAYS:
        # In the present only: "seront ouverts du lundi au vendredi" may well be next week's days.
        return (i < 2 or doc[i - 2].lower_ not in _NIGHT) and tense_at(doc, i) == "present"
    if before == "du" and _slot_of_noun(doc, i):
        return True
    return before == "au" and i >= 3 and doc[i - 2].lower_ in lx.WEEKDAYS and _weekly(doc, i - 2)


def _slot_of_noun(doc: Doc, i: int) -> bool:
    """"nos rendez-vous du mardi soir reprendront", "le marché du samedi matin accueille": a weekday after
    "du" describing the noun before it, with no day number, in a clause told in the present or the future,
    is a weekly slot, no date. Told in the past it may be one day ("la manifestation du samedi a réuni"),
    and a night is one ("la nuit du samedi")."""
    head = doc[i].head
    if doc[i].dep_ != "nmod" or head.i != i - 2 or head.pos_ != "NOUN" or head.lower_ in _NIGHT:
        return False
    if i + 1 < len(doc) and (_DAY.match(doc[i + 1].text) or doc[i + 1].lower_ in _SIDE_WORDS):
        return False
    return tense_at(doc, i) in ("present", "future")


def _weekday_in_name(doc: Doc, i: int) -> bool:
    """"le Journal du Dimanche", "France Dimanche", "le Journal du dimanche": a weekday inside a name is no
    day (written in lower case too, after "du" and a capitalised word)."""
    if doc[i].is_sent_start or i == 0:
        return False
    return doc[i].text[:1].isupper() and doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in ("du", "de") \
        and i > 1 and doc[i - 2].text[:1].isupper() and not doc[i - 2].is_sent_start


def _relative_day_in_name(doc: Doc, i: int) -> bool:
    """"USA Today", "le Parisien Aujourd'hui": a capitalised "today" right after a capitalised word is a
    newspaper's name (whatever the parser makes of the sentence's start)."""
    return i > 0 and doc[i].text[:1].isupper() and doc[i - 1].is_alpha and doc[i - 1].text[:1].isupper() \
        and bool(doc[i - 1].whitespace_)


# The words that open and join two years: "entre 2010 et 2012", "de 2014 à 2016", "en 2016 et 2017".
_YEAR_JOINS = {"entre": ("et",), "between": ("and",), "de": ("à", "au"), "from": ("to",), "en": ("et", "ou", "-", "–"),
               "in": ("and", "or")}


# Words that bound a time by a year ("by 2030", "avant 2025", "until 2028"), and parts of a year named with it
# ("premier semestre 2023", "fourth quarter of 2023": the year is known, the part is said in the text).
_YEAR_BOUNDS = frozenset({"by", "until", "before", "after", "avant", "après",
                          # and the part of the year it opens on: "adoptée fin 2014", "début 2025", "late 2019"
                          "fin", "début", "courant", "early", "late", "horizon"})  # ("à l'horizon 2030")
_YEAR_PARTS = frozenset({"semestre", "trimestre", "quarter", "half"})


def _year_spans(doc: Doc, label: int) -> list[tuple[int, int, int]]:
    """Matches (label, start, end) the Matcher is not asked for, found from the years of the document (a
    pattern opening with "de" or "en" would cost on every such word): two years joined by the right word,
    the second later, with no noun or unit after it ("entre 2010 et 2012", "de 2014 à 2016", "en 2016 et
    2017"; not "entre 1500 et 2000 manifestants", "de 1800 à 2000 euros"), and "d'ici (à) 2023"."""
    words = column(doc, "text")
    accepted = {w for w in words if len(w) == 4 and w[:2] in ("18", "19", "20") and w.isdigit()}
    if not accepted:
        return []
    out = []
    n = len(doc)
    for i in (i for i, w in enumerate(words) if w in accepted):
        after = doc[i + 1] if i + 1 < n else None
        counted = after is not None and (after.pos_ == "NOUN" and after.is_alpha and after.text.islower()
                                         or after.lower_ in lx.UNITS or after.text in lx.CURRENCY)
        if i >= 1 and doc[i - 1].lower_ in _YEAR_BOUNDS and not counted:
            out.append((label, i - 1, i + 1))  # "by 2030", "avant 2025"; not "won by 2000 votes"
        elif i >= 1 and doc[i - 1].lower_ in _YEAR_PARTS or i >= 2 and doc[i - 1].lower_ == "of" \
                and doc[i - 2].lower_ in _YEAR_PARTS:
            out.append((label, i, i + 1))  # "au quatrième trimestre 2023", "in the first half of 2023": the year
        if i >= 2 and doc[i - 1].lower_ == "ici" and doc[i - 2].lower_ == "d'":
            out.append((label, i - 2, i + 1))
        elif i >= 3 and doc[i - 1].lower_ == "à" and doc[i - 2].lower_ == "ici" and doc[i - 3].lower_ == "d'":
            out.append((label, i - 3, i + 1))
        if i == 0 or i + 2 >= n or words[i + 2] not in accepted or int(words[i + 2]) <= int(words[i]) \
                or doc[i + 1].lower_ not in _YEAR_JOINS.get(doc[i - 1].lower_, ()):
            continue
        after = doc[i + 3] if i + 3 < n else None
        if after is None or not (after.pos_ in ("NOUN", "PROPN") and after.is_alpha and after.text.islower()
                                 or after.lower_ in ("de", "d'", "%") or after.lower_ in lx.UNITS
                                 or after.text in lx.CURRENCY or after.lower_ in lx.CURRENCY):
            out.append((label, i - 1, i + 3))
    return out


def _year_part(span: Span) -> tuple[int, int] | None:
    """"au troisième trimestre 2019", "le premier semestre", "the last quarter of 2019": the first and last month of a
    part of a year named by its rank (lexicon.YEAR_PART_RANKS, "dernier" the last one); None for no such part or a
    rank the year does not have ("troisième semestre")."""
    words = [t.lower_ for t in span]
    noun = next((w for w in words if w in lx.YEAR_PART_MONTHS), None)
    rank = next((lx.YEAR_PART_RANKS[w] for w in words if w in lx.YEAR_PART_RANKS), None)
    if noun is None or rank is None:
        return None
    size = lx.YEAR_PART_MONTHS[noun]
    rank = 12 // size if rank < 0 else rank
    if rank > 12 // size:
        return None
    return (rank - 1) * size + 1, rank * size


def find_dates(doc: Doc) -> list[dict[str, Any]]:
    """Date mentions of a parsed chunk, in the chunk's character offsets, with the tense of the verb
    they depend on (resolve_dates uses it: a future weekday lies ahead, a past day-month behind)."""
    out: list[dict[str, Any]] = []
    matcher = date_matcher(doc.vocab)
    label_of = doc.vocab.strings
    taken: set[int] = set()
    placed: list[tuple[dict[str, Any], int]] = []  # each item and its first token
    # Full dates first, so "lundi 24 octobre" folds its weekday in before the weekday matches alone.
    full = label_of["DATE"] if "DATE" in label_of else None
    found = _matches_near_triggers(matcher, doc)
    if full is not None:
        found += _year_spans(doc, full)
    matches = sorted(found, key=lambda m: (m[0] != full, m[1], -(m[2] - m[1])))
    for match_id, start, end in matches:
        if any(i in taken for i in range(start, end)):
            continue
        label = label_of[match_id]
        if label == "DATE":
            # "les 5, 6, 12 et 13 décembre", "le 20 et le 30 mai": the day numbers listed before the matched "12 et 13
            # décembre" (a match that opens on its day: "passé de 3 à 11 en janvier 2018" lists none).
            k = start
            opens_on_day = _DAY.match(doc[start].text) or (
                doc[start].lower_ in _DAY_ARTICLES and start + 1 < end and _DAY.match(doc[start + 1].text))
            while opens_on_day and k > 0 and k - 1 not in taken \
                    and (doc[k - 1].text in (",", "et", "-", "au") or _DAY.match(doc[k - 1].text)):
                k -= 1
            while k < start and not _DAY.match(doc[k].text):
                k += 1
            if k < start and any(_DAY.match(t.text) for t in doc[k:start]):
                start = k
            # "lundi 26 février": the weekday belongs to the date ("le Journal du Dimanche ce 5 juillet": not a
            # weekday inside a name).
            if start > 0 and doc[start - 1].lower_ in lx.WEEKDAYS and start - 1 not in taken \
                    and not _weekday_in_name(doc, start - 1):
                start -= 1
        while end - start > 1 and doc[end - 1].is_punct:
            end -= 1
        # "le 4 octobre dernier", "en novembre prochain": the qualifier after the date says its side.
        if label in ("DATE", "MONTH") and end < len(doc) and doc[end].lower_ in _SIDE_AFTER:
            end += 1
        # "le Journal du Dimanche", "France Dimanche", "le Journal du dimanche": a weekday inside a name is no
        # day (written in lower case too, after "du" and a capitalised word).
        if label == "WEEKDAY" and end - start == 1 and _weekday_in_name(doc, start):
            continue
        if label == "RELATIVE" and end - start == 1 and _relative_day_in_name(doc, start):
            continue
        # «Vivement dimanche prochain», «Demain nous appartient»: a weekday or a relative day inside a short
        # quoted title (capitalised, no verb) names a programme or a work, no day.
        if label in ("WEEKDAY", "RELATIVE") and in_quoted_title(doc, start):
            continue
        # "ouvert le dimanche", "fermés le mardi", "chaque lundi", "every Sunday": a weekday after the definite
        # article (with no day number: "le dimanche 4 août" is a DATE) or "chaque" is every such day, no date.
        if label == "WEEKDAY" and _weekly(doc, start):
            continue
        taken.update(range(start, end))
        span = doc[start:end]
        item: dict[str, Any] = {"type": label.lower(), "char_start": span.start_char, "char_end": span.end_char}
        words = {t.lower_ for t in span}
        item["tense"] = ("future" if words & {"prochain", "prochaine", "next", "demain", "tomorrow"} else
                         "past" if words & {"dernier", "dernière", "passé", "passée", "last", "hier", "yesterday"}
                         else tense_at(doc, span.start))
        if label == "WEEKDAY" and item["tense"] == "present" and _narrative_present(span):
            item["tense"] = "past"
        if item["tense"] == "past" and _planned_at(doc, span.start):
            item["tense"] = "future"
        # (a weekday keeps the nearest: "Shoppers are queuing on Monday" in Tuesday's paper may be yesterday's scene)
        if item["tense"] == "present" and label in ("DATE", "MONTH") and arranged_at(doc, span.start):
            item["arranged"] = True  # date_resolution._arranged_tense
        # "depuis jeudi", "since March 3": what runs since a day began before publication.
        if any(t.lower_ in ("depuis", "since") for t in doc[max(0, span.start - 1) : span.start + 1]):
            item["tense"] = "past"
        # "prolongé jusqu'au 11 mai", "limitant l'arrosage jusqu'au 1er septembre": the end of a period
        # decided in the past usually lies near publication, on either side.
        if item["tense"] == "past" and any(t.lower_.startswith("jusqu") for t in doc[max(0, span.start - 2) : span.start + 1]):
            item["tense"] = "present"
        if label == "DATE" and not any(_YEAR.match(t.text) for t in span):
            _commemorated(doc, span, item)
            if item["tense"] == "past" and _completed_at(doc, span.start):
                item["completed"] = True
        if label in ("DATE", "MONTH"):
            days = [int(m.group(1)) for t in span if (m := _ORDINAL_DAY.match(t.text)) and not _YEAR.match(t.text)]
            months = [lx.MONTHS[t.lower_] for t in span if t.lower_ in lx.MONTHS]
            years = [int(t.text) for t in span if _YEAR.match(t.text)]
            part = _year_part(span)
            if part is not None and span.start > 0 and "Yes" in morph_values(doc[span.start - 1], "Poss"):
                continue  # "mon premier trimestre" (of a pregnancy, of a school year): no part of the calendar
            if part is not None:
                days, months = [], list(part)  # ("3e trimestre": a rank, no day)
            item.update(type="date", days=days, month=months[0] if months else None, year=years[0] if years else None)
            if len(years) > 1:
                item["years"] = years
            if len(months) > 1 and not days:
                item["months"] = [months[0], months[-1]]  # "entre juillet et septembre": its first and last month
            if span[0].lower_ == "d'" and len(span) > 1 and span[1].lower_ == "ici":  # "d'ici à 2023" (not "d'avril à juin")
                item["tense"] = "future"
            named = [lx.WEEKDAYS[t.lower_] for t in span if t.lower_ in lx.WEEKDAYS]
            if named and days:
                item["weekday"] = named[0]
            if not months:
                item["type"] = "year"
        elif label == "WEEKDAY":
            item["weekday"] = next(lx.WEEKDAYS[t.lower_] for t in span if t.lower_ in lx.WEEKDAYS)
            # "dans la nuit de mardi à mercredi", "du lundi au vendredi": the second day follows the first; so does
            # the second of two days listed ("lundi et mardi", "jeudi ou vendredi"), of the same stretch of days.
            if span.start > 1 and doc[span.start - 1].lower_ in ("à", "au", "to", "until", "et", "ou", "and", "or") \
                    and doc[span.start - 2].lower_ in lx.WEEKDAYS:
                item["follows"] = True
        else:
            rel = [lx.RELATIVE_DAYS[t.lower_] for t in span if t.lower_ in lx.RELATIVE_DAYS]
            item["days_from_publication"] = rel[0] if rel else None
            periods = {_PERIODS[t.lower_] for t in span if t.lower_ in _PERIODS}
            period = "weekend" if "weekend" in periods else next(iter(periods), None)
            if period:
                item.update(period=period, offset={"past": -1, "future": 1}.get(item["tense"], 0)
                            if words & _SIDE_WORDS else 0)
        out.append(item)
        placed.append((item, span.start))
    _count_from_speech_day(doc, placed)
    out.sort(key=lambda d: d["char_start"])
    _share_range_year(doc, out)
    return out


def _quoted(doc: Doc, i: int) -> bool:
    """Whether token i lies inside quotation marks opened in its sentence ("« Aujourd'hui, nous ... »"); the
    parser may leave the opening mark alone in a sentence of its own just before."""
    start = sentence_start(doc[i])
    while start > 0 and doc[start - 1].text in ("«", "“", '"'):
        start -= 1
    inside = False
    for tok in doc[start:i]:
        if tok.text in ("«", "“"):
            inside = True
        elif tok.text in ("»", "”"):
            inside = False
        elif tok.text == '"':
            inside = not inside
    return inside


def _dates_speech(doc: Doc, k: int) -> bool:
    """Whether the date at token k is when something was said: a verb of speech governs it directly, through
    the date's own words or its speaker ("avait déclaré le ministre le 3 mars"), not through the noun of
    another event ("écrit celui qui était là lors de l'attentat le 20 avril") nor a clause ("qui était à
    Nice le 4 mars")."""
    tok = doc[k]
    for _ in range(4):
        if tok.head.i == tok.i:
            return False
        head = tok.head
        if head.pos_ in ("VERB", "AUX"):
            return _speech_verb(head)
        # "avait affirmé le directeur le 4 mars": the parser may hang the date on the speaker.
        if head.dep_.startswith("nsubj") and head.head.pos_ in ("VERB", "AUX"):
            return _speech_verb(head.head)
        if not (head.like_num or head.lower_ in lx.MONTHS or head.lower_ in lx.WEEKDAYS):
            return False
        tok = head
    return False


def _speech_verb(tok: Token) -> bool:
    return tok.lower_.startswith(lx.SPEECH_PREFIXES.get("fr", ()))


def _count_from_speech_day(doc: Doc, found: list[tuple[dict[str, Any], int]]) -> None:
    """"« Aujourd'hui, nous avons 5.000 lits », avait déclaré le ministre le 3 mars": a relative day inside a
    quotation counts from the day the quotation was said, the nearest day date or weekday of its sentence
    outside the quotation marks that a verb of speech governs, not from publication. resolve_dates reads
    the copy in `counted_from`."""
    for item, i in found:
        if item.get("days_from_publication") is None or not _quoted(doc, i):
            continue
        sent = doc[i].sent
        said = [(abs(k - i), other) for other, k in found
                if other is not item and sent.start <= k < sent.end and not _quoted(doc, k)
                and (other["type"] == "weekday" or other["type"] == "date" and other.get("days"))
                and _dates_speech(doc, k)]
        if said:
            anchor = min(said, key=lambda p: p[0])[1]
            item["counted_from"] = {k: v for k, v in anchor.items() if k not in ("char_start", "char_end")}


_RANGE_LINKS = {"", "au", "à", "et", "-", "–", "jusqu'au", "to", "and", "until", "through"}


def _share_range_year(doc: Doc, dates: list[dict[str, Any]]) -> None:
    """"du 3 avril au 28 juin 2018", "from April 3 to June 28, 2018": the year written at a range's end is
    its start's too (the year before when the start's month comes later: "du 15 décembre au 3 janvier 2019")."""
    for first, second in itertools.pairwise(dates):
        if first.get("type") != "date" or second.get("type") != "date" or first.get("year") \
                or not second.get("year") or not first.get("month") or not second.get("month"):
            continue
        gap = doc_text(doc)[first["char_end"] : second["char_start"]].strip(" ,").lower()
        if gap not in _RANGE_LINKS:
            continue
        first["year"] = second["year"] - (first["month"] > second["month"])
