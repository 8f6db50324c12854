"""Structured fields of a claim: quantities, dates, entities, claimant. French models tag only
PER/LOC/ORG/MISC, so quantities and dates come from rules (a spaCy Matcher for dates, a token
walk for numbers and their units)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from claims.extraction import lexicon as lx

Locate = Callable[[int, int], tuple[int, int]]
_DIGITS = re.compile(r"^[+-]?\d[\d\s.,\u202f\u00a0]*$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_ORDINAL_DAY = re.compile(r"^(\d{1,2})(er|e|st|nd|rd|th)?$")
PERSON_LABELS = {"PER", "PERSON"}
SOURCE_LABELS = {"PER", "PERSON", "ORG", "NORP", "GPE"}


@functools.lru_cache(maxsize=8)
def date_matcher(vocab: Vocab) -> Matcher:
    months = list(lx.MONTHS)
    day = {"TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01])(er|st|nd|rd|th)?$"}}
    year = {"TEXT": {"REGEX": r"^(1[89]\d\d|20\d\d)$"}}
    det = {"LOWER": {"IN": ["ces", "ce", "le", "les", "du", "au", "on", "the", "dès", "depuis", "from", "since"]},
           "OP": "?"}
    month = {"LOWER": {"IN": months}}
    conj = {"LOWER": {"IN": ["et", "and", "-", "au", "to", "à", "through", "–"]}}
    matcher = Matcher(vocab)
    matcher.add("DATE", [
        [det, day, conj, day, month, {**year, "OP": "?"}],
        [det, day, month, {**year, "OP": "?"}],
        [month, day, {"TEXT": ",", "OP": "?"}, {**year, "OP": "?"}],
        [month, day, conj, day, {"TEXT": ",", "OP": "?"}, {**year, "OP": "?"}],
        [{"LOWER": {"IN": ["en", "in", "début", "fin", "mi", "early", "late", "mid"]}, "OP": "?"}, month, year],
        [{"LOWER": {"IN": ["en", "in", "depuis", "since", "année", "year"]}}, year],
    ], greedy="LONGEST")
    matcher.add("WEEKDAY", [[{"LOWER": {"IN": ["ce", "this", "last", "next", "dernier"]}, "OP": "?"},
                             {"LOWER": {"IN": list(lx.WEEKDAYS)}},
                             {"LOWER": {"IN": ["dernier", "prochain", "soir", "matin", "night", "morning"]},
                              "OP": "?"}]], greedy="LONGEST")
    matcher.add("RELATIVE", [[{"LOWER": {"IN": list(lx.RELATIVE_DAYS)}}],
                             [{"LOWER": {"IN": ["la", "le", "l'", "last", "next", "cette", "this"]}},
                              {"LOWER": {"IN": ["semaine", "mois", "année", "week", "month", "year"]}},
                              {"LOWER": {"IN": ["dernière", "dernier", "prochaine", "prochain", "passée",
                                                "passé"]}, "OP": "?"}]], greedy="LONGEST")
    return matcher


def find_dates(doc: Doc) -> list[dict[str, Any]]:
    """Date mentions of a parsed chunk, in the chunk's character offsets."""
    out: list[dict[str, Any]] = []
    matcher = date_matcher(doc.vocab)
    label_of = doc.vocab.strings
    taken: set[int] = set()
    for match_id, start, end in sorted(matcher(doc), key=lambda m: (m[1], -m[2])):
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        while end - start > 1 and doc[end - 1].is_punct:
            end -= 1
        span = doc[start:end]
        label = label_of[match_id]
        item: dict[str, Any] = {"type": label.lower(), "char_start": span.start_char, "char_end": span.end_char}
        if label == "DATE":
            days = [int(m.group(1)) for t in span if (m := _ORDINAL_DAY.match(t.text)) and not _YEAR.match(t.text)]
            months = [lx.MONTHS[t.lower_] for t in span if t.lower_ in lx.MONTHS]
            years = [int(t.text) for t in span if _YEAR.match(t.text)]
            item.update(days=days, month=months[0] if months else None, year=years[0] if years else None)
            if not months:
                item["type"] = "year"
        elif label == "WEEKDAY":
            item["weekday"] = next(lx.WEEKDAYS[t.lower_] for t in span if t.lower_ in lx.WEEKDAYS)
        else:
            rel = [lx.RELATIVE_DAYS[t.lower_] for t in span if t.lower_ in lx.RELATIVE_DAYS]
            item["days_from_publication"] = rel[0] if rel else None
        out.append(item)
    return out


def _number_value(tokens: list[Token], language: str) -> float | None:
    words = lx.NUMBER_WORDS.get(language, {})
    total = 0.0
    current = 0.0
    seen = False
    for tok in tokens:
        text = tok.text.lower().replace("\u202f", "").replace("\u00a0", "")
        if _DIGITS.match(text):
            digits = text.replace(" ", "")
            if language == "fr" or re.fullmatch(r"\d+,\d{1,2}", digits):
                digits = digits.replace(".", "").replace(",", ".") if "," in digits else digits
                if re.fullmatch(r"\d{1,3}(\.\d{3})+", digits):
                    digits = digits.replace(".", "")
            else:
                digits = digits.replace(",", "")
            try:
                value = float(digits)
            except ValueError:
                return None
            current = current * 1000 + value if seen and value < 1000 and current else value
            seen = True
        elif text in lx.SCALES and seen:
            current = (current or 1) * lx.SCALES[text]
            total += current
            current = 0
        elif text in words:
            w = words[text]
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


def _is_number(tok: Token, language: str) -> bool:
    text = tok.lower_
    if _DIGITS.match(text):
        return True
    if text in lx.NUMBER_WORDS.get(language, {}):
        # "un"/"une"/"one" are mostly articles and pronouns: count them only when tagged as numbers.
        if text in ("un", "une", "one"):
            return tok.pos_ == "NUM"
        return tok.pos_ in ("NUM", "ADJ", "NOUN", "") or not tok.pos_
    return False


def find_quantities(doc: Doc, language: str, date_tokens: set[int]) -> list[dict[str, Any]]:
    """Numbers with unit and approximation: "près de 40 tonnes" -> 40, tonnes, approx."""
    out: list[dict[str, Any]] = []
    approx = lx.APPROX.get(language, {})
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if i in date_tokens or not _is_number(tok, language) or _YEAR.match(tok.text) and _yearish(doc, i):
            i += 1
            continue
        # "les deux hommes", "the two leaders": a number word after a definite article refers back,
        # it does not count anything new.
        if not tok.is_digit and i > 0 and doc[i - 1].lower_ in ("les", "ces", "the", "these", "those", "nos", "ses"):
            i += 1
            continue
        j = i + 1
        while j < n and j not in date_tokens and (
            _is_number(doc[j], language) or doc[j].lower_ in lx.SCALES
            or (doc[j].lower_ in ("-",) and j + 1 < n and _is_number(doc[j + 1], language))
        ):
            j += 1
        num_tokens = list(doc[i:j])
        value = _number_value(num_tokens, language)
        if value is None:
            i = j
            continue
        start_tok = i
        qualifier = ""
        # Approximation: up to three words before the number ("près de", "more than", "au moins").
        for k in (3, 2, 1):
            if i - k >= 0:
                phrase = " ".join(t.lower_ for t in doc[i - k : i]).replace("' ", "'").replace(" '", "'")
                if phrase in approx:
                    qualifier = approx[phrase]
                    start_tok = i - k
                    break
        unit = ""
        end_tok = j
        currency_before = i > 0 and doc[i - 1].text in lx.CURRENCY
        if currency_before:
            unit = lx.CURRENCY[doc[i - 1].text]
            start_tok = min(start_tok, i - 1)
        elif j < n:
            nxt = doc[j]
            two = f"{nxt.lower_} {doc[j + 1].lower_}" if j + 1 < n else ""
            if two in lx.PERCENT_WORDS:
                unit, end_tok = "%", j + 2
            elif nxt.lower_ in lx.PERCENT_WORDS:
                unit, end_tok = "%", j + 1
            elif nxt.lower_ in lx.CURRENCY or nxt.text in lx.CURRENCY:
                unit, end_tok = lx.CURRENCY.get(nxt.lower_, lx.CURRENCY.get(nxt.text, nxt.text)), j + 1
            elif nxt.pos_ in ("NOUN", "PROPN", "SYM", "X") and nxt.is_alpha or nxt.pos_ == "SYM":
                unit, end_tok = nxt.text, j + 1
            elif nxt.lower_ in ("de", "d'", "of") and j + 1 < n and doc[j + 1].pos_ == "NOUN":
                unit, end_tok = lx.CURRENCY.get(doc[j + 1].lower_, doc[j + 1].text), j + 2
        span = doc[start_tok:end_tok]
        out.append({
            "char_start": span.start_char, "char_end": span.end_char, "value": value, "unit": unit,
            "approx": qualifier == "approx", "qualifier": qualifier,
        })
        i = end_tok
    return out


def _yearish(doc: Doc, i: int) -> bool:
    """A four-digit number that reads as a year rather than a count."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is None or nxt.pos_ not in ("NOUN",) or nxt.is_punct


def find_entities(doc: Doc) -> list[dict[str, Any]]:
    out = []
    for ent in doc.ents:
        text = ent.text.strip(" '\"-")
        if len(text) < 2 or not any(ch.isalpha() for ch in text):
            continue
        if ent.label_ in ("CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME"):
            continue  # numbers and dates have their own structured fields
        # Sentence-initial capitals are often mistaken for names by the small models.
        if len(ent) == 1 and ent[0].pos_ not in ("PROPN", "NOUN", "X") and ent[0].is_sent_start:
            continue
        out.append({"char_start": ent.start_char, "char_end": ent.end_char, "label": ent.label_})
    return out


def speech_tokens(span: Span, language: str) -> list[Token]:
    prefixes = lx.SPEECH_PREFIXES.get(language, ())
    return [t for t in span if t.pos_ in ("VERB", "AUX") and t.lower_.startswith(prefixes)]


def named_source(tokens: Span | list[Token], language: str) -> str:
    """The person or organisation a phrase names, preferring entities over bare nouns."""
    tokens = list(tokens)
    for labels in (PERSON_LABELS | {"ORG"}, SOURCE_LABELS):  # people and organisations before places
        for tok in tokens:
            if tok.ent_type_ in labels and tok.ent_iob_ == "B":
                ent = next((e for e in tok.doc.ents if e.start == tok.i), None)
                if ent is not None:
                    return ent.text
    words = [t for t in tokens if not t.is_punct]
    if not words:
        return ""
    head = [t for t in words if t.pos_ in ("PROPN", "NOUN")]
    if not head:
        return ""
    # "le ministère kazakh des Affaires étrangères": the noun phrase up to a comma, at most 8 words.
    first = words.index(head[0])
    phrase = words[max(0, first - 1) : first + 7]
    return " ".join(t.text for t in phrase).replace("' ", "'")


def attribution(span: Span, language: str) -> tuple[str, str]:
    """(claimant, how) for one sentence: "Selon X", "X a déclaré", "a-t-il déclaré" (pronoun)."""
    lower = span.text.lower()
    for marker in lx.ATTRIBUTION_MARKERS.get(language, ()):
        pos = lower.find(marker)
        if pos < 0:
            continue
        start_char = span.start_char + pos + len(marker)
        toks = [t for t in span if t.idx >= start_char]
        phrase = []
        for t in toks:
            if t.text in (",", ".", ";", ":", "(") or t.lower_ in ("qui", "who"):
                break
            phrase.append(t)
        source = named_source(phrase, language)
        if source:
            return source, "according_to"
    for verb in speech_tokens(span, language):
        # "a-t-il déclaré": the tokenizer keeps "-t-il" on the auxiliary.
        window = span.doc[max(span.start, verb.i - 3) : verb.i + 3].text.lower()
        m = re.search(r"-t-(il|elle|ils|elles)\b|\b\w+-(il|elle)\b", window)
        if m:
            return "", f"pronoun:{m.group(1) or m.group(2)}"
        # A "subject" inside the quotation that ends before the verb is the parser's mistake.
        subjects = [
            c for c in verb.children
            if c.dep_.startswith("nsubj") and not any(t.text == '"' for t in span.doc[c.i : verb.i])
        ]
        for subj in subjects:
            if subj.lower_ in lx.PRONOUN_SPEAKERS:
                return "", f"pronoun:{subj.lower_}"
            if subj.pos_ in ("PROPN", "NOUN") and subj.lower_ not in lx.FIRST_PERSON.get(language, set()):
                source = named_source(list(subj.subtree), language)
                if source:
                    return source, "speech"
        # Inverted subject: "a déploré son président, Marc Olivier", "said commissioner Linda Perez".
        for tok in span.doc[verb.i + 1 : min(span.end, verb.i + 8)]:
            if tok.ent_type_ in ("PER", "PERSON") and tok.ent_iob_ == "B" and not subjects:
                ent = next((e for e in tok.doc.ents if e.start == tok.i), None)
                if ent is not None:
                    return ent.text, "speech"
    if language == "en":
        m = re.search(r"\b(he|she|they) (said|says|told|added|noted|argued|claimed)\b", lower)
        if m:
            return "", f"pronoun:{m.group(1)}"
    return "", ""


def last_person(spans: list[Span]) -> str:
    """The last person named in these sentences (the speaker of a following "a-t-il déclaré"),
    else the last organisation ("La Mutualité estime ... », a-t-elle affirmé")."""
    for labels in (PERSON_LABELS, {"ORG"}):
        for span in reversed(spans):
            found = [e for e in span.ents if e.label_ in labels and len(e.text) > 2]
            if found:
                return found[-1].text
    return ""


def locate_all(items: list[dict[str, Any]], locate: Locate, original: str) -> list[dict[str, Any]]:
    """Replace chunk offsets by article offsets and attach the exact article text."""
    out = []
    for item in items:
        start, end = locate(item.pop("char_start"), item.pop("char_end"))
        out.append({"text": original[start:end], "start": start, "end": end, **item})
    return out


def resolve_dates(dates: list[dict[str, Any]], published: Any) -> None:
    """Add an ISO `value` (or `values` for "15 et 16 septembre") using the publication date:
    "mercredi" is the last Wednesday on or before it, "hier" the day before, a year-less date
    falls in the publication year."""
    import datetime as dt

    if published is None:
        return
    day0 = published.date() if isinstance(published, dt.datetime) else published
    for item in dates:
        kind = item.get("type")
        try:
            if kind == "weekday":
                back = (day0.weekday() - item["weekday"]) % 7
                item["value"] = (day0 - dt.timedelta(days=back)).isoformat()
            elif kind == "relative" and item.get("days_from_publication") is not None:
                item["value"] = (day0 + dt.timedelta(days=item["days_from_publication"])).isoformat()
            elif kind == "date" and item.get("month") and item.get("days"):
                year = item.get("year") or day0.year
                values = [dt.date(year, item["month"], d).isoformat() for d in item["days"]]
                item["value"] = values[0]
                if len(values) > 1:
                    item["values"] = values
        except (ValueError, KeyError):  # "31 février": keep the mention, no value
            continue
