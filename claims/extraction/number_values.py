"""Where a number is and what it is worth: figures in digits (French or English decimals and
thousands), number words ("vingt-deux", "quatre-vingt-dix"), scale words ("million", misspelt or
not) and units glued to digits ("80m2"). Decides which token may be a number and where a group of
number tokens ends; not what it counts."""

from __future__ import annotations

import functools
import itertools
import re

from spacy.tokens import Doc, Span, Token

from claims.extraction import lexicon as lx

_DIGITS = re.compile(r"^[+-]?\d[\d\s.,\u202f\u00a0]*$")


# A dot between digits that cannot group thousands ("1.8 million", "435.31 km/h") and a comma between digits
# ("2,5 %"): which mark a text uses for decimals.
_DOT_DECIMAL = re.compile(r"(?<![\d.,:])\d+\.(?:\d{1,2}|\d{4,})(?![\d.,])")
_COMMA_DECIMAL = re.compile(r"\d,\d")
_NAME_BEFORE = re.compile(r"(?<!\w)[A-Z][\w-]*\s?$")  # "Web 2.0", "Windows 3.1": a version after its name


def dot_decimals(text: str) -> bool:
    """Whether a text writes decimals with a dot, as translated or English-style copy does ("1.8 million
    de dollars", "435.31 km/h"): then "490.484 km/h" is a decimal too. French copy groups thousands with
    the dot ("13.500 personnes") and writes decimals with a comma, so one comma decimal keeps the French
    reading, and so does a text with no unambiguous decimal dot. One regex scan per parsed chunk."""
    # A version or a model ("Web 2.0", "Windows 3.1") follows its name; a figure does not.
    figures = (m for m in _DOT_DECIMAL.finditer(text) if not _NAME_BEFORE.search(text[max(0, m.start() - 20) : m.start()]))
    return next(figures, None) is not None and not _COMMA_DECIMAL.search(text)


_TENS = {"vingt", "vingts", "trente", "quarante", "cinquante", "soixante", "twenty", "thirty", "forty", "fifty",
         "sixty", "seventy", "eighty", "ninety"}
_COMPOUND_PARTS = {"zéro", "dizaine", "douzaine", "vingtaine", "trentaine", "quarantaine", "cinquantaine", "centaine",
                   "centaines", "milliers", "millier", "hundreds", "thousands", "dozens", "dozen"}


def _compound_value(text: str, language: str) -> float | None:
    """A number word written with hyphens: "vingt-deux" 22, "quatre-vingt-dix" 90, "soixante-et-onze" 71,
    "twenty-five" 25. None when a part is no number word."""
    words = lx.NUMBER_WORDS.get(language, {})
    parts = [p for p in text.split("-") if p not in ("et", "and")]
    if len(parts) < 2 or any(p not in words or p in _COMPOUND_PARTS for p in parts):
        return None
    # A unit word only multiplies what follows ("deux-cents", "quatre-vingts"): "sept-huit ans" is two guesses.
    if any(words[a] < 10 and words[b] not in (100, 1000) and not (a == "quatre" and b in ("vingt", "vingts"))
           for a, b in itertools.pairwise(parts)):
        return None
    total, current = 0.0, 0.0
    for before, p in zip([None, *parts], parts, strict=False):
        w = words[p]
        if p in ("vingt", "vingts") and before == "quatre":  # "quatre-vingt(s)", "cent-quatre-vingts"
            current += 4 * 20 - 4
        elif w == 100:
            current = (current or 1) * 100
        elif w == 1000:
            total += (current or 1) * 1000
            current = 0.0
        else:
            current += w
    return total + current


def number_value(tokens: list[Token], language: str, dot_decimal: bool = False) -> float | None:
    words = lx.NUMBER_WORDS.get(language, {})
    total = 0.0
    current = 0.0
    seen = False
    # "1,375 million d'euros": before a scale word a French comma is a decimal one, never thousands
    scaled = language == "fr" and any(_scale_of(t.text.lower()) for t in tokens)
    for text in _hyphens_joined(tokens):
        text = text.lower().replace("\u202f", "").replace("\u00a0", "")
        if _DIGITS.match(text):
            digits = text.replace(" ", "")
            if language == "fr" or re.fullmatch(r"\d+,\d{1,2}", digits):
                comma = "," in digits
                digits = digits.replace(".", "").replace(",", ".") if comma else digits
                # (thousands: "12.500", "3,000" written the English way; never after a lone 0, "0,001 %")
                if re.fullmatch(r"[+-]?[1-9]\d{0,2}(\.\d{3})+", digits) and not (comma and scaled) and not (
                        dot_decimal and re.fullmatch(r"[+-]?\d{1,3}\.\d{3}", digits)):  # "+6.999" is a gain of 6999
                    digits = digits.replace(".", "")
            else:
                digits = digits.replace(",", "")
            try:
                value = float(digits)
            except ValueError:
                return None
            current = current * 1000 + value if seen and value < 1000 and current else value
            seen = True
        elif _scale_of(text) and seen:
            current = (current or 1) * _scale_of(text)
            total += current
            current = 0
        elif (w := words.get(text)) is not None or "-" in text and (w := _compound_value(text, language)) is not None:
            if w in (100, 1000) and seen:
                current = (current or 1) * w
            else:
                current += w
            seen = True
        elif text in ("-", "et", "and") and seen:
            continue
        else:
            return None
    return total + current if seen else None


def _hyphens_joined(tokens: list[Token]) -> list[str]:
    """The tokens' texts, with a number word the tokenizer split at its hyphens joined again: "Cent-quatre-vingt-quatre"
    comes as "Cent", "-", "quatre", "-", "vingt", "-", "quatre" (the capital keeps it out of the tokenizer's
    exceptions), and read word by word it would add 4, 20 and 4 up to 28."""
    out: list[list[str]] = []
    glued = False
    for tok in tokens:
        if out and glued and (tok.text == "-" or out[-1][-1] == "-"):
            out[-1].append(tok.text)
        else:
            out.append([tok.text])
        glued = not tok.whitespace_
    # A hyphen left at either end of a joined word ("quatre-" before a space) is no sign: "-4" alone keeps its own.
    return ["".join(parts).strip("-") if len(parts) > 1 else parts[0] for parts in out]


_GLUED_SCALE = re.compile(r"^(\d+(?:[.,]\d+)?)(bn|m|k)$")
_GLUED = re.compile(r"^(\d+(?:[.,]\d+)?)(km/h|kmh|km²|km2|km|m²|m2|m³|m3|cm|mm|kg|ha|t|°c|°|%|€|\$|mw|gw|kwh|twh)$", re.I)
# English glues a temperature's scale without its degree sign ("18C", "-3C", "64F") and pence to their price
# ("312p"), the full stop of a sentence's end kept on the token ("5C."): read by case, so "18c" stays a word.
_GLUED_ENGLISH = re.compile(r"^([+-]?\d+(?:\.\d+)?)(C|F)\.?$|^(\d+(?:\.\d+)?)p\.?$")


def _glued_english(text: str, language: str) -> tuple[float, str] | None:
    """("18C" -> 18.0, "°C"), ("312p" -> 3.12, "GBP"): a figure English writes with its unit glued, in the
    unit's terms (pence are hundredths of a pound); None for another word or language."""
    m = _GLUED_ENGLISH.match(text) if language == "en" else None
    if m is None:
        return None
    if m.group(1) is not None:
        return float(m.group(1)), "°" + m.group(2)
    return round(float(m.group(3)) / 100, 4), "GBP"


_SCALE_WORDS = {w for w in lx.SCALES if len(w) > 5}  # "un million", "a thousand"; not "un m", "une mille-feuille"
_SPELT_SCALES = ("million", "millions", "milliard", "milliards")


@functools.lru_cache(maxsize=4096)
def _scale_of(text: str) -> float:
    """The factor of a scale word, 0.0 for any other word; a word one letter off "million(s)" or
    "milliard(s)" ("milliars", "millons", "miliard") is that word misspelt ("millier" and "milliers" are two
    letters off)."""
    if text in lx.SCALES:
        return lx.SCALES[text]
    if len(text) < 6 or not text.startswith("mil"):
        return 0.0
    return next((lx.SCALES[w] for w in _SPELT_SCALES if _one_edit(text, w)), 0.0)


def _one_edit(a: str, b: str) -> bool:
    """Whether a and b differ by exactly one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[k:] == b[k + 1 :] or len(a) == len(b) and a[k + 1 :] == b[k + 1 :]


# What a word _DIGITS or _GLUED accepts starts with: a word without it is a number only as a number word.
_MAY_BE_FIGURE = re.compile(r"[+-]?\d")


def _is_number(tok: Token, language: str) -> bool:
    text = tok.lower_
    if _DIGITS.match(text) or _GLUED.match(text) or _glued_english(tok.text, language):
        return True
    if (m := _GLUED_SCALE.match(text)) and (m.group(2) == "bn" or tok.i > 0 and tok.doc[tok.i - 1].text in lx.CURRENCY):
        return True  # "$2bn", "£15m"
    if "-" in text and _compound_value(text, language) is not None:
        return True  # "vingt-deux", "quatre-vingt-dix"
    if text in lx.NUMBER_WORDS.get(language, {}):
        # "un"/"une"/"one" are mostly articles and pronouns: count them only when tagged as numbers or
        # before a scale word ("un million d'habitants").
        if text in ("un", "une", "one"):
            return tok.pos_ == "NUM" or tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ in _SCALE_WORDS \
                or _first_of_range(tok, language) or _one_in(tok, language)
        after = tok.doc[tok.i + 1 : tok.i + 3]
        if _hyphen_glued(tok, after, language):
            return True
        if tok.pos_ in ("PRON", "PROPN"):
            # "sur deux à trois mois": the model reads the first of a range as a pronoun. "Neuf personnes ont
            # été blessées": a capitalised "Neuf" (the word also means "new") as a pronoun or a name; before a
            # plural noun it counts.
            return len(after) == 2 and after[0].lower_ in ("à", "ou") and after[1].pos_ == "NUM" or (
                tok.text[:1].isupper() and len(after) > 0 and after[0].pos_ == "NOUN"
                and "Plur" in after[0].morph.get("Number"))
        return tok.pos_ in ("NUM", "ADJ", "NOUN", "") or not tok.pos_
    return False


def _hyphen_glued(tok: Token, after: Span, language: str) -> bool:
    """"Cent-quatre-vingt-quatre personnes": a capitalised number word glued by a hyphen to the next number word,
    which the tokenizer split and the model read as a name or an adverb (whatever its tag, the compound is one
    number)."""
    return (len(after) == 2 and not tok.whitespace_ and after[0].text == "-" and not after[0].whitespace_
            and after[1].lower_ in lx.NUMBER_WORDS.get(language, {}))


def _first_of_range(tok: Token, language: str) -> bool:
    """"une ou deux semaines", "les deux ou trois jours", "un à deux ans": a number word that opens a range,
    whatever the article-like word or tag it is read as."""
    after = tok.doc[tok.i + 1 : tok.i + 3]
    return len(after) == 2 and after[0].lower_ in ("à", "ou", "or", "to") and (
        after[1].lower_ in lx.NUMBER_WORDS.get(language, {}) and after[1].lower_ not in ("un", "une", "one")
        or after[1].text.isdigit())


def _one_in(tok: Token, language: str) -> bool:
    """"une personne sur deux", "un Français sur trois": "un" opens a proportion whose base follows "sur"."""
    doc = tok.doc
    k = tok.i + 1
    if k < len(doc) and doc[k].pos_ == "ADJ":
        k += 1
    if k + 2 >= len(doc) or doc[k].pos_ not in ("NOUN", "PROPN") or doc[k + 1].lower_ not in ("sur", "out"):
        return False
    base = doc[k + 2]
    # "un chrono sur 800 m": a distance, no base.
    after = doc[k + 3].lower_ if k + 3 < len(doc) else ""
    if after in lx.UNITS or after in lx.CURRENCY or after in lx.PERCENT_WORDS:
        return False
    return base.text.isdigit() or base.lower_ in lx.NUMBER_WORDS.get(language, {}) and base.lower_ not in ("un", "une")


def number_group(doc: Doc, i: int, language: str, date_tokens: set[int]) -> int:
    j = i + 1
    n = len(doc)
    if _GLUED.match(doc[i].lower_) or _glued_english(doc[i].text, language):
        return j
    while j < n and j not in date_tokens and (
        (_is_number(doc[j], language) and not _GLUED.match(doc[j].lower_) and doc[j].lower_ not in ("un", "une"))
        or _unit_after_tens(doc, j, language)
        or _scale_of(doc[j].lower_) and (len(doc[j].text) > 1 or _money_after(doc, j + 1)
                                         or i > 0 and doc[i - 1].text in lx.CURRENCY)  # "£15m", "$5 m"
        or (doc[j].lower_ in ("-",) and j + 1 < n and _is_number(doc[j + 1], language)
            and doc[j + 1].lower_ in lx.NUMBER_WORDS.get(language, {}))
    ):
        j += 1
    return j


def _money_after(doc: Doc, k: int) -> bool:
    """A currency at k, or after "de" at k ("20 M d'euros"): "m" and "k" are then millions and thousands;
    "800 m", "3.000 m steeple" are metres."""
    if k < len(doc) and doc[k].lower_ in ("de", "d'"):
        k += 1
    return k < len(doc) and (doc[k].text in lx.CURRENCY or doc[k].lower_ in lx.CURRENCY)


def _unit_after_tens(doc: Doc, j: int, language: str) -> bool:
    """"Quarante six pour cent", "soixante dix": a number word under twenty after a tens word, written without
    its hyphen, belongs to it whatever its tag."""
    w = lx.NUMBER_WORDS.get(language, {}).get(doc[j].lower_)
    return w is not None and 1 < w < 17 and j > 0 and doc[j - 1].lower_.split("-")[-1] in _TENS


def _value_of(tokens: list[Token], language: str, dot_decimal: bool = False) -> tuple[float | None, str]:
    """The value of a number group and the unit glued to it ("80m2" -> 80, "m²"); a scale glued to it
    ("$2bn", "£15m": with a currency before it, "m" and "k" are millions and thousands, not metres)."""
    if tokens and (m := _GLUED_SCALE.match(tokens[0].lower_)) and (
            m.group(2) == "bn" or tokens[0].i > 0 and tokens[0].doc[tokens[0].i - 1].text in lx.CURRENCY):
        return float(m.group(1).replace(",", ".")) * lx.SCALES[m.group(2)], ""
    if tokens and (english := _glued_english(tokens[0].text, language)):
        return english
    if tokens and (m := _GLUED.match(tokens[0].lower_)):
        raw, unit = m.group(1), m.group(2)
        value = float(raw.replace(",", "."))
        unit = {"€": "EUR", "$": "USD"}.get(unit, lx.UNITS.get(unit, unit))
        return value, unit
    return number_value(tokens, language, dot_decimal), ""


def _scale(tokens: Span) -> float:
    return next((_scale_of(t.lower_) for t in tokens if _scale_of(t.lower_)), 1.0)
