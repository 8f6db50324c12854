"""Numbers that count nothing, which find_quantities skips: labels and names ("France 2", "l'acte
18", "les lignes 1, 4 et 14"), titles, street numbers, idioms ("à deux pas"), phone numbers, clock
times, scores and odds, a bare day of the month, a year, and number words used as nouns or
adjectives ("le grand huit", "remis à neuf")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.dates import _DAY
from claims.extraction.doccache import morph_values
from claims.extraction.number_values import number_group, number_value
from claims.extraction.quoted_titles import in_quoted_title
from claims.extraction.units import _MEASURE_UNITS, _noun_after_adjectives, unit_at

# Words before a number that make it a label, not a count: "l'acte 18", "saison 2", "article 3", "le
# stade 3" (of an epidemic), "les années 80" (a decade).
_LABEL_BEFORE = {"acte", "saison", "saisons", "épisode", "épisodes", "article", "articles", "chapitre", "chapitres", "page", "tome", "volume", "numéro", "n°",
                 "no", "niveau", "étape", "catégorie", "classe", "poule", "phase", "version", "ligne", "lignes", "quai",
                 "porte", "terminal", "vol", "bus", "route", "rn", "départementale", "autoroute", "section", "stade",
                 "années", "guerre",  # "la guerre 14-18": two years
                 "type",  # "le diabète de type 2"
                 "top",  # "le top 100 des universités": a ranking
                 # A calibre after its weapon: "une carabine 22 long rifle", "un pistolet 9 mm", "de calibre 12".
                 "calibre", "carabine", "pistolet", "revolver",
                 "modèle", "modèles", "prototype", "département", "coefficient",  # "le département 72"
                 # A programme's title after its kind: "le magazine 7 à 8", "la série 24 heures chrono".
                 "émission", "magazine", "série", "feuilleton", "jeu", "show", "programme",
                 "season", "episode", "chapter", "number", "level", "stage", "gate", "flight", "highway", "line"}


def _is_name_part(doc: Doc, i: int) -> bool:
    """"France 2", "Ligue 1", "CAC 40", "Bouches-du-Rhône (13)": a number that belongs to a name."""
    if i == 0:
        return False
    prev = doc[i - 1]
    if prev.text == "(" and i > 1 and i + 1 < len(doc) and doc[i + 1].text == ")" and (
            doc[i - 2].pos_ == "PROPN" or doc[i - 2].text[:1].isupper() and len(doc[i].text) <= 3):
        return True  # a département code: "Bouches-du-Rhône (13)", "Aveyron (12)" (tagged as a noun)
    if not prev.text[:1].isupper() or not prev.is_alpha or not prev.whitespace_:
        return False
    # A sentence's first word is capitalised anyway: only a tagged name ("France 4 diffusera") counts.
    if prev.is_sent_start and not (prev.pos_ == "PROPN" and prev.ent_type_):
        return False
    if prev.lower_ in lx.UNITS or prev.text in lx.CURRENCY:
        return False
    return prev.pos_ == "PROPN" or bool(prev.ent_type_) or prev.text.isupper()


_NUMBERED_OUTLETS = re.compile(r"(?<!\w)(?:" + "|".join(
    re.escape(o) for o in sorted((o for o in lx.OUTLETS if any(c.isdigit() for c in o)), key=len, reverse=True))
    + r")(?!\w)")


def _new_adjective(doc: Doc, i: int) -> bool:
    """"livré neuf", "un bateau tout neuf", "remis à neuf": "neuf" is the adjective "new" after a verb, a
    singular noun or an adverb (or "à" after a verb), unless a noun it counts follows ("ils ont vendu neuf
    voitures")."""
    if doc[i].lower_ != "neuf" or i == 0:
        return False
    prev = doc[i - 1]
    if prev.lower_ == "à":
        if i < 2 or doc[i - 2].pos_ not in ("VERB", "AUX"):
            return False
    elif prev.pos_ not in ("VERB", "AUX", "NOUN", "ADV") or "Plur" in morph_values(prev, "Number"):
        return False
    if i + 1 >= len(doc):
        return True
    nxt = doc[i + 1]
    return nxt.pos_ not in ("NOUN", "PROPN") and nxt.lower_ not in lx.UNITS and nxt.lower_ not in lx.CURRENCY \
        and _noun_after_adjectives(doc, i + 1) is None


# Nouns a bare figure may follow as an amount, not as a name: "au total 21", "en moyenne 12".
_AMOUNT_NOUNS = frozenset({"total", "moyenne", "somme", "hauteur", "maximum", "minimum", "tout", "nombre",
                           "chiffre", "score", "note", "bilan", "âge", "taux"})


_DIALLED = frozenset({"call", "dial", "ring", "text", "appeler", "appelez", "composer", "composez", "contacter"})


def _named_by_number(doc: Doc, i: int, j: int) -> bool:
    """"la trisomie 21", "l'uranium 235", "le vol 714": a bare figure (no unit, no range) right after a singular
    common noun names a thing of that kind, it counts nothing; so does one alone in brackets after a name,
    "Reventin (38)" (a département's number), or after a title's question mark, "quelles leçons ? (2)" (a
    part's); not after a plural noun, "d'avocats (300)", which it counts."""
    if i == 0 or j != i + 1 or not doc[i].text.isdigit():
        return False
    k = i - 1
    while k > 0 and (doc[k].lower_ in ("le", "the", "ou", "or", "et", "and", ",") or doc[k].text.isdigit()):
        k -= 1
    if doc[k].lower_ in _DIALLED:
        return True  # "call 101", "appeler le 17 ou le 112": a number dialled
    if len(doc[i].text) <= 3 and doc[i - 1].text == "(" and j < len(doc) and doc[j].text == ")" and i >= 2 \
            and (doc[i - 2].is_alpha and doc[i - 2].text[:1].isupper() or doc[i - 2].text in ("?", "!")):
        return True
    prev = doc[i - 1]
    return prev.pos_ == "NOUN" and prev.is_alpha and prev.text.islower() and bool(prev.whitespace_) \
        and "Plur" not in morph_values(prev, "Number") and not prev.lower_.endswith(("s", "x")) \
        and prev.lower_ not in _AMOUNT_NOUNS and prev.lower_ not in lx.UNITS and prev.lower_ not in lx.CURRENCY


def _is_title(doc: Doc, i: int, j: int) -> bool:
    """A number that is part of a title or a product name, not a count: "Mille et Une Vies" (a number
    word capitalised inside a sentence), "la 5G" (a capital glued to the digits), "20 Minutes", "les 3
    Fontaines" (a capitalised common noun that names no people, unlike "3 Français")."""
    tok = doc[i]
    if tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start and i > 0 and doc[i - 1].is_alpha:
        return True
    if in_quoted_title(doc, i):
        return True
    # A window of tokens around the number (doc.text would join the whole document on every call).
    window = doc[max(0, i - 8) : min(len(doc), i + 8)]
    at = tok.idx - window.start_char
    if any(m.start() <= at < m.end() for m in _NUMBERED_OUTLETS.finditer(window.text)):
        return True
    if j >= len(doc) or not doc[j].is_alpha or not doc[j].text[:1].isupper() or doc[j].is_sent_start:
        return False
    nxt = doc[j]
    if not doc[j - 1].whitespace_:
        return lx.UNITS.get(nxt.lower_) != nxt.text and nxt.lower_ not in lx.SCALES
    if nxt.ent_iob_ == "B" and nxt.pos_ in ("PROPN", "X") and j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I" and (
            doc[j + 1].text[:1].isupper()):
        return True  # a title the number opens: "2 Broke Girls" (not "3 Français", a people counted)
    if nxt.pos_ != "NOUN" or nxt.lower_ in lx.UNITS or nxt.lower_ in lx.CURRENCY:
        return False
    # A people counted ("3 Français") is an entity of its own; a name takes the number in ("4 Saisons").
    return not nxt.ent_type_ or (tok.ent_type_ == nxt.ent_type_ and nxt.ent_iob_ == "I")


def _is_clock(doc: Doc, i: int, value: float, unit: str) -> bool:
    """"à 19 heures", "vers 3h30", "03 heures", "le journal de 20 heures": a time of day, not a duration."""
    if unit.lower() not in lx.HOUR_UNITS:
        return False
    if doc[i].text.startswith("0") and len(doc[i].text) == 2:
        return True
    if value > 24 or value != int(value):
        return False
    prev = doc[i - 1].lower_ if i > 0 else ""
    after = doc[i + 2].lower_ if i + 2 < len(doc) else ""
    if after in ("précises", "pile", "locales", "gmt", "utc", "heure") or (after == "du" and i + 3 < len(doc)
                                                                          and doc[i + 3].lower_ in ("matin", "soir")):
        return True
    if prev == "du":
        return True  # "les journaux télévisés du 20 heures": a duration is never "du N heures"
    if prev in ("de", "d'"):
        return i > 1 and doc[i - 2].lower_ in ("journal", "jt", "édition", "flash", "bulletin", "séance", "train",
                                                 "partir", "alentours", "environs")
    return prev in lx.CLOCK_BEFORE


_STREETS = {"rue", "avenue", "boulevard", "bd", "quai", "impasse", "allée", "place", "chemin", "cours", "faubourg",
            "square", "street", "road", "lane"}
_STREET_NAMES = {"street", "road", "avenue", "lane", "square", "boulevard", "place"}
# "à deux pas de l'Élysée", "à deux doigts de la mort": very close, no count; "nager entre deux eaux", "pris entre
# deux feux", "assis entre deux chaises", "un homme entre deux âges", "comme deux gouttes d'eau", "deux fois rien"
# (_idiom reads them around "deux" only).
_IDIOMS = {("à", "deux", "pas"), ("à", "deux", "doigts"), ("entre", "deux", "eaux"), ("entre", "deux", "feux"),
           ("entre", "deux", "chaises"), ("entre", "deux", "âges"), ("comme", "deux", "gouttes"),
           ("deux", "fois", "rien"),
           # "n'y va pas par quatre chemins", "aux quatre coins du pays", "ses quatre vérités": no count of four
           ("par", "quatre", "chemins"), ("aux", "quatre", "coins"), ("des", "quatre", "coins"), ("aux", "quatre", "vents"),
           ("ses", "quatre", "vérités"), ("trois", "fois", "rien")}
_IDIOM_WORDS = frozenset(w for words in _IDIOMS for w in words[:2] if w in ("deux", "trois", "quatre"))
# "22 long rifle", "un .22 LR": a calibre named after its figure.
_CALIBRE_AFTER = {("long", "rifle"), ("lr",), ("magnum",)}
_CALIBRE_WORDS = frozenset(words[0] for words in _CALIBRE_AFTER)


def _is_address(doc: Doc, j: int, language: str, date_tokens: set[int]) -> bool:
    """"au 55 rue du Faubourg-Saint-Honoré", "au 10 et 11 Downing Street": a street number, no count. The
    street word is singular ("10 places de parking" counts) and a name or "de" follows it."""
    n = len(doc)
    if j + 1 < n and doc[j].text in ("et", ",", "-", "à", "and") and doc[j + 1].text.isdigit():
        j = number_group(doc, j + 1, language, date_tokens)
    if j < n and doc[j].lower_ in ("bis", "ter"):
        j += 1
    if j + 1 >= n:
        return False
    street, after = doc[j], doc[j + 1]
    if street.lower_ in _STREETS and (after.lower_ in ("de", "du", "des", "d'") or after.text[:1].isupper()):
        return True
    return street.text[:1].isupper() and street.is_alpha and after.lower_ in _STREET_NAMES and after.text[:1].isupper()


def _idiom(doc: Doc, i: int, j: int) -> bool:
    if j != i + 1 or j >= len(doc):
        return False
    word, after = doc[i].lower_, doc[j].lower_
    # "Mille et une vies", "les mille et un métiers": countless, or a title, never a count of a thousand.
    if word == "mille" and after == "et" and j + 1 < len(doc) and doc[j + 1].lower_ in ("un", "une"):
        return True
    if after in _CALIBRE_WORDS:
        return any(tuple(t.lower_ for t in doc[j : j + len(words)]) == words for words in _CALIBRE_AFTER)
    if word not in _IDIOM_WORDS:
        return False
    if i > 0 and (doc[i - 1].lower_, word, after) in _IDIOMS or j + 1 < len(doc) and (
            word, after, doc[j + 1].lower_) in _IDIOMS:
        return True
    return _in_between(doc, i, j)


def _in_between(doc: Doc, i: int, j: int) -> bool:
    """"Aujourd'hui, entre deux réunions, il répond", "Entre deux trains, elle lit": "entre deux" and a noun set
    off by commas before the clause is a moment between two activities, no count ("une rixe entre deux hommes"
    ends its clause and counts them; "entre deux et trois jours" is a range); nor does "l'entre deux tours", the
    time between two rounds."""
    if i == 0 or doc[i].lower_ != "deux" or doc[i - 1].lower_ != "entre" or doc[j].pos_ != "NOUN":
        return False
    if i > 1 and doc[i - 2].lower_ == "l'":
        return True
    opened = doc[i - 1].is_sent_start or i > 1 and doc[i - 2].text == ","
    closing = next((t for t in doc[j + 1 : j + 8] if t.is_punct), None)
    return opened and closing is not None and closing.text == ","


def _compound_noun(doc: Doc, i: int, language: str) -> bool:
    """"deux-roues", "mille-feuilles", "trois-là": a number word hyphened to a word that is no number names
    a thing (or points at people), it counts nothing. The tokenizer splits them at the hyphen."""
    words = lx.NUMBER_WORDS.get(language, {})
    return i + 2 < len(doc) and doc[i].is_alpha and doc[i].lower_ in words and not doc[i].whitespace_ \
        and doc[i + 1].text in ("-", "‑") and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha \
        and doc[i + 2].lower_ not in words and doc[i + 2].lower_ not in ("et",)


def _is_quarantine(doc: Doc, i: int) -> bool:
    """"mise en quarantaine", "une quarantaine de 14 jours", "demandent une quarantaine": the isolation, not
    about forty; forty counts the word after its "de" ("une quarantaine d'années", "de grandes villes").
    Another collective word counts nothing after "la" or "par" without that "de" ("la soixantaine")."""
    word = doc[i].lower_
    if word not in lx.APPROX_NUMBER_WORDS:
        return False
    counts = i + 2 < len(doc) and doc[i + 1].lower_ in ("de", "d'") and doc[i + 2].is_alpha \
        and doc[i + 2].lower_ not in lx.NUMBER_WORDS.get("fr", {})
    if word == "quarantaine":
        return not counts
    # "la soixantaine éclatante" (an age), "sous la barre de la dizaine", "apportés par dizaine": a collective
    # word after "la" or "par" with nothing counted after it.
    return not counts and i > 0 and doc[i - 1].lower_ in ("la", "sa", "par", "l'")


def _label_end(doc: Doc, j: int, language: str, date_tokens: set[int]) -> int:
    """Where a label or a name with a number ends: a second bare number joined to it belongs to it,
    "le magazine 7 à 8", "les saisons 1 à 3", "Lyon 3-0" (a score glued to the team's name), and every
    item of a list of them, "les lignes 1, 4 et 14"; not one with a unit of its own ("la Ligue 1 à 20 clubs",
    "la ligne 13, 200 voyageurs bloqués"). An item may carry a name of its own: "les modèles 356, 550 Spyder et
    917"."""
    n = len(doc)
    while j + 1 < n and doc[j].text in ("-", "–", "à", "au", "et", "ou", ",") and doc[j + 1].text.isdigit():
        m = number_group(doc, j + 1, language, date_tokens)
        glued = not doc[j - 1].whitespace_ and not doc[j].whitespace_
        if m < n and doc[j].text in (",", "et", "ou") and _capitalised_name(doc[m]):
            m += 1
        elif not (glued or m in date_tokens or not unit_at(doc, m)[0]):
            break
        j = m
    return j


def _label_behind_adjective(doc: Doc, i: int, language: str, date_tokens: set[int]) -> bool:
    """"les lignes automatisées 1 et 14", "la saison précédente 3": a label word with an adjective (which the
    tagger may read as a noun) before a bare number still names the item; not when the number has a unit
    of its own ("les lignes fermées 3 jours" counts days)."""
    if i < 2 or doc[i - 2].lower_ not in _LABEL_BEFORE:
        return False
    between = doc[i - 1]
    if between.pos_ not in ("ADJ", "NOUN", "VERB") or not (between.is_alpha and between.is_lower) \
            or between.lower_ in lx.UNITS or between.lower_ in lx.CURRENCY:
        return False
    return not unit_at(doc, number_group(doc, i, language, date_tokens))[0]


_LIST_LINKS = (",", "et", "and", "ou", "or")


def _bracketed_labels(doc: Doc, i: int, language: str, date_tokens: set[int]) -> int:
    """Where a bracketed list of bare numbers around token i ends, else 0: "six lignes resteront fermées
    (3bis, 5, 7bis, 11)" names which ones, it counts nothing. Two items at least, none with a unit
    ("(8.000 selon la police)" and "(3, 5 et 7 ans)" are figures)."""
    def item(tok: Token) -> bool:
        return tok.text[:1].isdigit() and tok.text.isalnum() and tok.i not in date_tokens

    k = i
    while k > 0 and (item(doc[k - 1]) or doc[k - 1].text in _LIST_LINKS):
        k -= 1
    if k == 0 or doc[k - 1].text != "(":
        return 0
    items = 0
    while k < len(doc) and doc[k].text != ")":
        tok = doc[k]
        if tok.text in _LIST_LINKS:
            k += 1
            continue
        if not item(tok):
            return 0
        m = number_group(doc, k, language, date_tokens) if tok.text.isdigit() else k + 1
        if tok.text.isdigit() and (unit_at(doc, m)[0] or m < len(doc) and doc[m].text not in (")", *_LIST_LINKS)):
            return 0
        items += 1
        k = m
    return k + 1 if items >= 2 and k < len(doc) else 0


def _capitalised_name(tok: Token) -> bool:
    """"Spyder" in "la 550 Spyder": a capitalised word inside the sentence that is no unit, a name."""
    return tok.is_alpha and tok.text[:1].isupper() and not tok.is_sent_start and tok.lower_ not in lx.UNITS \
        and tok.lower_ not in lx.CURRENCY


# What joins the two sides of a score or of odds: "3-0", "3 à 1", "donné à 150 contre 1", "100 to 1".
_SCORE_LINKS = frozenset({"-", "–", "à", "to", "contre", "against"})


def _score_end(doc: Doc, i: int, j: int, value: float, unit: str, language: str, date_tokens: set[int]) -> int:
    """Where a score or odds end ("a battu Lyon 3-0", "s'est imposé 3 à 1", "voted 7-2", "donné à 150 contre
    1"), else 0. A range is written low to high ("de 3 à 5"); two bare whole numbers joined by a dash,
    "à"/"to" or "contre", the first not smaller, are the two sides of a result or of a bet, which count
    nothing by themselves (a tally with its noun, "312 voix contre 250", stays two counts)."""
    n = len(doc)
    if unit not in ("", "-") or j + 1 >= n or doc[j].lower_ not in _SCORE_LINKS or j + 1 in date_tokens:
        return 0
    if not doc[j + 1].text.isdigit() or not doc[i].text.isdigit():
        return 0
    m = number_group(doc, j + 1, language, date_tokens)
    second = number_value(list(doc[j + 1 : m]), language)
    # "passée de 79 à 59 %": a measure after the second figure makes two figures; a score measures nothing
    # ("s'est imposé 3 à 1 dimanche").
    unit2 = unit_at(doc, m)[0]
    # "contre" joins odds ("donné à 150 contre 1", "à 3 contre 1"), not a vote ("adopté par 350 contre 200").
    if doc[j].lower_ in ("contre", "against") and second != 1 and (i == 0 or doc[i - 1].lower_ not in ("à", "at")):
        return 0
    return m if second is not None and second <= value and unit2 not in _MEASURE_UNITS | {"%", "points"} else 0


# A French phone number written in five pairs, with hyphens, dots or spaces, or as ten digits.
_PHONE = re.compile(r"(?<![\d,.])(?:\+33 ?|0)[1-9](?:[-. ]?\d\d){4}(?![\d,])")


def _is_phone_number(tokens: Span, phones: list[tuple[int, int]]) -> bool:
    """"05 63 77 31 31": digits in pairs, not a figure grouped by thousands ("1 028", "12 500 000"); or a
    part of a phone number the text spells in pairs with hyphens or dots ("05-53-31-71-10", `phones`: the
    character spans of _PHONE in the document), which the tokenizer cuts into several groups."""
    if any(a <= tokens[0].idx < b for a, b in phones):
        return True
    digits = [t.text for t in tokens if t.text.isdigit()]
    return len(digits) > 1 and (digits[0].startswith("0") or any(len(d) != 3 for d in digits[1:]))


def _number_as_noun(doc: Doc, i: int) -> bool:
    """"le grand huit", "un double six", "du sept": a small number word after a singular determiner
    (and maybe an adjective), with nothing counted after it, names a thing; it counts nothing ("un
    million" still counts)."""
    if i == 0:
        return False
    if not doc[i].is_alpha:
        return _bare_day(doc, i)
    # "le risque zéro", "la tolérance zéro": a number word after its noun qualifies it.
    if doc[i - 1].pos_ == "NOUN" and doc[i - 1].is_alpha and (i + 1 >= len(doc) or doc[i + 1].pos_ != "NOUN"):
        return True
    k = i - 1 if doc[i - 1].pos_ == "ADJ" and i > 1 else i
    return doc[k - 1].lower_ in ("le", "du", "au", "un", "ce", "the", "a")


def _bare_day(doc: Doc, i: int) -> bool:
    """"le 4 exactement", "depuis le 17", "les attentats du 13": a day of the month written alone refers to a
    month said before (or names something, "le 13" for Marseille's département); it counts nothing."""
    return doc[i - 1].lower_ in ("le", "du") and bool(_DAY.match(doc[i].text)) and not doc[i].text.startswith("0")


def _yearish(doc: Doc, i: int) -> bool:
    """A four-digit number that reads as a year rather than a count: not before a noun it counts ("2000
    personnes"), but before a singular noun it dates ("a 2022 audit", "the 2019 election")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or nxt.pos_ not in ("NOUN",) or nxt.is_punct or (
        nxt.tag_ == "NN" or "Sing" in morph_values(nxt, "Number"))
