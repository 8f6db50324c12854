"""text -> claims (DESIGN.md §6): normalise, detect language, segment, parse (batched), split
clauses, attach structured fields, score. Pure functions: no ORM, no settings writes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from claims.extraction import features as ft
from claims.extraction import lexicon as lx
from claims.extraction.checkworthiness import Signals, TrainedScorer, lexical_signals, score_all
from claims.extraction.language import detect_language
from claims.extraction.nlp import MAX_CHUNK_CHARS, configured_models, nlp_for
from claims.extraction.normalise import Normalised, normalise
from claims.extraction.segment import chunks, segment
from claims.extraction.syntax import attach_parse

MIN_WORDS = 4
_QUOTED = re.compile(r'"\s*([^"]{15,}?)\s*"')


@dataclass
class ClaimCandidate:
    start: int
    end: int
    quote: str
    text: str
    language: str
    kind: str = "other"
    claimant: str = ""
    entities: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    checkworthiness: float = 0.0
    checkworthiness_reasons: list[str] = field(default_factory=list)
    signals: Signals | None = None


@dataclass
class Extraction:
    language: str
    claims: list[ClaimCandidate]
    skipped: list[dict[str, Any]]
    fallback: bool = False
    note: str = ""


@dataclass
class _Chunk:
    start: int  # normalised offsets of the parsed text
    end: int
    prose: list[tuple[int, int]]  # prose blocks, relative to the chunk
    starts: list[int]  # every block start, relative to the chunk: forced sentence starts


@dataclass
class _Article:
    original: str
    norm: Normalised
    language: str
    skipped: list[dict[str, Any]]
    chunks: list[_Chunk]
    candidates: list[ClaimCandidate] = field(default_factory=list)


def extract_claims(text: str, *, language: str = "", **kwargs: Any) -> Extraction:
    return extract_texts([text], languages=[language], **kwargs)[0]


def extract_texts(
    texts: Sequence[str],
    *,
    languages: Sequence[str] | None = None,
    models: Mapping[str, str] | None = None,
    scorer: TrainedScorer | None = None,
    min_score: float = 0.0,
    batch_size: int = 64,
    published: Sequence[Any] | None = None,
) -> list[Extraction]:
    """Extract the claims of several articles, parsing all their paragraphs in one nlp.pipe stream."""
    models = configured_models() if models is None else models
    languages = list(languages) if languages is not None else [""] * len(texts)
    articles = [_prepare(text, lang, models) for text, lang in zip(texts, languages, strict=True)]
    by_language: dict[str, list[tuple[_Article, _Chunk]]] = {}
    for art in articles:
        for chunk in art.chunks:
            by_language.setdefault(art.language, []).append((art, chunk))
    fallback_languages = set()
    for language, items in by_language.items():
        nlp, full = nlp_for(language, models)
        if not full:
            fallback_languages.add(language)
        stream = (_make_doc(nlp, a, c) for a, c in items)
        docs = nlp.pipe(stream, batch_size=batch_size)
        current: _Article | None = None
        previous: list[Span] = []
        for (art, chunk), doc in zip(items, docs, strict=True):
            if art is not current:
                current, previous = art, []
            previous = _chunk_candidates(art, doc, chunk, previous)
    results = []
    for art in articles:
        if art.candidates and art.candidates[0].signals is not None:
            art.candidates[0].signals.extra["lead"] = True  # inverted pyramid: the news comes first
    all_candidates = [c for art in articles for c in art.candidates]
    scored = score_all([c.text for c in all_candidates], [c.signals or Signals() for c in all_candidates], scorer)
    for cand, (score, reasons) in zip(all_candidates, scored, strict=True):
        cand.checkworthiness, cand.checkworthiness_reasons = score, reasons
        cand.kind = _kind(cand)
    for index, art in enumerate(articles):
        kept = [c for c in art.candidates if c.checkworthiness >= min_score]
        if published is not None and published[index] is not None:
            for cand in kept:
                ft.resolve_dates(cand.dates, published[index])
        fallback = art.language in fallback_languages or (art.language not in models)
        note = ""
        if fallback and art.chunks:
            note = (f"Language {art.language or 'unknown'!r} has no spaCy model configured "
                    f"(FACTCHECK_SPACY_MODELS covers {', '.join(sorted(models)) or 'none'}): "
                    "claims were split by sentence only, without entities or attribution.")
        results.append(Extraction(art.language, kept, art.skipped, fallback=fallback, note=note))
    return results


_SOFT_WRAP = re.compile(r"(?<!\n)\n(?!\n)")


def _prepare(text: str, language: str, models: Mapping[str, str]) -> _Article:
    norm = normalise(text)
    if not language:
        language = detect_language(norm.text, models.keys()) or ""
    skipped: list[dict[str, Any]] = []
    pieces: list[tuple[int, int, bool]] = []
    for block in segment(norm.text):
        if block.kind == "prose":
            pieces.extend((s, e, True) for s, e in chunks(block.start, block.end, norm.text, MAX_CHUNK_CHARS))
        else:
            pieces.append((block.start, block.end, False))
            start, end = norm.to_original(block.start, block.end)
            skipped.append({"kind": block.kind, "start": start, "end": end, "text": text[start:end]})
    # Whole articles are parsed as one document (as fast as bare nlp.pipe), with every block start
    # forced as a sentence start: blank lines are not boundaries for the parser (DESIGN.md §10).
    out: list[_Chunk] = []
    group: list[tuple[int, int, bool]] = []
    for piece in [*pieces, None]:
        if piece is None or (group and piece[1] - group[0][0] > MAX_CHUNK_CHARS):
            if any(is_prose for _, _, is_prose in group):
                c0 = group[0][0]
                out.append(_Chunk(c0, group[-1][1], [(s - c0, e - c0) for s, e, p in group if p],
                                  [s - c0 for s, _, _ in group]))
            group = []
        if piece is not None:
            group.append(piece)
    return _Article(text, norm, language, skipped, out)


def _make_doc(nlp: Any, art: _Article, chunk: _Chunk) -> Doc:
    doc = nlp.make_doc(_SOFT_WRAP.sub(" ", art.norm.text[chunk.start : chunk.end]))
    starts = set(chunk.starts)
    for tok in doc:
        if tok.idx in starts:
            tok.is_sent_start = True
    return doc


def _locator(art: _Article, c_start: int):  # type: ignore[no-untyped-def]
    def locate(s: int, e: int) -> tuple[int, int]:
        return art.norm.to_original(c_start + s, c_start + e)

    return locate


def _chunk_candidates(art: _Article, doc: Doc, chunk: _Chunk, previous: list[Span]) -> list[Span]:
    language = art.language
    locate = _locator(art, chunk.start)
    dates = ft.find_dates(doc)
    date_chars = [(d["char_start"], d["char_end"]) for d in dates]
    date_tokens = {t.i for t in doc for s, e in date_chars if s <= t.idx < e}
    quantities = ft.find_quantities(doc, language, date_tokens)
    entities = ft.find_entities(doc)
    sentences = _sentences(doc, chunk.prose)
    quote_run: list[ClaimCandidate] = []
    for index, sent in enumerate(sentences):
        words = [t for t in sent if t.is_alpha]
        opens = sent.text.count('"') % 2 == 1
        if len(words) < MIN_WORDS:
            continue
        claimant, how = ft.attribution(sent, language)
        if how.startswith("pronoun:"):
            claimant = ft.last_person([*previous, *sentences[:index]]) or ft.last_person([sent])
        made = []
        for seg_start, seg_end, subject in _clauses(sent, dates, quantities, entities):
            cand = _candidate(art, doc, locate, seg_start, seg_end, subject, claimant, how,
                              dates, quantities, entities)
            if cand is not None:
                made.append(cand)
        art.candidates.extend(made)
        # A quotation spanning several sentences gets the speaker named where it closes.
        if opens and not quote_run:
            quote_run = list(made)
        elif quote_run:
            if opens or claimant:
                for cand in quote_run:
                    if not cand.claimant and claimant:
                        cand.claimant = claimant
                        if cand.signals:
                            cand.signals.claimant = True
                            cand.signals.speech = True
                quote_run = [] if opens else quote_run
            else:
                quote_run.extend(made)
    return [*previous, *sentences][-3:]


_SENT_END = re.compile(r'[.!?…]["\')\]]*$')


def _sentences(doc: Doc, prose: list[tuple[int, int]]) -> list[Span]:
    """The parser's sentences inside prose blocks, re-joined where it cut inside one ("Kassym-|Jomart",
    "à Xi | et à Poutine"): a sentence without terminal punctuation continues into the next one
    of the same block."""
    out: list[Span] = []
    block = 0
    start: int | None = None
    for sent in doc.sents:
        first = sent.start_char
        while block < len(prose) and prose[block][1] <= first:
            if start is not None:
                out.append(doc[start : sent.start])
                start = None
            block += 1
        if block >= len(prose):
            break
        b_start, b_end = prose[block]
        if first < b_start:  # furniture (a heading, a byline) between prose blocks
            continue
        if start is None:
            start = sent.start
        if _SENT_END.search(sent.text.rstrip()) or sent.end_char >= b_end:
            out.append(doc[start : sent.end])
            start = None
    if start is not None:
        out.append(doc[start:])
    return [s for s in out if s.text.strip()]


def _within(items: Iterable[dict[str, Any]], start: int, end: int) -> list[dict[str, Any]]:
    return [dict(i) for i in items if start <= i["char_start"] and i["char_end"] <= end]


def _clauses(
    sent: Span, dates: list[dict[str, Any]], quantities: list[dict[str, Any]], entities: list[dict[str, Any]]
) -> list[tuple[int, int, Span | None]]:
    """Token ranges of the checkable clauses of a sentence: "A a fait X et a fait Y" gives two."""
    root = sent.root
    boundaries: list[tuple[int, Token]] = []
    for child in root.children:
        if child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX") or child.i <= root.i:
            continue
        # Only a finite verb ("et a accusé", "and said") starts a second statement; "et à X de parler" does not.
        finite = "Fin" in child.morph.get("VerbForm") or child.tag_ in ("VBD", "VBZ", "VBP")
        if not finite and not any(c.dep_.startswith("aux") for c in child.children):
            continue
        cc = [c for c in child.children if c.dep_ == "cc" and c.i < child.i]
        if cc and cc[0].i > root.i:
            boundaries.append((cc[0].i, child))
    if not boundaries:
        return [(sent.start, sent.end, None)]
    segments = []
    start = sent.start
    for boundary, _ in boundaries:
        segments.append((start, boundary))
        start = boundary + 1
    segments.append((start, sent.end))
    doc = sent.doc

    def checkable(s: int, e: int) -> bool:
        a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        words = sum(1 for t in doc[s:e] if t.is_alpha)
        return words >= MIN_WORDS and bool(_within(dates, a, b) or _within(quantities, a, b) or _within(entities, a, b))

    if not all(checkable(s, e) for s, e in segments):
        return [(sent.start, sent.end, None)]
    subjects = [c for c in root.children if c.dep_.startswith("nsubj")]
    subject = doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1] if subjects else None
    out: list[tuple[int, int, Span | None]] = [(segments[0][0], segments[0][1], None)]
    for (s, e), (_, verb) in zip(segments[1:], boundaries, strict=True):
        has_subject = any(c.dep_.startswith("nsubj") for c in verb.children)
        out.append((s, e, None if has_subject else subject))
    return out


_CONNECTORS = frozenset({
    "mais", "et", "or", "donc", "pourtant", "cependant", "toutefois", "ainsi", "enfin", "par", "exemple",
    "à", "l'inverse", "l'", "inverse", "qu'", "il", "en", "effet", "outre", "bref", "d'ailleurs", "quoi", "qu'il", "soit", "a", "priori",
    "but", "and", "however", "so", "yet", "also", "meanwhile", "moreover", "indeed", "well", "now", "then",
})


def _condensed(art: _Article, span: Span, locate: ft.Locate) -> str:
    """The checkable core of a sentence: without a leading connector ("Par exemple,", "Mais"), bracketed
    asides, or an apposition describing a named source ("Selon X, un ex-oligarque qui ..., Y a ...")."""
    drop: set[int] = set()
    tokens = list(span)
    # "Par exemple, ...", "Quoi qu'il en soit, ...": up to four connector words and their comma.
    for i, tok in enumerate(tokens[:6]):
        if tok.text == "," and i > 0 and all(t.lower_ in _CONNECTORS for t in tokens[:i]):
            drop.update(t.i for t in tokens[: i + 1])
            break
    if not drop and tokens and tokens[0].lower_ in ("mais", "et", "but", "and", "or", "so"):
        drop.add(tokens[0].i)
    depth = 0
    for tok in tokens:
        if tok.text == "(":
            depth += 1
        if depth:
            drop.add(tok.i)
        if tok.text == ")" and depth:
            depth -= 1
    # ", un ex-oligarque qui a dû fuir la Russie," after a name: an aside without numbers.
    for i, tok in enumerate(tokens[:-1]):
        if tok.text == "," and i > 0 and tokens[i - 1].ent_type_ and tokens[i + 1].lower_ in (
            "un", "une", "le", "la", "l'", "a", "an", "the", "ancien", "ancienne", "former"):
            close = next((j for j in range(i + 1, min(len(tokens), i + 20)) if tokens[j].text == ","), None)
            if close is not None and not any(t.pos_ == "NUM" or t.is_digit for t in tokens[i + 1 : close]):
                drop.update(t.i for t in tokens[i:close])
    if not drop:
        return ""
    pieces = []
    for tok in tokens:
        if tok.i not in drop:
            s0, s1 = locate(tok.idx, tok.idx + len(tok.text))
            pieces.append(art.original[s0:s1] + (tok.whitespace_ and " "))
    text = "".join(pieces).replace(" ,", ",").replace(" .", ".")
    return " ".join(text.split()) if len(text.split()) >= MIN_WORDS else ""


def _trim(original: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (original[start].isspace() or original[start] in ",;:-–—"):
        start += 1
    while end > start and (original[end - 1].isspace() or original[end - 1] in ",;:-–—"):
        end -= 1
    return start, end


def _candidate(
    art: _Article, doc: Doc, locate: ft.Locate, tok_start: int, tok_end: int, subject: Span | None,
    claimant: str, how: str, dates: list[dict[str, Any]], quantities: list[dict[str, Any]],
    entities: list[dict[str, Any]],
) -> ClaimCandidate | None:
    span = doc[tok_start:tok_end]
    a, b = span.start_char, span.end_char
    start, end = _trim(art.original, *locate(a, b))
    if end <= start:
        return None
    quote = art.original[start:end]
    text = _condensed(art, span, locate) or " ".join(quote.split())
    language = art.language
    inner = _QUOTED.search(span.text)
    speech = how in ("speech",) or how.startswith("pronoun:")
    if inner and speech:
        qs, qe = _trim(art.original, *locate(a + inner.start(1), a + inner.end(1)))
        text = " ".join(art.original[qs:qe].split()) or text
    if subject is not None:
        s0, s1 = locate(subject.start_char, subject.end_char)
        text = " ".join(art.original[s0:s1].split()) + " " + text
    text = readable(text) or text
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    c_dates = _within(dates, a, b)
    c_quantities = _within(quantities, a, b)
    c_entities = _within(entities, a, b)
    signals = span_signals(span, language, dates=c_dates, quantities=c_quantities, entities=c_entities,
                           claimant=claimant, speech=speech or bool(inner and claimant))
    return ClaimCandidate(
        start=start, end=end, quote=quote, text=text, language=language, claimant=claimant,
        entities=ft.locate_all(c_entities, locate, art.original),
        quantities=ft.locate_all(c_quantities, locate, art.original),
        dates=ft.locate_all(c_dates, locate, art.original),
        signals=signals,
    )


def span_signals(
    span: Span, language: str, *, dates: list[dict[str, Any]], quantities: list[dict[str, Any]],
    entities: list[dict[str, Any]], claimant: str, speech: bool,
) -> Signals:
    """The rule signals of a parsed span: the parse overrides what the words alone suggest."""
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    tense_past = any("Past" in t.morph.get("Tense") or t.tag_ in ("VBD", "VBN") for t in verbs)
    future = any("Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood") for t in span)
    base = lexical_signals(span.text, language)
    return attach_parse(base, span, language).updated(
        quantities=len(quantities), dates=len(dates), entities=len(entities),
        claimant=bool(claimant), speech=speech, past=tense_past,
        hypothetical=base.hypothetical or future,
        has_verb=bool(verbs) or not span[0].pos_,
        percent=base.percent or any(q["unit"] == "%" for q in quantities),
        extra={"calendar_date": any(d.get("month") and d.get("days") for d in dates)},
    )


def sentence_scores(
    texts: Sequence[str], language: str, *, scorer: TrainedScorer | None = None,
    models: Mapping[str, str] | None = None,
) -> list[tuple[float, list[str]]]:
    """Score sentences as they are (no segmentation): what evaluate_checkworthiness measures."""
    nlp, _ = nlp_for(language, models)
    signals = []
    for doc in nlp.pipe((normalise(t).text for t in texts), batch_size=256):
        dates = ft.find_dates(doc)
        date_tokens = {t.i for t in doc for d in dates if d["char_start"] <= t.idx < d["char_end"]}
        claimant, how = ft.attribution(doc[:], language) if len(doc) else ("", "")
        signals.append(span_signals(
            doc[:], language, dates=dates, quantities=ft.find_quantities(doc, language, date_tokens),
            entities=ft.find_entities(doc), claimant=claimant, speech=bool(how),
        ) if len(doc) else Signals(language=language, words=0, has_verb=False))
    return score_all(list(texts), signals, scorer)


_NOISE = re.compile(
    r"https?://\S+|www\.\S+|(?<!\w)@\w+|[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200d]+", re.UNICODE
)


_TRAILING_ATTRIBUTION = re.compile(
    r"""\s*(?:,\s*["»”]|["»”]\s*,|,)\s*(?:(?:a|ont|avait|avaient)-t-(?:il|elle|ils|elles)\s+\w+|\w+-t-(?:il|elle)"""
    r"""|\w+-(?:il|elle)|(?:he|she|they)\s+(?:said|added|told\s+\w+)|said\s+[^,.!?"]{1,60})"""
    r"""(?:,(?!\s*(?:que\b|qu'|that\b))[^.!?,]{0,30})?[.!?]?\s*$""",
    re.IGNORECASE,
)


def _once(text: str) -> str:
    """"X X X" -> "X": posts shared several times are often pasted back to back."""
    words = text.split()
    n = len(words)
    if n < 8:
        return text
    for period in range(4, n // 2 + 1):
        if words[:period] == words[period : 2 * period]:
            return " ".join(words[:period])
    return text


def readable(text: str) -> str:
    """The claim as a person reads it: no links, @handles, hashtag signs, emoji, quotation marks or
    trailing "a-t-il déclaré" (the quote keeps them all)."""
    text = _TRAILING_ATTRIBUTION.sub("", text)
    text = _NOISE.sub(" ", text).replace("#", "")
    text = re.sub(r"[«»“”\"]", " ", text)
    text = re.sub(r"\s+([.,!?…])", r"\1", text)
    text = _once(" ".join(text.split()).strip(" ,;:-"))
    return text + "." if text and text[-1].isalnum() and len(text.split()) > 3 else text


def _kind(cand: ClaimCandidate) -> str:
    s = cand.signals or Signals()
    if cand.quantities or s.percent:
        return "statistic"
    if s.comparison and not s.speech:
        return "comparison"
    if s.causal:
        return "causal"
    if s.speech:
        return "quote"
    if s.past and (cand.entities or cand.dates):
        return "event"
    return "other"


def candidate_dict(cand: ClaimCandidate) -> dict[str, Any]:
    """What gets stored (and printed by the commands)."""
    return {
        "start": cand.start, "end": cand.end, "quote": cand.quote, "text": cand.text,
        "language": cand.language, "kind": cand.kind, "claimant": cand.claimant,
        "entities": cand.entities, "quantities": cand.quantities, "dates": cand.dates,
        "checkworthiness": cand.checkworthiness, "checkworthiness_reasons": cand.checkworthiness_reasons,
    }


__all__ = ["ClaimCandidate", "Extraction", "candidate_dict", "extract_claims", "extract_texts", "lx"]
