"""Quantities of a parsed chunk (find_quantities): a number with its unit, approximation ("près de"),
range ("120 à 130"), proportion or rate base ("8 sur 10", "pour 100.000 habitants") and fractions
("les trois quarts des"); a fall ("45 de moins") is negative. Which numbers count nothing is
non_quantities.py's, what a number is worth number_values.py's, its unit units.py's."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from typing import Any

from spacy.tokens import Doc, Token

from claims.extraction import lexicon as lx
from claims.extraction.dates import _YEAR
from claims.extraction.doccache import column, doc_text, morph_values
from claims.extraction.non_quantities import (
    _LABEL_BEFORE,
    _PHONE,
    _bracketed_labels,
    _compound_noun,
    _idiom,
    _is_address,
    _is_clock,
    _is_name_part,
    _is_phone_number,
    _is_quarantine,
    _is_title,
    _label_behind_adjective,
    _label_end,
    _named_by_number,
    _new_adjective,
    _number_as_noun,
    _score_end,
    _yearish,
)
from claims.extraction.number_values import (
    _DIGITS,
    _MAY_BE_FIGURE,
    _SCALE_WORDS,
    _first_of_range,
    _is_number,
    _scale,
    _scale_of,
    _value_of,
    dot_decimals,
    number_group,
    number_value,
)
from claims.extraction.quoted_titles import OPENING_QUOTES
from claims.extraction.units import (
    _MONEY,
    _PRONOMINAL_ADJECTIVES,
    _counted_noun,
    _share_units,
    _units_from_afar,
    unit_at,
)

_CLOCK = re.compile(r"^\d{1,2}[hH:](\d{2})?$")
_TEMPERATURES = frozenset({"°", "°C", "°F"})
_RANGE_WORDS = {"à", "au", "-", "–", "et", "to", "and", "ou", "or"}


def _scale_of_skipped(doc: Doc, i: int, language: str) -> bool:
    """"de niveau 4 sur 5", "(vigilance 3 sur 4)": a bare figure after "sur" right after another figure is the scale
    that figure is read on. Reached only when that figure was no count (a level, a label), since a proportion
    ("4 sur 5") takes its base along: the scale alone counts nothing either."""
    return i >= 2 and doc[i - 1].lower_ == "sur" and _is_number(doc[i - 2], language)


def _fewer_after(doc: Doc, k: int) -> bool:
    """"45 de moins que samedi", "(3.135 en moins)": a figure followed by "de moins" or "en moins" is a fall
    by that much, not a count (not "10 km en moins d'une heure", a time limit)."""
    return k + 1 < len(doc) and doc[k].lower_ in ("de", "en") and doc[k + 1].lower_ == "moins" \
        and (k + 2 >= len(doc) or doc[k + 2].lower_ not in ("de", "d'", "du", "des"))


def find_quantities(doc: Doc, language: str, date_tokens: set[int]) -> list[dict[str, Any]]:
    """Numbers with unit, range and approximation: "près de 40 tonnes" -> 40, tonnes, approx;
    "120 à 130 vautours" -> low 120, high 130. Clock times, labels ("France 2", "l'acte 18"), vague
    plurals ("des centaines") and day numbers of a date are not quantities."""
    out: list[dict[str, Any]] = []
    groups: list[tuple[int, int, int]] = []
    approx = lx.APPROX.get(language, {})
    dot_decimal = language == "fr" and dot_decimals(doc_text(doc))
    phones = [(m.start(), m.end()) for m in _PHONE.finditer(doc_text(doc))] if language == "fr" else []
    # Only a token _is_number may accept or a numerator of a fraction starts a quantity: the others are
    # skipped without a Token (most of the document).
    number_words = lx.NUMBER_WORDS.get(language, {})
    lowers = column(doc, "lower_")
    figures = {low for low in set(lowers)  # (each distinct word tested once)
               if low in _NUMERATORS or low in number_words or "-" in low or _MAY_BE_FIGURE.match(low)}
    starts = [k for k, low in enumerate(lowers) if low in figures]
    i = 0
    n = len(doc)
    while i < n:
        k = bisect_left(starts, i)
        if k == len(starts):
            break
        i = starts[k]
        tok = doc[i]
        share = _fraction(doc, i) if language == "fr" and tok.lower_ in _NUMERATORS and i not in date_tokens else None
        if share is not None:
            end = i + 4 if share[1] == "minutes" else i + 2  # "trois quarts d'heure"
            out.append(_share_item(doc, i, end, share, approx))
            groups.append((i, i + 2, end))
            i = end
            continue
        slashed = _slash_rate(doc, i, language) if "/" in tok.text and i not in date_tokens else None
        if slashed is not None:
            out.append(slashed[0])
            groups.append((i, i + 1, slashed[1]))
            i = slashed[1]
            continue
        if i in date_tokens or not _is_number(tok, language) or _YEAR.match(tok.text) and _yearish(doc, i):
            i += 1
            continue
        if _CLOCK.match(tok.text) and not tok.text.isdigit():
            i += 1  # "19h30", "16h", "8:45"
            continue
        prev = doc[i - 1].lower_ if i > 0 else ""
        # "les deux hommes", "the two leaders": a number word after a definite article refers back,
        # it does not count anything new; "tous les deux ou trois jours" opens a range.
        if not _DIGITS.match(tok.text) and prev in ("les", "ces", "the", "these", "those", "nos", "ses", "tous",
                                                    "toutes") and not _first_of_range(tok, language):
            i += 1
            continue
        if _is_quarantine(doc, i) or _compound_noun(doc, i, language):
            i += 1
            continue
        if tok.lower_ in lx.VAGUE_NUMBER_WORDS and i > 1 and prev in OPENING_QUOTES:
            prev = doc[i - 2].lower_  # 'parle de "milliers de cas"'
        if tok.lower_ in lx.VAGUE_NUMBER_WORDS and (prev in lx.VAGUE_BEFORE or i == 0) or (
                tok.lower_ in lx.VAGUE_NUMBER_WORDS and prev == "plusieurs"):
            i += 1
            continue
        if prev in _LABEL_BEFORE or _is_name_part(doc, i) or _label_behind_adjective(doc, i, language, date_tokens):
            i = _label_end(doc, number_group(doc, i, language, date_tokens), language, date_tokens)
            continue
        if prev in ("(", ",", "et") and (close := _bracketed_labels(doc, i, language, date_tokens)):
            i = close
            continue
        if language == "fr" and _new_adjective(doc, i):
            i += 1
            continue
        j = number_group(doc, i, language, date_tokens)
        # "deux par deux", "un à un": a manner, not a count.
        if j + 1 < n and doc[j].lower_ in ("par", "à") and doc[j + 1].lower_ == tok.lower_ and tok.is_alpha:
            i = j + 2
            continue
        # "7 jours sur 7", "24 heures sur 24": all the time, not a count of days or hours.
        if j + 2 < n and doc[j].lower_ in _ROUND_THE_CLOCK and doc[j + 1].lower_ == "sur" and (
                doc[j + 2].lower_ == tok.lower_) or i >= 3 and doc[i - 1].lower_ == "sur" and (
                doc[i - 2].lower_ in _ROUND_THE_CLOCK and doc[i - 3].lower_ == tok.lower_):
            i = max(j, i + 1)
            continue
        if _is_title(doc, i, j) or _is_phone_number(doc[i:j], phones) or _is_address(doc, j, language, date_tokens) \
                or _idiom(doc, i, j):
            i = j
            continue
        value, glued_unit = _value_of(list(doc[i:j]), language, dot_decimal)
        if value is None:
            i = j
            continue
        # "deux millions et demi de personnes", "un milliard et demi": half of the scale more.
        if j + 1 < n and doc[j - 1].lower_ in _SCALE_WORDS and doc[j].lower_ == "et" \
                and doc[j + 1].lower_ in ("demi", "demie"):
            value += lx.SCALES[doc[j - 1].lower_] / 2
            j += 2
        start_tok = i
        qualifier = ""
        # "plus d'un millier": the article of an approximate number word belongs to it, the phrase before it
        # qualifies it.
        anchor = i - 1 if i > 0 and prev in ("un", "une") and tok.lower_ in lx.APPROX_NUMBER_WORDS else i
        # Approximation: up to three words before the number ("près de", "more than", "au moins").
        for k in (3, 2, 1):
            if anchor - k >= 0:
                phrase = " ".join(t.lower_ for t in doc[anchor - k : anchor]).replace("' ", "'").replace(" '", "'")
                if phrase in approx:
                    qualifier = approx[phrase]
                    start_tok = anchor - k
                    break
        if not qualifier and any(t.lower_ in lx.APPROX_NUMBER_WORDS for t in doc[i:j]):
            qualifier = "approx"
        currency_before = i > 0 and doc[i - 1].text in lx.CURRENCY
        if glued_unit:
            unit, end_tok = glued_unit, j
            if unit == "°" and j < n and doc[j].text in ("C", "F") and not doc[j - 1].whitespace_:
                unit, end_tok = f"°{doc[j].text}", j + 1  # "2°C": the tokenizer cuts the scale's letter off
        elif currency_before:
            unit, end_tok = lx.CURRENCY[doc[i - 1].text], j
            start_tok = min(start_tok, i - 1)
        elif j < n and doc[j].lower_ in lx.SCALED_MONEY:  # "15 M€", "2 Md€"
            scale, unit = lx.SCALED_MONEY[doc[j].lower_]
            value, end_tok = value * scale, j + 1
        else:
            unit, end_tok = unit_at(doc, j)
        if not unit and _scale_of_skipped(doc, i, language):
            i = j
            continue
        # "le 28 président américain" (an ordinal without its suffix): in French, a figure above one before a
        # singular noun counts nothing ("a 35 year old man" does); "croissance à deux chiffres" qualifies.
        if language == "fr" and not glued_unit and value >= 2 and _counted_noun(unit) and end_tok == j + 1 \
                and _singular(doc[j]) or unit == "chiffres" and prev == "à":
            i = end_tok
            continue
        # "un voilier zéro carbone", "garantir le zéro contact", "objectif zéro déchet": "zéro" between a noun or an
        # article and a singular noun names an aim or a label, it counts nothing ("a enregistré zéro victoire" does).
        if tok.lower_ == "zéro" and i > 0 and doc[i - 1].pos_ in ("NOUN", "DET") and not glued_unit \
                and end_tok == j + 1 and _counted_noun(unit) and _singular(doc[j]):
            i = end_tok
            continue
        # "100% Bachelot", "100 % Mag": a percentage naming a programme or a brand.
        if unit == "%" and end_tok < n and doc[end_tok].pos_ == "PROPN" and doc[end_tok].text[:1].isupper() \
                and doc[end_tok].is_alpha and not doc[end_tok].is_sent_start:
            i = end_tok + 1
            continue
        # "aux douze coups de midi", "les 12 coups de minuit": the clock striking, a time of day.
        if unit.lower() in ("coups", "coup") and end_tok + 1 < n and doc[end_tok].lower_ in ("de", "du") \
                and doc[end_tok + 1].lower_ in ("midi", "minuit"):
            i = end_tok + 2
            continue
        # "24 heures sur 24", "7 jours sur 7": always, not a count.
        if unit and end_tok + 1 < n and doc[end_tok].lower_ == "sur" and doc[end_tok + 1].lower_ == tok.lower_:
            i = end_tok + 2
            continue
        # Money has cents, never three decimals: "64.192 euros" groups thousands whatever the text's habit.
        if dot_decimal and unit in _MONEY and not glued_unit:
            value = number_value(list(doc[i:j]), language) or value
        score_end = _score_end(doc, i, j, value, unit, language, date_tokens)
        if score_end:
            i = score_end
            continue
        low = high = None
        # A range: "120 à 130 vautours", "entre 59% et 60%", "de 8,8 à 9,6 milliards de dollars".
        k = end_tok if unit else j
        # "entre 59% et 60%": "et" joins the two ends of a range only after "entre"; "âgés de 46 et 45 ans",
        # "de 12,7 millions et 7,3 millions" are two figures.
        between = prev in ("entre", "between") or (i > 1 and doc[i - 2].lower_ == "entre")
        # "un ou deux ans", "4 ou 5 matchs": a bare figure, "ou", a larger one with the unit is a range of
        # guesses; not the last two of a list ("à 25, 30 ou 35 ans") nor two figures each with its unit.
        guess = k == j and k < n and doc[k].lower_ in ("ou", "or") and prev != ","
        if k + 1 < n and doc[k].lower_ in _RANGE_WORDS and _is_number(doc[k + 1], language) and k + 1 not in date_tokens \
                and (doc[k].lower_ not in ("et", "and", "ou", "or") or between or guess) \
                and not _CLOCK.match(doc[k + 1].text[:5]):
            m = number_group(doc, k + 1, language, date_tokens)
            second, glued2 = _value_of(list(doc[k + 1 : m]), language, dot_decimal)
            unit2, end2 = (glued2, m) if glued2 else unit_at(doc, m)
            # "quatre îles - trois de l'archipel": after a unit, only the same unit again makes a range.
            if second is not None and (not unit or unit2 == unit):
                scales = [_scale_of(t.lower_) for t in doc[k + 1 : m] if _scale_of(t.lower_)]
                first = value * scales[0] if scales and not any(_scale_of(t.lower_) for t in doc[i:j]) \
                    and value < scales[0] else value
                if prev in ("moins", "minus") and start_tok == i and (unit or unit2) in _TEMPERATURES:
                    first, start_tok = -first, i - 1  # "entre moins 3 et 2 degrés": from below zero
                if guess and not second > first:
                    pass
                elif _by_then_level(prev, value, second):
                    unit, end_tok = unit or unit2, j  # "fell by 26,000 to 889,000": the change, then the level
                elif between or not (_descending(first, second) or _changed_from(doc, i - 1)):
                    value = first
                    low, high = min(value, second), max(value, second)
                    unit, end_tok = unit or unit2, end2 if unit2 else m
                elif not unit:
                    # "est passé de 79 à 59 %", "passé de 30 à 50 euros": a change from one figure to the other,
                    # two figures of one unit.
                    value, unit, end_tok = first, unit2, j
        if not unit and (prev == "aged" or prev in ("between", "from") and i > 1 and doc[i - 2].lower_ == "aged"):
            unit = "years"  # "aged 27", "aged 38 to 50": English gives an age's years by the participle alone
        if not unit and language == "en" and prev == "," and i > 1 and doc[i - 2].ent_type_ == "PERSON" \
                and j < n and doc[j].text in (",", ".") and value < 120 and value == int(value):
            unit = "years"  # "The victim, Sarah Dunn, 29, died": a person's age, set off after their name
        if not unit and value < 100 and _number_as_noun(doc, i):
            i = j
            continue
        # "une note comprise entre 0 et 6 sur 10": the figure after "sur" is the scale of the range, no count.
        base = None
        if low is not None and end_tok + 1 < n and doc[end_tok].lower_ == "sur" and doc[end_tok + 1].text.isdigit() \
                and end_tok + 1 not in date_tokens and float(doc[end_tok + 1].text) > high \
                and (end_tok + 2 >= n or not unit_at(doc, end_tok + 2)[0]):
            base, end_tok = float(doc[end_tok + 1].text), end_tok + 2
        # "abattre le 0 à 100 km/h en 4,7 secondes": a range from zero after an article names a speed trial.
        if low == 0 and prev in ("le", "du", "au", "the"):
            i = max(end_tok, j)
            continue
        if not unit and low is None and not qualifier and _named_by_number(doc, i, j):
            i = j
            continue
        # "lot 210114018", "code-barres 3 596 710 407 217": a bare figure of nine digits or more, with no
        # unit nor scale word, is a reference number.
        if not unit and value >= 1e8 and _scale(doc[i:j]) == 1.0:
            i = max(end_tok, j)
            continue
        if _is_clock(doc, i, value, unit):
            end_tok = max(end_tok, j)
            # "à 14 h 40": the minutes belong to the time of day.
            if end_tok < n and re.fullmatch(r"[0-5]\d", doc[end_tok].text):
                end_tok += 1
            i = end_tok
            continue
        # "8 TGV sur 10", "deux SDF sur cinq": a proportion; the second number is its base, no count.
        per_unit = ""
        # "4 personnes interrogées sur 10": a participle or an adjective may describe the counted noun first.
        over = end_tok
        if unit and end_tok + 2 < n and doc[end_tok + 1].lower_ == "sur" and (doc[end_tok].pos_ == "ADJ" or (
                doc[end_tok].pos_ == "VERB" and "Part" in morph_values(doc[end_tok], "VerbForm"))):
            over = end_tok + 1
        # ("one in ten parents", "two out of three voters": English says it with "in" and "out of")
        if low is None and over + 1 < n and (doc[over].lower_ in ("sur", "out") or doc[over].lower_ == "in"
                                             and language == "en") and over + 1 not in date_tokens:
            k = over + 2 if doc[over].lower_ == "out" and doc[over + 1].lower_ == "of" else over + 1
            words = lx.NUMBER_WORDS.get(language, {})
            if k < n and (_is_number(doc[k], language) or doc[k].lower_ in words and doc[k].lower_ not in ("un", "une")) \
                    and not _CLOCK.match(doc[k].text) and not _YEAR.match(doc[k].text):
                m = number_group(doc, k, language, date_tokens)
                base, glued2 = _value_of(list(doc[k:m]), language, dot_decimal)
                unit2, end2 = (glued2, m) if glued2 else unit_at(doc, m)
                if base is not None and base > value and unit2 in ("", unit):
                    end_tok = end2 if unit2 else m
                elif base is not None and _round_base(base) and _counted_noun(unit2) and unit2 != unit \
                        and (not unit or _counted_noun(unit)):
                    # "2.271 cas sur 100.000 habitants": a rate whose base counts something else ("30 MW sur 100
                    # magasins" spreads a measure, no rate).
                    per_unit, end_tok = unit2, end2
                elif base is not None and base > value and not unit and unit2 and _counted_noun(unit2):
                    unit, end_tok = unit2, end2  # "two out of three voters": the noun after the base counts both
                elif base is not None and base > value and tok.lower_ in ("un", "une", "one"):
                    end_tok = m  # "un test sur deux positif": the word after the base describes the one
                else:
                    base = None
        # "300 militaires et civils", "44 collégiens et lycéens": one count of two nouns joined bare.
        if low is None and base is None and _counted_noun(unit) and doc[end_tok - 1].text == unit \
                and (second_noun := _coordinated_noun(doc, end_tok)) is not None:
            unit = f"{unit} {doc[end_tok].lower_} {second_noun.text}"
            end_tok = second_noun.i + 1
        # "6 ans et demi", "deux heures et demie": half a unit more.
        if low is None and unit and end_tok + 1 < n and doc[end_tok].lower_ == "et" \
                and doc[end_tok + 1].lower_ in ("demi", "demie"):
            value += 0.5
            end_tok += 2
        if low is None and base is None and end_tok + 1 < n:
            base, per_unit, end_tok = _rate_base(doc, end_tok, language, date_tokens, dot_decimal, unit)
        if low is None and base is None and value > 0 and _fewer_after(doc, end_tok):
            value, end_tok = -value, end_tok + 2
        # "moins 5 degrés", "minus 5 degrees": a temperature below zero, its sign written as a word
        if low is None and unit in _TEMPERATURES and value > 0 and start_tok > 0 \
                and doc[start_tok - 1].lower_ in ("moins", "minus"):
            value, start_tok = -value, start_tok - 1
        span = doc[start_tok:end_tok]
        item: dict[str, Any] = {
            "char_start": span.start_char, "char_end": span.end_char, "value": value, "unit": unit,
            "approx": qualifier == "approx", "qualifier": qualifier,
        }
        if low is not None:
            item.update(low=low, high=high)
        if base is not None:
            item["per"] = base
        if per_unit:
            item["per_unit"] = per_unit
        out.append(item)
        groups.append((i, j, end_tok))
        i = max(end_tok, j)
    _share_units(doc, out, groups)
    _units_from_afar(doc, out, groups)
    return _durations_joined(doc, out)


# Seconds in a unit of time a duration is written in, hours down to seconds ("2 h 15 min", "1 minute et 58 secondes").
_TIME_UNITS = {"heure": 3600, "heures": 3600, "h": 3600, "minute": 60, "minutes": 60, "min": 60, "mn": 60,
               "seconde": 1, "secondes": 1, "s": 1, "sec": 1}


def _durations_joined(doc: Doc, out: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One duration written in several units is one quantity, in the smallest of them: "1 minute et 58 secondes"
    is 118 secondes, "2 h 15 min" 135 min (a lap time, a race, a flight), not a minute and 58 seconds to check
    apart. Only a larger unit followed, with nothing but "et" between, by a smaller one counting less than the
    larger holds."""
    joined: list[dict[str, Any]] = []
    for item in out:
        last = joined[-1] if joined else None
        if last is not None and _continues_duration(doc, last, item):
            big, small = _TIME_UNITS[last["unit"].lower()], _TIME_UNITS[item["unit"].lower()]
            joined[-1] = {**last, "char_end": item["char_end"], "value": last["value"] * big / small + item["value"],
                          "unit": item["unit"]}
            continue
        joined.append(item)
    return joined


def _continues_duration(doc: Doc, first: dict[str, Any], second: dict[str, Any]) -> bool:
    big, small = _TIME_UNITS.get(str(first["unit"]).lower()), _TIME_UNITS.get(str(second["unit"]).lower())
    if big is None or small is None or small >= big or any(k in item for item in (first, second)
                                                           for k in ("low", "per")):
        return False
    between = doc_text(doc)[first["char_end"]:second["char_start"]].strip().lower()
    return between in ("", "et") and 0 <= second["value"] < big / small and second["value"] == int(second["value"])


_NUMERATORS = {"un": 1, "une": 1, "deux": 2, "trois": 3}
_DENOMINATORS = {"tiers": 3, "quart": 4, "quarts": 4}
# "trois quarts d'heure", "un quart de siècle", "les quarts de finale": a fraction of a unit, no share.
_FRACTION_OF_UNIT = {"heure", "siècle", "finale", "finales", "temps", "tour", "mile", "litre"}


def _fraction(doc: Doc, i: int) -> tuple[float, str] | None:
    """"les trois quarts des forêts", "un tiers des salariés", "deux tiers de la population": a share of a
    whole (75.0, 33.3, 66.7 %), with the whole after it ("un tiers de confiance" is a third party);
    "trois quarts d'heure" is 45 minutes."""
    if i + 2 >= len(doc):
        return None
    num, den = _NUMERATORS.get(doc[i].lower_), _DENOMINATORS.get(doc[i + 1].lower_)
    if num is None or den is None or num >= den:
        return None
    if doc[i + 2].lower_ not in ("de", "des", "du", "d'") or i + 3 >= len(doc):
        # "a baissé des deux tiers": two or three parts need no whole after them; "un tiers" does.
        return (round(100 * num / den, 1), "%") if num > 1 else None
    whole = doc[i + 3]
    if den == 4 and doc[i + 2].lower_ == "d'" and whole.lower_ == "heure":
        return 15.0 * num, "minutes"
    if whole.lower_ in _FRACTION_OF_UNIT or doc[i + 2].lower_ in ("de", "d'") and whole.pos_ not in ("DET", "PRON") \
            and whole.lower_ != "entre":
        return None
    return round(100 * num / den, 1), "%"


def _share_item(doc: Doc, i: int, end: int, share: tuple[float, str], approx: dict[str, str]) -> dict[str, Any]:
    """The quantity of a fraction at i, with "près des", "plus des" before it read as "près de", "plus de"."""
    start, qualifier = i, ""
    if i > 1 and doc[i - 1].lower_ in ("de", "des", "d'"):
        phrase = f"{doc[i - 2].lower_} de"
        if phrase in approx:
            start, qualifier = i - 2, approx[phrase]
    span = doc[start:end]
    return {"char_start": span.start_char, "char_end": span.end_char, "value": share[0], "unit": share[1],
            "approx": qualifier == "approx", "qualifier": qualifier}


_RATE_WORDS = frozenset({"pour", "per"})
_SLASHED = re.compile(r"^(\d[\d.,]*)/(\d[\d.,]*)$")


def _plain_figure(text: str, language: str) -> float | None:
    """The value of a figure written in digits alone: "100.000" (French thousands), "3,5", "1,000" (English)."""
    if language == "fr":
        text = text.replace(".", "") if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text) else text
        text = text.replace(",", ".")
    else:
        text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def _slash_rate(doc: Doc, i: int, language: str) -> tuple[dict[str, Any], int] | None:
    """"131/100.000", "12/100 000 habitants", "3,5/1000 naissances": a rate written with a slash, its base
    a round power of ten (no score "18/20" nor "24/7"), and the counted noun after it its base's. The
    quantity and where it ends, else None."""
    m = _SLASHED.match(doc[i].text)
    if m is None:
        return None
    base_text, end = m.group(2), i + 1
    # "12/100 000": the tokenizer leaves the base's later thousands apart.
    while end < len(doc) and re.fullmatch(r"\d{3}", doc[end].text) and doc[end - 1].whitespace_ \
            and len(base_text.replace(".", "")) <= 3 * (end - i):
        base_text += doc[end].text
        end += 1
    value, base = _plain_figure(m.group(1), language), _plain_figure(base_text, language)
    if value is None or base is None or not _round_base(base) or value >= base:
        return None
    item: dict[str, Any] = {"value": value, "unit": "", "approx": False, "qualifier": "", "per": base}
    per_unit, after = unit_at(doc, end)
    if _counted_noun(per_unit):
        item["per_unit"], end = per_unit, after
    span = doc[i:end]
    return {"char_start": span.start_char, "char_end": span.end_char, **item}, end


def _round_base(base: float) -> bool:
    """A rate's base is a round power of ten, 100 and up ("pour 100.000 habitants", "per 1,000 births")."""
    return base >= 100 and not math.log10(base) % 1


def _rate_base(doc: Doc, k: int, language: str, date_tokens: set[int], dot_decimal: bool,
               counted: str) -> tuple[Any, str, int]:
    """The base of a rate after a figure: "450 cas pour 100.000 habitants", "3 deaths per 1,000 births" ->
    (100000.0, "habitants", end). A rate's base is a round power of ten (100 and up) with a noun of its
    own; anything else after "pour" ("40 euros pour 3 nuits") is not read as a base, and the base is then
    no count of its own. A bare figure (`counted` "": "491 pour 100.000 habitants") needs a counted noun in
    the base, and only money has a base in money: "deux vélos pour 100 euros" is a price. (None, "", k)
    when there is none."""
    n = len(doc)
    bare = not counted
    slash = bare and doc[k].text == "/"  # "131 / 100.000"
    if doc[k].lower_ not in _RATE_WORDS and not slash or k + 1 >= n or k + 1 in date_tokens \
            or not _is_number(doc[k + 1], language):
        return None, "", k
    m = number_group(doc, k + 1, language, date_tokens)
    base, glued = _value_of(list(doc[k + 1 : m]), language, dot_decimal)
    unit, end = (glued, m) if glued else unit_at(doc, m)
    if slash and base is not None and _round_base(base):
        return (base, unit, end) if _counted_noun(unit) else (base, "", m)
    if base is None or not unit or not _round_base(base) or bare and not _counted_noun(unit) \
            or unit in _MONEY and counted not in _MONEY:
        return None, "", k
    return base, unit, end


_ROUND_THE_CLOCK = frozenset({"jours", "jour", "heures", "heure", "h", "semaines", "mois"})


def _singular(tok: Token) -> bool:
    """A noun written in the singular: tagged so, and not ending as plurals and invariable nouns do ("prix",
    "fois", "choix")."""
    return morph_values(tok, "Number") == ("Sing",) and tok.lower_[-1:] not in ("s", "x", "z") and tok.is_alpha \
        and len(tok.text) > 3 and tok.text.islower() and tok.lower_ not in lx.UNITS


def _coordinated_noun(doc: Doc, k: int) -> Token | None:
    """The noun joined bare to a counted noun ending before k by "et"/"ou" ("militaires et civils",
    "collégiens et lycéens"), which the count counts too; not a noun with its own determiner or figure
    ("35 policiers et 33 gendarmes", "deux morts et plusieurs blessés"), nor an adverb ("18 ans et plus")."""
    if k + 1 >= len(doc) or doc[k].lower_ not in ("et", "ou", "and", "or"):
        return None
    noun, counted = doc[k + 1], doc[k - 1]
    if not noun.is_alpha or not noun.text.islower() or noun.pos_ not in ("NOUN", "ADJ") or noun.dep_ != "conj" \
            or noun.head.i != counted.i or noun.lower_ in _PRONOMINAL_ADJECTIVES:
        return None
    # Both plural, or both singular ("1 homme ou femme").
    return noun if morph_values(noun, "Number") == morph_values(counted, "Number") or noun.lower_[-1:] in "sx" \
        and counted.lower_[-1:] in "sx" else None


# Verbs whose "de X à Y" always goes from one figure to another ("le plafond est passé de 30 à 50 euros", "on
# passe de 9 à 12"), where a noun's ("une hausse de 2 à 3 %") is a range. Not "augmenter de 10 à 15 %", which
# mostly gives the range of the rise.
_CHANGE_VERBS = ("pass", "évolu")


# Verbs that move a thing they take as object from one figure to another: "repousser l'âge légal de 62 à 64 ans",
# "ramener la vitesse de 90 à 80 km/h" (without an object, "augmenté de 10 à 20 %" is by how much: a range).
_MOVE_VERBS = ("repouss", "relev", "ramen", "abaiss", "rédui", "augment", "diminu", "baiss", "allong", "raccourc",
               "port", "fix")


def _changed_from(doc: Doc, k: int) -> bool:
    """Whether the "de" at k opens the figure a verb of change starts from (up to three words between them,
    "est passé en France de 30 à 50 euros"; or the thing it moves, "repousser l'âge légal de départ de 62 à 64
    ans")."""
    if k < 1 or doc[k].lower_ not in ("de", "d'"):
        return False
    for t in reversed(list(doc[max(0, k - 8) : k])):
        if t.pos_ in ("VERB", "AUX") or t.is_punct:
            if t.pos_ != "VERB":
                return False
            if t.lower_.startswith(_CHANGE_VERBS):
                return k - t.i <= 4
            return t.lower_.startswith(_MOVE_VERBS) and any(
                c.dep_ == "obj" and t.i < c.i < k and c.pos_ == "NOUN" for c in t.children)
    return False


def _by_then_level(prev: str, first: float, second: float) -> bool:
    """"fell by 26,000 to 889,000", "an increase of 40,000 to 1.2 million": after "by" or "of", a second figure
    several times the first is the level the change reached, not the end of a range ("rose by 2 to 3 per cent")."""
    return prev in ("by", "of") and first > 0 and second >= 3 * first


def _descending(first: float, second: float) -> bool:
    """A range is written low to high ("de 3 à 5", "-4 à -7 points" for two falls): "de 79% à 59%", "de six
    ans à cinq ans" go from one figure to another."""
    return abs(second) < abs(first) if first < 0 and second < 0 else second < first
