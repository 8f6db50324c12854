"""Text analysis shared by every search backend: tokens, crude stems, numbers, entities, trigrams.

Pure functions, no ORM and no spaCy: the claim rows already carry entities and quantities from the
extraction pipeline, and prior fact-checks only have their text, so both sides go through the same
simple analysis here and are therefore comparable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

STOPWORDS = frozenset(
    """
    a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur leurs lui ma
    mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi
    ton tu un une vos votre vous c d j l m n s t y ete etre est sont ont a avait etait sera serait fait plus
    moins tres tout tous toute toutes selon comme aussi ainsi alors donc or ni car si deja encore entre sans
    sous chez depuis pendant apres avant contre vers cela ceci celui celle ceux celles dont lequel laquelle
    non oui bien peu autre autres meme memes quand comment pourquoi leur y avoir ete
    the of and or to in on at by for with from as is are was were be been being it its this that these those
    an not no but if then than so such which who whom whose what when where why how all any both each few
    more most other some has have had do does did will would can could should may might must shall our their
    his her he she they them we you your i me my us about into over after before under again further once
    there here also just only very said says according
    """.split()
)

# Unit spellings that mean the same thing, so "40 tons" and "40 tonnes" compare as equal.
UNIT_SYNONYMS = {
    "t": "tonne", "tonnes": "tonne", "tonne": "tonne", "tons": "tonne", "ton": "tonne",
    "kg": "kilogramme", "kilos": "kilogramme", "kilo": "kilogramme", "kilogrammes": "kilogramme",
    "kilograms": "kilogramme", "kilogram": "kilogramme",
    "km": "kilometre", "kilometres": "kilometre", "kilometers": "kilometre", "kilometre": "kilometre",
    "%": "percent", "pourcent": "percent", "pourcents": "percent", "percent": "percent", "pct": "percent",
    "€": "euro", "euros": "euro", "euro": "euro", "eur": "euro",
    "$": "dollar", "dollars": "dollar", "dollar": "dollar", "usd": "dollar",
    "personnes": "person", "personne": "person", "people": "person", "persons": "person",
    "habitants": "person", "morts": "death", "deaths": "death", "dead": "death", "deces": "death",
    "ans": "year", "an": "year", "years": "year", "year": "year", "annees": "year",
}
MULTIPLIERS = {
    "mille": 1e3, "thousand": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
    "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9, "md": 1e9, "mds": 1e9,
}
NUMBER_WORDS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "douze": 12, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100,
    "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}

# Words (letters with inner apostrophes split off) and numbers with thousands separators/decimals.
_TOKEN = re.compile(r"\d+(?:[ \u00a0\u202f.,]\d{3})*(?:[.,]\d+)?|[^\W\d_]+|[%€$]", re.UNICODE)
_NUMBER = re.compile(r"^\d+(?:[ \u00a0\u202f.,]\d{3})*(?:[.,]\d+)?$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def fold(text: str) -> str:
    """Lowercase without accents: 'Élysée' -> 'elysee'."""
    if text.isascii():
        return text.translate(_APOSTROPHES).lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Words repeat across the candidates of a query and across queries: cache their analysis.
fold_word = lru_cache(maxsize=100_000)(fold)


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A deliberately crude French/English stem: enough to pair plurals and feminines."""
    word = UNIT_SYNONYMS.get(word, word)
    for suffix in ("ements", "ement", "ations", "ation", "ments", "ment", "ings", "ing", "ies", "es", "s", "x", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def parse_number(raw: str) -> float | None:
    """'1 000' -> 1000, '3,5' -> 3.5, '1,000' -> 1000, '40' -> 40."""
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ")
    groups = re.split(r"[ .,]", raw)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and not re.search(r"[.,]\d{1,2}$", raw):
        # Thousands separators (a lone "1.000" or "1,000" is read as one thousand, as newsrooms write it).
        try:
            return float("".join(groups))
        except ValueError:
            return None
    try:
        return float(raw.replace(" ", "").replace(",", "."))
    except ValueError:
        return None


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str = ""

    @property
    def is_year(self) -> bool:
        return not self.unit and self.value.is_integer() and 1800 <= self.value <= 2100

    def key(self) -> str:
        value = int(self.value) if self.value.is_integer() else round(self.value, 3)
        return f"#{value}"


@dataclass
class Analysis:
    """What the matcher knows about one piece of text."""

    text: str
    words: list[str] = field(default_factory=list)  # lowercase, accents kept: for PostgreSQL tsquery
    stems: set[str] = field(default_factory=set)  # content stems + number keys
    entities: set[str] = field(default_factory=set)  # folded entity words
    quantities: list[Quantity] = field(default_factory=list)
    folded: str = ""

    @property
    def anchors(self) -> set[str]:
        return self.entities | {q.key() for q in self.quantities}


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.translate(_APOSTROPHES))


def analyse(
    text: str,
    *,
    entities: Iterable[Any] = (),
    quantities: Iterable[Any] = (),
) -> Analysis:
    """Tokens, stems, numbers (with the unit or multiplier that follows) and capitalised entities.

    `entities` and `quantities` are the claim's structured fields (lists of dicts with "text", and
    "value"/"unit" for quantities); they add to what the text itself shows.
    """
    raw_tokens = tokens(text)
    lowered = [tok.lower() for tok in raw_tokens]
    folded_tokens = [fold_word(tok) for tok in raw_tokens]
    result = Analysis(text=text, folded=" ".join(folded_tokens))
    for index, tok in enumerate(raw_tokens):
        folded_tok = folded_tokens[index]
        if _NUMBER.match(tok):
            value = parse_number(tok)
            if value is not None:
                unit = ""
                following = folded_tokens[index + 1] if index + 1 < len(raw_tokens) else ""
                if following in MULTIPLIERS and following not in {"m", "k"}:
                    value *= MULTIPLIERS[following]
                    following = folded_tokens[index + 2] if index + 2 < len(raw_tokens) else ""
                    if following in {"de", "d", "of"} and index + 3 < len(raw_tokens):
                        following = folded_tokens[index + 3]
                if following in UNIT_SYNONYMS:
                    unit = UNIT_SYNONYMS[following]
                quantity = Quantity(value=value, unit=unit)
                result.quantities.append(quantity)
                result.stems.add(quantity.key())
                result.words.append(tok.replace("\u00a0", "").replace("\u202f", "").replace(" ", ""))
            continue
        if folded_tok in NUMBER_WORDS:
            result.quantities.append(Quantity(value=float(NUMBER_WORDS[folded_tok])))
            result.stems.add(Quantity(value=float(NUMBER_WORDS[folded_tok])).key())
            continue
        is_stop = folded_tok in STOPWORDS or len(folded_tok) < 2
        if tok[:1].isupper() and not is_stop and len(folded_tok) > 1:
            # A capitalised word is taken as a name, sentence-initial ones included ("Kazakhstan
            # sent..."): a wrong guess only costs a little, because conflicts need names missing
            # from BOTH sides (see entities_conflict).
            result.entities.add(folded_tok)
        if not is_stop:
            result.stems.add(stem(folded_tok))
            result.words.append(lowered[index])
    for entity in entities:
        name = entity.get("text", "") if isinstance(entity, dict) else str(entity)
        for tok in tokens(name):
            folded_tok = fold(tok)
            if folded_tok not in STOPWORDS and len(folded_tok) > 1 and not _NUMBER.match(tok):
                result.entities.add(folded_tok)
    for quantity in quantities:
        if not isinstance(quantity, dict):
            continue
        value = quantity.get("value")
        try:
            number = float(value) if value is not None and value != "" else None
        except (TypeError, ValueError):
            number = None
        if number is None:
            continue
        unit = UNIT_SYNONYMS.get(fold(str(quantity.get("unit") or "")), fold(str(quantity.get("unit") or "")))
        extra = Quantity(value=number, unit=unit)
        if all(abs(q.value - extra.value) > 1e-9 for q in result.quantities):
            result.quantities.append(extra)
            result.stems.add(extra.key())
    return result


def _same_number(a: float, b: float) -> bool:
    if a.is_integer() and b.is_integer():
        return a == b  # 2022 is not 2023, 40 is not 41
    # Decimals are often rounded differently by different writers: "3,45 %" vs "3,5 %".
    return abs(a - b) <= max(1e-9, 0.02 * max(abs(a), abs(b)))


def numbers_conflict(a: Analysis, b: Analysis) -> bool:
    """True when the texts state different figures for comparable things ("40 t" vs "400 t").

    A figure conflicts when the other side has figures of the same kind (same unit, or no unit on
    either side; years only against years) and none of them is equal to it.
    """
    if not a.quantities or not b.quantities:
        return False
    for left, right in ((a, b), (b, a)):
        for q in left.quantities:
            comparable = [
                other for other in right.quantities
                if q.is_year == other.is_year and (q.unit == other.unit or not q.unit or not other.unit)
            ]
            if comparable and not any(_same_number(q.value, other.value) for other in comparable):
                return True
    return False


def entities_conflict(a: Analysis, b: Analysis) -> bool:
    """True when each side names something the other does not mention at all.

    One side's names all appearing in the other (as names or plain words) is a paraphrase or a more
    detailed version of the same claim; names missing on both sides means different actors.
    """
    if not a.entities or not b.entities:
        return False
    b_words = b.entities | set(b.folded.replace("'", " ").split()) | {stem(w) for w in b.stems}
    a_words = a.entities | set(a.folded.replace("'", " ").split()) | {stem(w) for w in a.stems}
    a_missing = {e for e in a.entities if e not in b_words and stem(e) not in b_words}
    b_missing = {e for e in b.entities if e not in a_words and stem(e) not in a_words}
    return bool(a_missing) and bool(b_missing)


def trigrams(text: str) -> set[str]:
    """pg_trgm's trigrams: each alphanumeric word padded with two spaces before and one after."""
    result: set[str] = set()
    for word in _WORD.findall(text):
        result.update(_word_trigrams(fold_word(word)))
    return result


_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=100_000)
def _word_trigrams(word: str) -> frozenset[str]:
    padded = f"  {word} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def trigram_similarity(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def dice(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))
