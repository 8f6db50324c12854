"""The unit of a number: the one written right after it (a measure, a currency, a percentage, or the
noun it counts), which units measure rather than count, and the unit a bare number takes from the
figures around it (a list that writes it once, a part of a whole, a noun said further back)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from claims.extraction import lexicon as lx
from claims.extraction.doccache import column, morph_values, sentence_start
from claims.extraction.number_values import _scale
from claims.extraction.quoted_titles import _CLOSING_QUOTES, OPENING_QUOTES

_PARTITIVE_DETS = frozenset({"ses", "leurs", "nos", "vos", "mes", "tes", "ces"})
_ABBREVIATED_UNITS = frozenset({"m", "km", "cm", "mm", "kg", "ha", "m²", "km²", "m2", "km2", "m³", "m3", "mw", "gw", "kw", "kwh",
                                "mwh", "gwh", "twh", "t", "g", "l"})


# The English age's noun ("a 34-year-old", "a six-month-old") and the unit it gives.
_AGE_NOUNS = {"year": "years", "month": "months", "week": "weeks", "day": "days"}


def unit_at(doc: Doc, j: int) -> tuple[str, int]:
    """The unit written right after a number ending before token j, and where it ends."""
    n = len(doc)
    if j >= n:
        return "", j
    nxt = doc[j]
    low = nxt.lower_
    if low == "-" and j + 3 < n and doc[j + 1].lower_ in _AGE_NOUNS and doc[j + 2].text == "-" \
            and doc[j + 3].lower_ == "old":
        return _AGE_NOUNS[doc[j + 1].lower_], j + 4  # "a 34-year-old man": an age, in years
    two = f"{low} {doc[j + 1].lower_}" if j + 1 < n else ""
    if two in lx.PERCENT_WORDS:
        return "%", j + 2
    if low in lx.PERCENT_WORDS:
        return "%", j + 1
    if two in lx.POINT_WORDS:
        return "points", j + 2
    if low in lx.POINT_WORDS:
        return "points", j + 1
    if two in lx.CURRENCY:
        return lx.CURRENCY[two], j + 2
    if low in lx.CURRENCY or nxt.text in lx.CURRENCY:
        return lx.CURRENCY.get(low, lx.CURRENCY.get(nxt.text, nxt.text)), j + 1
    if two in lx.UNIT_PAIRS:
        return lx.UNIT_PAIRS[two], j + 2
    if low in ("km", "kilomètres") and j + 2 < n and doc[j + 1].text == "/" and doc[j + 2].lower_.rstrip(".") in (
            "h", "heure"):
        return "km/h", j + 3
    if low == "°" and j + 1 < n and doc[j + 1].text in ("C", "F") and not nxt.whitespace_:
        return f"°{doc[j + 1].text}", j + 2  # "13 °C"
    if low in lx.UNITS:
        return lx.UNITS[low], j + 1
    # "l'empattement atteint 3,10 m. Très basse, [...]": the tokenizer keeps a sentence's full stop on a unit.
    if low.endswith(".") and low[:-1] in _ABBREVIATED_UNITS:
        return lx.UNITS[low[:-1]], j + 1
    if nxt.text in lx.CASED_UNITS:
        return lx.CASED_UNITS[nxt.text], j + 1
    # "entre 23 et 26 (degrés)": a unit in brackets.
    if nxt.text == "(" and j + 2 < n and doc[j + 2].text == ")" and doc[j + 1].lower_ in lx.UNITS:
        return lx.UNITS[doc[j + 1].lower_], j + 3
    # "tuer quatre de ses collègues", "trois des membres du groupe": a part counts the plural noun it is taken from.
    whole = j + 2 if low in ("de", "d'") and j + 2 < n and doc[j + 1].lower_ in _PARTITIVE_DETS else \
        j + 1 if low == "des" and j + 1 < n else None
    if whole is not None and doc[whole].pos_ == "NOUN" and doc[whole].is_alpha and doc[whole].text.islower() \
            and "Plur" in morph_values(doc[whole], "Number"):
        return doc[whole].text, whole + 1
    if low in ("de", "d'", "of") and j + 1 < n:
        after = doc[j + 1]
        named = f"{after.lower_} {doc[j + 2].lower_}" if j + 2 < n else ""
        if named in lx.CURRENCY:  # "570 millions de dollars canadiens"
            return lx.CURRENCY[named], j + 3
        if after.lower_ in lx.CURRENCY:
            return lx.CURRENCY[after.lower_], j + 2
        if named in lx.UNIT_PAIRS:  # "100 millions de mètres cubes"
            return lx.UNIT_PAIRS[named], j + 3
        if after.lower_ in lx.UNITS:
            return lx.UNITS[after.lower_], j + 2
        # "1,5 million de Romains": after a scale word, a people's name is what is counted, and so is a noun
        # read as an adjective ("un milliard et demi de présents").
        scaled = doc[j - 1].lower_ in lx.SCALES or j > 2 and doc[j - 1].lower_ in ("demi", "demie") \
            and doc[j - 3].lower_ in lx.SCALES
        counted = _noun_after_adjectives(doc, j + 1)
        if counted is not None:  # "deux millions de nouveaux cas"
            return counted.text, counted.i + 1
        if after.is_alpha and (after.pos_ == "NOUN" or after.pos_ in ("PROPN", "ADJ") and scaled):
            return after.text, j + 2
        return "", j
    counted = _noun_after_adjectives(doc, j)
    if counted is not None:
        return counted.text, counted.i + 1
    # 'les 500 "meilleures" universités': an adjective in quotes before the noun.
    if nxt.text in OPENING_QUOTES and j + 3 < n and doc[j + 2].text in _CLOSING_QUOTES and doc[j + 1].pos_ == "ADJ" \
            and doc[j + 3].pos_ == "NOUN" and doc[j + 3].is_alpha and doc[j + 3].text.islower():
        return doc[j + 3].text, j + 4
    # 'avait ainsi deux "victimes"': a plural noun in quotes right after the number is what it counts (a word
    # the model tagged otherwise counts too when it made the number its modifier: 'deux "perdants"').
    if nxt.text in OPENING_QUOTES and j + 2 < n and doc[j + 2].text in _CLOSING_QUOTES and doc[j + 1].is_alpha \
            and doc[j + 1].text.islower() and "Plur" in morph_values(doc[j + 1], "Number") \
            and (doc[j + 1].pos_ == "NOUN" or doc[j - 1].head.i == j + 1):
        return doc[j + 1].text, j + 3
    # "limitée à 24 exemplaires": a noun the model tagged as an adjective, with the number as its modifier
    # and the role of a noun in the clause.
    if nxt.pos_ == "ADJ" and nxt.is_alpha and doc[j - 1].dep_ == "nummod" and doc[j - 1].head.i == j \
            and nxt.dep_ in _NOMINAL_DEPS and nxt.lower_ not in _PRONOMINAL_ADJECTIVES:
        return nxt.text, j + 1
    if _counted_participle(doc, j):
        return nxt.text, j + 1
    # "19 centrales nucléaires", "70.949 jeunes": a plural noun the model tagged as an adjective of the number.
    if nxt.pos_ == "ADJ" and nxt.is_alpha and nxt.text.islower() and nxt.dep_ == "amod" and nxt.head.i == j - 1 \
            and doc[j - 1].lower_ not in lx.SCALES and "Plur" in morph_values(nxt, "Number") \
            and nxt.lower_ not in _PRONOMINAL_ADJECTIVES | _AMOUNT_ADJECTIVES:
        return nxt.text, j + 1
    # "23 flood warnings", "40 police officers": English sets the kind before the noun counted, the compound's head.
    head = nxt.head
    if nxt.dep_ == "compound" and nxt.pos_ == "NOUN" and head.pos_ == "NOUN" and head.is_alpha \
            and j < head.i <= j + 2 and all(t.dep_ == "compound" and t.head.i == head.i for t in doc[j : head.i]):
        return head.text, head.i + 1
    # "deux ex-stars", "trois sans-abri": a hyphenated noun is one word.
    wordlike = nxt.is_alpha or "-" in nxt.text and all(p.isalpha() for p in nxt.text.split("-"))
    if (nxt.pos_ in ("NOUN", "PROPN", "SYM", "X") and wordlike) or nxt.pos_ == "SYM":
        if nxt.pos_ == "PROPN" and nxt.ent_type_ and not nxt.text.islower() and not (
                nxt.ent_type_ == "NORP" or nxt.tag_ == "NNPS"):
            return "", j  # "3 Français", "50 Democrats" are counts, "2 Paris" is not: names are not units
        return nxt.text, j + 1
    return "", j


_PARTICIPLE_ENDINGS = ("és", "ées", "us", "ues", "is", "ies")


def _counted_participle(doc: Doc, j: int) -> bool:
    """"4 morts et 7 impliqués", "12 hospitalisés ont été transférés": a plural participle or adjective used as
    a noun is what the number before it counts (not the noun of the figure before it), when the parser
    gave it the number as its modifier (or it as the number's) or when it governs nothing (", dont 12
    placés en garde à vue", the number its subject, describes the people counted before). Not an adjective standing for a noun said elsewhere ("les
    trois premiers")."""
    tok = doc[j]
    if tok.pos_ not in ("ADJ", "VERB") or not tok.is_alpha or not tok.text.islower() or j == 0:
        return False
    # "2 bus sur 3 circuleront": a conjugated verb is the clause's verb, never what a number counts (unless it ends
    # as a participle or a noun does: "485.800 apprentis", which the model may read as a simple past).
    if "Fin" in morph_values(tok, "VerbForm") and not tok.lower_.endswith(_PARTICIPLE_ENDINGS):
        return False
    number = doc[j - 1]
    read_as_counted = number.dep_ == "nummod" and number.head.i == j or tok.dep_ == "acl" and tok.head.i == j - 1
    if number.lower_ in lx.SCALES or not (read_as_counted or not any(tok.children)):
        return False
    plural = "Plur" in morph_values(tok, "Number") or tok.lower_.endswith(_PARTICIPLE_ENDINGS)
    return plural and tok.lower_ not in _PRONOMINAL_ADJECTIVES | _AMOUNT_ADJECTIVES


# "deux autres", "les trois premiers": adjectives standing for a noun said elsewhere count nothing named.
_PRONOMINAL_ADJECTIVES = {"autres", "premiers", "premières", "derniers", "dernières", "suivants", "suivantes",
                          "mêmes", "seuls", "seules", "restants", "restantes", "others", "first", "last"}

# "15 supplémentaires", "trois de plus": adjectives that qualify an amount, not a thing counted.
_AMOUNT_ADJECTIVES = {"supplémentaires", "additionnels", "additionnelles", "nouveaux", "nouvelles", "consécutifs",
                      "consécutives", "pleins", "pleines", "entiers", "entières", "seuls", "seules", "différents",
                      "différentes", "successifs", "successives", "maximum", "minimum", "environ"}


def _noun_after_adjectives(doc: Doc, j: int) -> Token | None:
    """"deux autres hommages", "trois jeunes femmes": the noun one or two adjectives after a number
    is what it counts (the adjective's head, so "deux grands" ending a phrase counts nothing)."""
    if j >= len(doc) or doc[j].pos_ != "ADJ" or not doc[j].is_alpha:
        return None
    noun = doc[j].head
    if noun.pos_ != "NOUN" or not noun.is_alpha or not j < noun.i <= j + 2:
        return None
    if noun.lower_ in lx.DURATION_NOUNS and doc[j].lower_ in _DEICTIC:
        return None  # "rose to 1,603 last year": when, not what the number counts
    # (English may set a noun of its kind before it: "12 consecutive home games")
    return noun if all(t.pos_ == "ADJ" or t.dep_ == "compound" and t.head.i == noun.i for t in doc[j : noun.i]) \
        else None


# Adjectives that place a time against now: "last year", "next week", "this month" tell when, they count nothing.
_DEICTIC = frozenset({"last", "next", "this", "previous", "past", "coming", "dernier", "dernière", "prochain",
                      "prochaine"})


# A number in one of these relations stands for a noun phrase ("alors que 121 ont été commis", "ni la
# gauche avec 63", "sur les 577 de l'hémicycle"), where "nummod" would make it a noun's modifier.
_NOMINAL_DEPS = {"nsubj", "nsubj:pass", "obj", "obl", "obl:arg", "obl:mod", "nmod"}


def _described_by_figure(doc: Doc, j: int) -> bool:
    """"et trois de 25 ans", "et trois autres de 16 ans": a bare number that a figure of its own describes
    counts people or things so described, not the measure of the figure before it."""
    k = j + 1 if j < len(doc) and doc[j].lower_ in ("autres", "others") else j
    return k + 1 < len(doc) and doc[k].lower_ in ("de", "d'", "of") and (
        doc[k + 1].like_num or doc[k + 1].lower_ in lx.NUMBER_WORDS.get("fr", {}))


def _counted_noun(unit: str) -> bool:
    return unit.isalpha() and unit not in _MEASURE_UNITS


# Durations measure too: "Six hommes âgés de 19 à 25 ans [...] trois d'entre eux" are three men, not three years.
_MEASURE_UNITS = {*lx.UNITS.values(), *lx.CURRENCY.values(), *lx.HOUR_UNITS, *lx.DURATION_NOUNS}
_MONEY = set(lx.CURRENCY.values())


# Words joining listed or opposed figures: "80 km de Dijon et 120 de Troyes", a tally "312 voix contre 250",
# "312 votes to 250".
_LIST_WORDS = {"et", "ou", "contre", "puis", "and", "or", "against", "to", "versus", "vs", "then"}
_PLACE_WORDS = {"en", "au", "aux", "à", "dans", "chez", "in", "at"}


def _share_units(doc: Doc, items: list[dict[str, Any]], groups: list[tuple[int, int, int]]) -> None:
    """Numbers listed together share the unit written once: "trois, quatre, cinq mois" and "7,8 et
    8,5 mds EUR" take it from the last (with its scale); "80 km de Dijon et 120 de Troyes" and "5
    milliards de dollars en 2020 et 5 milliards en 2021" from the first, when the bare number follows
    "et"/"ou" in the same sentence and carries the same scale; a bare number standing for a noun phrase
    from the quantity before it in the sentence, when both carry the same scale word. `groups` holds each item's (first number token, end of
    the number, end of the unit). A tally ("312 voix contre 250") is two counts of the same noun."""
    # The scale each item carries, its own or the one it took from the list's last ("20, 30, 40 millions").
    shared: dict[int, float] = {}
    for k in range(len(items) - 2, -1, -1):
        item, (i, j, _end) = items[k], groups[k]
        nxt, (i2, j2, _end2) = items[k + 1], groups[k + 1]
        between = column(doc, "lower_")[j:i2]
        # "39 des 40 villes", "trois des quatre auteurs": a part of a whole counts what the whole counts.
        if item["unit"] or not nxt["unit"] or "low" in item or between not in ([","], ["et"], ["ou"], ["des"]):
            continue
        scale = shared.get(k + 1) or _scale(doc[i2:j2])
        if _scale(doc[i:j]) == 1.0 and item["value"] < scale:
            item["value"] *= scale
            shared[k] = scale
        item["unit"] = nxt["unit"]
    # "28.108 décès depuis le 1er mars, dont 17.466 dans les hôpitaux": a part of the figure before counts
    # what it counts (a part is smaller than its whole: "8 millions de cas dans 196 pays, dont 4 millions" are
    # not countries).
    for k in range(1, len(items)):
        item, (i, _j, _end) = items[k], groups[k]
        gap = doc[groups[k - 1][2] : i]
        opening = _opening(doc, item, i)  # ("dont plus d'un millier": past the qualifier)
        if item["unit"] or "low" in item or opening == 0 or doc[opening - 1].lower_ not in ("dont", "including") \
                or not items[k - 1]["unit"] or len(gap) > 12 or items[k - 1]["value"] <= item["value"] or any(t.text in (".", ";", "!", "?") for t in gap):
            continue
        item["unit"] = items[k - 1]["unit"]
    for k in range(1, len(items)):
        item, (i, j, _end) = items[k], groups[k]
        before, (i0, j0, end0) = items[k - 1], groups[k - 1]
        # "six attentats commis en Allemagne, quatre en Grande-Bretagne, trois en Belgique": after a comma, a
        # bare figure followed by a place of its own is the next item of a list of counts.
        elliptic = i > 0 and doc[i - 1].text == "," and j < len(doc) and doc[j].lower_ in _PLACE_WORDS \
            and _counted_noun(before["unit"])
        # "1.481 pour 100.000 habitants, contre 258 ailleurs": a figure opposed to a rate is a rate on the same
        # base (even one whose counted noun is not said).
        rate = bool(before.get("per_unit"))
        joined = _joining_word(doc, item, i, before, i0) in _LIST_WORDS
        if item["unit"] or not (before["unit"] or rate) or "low" in item or "per" in item or i == 0 \
                or not joined and not elliptic:
            continue
        if _described_by_figure(doc, j):
            # "Deux hommes de 30 ans et trois de 25 ans": three men, not three years.
            counted = [m for m in range(k) if _counted_noun(items[m]["unit"]) and groups[m][0] >= sentence_start(doc[i])]
            if counted:
                item["unit"] = items[counted[-1]]["unit"]
            continue
        if doc[i - 1].lower_ == "to" and before["unit"] == "%" and item["value"] > 100:
            continue  # "Visits rose 18% to 410,000": the level a change reached, not a share of anything
        gap = doc[end0:i]
        # "710 ch et 667 Nm": a word right after the number is its own unit, even one not in the lexicon.
        if j < len(doc) and doc[j].pos_ in ("NOUN", "PROPN", "SYM", "X"):
            continue
        if len(gap) <= 6 and not any(t.is_sent_start or t.text in (".", ";", "!", "?") for t in gap) \
                and (_scale(doc[i0:j0]) == _scale(doc[i:j]) or _counted_across_scales(doc, items, groups, k)):
            item["unit"] = before["unit"]
            if rate:
                item.update(per=before["per"], per_unit=before["per_unit"])
    # "118 féminicides en 2019 alors que 121 ont été commis en 2018": a bare number standing for a noun
    # phrase counts what the sentence counted before it.
    for k in range(1, len(items)):
        item, (i, j, _end) = items[k], groups[k]
        # "c'est 45 de moins que samedi", "soit 36 de plus": a difference counts what the figure before counts.
        difference = j + 1 < len(doc) and doc[j].lower_ in ("de", "en") and doc[j + 1].lower_ in ("plus", "moins")
        # "800.000 manifestants selon le ministère (1,5 million selon la CGT)": another source's count of the
        # same thing, whatever its scale.
        estimate = i > 0 and doc[i - 1].text == "(" and any(t.lower_ in lx.SOURCE_PREPOSITIONS for t in doc[j : j + 3])
        if item["unit"] or "low" in item or not (doc[j - 1].dep_ in _NOMINAL_DEPS or difference or estimate):
            continue
        sent_start = sentence_start(doc[i])
        if difference:  # the parser may start a sentence at "c'est 45 de moins": no stop in between is enough
            gap = doc[groups[k - 1][2] : i]
            sent_start = groups[k - 1][0] if len(gap) <= 15 and not any(
                t.text in (".", ";", "!", "?") for t in gap) else sent_start
        # "de 74% (5.093 contre 2.920)": only a counted noun carries over, from the figure just before.
        # "des trois éléments [...] 222 MILLIONS": a figure with a scale word of its own counts something else.
        before = [m for m in range(k) if groups[m][0] >= sent_start]
        if before and _counted_noun(items[before[-1]]["unit"]) and (
                estimate or _scale(doc[groups[before[-1]][0] : groups[before[-1]][1]]) == _scale(doc[i:j])):
            item["unit"] = items[before[-1]]["unit"]


def _opening(doc: Doc, item: dict[str, Any], i: int) -> int:
    """The first token of a quantity, its qualifier included ("plus d'un millier" opens on "plus"); `i` is its
    first number token."""
    while i > 0 and doc[i - 1].idx >= item["char_start"]:
        i -= 1
    return i


def _joining_word(doc: Doc, item: dict[str, Any], i: int, before: dict[str, Any], i0: int) -> str:
    """The word that joins a quantity to the one before it, past its qualifier and past a preposition that both
    repeat ("réduire de 10 millions d'euros, puis de 15 millions": "puis"; "et plus de 20": "et"); "" at the
    document's start."""
    m = _opening(doc, item, i)
    m0 = _opening(doc, before, i0)
    if m > 1 and m0 > 0 and doc[m - 1].pos_ == "ADP" and doc[m - 1].lower_ == doc[m0 - 1].lower_:
        m -= 1
    return doc[m - 1].lower_ if m > 0 else ""


def _counted_across_scales(doc: Doc, items: list[dict[str, Any]], groups: list[tuple[int, int, int]], k: int) -> bool:
    """"52.000 personnes à Paris et 2,2 millions dans toute la France": a bare figure with a scale word of its own
    that goes on with a list of counts takes their noun when the sentence leaves no doubt: the figure before it
    counts a noun (not a measure or money), every figure with a unit before it in the sentence counts that same
    noun, and no verb comes in between (a new clause may count something else: "emploie 300 salariés et réalise
    2 millions")."""
    i, j, _end = groups[k]
    unit = items[k - 1]["unit"]
    if not _counted_noun(unit) or _scale(doc[i:j]) == 1.0:
        return False
    start = sentence_start(doc[i])
    if any(items[m]["unit"] not in ("", unit) for m in range(k) if groups[m][0] >= start):
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in doc[groups[k - 1][2] : i])


_AMONG = ("eux", "elles", "them")


def _units_from_afar(doc: Doc, items: list[dict[str, Any]], groups: list[tuple[int, int, int]]) -> None:
    """A bare figure counts a noun said further back: "Quinze coureurs ont été piqués. Quatre d'entre eux
    [...]" counts what the last larger count of this sentence or the one before counts; "le nombre de
    personnes [...] a été estimé à 267.097" counts the persons, when no other figure comes in between in
    the sentence."""
    # Figures with no unit written after them (some took one from a figure before: "le nombre de" names theirs).
    unwritten = [k for k, item in enumerate(items) if groups[k][1] == groups[k][2] and "per" not in item]
    if not unwritten:
        return
    lowers = column(doc, "lower_")
    for k in unwritten:
        item, (i, j, _end) = items[k], groups[k]
        # "portant à 29.209 le nombre de morts": the noun after the figure.
        if j + 3 < len(doc) and lowers[j] == "le" and lowers[j + 1] == "nombre":
            d = j + 2 + (lowers[j + 2] in ("total", "global", "officiel"))
            noun = doc[d + 1] if d + 1 < len(doc) and lowers[d] in ("de", "d'") else None
            if noun is not None and noun.pos_ == "NOUN" and noun.is_alpha and noun.text.islower() \
                    and noun.lower_ not in _MEASURE_UNITS:
                item["unit"] = noun.text
                continue
        if item["unit"]:
            continue
        # "Quatre d'entre eux", "Parmi elles, 36 [...]".
        among = j + 2 < len(doc) and lowers[j] == "d'" and lowers[j + 1] == "entre" and lowers[j + 2] in _AMONG \
            or i > 2 and lowers[i - 1] == "," and lowers[i - 2] in _AMONG and lowers[i - 3] == "parmi"
        if among:
            whole = next((m for m in range(k - 1, -1, -1) if _counted_noun(items[m]["unit"])
                          and items[m]["value"] > item["value"]), None)
            gap = doc[groups[whole][2] : i] if whole is not None else []
            if whole is not None and len(gap) <= 40 and sum(t.text in (".", "!", "?") for t in gap) <= 1:
                item["unit"] = items[whole]["unit"]
            continue
        # "Sur 11 lignes étudiées, neuf sont plus lentes", "Parmi les 40 candidats, 12 [...]": a part of the whole
        # the sentence opened with.
        if k > 0 and _counted_noun(items[k - 1]["unit"]) \
                and items[k - 1]["value"] > item["value"] and i > 0 and lowers[i - 1] == ",":
            i0 = groups[k - 1][0]
            opener = [lowers[m] for m in range(max(0, i0 - 2), i0)]
            gap = doc[groups[k - 1][2] : i]
            if ("sur" in opener or "parmi" in opener) and sentence_start(doc[i0]) >= i0 - 2 and len(gap) <= 12 \
                    and not any(t.text in (".", "!", "?", ";") for t in gap):
                item["unit"] = items[k - 1]["unit"]
                continue
        # "le nombre de personnes diagnostiquées a été estimé à 267.097": up to 20 words back in the sentence.
        nombre = next((m for m in range(i - 1, max(0, i - 20) - 1, -1) if lowers[m] == "nombre"), None)
        if nombre is None or nombre + 2 >= i or nombre == 0 or lowers[nombre - 1] not in ("le", "l'", "ce") \
                or lowers[nombre + 1] not in ("de", "d'") or nombre < sentence_start(doc[i]):
            continue
        noun = doc[nombre + 2]
        if noun.pos_ != "NOUN" or not noun.is_alpha or not noun.text.islower() or noun.lower_ in _MEASURE_UNITS:
            continue
        if any(nombre < groups[m][0] < i for m in range(k)):
            continue  # another figure comes first: "le nombre de morts a doublé en 10 jours pour atteindre 40"
        item["unit"] = noun.text
