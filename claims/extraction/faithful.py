"""Faithfulness, the hard rule of a claim's text: it never drops a number, a name, a negation or an
item of a list from the checkable part of the sentence it comes from. Independent of how the text
was written, so the same check runs inside the pipeline (a failing rewrite falls back to the
sentence), in the property tests and over a whole corpus (`manage.py check_faithfulness`)."""

from __future__ import annotations

import functools
import re
from collections import Counter

from claims.extraction import lexicon as lx
from claims.extraction.normalise import plain_letters

_NUMBER = re.compile(r"\d+(?:[ .,\u202f\u00a0]\d{3})*(?:[.,]\d+)?")
_WORD = re.compile(r"[^\W\d_]+(?:'|’)?", re.UNICODE)
# Sentence-internal capitalised words stand for names the parser did not tag ("Sud Rail", "l'Unsa").
_CAPITALISED = re.compile(r"(?<=[\w,;:'’)\]] )(?:[dlDL]['’])?([A-ZÀ-Þ][\w-]{2,})")
NEGATIONS = {"ne", "n'", "pas", "jamais", "aucun", "aucune", "rien", "sans", "ni", "non", "nullement", "guère",
              "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without"}
_NUMBER_WORDS = {w for words in lx.NUMBER_WORDS.values() for w in words if w not in ("un", "une", "one")}
# A list in brackets spells out what the sentence speaks of ("de soutien militaire (armes, munitions ou
# soldats)", "une filière (littéraire, économique et social, scientifique)"): its items are facts even
# without a name or a number. Items are short (a few words each); an editor's note ("ndlr") is no list.
_BRACKETS = re.compile(r"\(([^()]{3,120})\)")
_ITEM_SEPARATOR = re.compile(r"\s*,\s+|\s+(?:et|ou|and|or)\s+")
_QUOTE_MARKS = re.compile(r"[«»“”\"#]")
_BLANKS_BEFORE_STOP = re.compile(r"\s+([,.;:!?])")
_NOT_DIGIT = re.compile(r"\D")


# missing() runs twice per candidate (on its rewrite and on its final text), mostly on texts and names
# it has seen already (within an article): each is read once. The cached values are shared, never
# modified; a few hundred are enough, more only hold memory.
@functools.lru_cache(maxsize=512)
def _norm(text: str) -> str:
    """Lower case, plain letters and apostrophes, no quotation marks (they carry no fact), single spaces."""
    text = plain_letters(text)  # the text writes styled letters plain
    text = _QUOTE_MARKS.sub(" ", text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " "))
    return " ".join(_BLANKS_BEFORE_STOP.sub(r"\1", text).lower().split())


def _numbers(text: str) -> Counter[str]:
    return Counter(_NOT_DIGIT.sub("", m.group(0)) for m in _NUMBER.finditer(text))


def _words(text: str) -> list[str]:
    """Lower-cased words; an apostrophe closing a quotation ("il n'a rien'") is not part of the word."""
    out = []
    for w in _WORD.findall(text):
        w = w.lower().replace("’", "'")
        if w.endswith("'") and len(w) > 3 and w[:-1] not in ("qu", "jusqu", "lorsqu", "puisqu", "quoiqu"):
            w = w[:-1]
        out.append(w)
    return out


@functools.lru_cache(maxsize=512)
def _counts(text: str) -> tuple[Counter[str], Counter[str]]:
    """The numbers and the words of a text, counted."""
    text = plain_letters(text)  # the text writes styled letters plain
    return _numbers(text), Counter(_words(text))


def missing(checkable: str, text: str, entities: list[str] | tuple[str, ...] = ()) -> list[str]:
    """What of `checkable` (the sentence without its attribution) `text` lost: numbers, number words,
    named entities and capitalised names, negations. Empty when the text is faithful."""
    lost: list[str] = []
    # Numbers and names must be there; negations as often as in the sentence (a text that is a paste
    # of itself repeated states its figures once, but dropping one "pas" of two changes the meaning).
    numbers_in, words_in = _counts(checkable)
    have, words_out = _counts(text)
    for number in numbers_in:
        if not have[number]:
            lost.append(number)
    for word, count in words_in.items():
        if word in _NUMBER_WORDS and not words_out[word] or word in NEGATIONS and words_out[word] < count:
            lost.append(word)
    norm_text = _norm(text)
    for entity in entities:
        name = _norm(entity).strip(" ,.'\"")
        if len(name) >= 2 and name not in norm_text:
            lost.append(entity)
    for m in _CAPITALISED.finditer(checkable):
        if _norm(m.group(1)) not in norm_text:
            lost.append(m.group(1))
    # The checkable part may come as tokens joined by spaces ("d' azote", "25 %"): items compare without them.
    solid = norm_text.replace(" ", "")
    lost.extend(item for item in bracketed_list(checkable) if _norm(item).replace(" ", "") not in solid)
    return lost


def bracketed_list(text: str) -> list[str]:
    """The items of the lists in brackets of a text: "(armes, munitions ou soldats)" -> the three."""
    items: list[str] = []
    for m in _BRACKETS.finditer(text):
        parts = [p.strip(" .;:") for p in _ITEM_SEPARATOR.split(m.group(1))]
        if len(parts) >= 2 and all(p and len(p.split()) <= 4 for p in parts) and "ndlr" not in m.group(1).lower():
            items.extend(parts)
    return items
