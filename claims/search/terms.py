"""Index terms: the one analyser both databases rank with.

A prior fact-check is analysed once, when it is imported (claims.services.priors), into the terms
its postings rows hold; a query goes through the same function, so PostgreSQL and SQLite compute
the same BM25 over the same terms. Words are folded (lowercase, no accents), stop words dropped and
stemmed with the Snowball stemmer of the text's language; numbers are normalised ("1,000" and
"1 000" -> "1000") and kept as terms, because figures single out a claim. Pure functions.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from claims.search.text import fold, parse_number

LANGUAGES = ("en", "fr")
_STEMMERS = {"en": snowballstemmer.stemmer("english"), "fr": snowballstemmer.stemmer("french")}

STOPWORDS = {
    "en": frozenset(
        """
        a about above after again against all am an and any are aren as at be because been before being below
        between both but by can cannot could couldn did didn do does doesn doing don down during each few for
        from further had hadn has hasn have haven having he her here hers herself him himself his how i if in
        into is isn it its itself let ll me more most mustn my myself no nor not of off on once only or other
        ought our ours ourselves out over own re same shan she should shouldn so some such than that the their
        theirs them themselves then there these they this those through to too under until up ve very was
        wasn we were weren what when where which while who whom why will with won would wouldn you your yours
        yourself yourselves s t d m o y just also says said get got via amp rt
        """.split()
    ),
    "fr": frozenset(
        """
        a ai aie aient aies ait alors as au aucun aupres aura aurai auraient aurais aurait auras aurez auriez
        aurions aurons auront aussi autre aux avaient avais avait avant avec avez aviez avions avoir avons ayant
        c ca ce ceci cela celle celles celui ces cet cette ceux chez ci comme comment d dans de des deja du donc
        dont elle elles en encore es est et etaient etais etait etant ete etes etiez etions etre eu eue eues
        eumes eurent eus eusse eut eux fais fait faut furent fus fut ici il ils j je l la le les leur leurs lui
        m ma mais me meme memes mes moi mon n ne ni nos notre nous on ont or ou par pas peu peut plus pour
        pourquoi qu quand que quel quelle quelles quels qui s sa sans se sera serai seraient serais serait
        seras serez seriez serions serons seront ses si son sont sous soyez suis sur t ta te tes toi ton tous
        tout toute toutes tres tu un une vos votre vous y voici voila selon
        """.split()
    ),
}
# Words of both lists count as stop words when the language is unknown.
ANY_STOPWORDS = STOPWORDS["en"] | STOPWORDS["fr"]

_TOKEN = re.compile(r"\d+(?:[,.\u00a0\u202f ]\d{3})+(?![\d])|\d+(?:[.,]\d+)?|[^\W\d_]+", re.UNICODE)
_NUMERIC = re.compile(r"^\d")


def detect_language(text: str, hint: str = "") -> str:
    """`hint` when it is a supported language, else the language whose stop words the text uses more."""
    if hint in LANGUAGES:
        return hint
    words = re.findall(r"[^\W\d_]+", fold(text[:3000]))
    en = sum(w in STOPWORDS["en"] and w not in STOPWORDS["fr"] for w in words)
    fr = sum(w in STOPWORDS["fr"] and w not in STOPWORDS["en"] for w in words)
    if en == fr:
        return ""
    return "en" if en > fr else "fr"


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """A folded word's stem in `language` ("" = unknown: English rules, which mostly strip plurals)."""
    return _STEMMERS.get(language, _STEMMERS["en"]).stemWord(word)


def _number_term(raw: str) -> str:
    value = parse_number(raw)
    if value is None:
        return raw
    return str(int(value)) if value.is_integer() else f"{value:g}"


def tokens(text: str) -> list[str]:
    """Folded word and number tokens, in order (stop words included)."""
    return _TOKEN.findall(fold(text))


def index_terms(text: str, language: str) -> list[str]:
    """The terms of `text` (with repetitions, in order): stems of content words, and numbers."""
    stopwords = STOPWORDS.get(language, ANY_STOPWORDS)
    terms = []
    for token in tokens(text):
        if _NUMERIC.match(token):
            terms.append(_number_term(token))
        elif len(token) > 1 and token not in stopwords:
            terms.append(stem(token, language))
    return terms


QUERY_K3 = 3.0


def query_weights(text: str, language: str) -> dict[str, float]:
    """Each query term's weight from its frequency in the query, saturated (BM25's k3 = 3).

    A post that repeats its claim, or an article paragraph that keeps naming its subject, says what
    it is about: k3 = 3 measured +0.017 MRR@5 on the French training posts (BM25 alone) and left
    English tweets unchanged (+0.001 MAP@5); plain counts (large k3) lost 0.01.
    """
    counts: dict[str, int] = {}
    for term in index_terms(text, language):
        counts[term] = counts.get(term, 0) + 1
    return {
        term: (QUERY_K3 + 1) * counts.get(term, 1) / (QUERY_K3 + counts.get(term, 1))
        for term in query_variants(text, language)
    }


def query_variants(text: str, language: str) -> list[str]:
    """Distinct query terms: stems in the query's language, plus the other languages' stems of names.

    A French claim must still find an English fact-check of the same claim through the names and
    figures they share: capitalised words and numbers are also stemmed as every other language would.
    """
    terms = dict.fromkeys(index_terms(text, language))
    names = {fold(w) for w in re.findall(r"\b[^\W\d_][^\W_]*", text) if w[:1].isupper()}
    for name in names:
        if name in ANY_STOPWORDS or len(name) < 2:
            continue
        for other in LANGUAGES:
            if other != language:
                terms.setdefault(stem(name, other))
    return list(terms)
