"""text -> claims (DESIGN.md §6): normalise, detect language, segment, parse (batched), split
clauses, attach structured fields, score. Pure functions: no ORM, no settings writes."""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from claims.extraction import attribution as at
from claims.extraction import faithful
from claims.extraction import features as ft
from claims.extraction import lexicon as lx
from claims.extraction import rewrite as rw
from claims.extraction import tense as tn
from claims.extraction import titles as tt
from claims.extraction.antecedents import remember_figures
from claims.extraction.article_context import bare_office, unnamed_places
from claims.extraction.candidates import Article, ClaimCandidate, Extraction, _Chunk
from claims.extraction.checkworthiness import (
    Signals,
    TrainedScorer,
    lexical_signals,
    markers_in,
    score_all,
    signal_vector,
)
from claims.extraction.claimants import _closing_claimant, _resolve_claimant, _survey_figures, remember_issuer
from claims.extraction.doccache import (
    column,
    morph_column,
    morph_values,
    release,
    remember_text,
    span_text,
    span_tokens,
    token_indices,
    token_starts,
    tokens_within,
)
from claims.extraction.language import detect_language
from claims.extraction.lead_choice import _mark_lead, _said_only
from claims.extraction.nlp import MAX_CHUNK_CHARS, configured_models, nlp_for
from claims.extraction.normalise import normalise, parser_text
from claims.extraction.people import named_in
from claims.extraction.quotation_speakers import (
    _QUOTATION_TAIL,
    _alone,
    _give_speaker,
    _introduced_by_colon,
    _narrated_after,
    _quote_run,
    _speaker_goes_on,
)
from claims.extraction.readable import _single_copy, _without_noise, readable
from claims.extraction.rule_signals import (
    _ALLEGED_AUX,
    _CLOCK_TIME,
    _PLANNED,
    _WITH_SUBJECT,
    _alleged_past,
    _appraisal,
    _contentless,
    _has,
    _hypothetical_words,
    _in_a_name,
    _in_a_title,
    _inverted_question,
    _marker_lists,
    _named_question,
    _near_future,
    _opens_quotation,
    _past_aside,
    _past_in,
)
from claims.extraction.segment import chunks, segment
from claims.extraction.selection import select
from claims.extraction.sentence_clauses import (
    _SUBJECT_PRONOUNS,
    MIN_WORDS,
    _clauses,
    _long_parts,
    _sentences,
    _with_said,
    _within,
)
from claims.extraction.speech_verbs import reaction_only
from claims.extraction.syntax import NAMED, attach_parse
from claims.extraction.usability import mark_usable

# More words than this in a claim's text: a reader cannot check it as one claim (judges counted such texts
# unusable); it ranks below an equally check-worthy shorter one (the JUDGED `long` rule).
TOO_LONG_WORDS = 35


def extract_claims(text: str, *, language: str = "", title: str = "", **kwargs: Any) -> Extraction:
    return extract_texts([text], languages=[language], titles=[title], **kwargs)[0]


def extract_texts(
    texts: Sequence[str],
    *,
    languages: Sequence[str] | None = None,
    models: Mapping[str, str] | None = None,
    scorer: TrainedScorer | None = None,
    min_score: float = 0.0,
    batch_size: int = 64,
    published: Sequence[Any] | None = None,
    selective: bool = True,
    titles: Sequence[str] | None = None,
) -> list[Extraction]:
    """Extract the claims of several articles, parsing all their paragraphs in one nlp.pipe stream.

    With `selective` (the default) each article keeps a short ranked list (claims.extraction.selection)
    and the other candidates come back in `Extraction.recoverable`; without it every candidate at or
    above `min_score` is a claim. `titles` (one per text, "" for none) are the articles' titles, which
    are not in their texts: the statement a title echoes is the article's lead (_mark_lead)."""
    models = configured_models() if models is None else models
    languages = list(languages) if languages is not None else [""] * len(texts)
    titles = list(titles) if titles is not None else [""] * len(texts)
    articles = [_prepare(text, lang, models) for text, lang in zip(texts, languages, strict=True)]
    for art, title in zip(articles, titles, strict=True):
        art.context.title = title  # (who a description of a person may be: Context.sole_described)
    by_language: dict[str, list[tuple[Article, _Chunk]]] = {}
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
        current: Article | None = None
        previous: list[Span] = []
        for (art, chunk), doc in zip(items, docs, strict=True):
            if art is not current:
                current, previous = art, []
            previous = _chunk_candidates(art, doc, chunk, previous)
            release(doc)
    results = []
    for art, title in zip(articles, titles, strict=True):
        _name_offices(art, tt.speaker(title, art.language) if title else "", tt.subject(title) if title else "")
        _reacted_only(art)
    all_candidates = [c for art in articles for c in art.candidates]
    for cand in all_candidates:
        _quote_speaker(cand)
    for art, title in zip(articles, titles, strict=True):
        _mark_lead(art.candidates, tt.title_stems(title) if title else frozenset(),
                   scorer.lead_model(art.language) if scorer is not None else None)
    signals = [c.signals or Signals() for c in all_candidates]
    # What the trained models read of each candidate's signals, built once for both (check-worthiness, usability).
    vectors = [signal_vector(s) for s in signals] if scorer is not None else None
    scored = score_all([c.text for c in all_candidates], signals, scorer, signal_vectors=vectors)
    for cand, (score, reasons) in zip(all_candidates, scored, strict=True):
        cand.checkworthiness, cand.checkworthiness_reasons = score, reasons
        cand.kind = _kind(cand)
    if scorer is not None and vectors is not None:
        # (a candidate without signals is read with its language by usability: its vector is made there)
        vector_of = {id(c): v for c, v in zip(all_candidates, vectors, strict=True) if c.signals is not None}
        for art in articles:
            mark_usable(scorer.usable_model(art.language), art.candidates,
                        [vector_of.get(id(c)) for c in art.candidates])
    for index, art in enumerate(articles):
        headlines = [c for c in art.candidates if c.headline]
        body = [c for c in art.candidates if not c.headline]
        if selective:
            kept, rest = select(body, sentences=art.sentences, min_score=min_score)
        else:
            kept, rest = [c for c in body if c.checkworthiness >= min_score], []
        if published is not None and published[index] is not None:
            for cand in [*kept, *rest, *headlines]:
                ft.resolve_dates(cand.dates, published[index])
            ft.anchor_weekdays([cand.dates for cand in [*headlines, *kept, *rest]], published[index])
        else:
            for cand in [*kept, *rest, *headlines]:
                ft.unresolved_dates(cand.dates)
        fallback = art.language in fallback_languages or (art.language not in models)
        note = ""
        if fallback and art.chunks:
            note = (f"Language {art.language or 'unknown'!r} has no spaCy model configured "
                    f"(FACTCHECK_SPACY_MODELS covers {', '.join(sorted(models)) or 'none'}): "
                    "claims were split by sentence only, without entities or attribution.")
        results.append(Extraction(art.language, kept, art.skipped, fallback=fallback, note=note, recoverable=rest,
                                  sentences=art.sentences, headlines=headlines))
    return results


_SOFT_WRAP = re.compile(r"(?<!\n)\n(?!\n)")


def _prepare(text: str, language: str, models: Mapping[str, str]) -> Article:
    norm = normalise(text)
    if not language:
        language = detect_language(norm.text, models.keys()) or ""
    skipped: list[dict[str, Any]] = []
    pieces: list[tuple[int, int, str]] = []  # (start, end, "prose" | "headline" | "")
    for block in segment(norm.text):
        if block.kind == "prose":
            pieces.extend((s, e, "prose") for s, e in chunks(block.start, block.end, norm.text, MAX_CHUNK_CHARS))
        else:
            # A title or heading is parsed too, for Extraction.headlines: never stored, but the claim a
            # post's first line states can still be its top claim (selection.top_claim).
            parsed = block.kind in ("title", "heading") and block.end - block.start <= MAX_CHUNK_CHARS
            pieces.append((block.start, block.end, "headline" if parsed else ""))
            start, end = norm.to_original(block.start, block.end)
            skipped.append({"kind": block.kind, "start": start, "end": end, "text": text[start:end]})
    # Whole articles are parsed as one document (as fast as bare nlp.pipe), with every block start
    # forced as a sentence start: blank lines are not boundaries for the parser (DESIGN.md §10).
    out: list[_Chunk] = []
    group: list[tuple[int, int, str]] = []
    for piece in [*pieces, None]:
        if piece is None or (group and piece[1] - group[0][0] > MAX_CHUNK_CHARS):
            if any(kind for _, _, kind in group):
                c0 = group[0][0]
                out.append(_Chunk(c0, group[-1][1], [(s - c0, e - c0) for s, e, k in group if k],
                                  [s - c0 for s, _, _ in group],
                                  [(s - c0, e - c0) for s, e, k in group if k == "headline"]))
            group = []
        if piece is not None:
            group.append(piece)
    return Article(text, norm, language, skipped, out)


# A sentence end inside quotation marks, then the next sentence: "... doit augmenter. » Il estime ...".
_QUOTE_THEN_SENTENCE = re.compile(r'[.!?…] ?(")\s+(?=[A-ZÀ-Þ])')


def _closing_quotes(text: str) -> list[tuple[int, int]]:
    """(closing quotation mark, next sentence start) where a quoted sentence ends and another begins:
    the parser reads `. " Il` as one sentence, or starts the next one at the closing mark. A mark
    closes when an odd number of them comes before it (normalised text has one kind)."""
    found = []
    quotes = 0
    last = 0
    for m in _QUOTE_THEN_SENTENCE.finditer(text):
        quotes += text.count('"', last, m.start(1))
        last = m.start(1)
        if quotes % 2 == 1:
            found.append((m.start(1), m.end()))
    return found


# A sentence end, then a quotation opening on a capital ('travailler plus. "Ce qui explique', 'mandat. "(...) Je
# veux') or the mark of words left out of a quotation ('européens. (...) Quand on prend', '[...] Ce jour-là'): the
# parser often reads on.
_SENTENCE_THEN_OPENING = re.compile(r'[.!?…] +(")(?=[A-ZÀ-Þ]|(?:\((?:\.\.\.|…)\)|\[(?:\.\.\.|…)\]) +[A-ZÀ-Þ])'
                                    r'|[.!?…] +(\((?:\.\.\.|…)\)|\[(?:\.\.\.|…)\]) +(?=[A-ZÀ-Þ])')


def _opening_quotes(text: str) -> list[int]:
    """Where a sentence starts with an opening quotation mark, or with "(...)": an even number of marks
    comes before an opening one."""
    found = []
    for m in _SENTENCE_THEN_OPENING.finditer(text):
        if m.group(1) is None or text.count('"', 0, m.start(1)) % 2 == 0:
            found.append(m.start(1) if m.group(1) is not None else m.start(2))
    return found


# A quotation that opens on the mark of words left out ('"(...) Je veux ...'): the word after the mark goes on
# with the quotation's sentence (the parser reads the mark as a sentence end).
_CUT_OPENING = re.compile(r'"\s?(?:\((?:\.\.\.|…)\)|\[(?:\.\.\.|…)\])\s+(?=\w)')


# A letter and a full stop right after a digit: the only texts _split_unit_and_full_stop has anything to do in.
_UNIT_INITIAL = re.compile(r"\d[^\W\d_]\.")


def _split_unit_and_full_stop(doc: Doc, text: str) -> None:
    """A one-letter unit written against its number and ending a sentence ("cost £100m. Shares fell"): the
    English tokenizer reads "m." as an initial (one token, full stop included), so the figure's unit is lost
    and the parser reads on into the next sentence. The letter and the full stop become two tokens again, as
    after any other unit ("£5bn.")."""
    if _UNIT_INITIAL.search(text) is None:
        return  # (most texts: no token loop)
    cut = [t for t in doc[1:] if len(t.text) == 2 and t.text[0].isalpha() and t.text[1] == "."
           and doc[t.i - 1].like_num and not doc[t.i - 1].whitespace_]
    if cut:
        with doc.retokenize() as retokenizer:
            for t in cut:
                retokenizer.split(t, [t.text[0], "."], heads=[t, t])


def _make_doc(nlp: Any, art: Article, chunk: _Chunk) -> Doc:
    text, after_emoji = parser_text(_SOFT_WRAP.sub(" ", art.norm.text[chunk.start : chunk.end]))
    doc = nlp.make_doc(text)
    _split_unit_and_full_stop(doc, text)
    remember_text(doc, text)
    closing = _closing_quotes(text)
    starts = set(chunk.starts) | set(after_emoji) | {start for _, start in closing} | set(_opening_quotes(text))
    inside = ({mark for mark, _ in closing} | {m.end() for m in _CUT_OPENING.finditer(text)}) - starts
    for i in token_indices(doc, starts):
        doc[i].is_sent_start = True
    for i in token_indices(doc, inside):
        doc[i].is_sent_start = False
    return doc


class _Locator:
    """Maps a [s, e) span of a chunk's document (the chunk starts at `c_start` of the normalised text) to the
    article as written: a features.Locate."""

    def __init__(self, art: Article, c_start: int) -> None:
        self.norm, self.c_start = art.norm, c_start

    def __call__(self, s: int, e: int) -> tuple[int, int]:
        return self.norm.to_original(self.c_start + s, self.c_start + e)

    def words(self, starts: list[int], words: list[str]) -> list[tuple[int, int]]:
        """`[self(s, s + len(w)) for s, w in zip(starts, words)]`, in one pass."""
        return self.norm.words_to_original(self.c_start, starts, words)


def _locator(art: Article, c_start: int) -> _Locator:
    return _Locator(art, c_start)


def _chunk_candidates(art: Article, doc: Doc, chunk: _Chunk, previous: list[Span]) -> list[Span]:
    language = art.language
    locate = _locator(art, chunk.start)
    dates = ft.find_dates(doc)
    date_chars = [(d["char_start"], d["char_end"]) for d in dates]
    date_tokens = {i for s, e in date_chars for i in tokens_within(doc, s, e)}
    quantities = ft.find_quantities(doc, language, date_tokens)
    remember_figures(doc, quantities)  # (what "ce montant" stands for: antecedents._figure_before)
    entities = ft.find_entities(doc)
    sentences = _sentences(doc, chunk.prose)
    quote_run: list[ClaimCandidate] = []
    run_speaker: at.Attribution | None = None  # who introduced the open quotation ('X a déclaré : "...')
    unclaimed: list[ClaimCandidate] = []
    # A quotation standing alone right after a speaker's sentence, whose speaker the next sentence may still
    # name ('"...!"' then '", a dénoncé X."'): its candidates, and the speaker they get otherwise.
    pending: tuple[list[ClaimCandidate], at.Attribution] | None = None
    asked_before = False  # whether the sentence before ended a quotation with a question
    ctx = art.context
    alpha = column(doc, "is_alpha")
    for sent in sentences:
        words = alpha[sent.start : sent.end].count(True)
        if any(s <= sent.start_char < e for s, e in chunk.headlines):
            # A headline adds candidates only: it does not count as a sentence of the text nor move
            # the context pronouns are resolved from, as when headlines were not parsed at all.
            if words >= MIN_WORDS:
                _headline_candidates(art, doc, locate, sent, dates, quantities, entities)
            continue
        if pending is not None and not (words < MIN_WORDS and '"' in span_text(sent)):
            _give_speaker(*pending)  # (a short sentence with a quotation mark may name another speaker: no guess)
        pending = None
        if words < MIN_WORDS:
            if quote_run and '"' in span_text(sent):
                # 'Carton rouge", lance-t-elle.': a sentence too short for a claim may close the quotation
                short = at.find(sent, language)
                art.sentence_text = span_text(sent)
                short.claimant = _closing_claimant(art, short)
                quote_run = _quote_run(quote_run, [], sent, short, run_speaker)
            ctx.update(sent)
            _pair_roles(art)
            continue
        art.sentences += 1
        attrib = at.find(sent, language)
        art.sentence_text = span_text(sent)
        attrib.claimant = _closing_claimant(art, attrib) if quote_run else _resolve_claimant(art, attrib)
        remember_issuer(art, sent, attrib)
        # ('"...", a expliqué Mme Voynet. "On constate une augmentation des tests positifs".': the speaker just quoted)
        follows = _speaker_goes_on(art, sent, attrib) if not quote_run else None
        _survey_figures(art, sent, attrib, [q for q in quantities if sent.start_char <= q["char_start"] < sent.end_char])
        made = []
        # '", a dénoncé Gilbert Collard la veille.': the speaker of a quotation the sentences before made,
        # not a statement of its own (the quotation run gives them its claimant).
        text = span_text(sent).rstrip()
        tail_only = _QUOTATION_TAIL.match(text) is not None and bool(attrib.drop) and not any(
            t.is_alpha and not any(s <= t.i < e for s, e in attrib.drop) for t in sent)
        clauses = [] if tail_only else _with_said(_clauses(sent, dates, quantities, entities), attrib)
        main_subject: str | None = None  # the subject a split first clause's main part resolved
        for seg_start, seg_end, subject in clauses:
            # A second clause takes the first's subject: as the first clause resolved it when it is a pronoun
            # ("Il a lancé ... et assure que ...": "Mathieu Haas assure que ...").
            shared = made[0].signals.extra.get("subject", "") if made and made[0].signals else ""
            parts = _long_parts(doc, seg_start, seg_end, attrib.drop) if subject is None else []
            if not parts:
                cand = _candidate(art, doc, locate, seg_start, seg_end, subject, attrib, dates, quantities,
                                  entities, shared)
                if cand is not None:
                    made.append(cand)
                continue
            # A long sentence of independent clauses: one candidate each. The clause that holds the
            # sentence's main verb is read first; a pronoun subject of the others ("..., mais il a ...",
            # "Alors qu'il rentrait, Jean a ...") stands for its subject when the article makes it certain
            # (the rewrite's Context, as if that clause were the sentence before), else needs context.
            main = next(k for k, (_, _, is_main) in enumerate(parts) if is_main)
            first = _candidate(art, doc, locate, parts[main][0], parts[main][1], None, attrib, dates, quantities,
                               entities)
            resolved = first.signals.extra.get("subject", "") if first is not None and first.signals else ""
            after_main = copy.deepcopy(ctx)
            after_main.update(doc[parts[main][0] : parts[main][1]], resolved)
            split = [first if k == main else _candidate(
                art, doc, locate, p_start, p_end, None, _narrated_after(sent, attrib, parts[main][1], p_start), dates, quantities,
                entities, context=after_main)
                for k, (p_start, p_end, _) in enumerate(parts)]
            if any(cand is not None and cand.needs_context for k, cand in enumerate(split) if k != main):
                # "Le ministre a actualisé le chiffre des salariés au chômage partiel : ils sont 6,9 millions": a
                # clause whose subject only the rest of the sentence tells stays in it, when the sentence
                # as a whole is self-contained.
                whole = _candidate(art, doc, locate, seg_start, seg_end, None, attrib, dates, quantities, entities)
                if whole is not None and not whole.needs_context:
                    split, resolved = [whole], whole.signals.extra.get("subject", "") if whole.signals else ""
            made.extend(cand for cand in split if cand is not None)
            if seg_start == clauses[0][0]:
                main_subject = resolved
        if reaction_only(span_tokens(sent), language, attrib.drop):  # (the sentence's Tokens, made once: at.find)
            for cand in made:  # (cleared once the article is read: _reacted_only)
                if cand.signals is not None:
                    cand.signals.extra["reacted"] = True
        art.candidates.extend(made)
        quoted_question = '?"' in text.replace(" ", "")  # the sentence's quotation ends with a question
        if attrib.claimant or attrib.how == "speech":
            # A speaker the article does not name ("a déclaré l'une de ses enquêtrices") is the last
            # speaker too: the "a-t-elle ajouté" after it is not someone named before.
            art.last_claimant, art.last_claimant_at = attrib.claimant, art.sentences
            art.last_claimant_alone, art.last_claimant_how = _alone(sent, attrib.claimant), attrib.how
            # ('"Pourquoi tu parles ?"' then '", rétorque X.', cut apart by the parser: the tail's quotation)
            art.last_claimant_asked = quoted_question or tail_only and asked_before
        asked_before = quoted_question or text.endswith("?")
        art.previous_text = text
        if attrib.how in ("description:source", "description:sources"):
            art.last_source = attrib.claimant
        if main_subject is None:
            main_subject = made[0].signals.extra.get("subject", "") if made and made[0].signals else ""
        ctx.update(sent, main_subject, attrib.claimant)
        _pair_roles(art)
        if not quote_run and text.count('"') % 2:
            art.before_quotation = copy.deepcopy(ctx)  # (a quotation that stays open may open here)
        if tail_only and attrib.claimant:
            _give_speaker(unclaimed, attrib)
        # A quotation closed at the end of this sentence with no speaker yet: the next sentence may name
        # them ('... organisé !"' then '", a dénoncé Gilbert Collard.' cut apart by the parser).
        unclaimed = [*quote_run, *made] if not attrib.claimant and text.endswith('"') and (
            quote_run or (text.lstrip().startswith('"') and text.count('"') == 2)) else []
        opened = not quote_run
        quote_run = _quote_run(quote_run, made, sent, attrib, run_speaker)
        if opened:
            run_speaker = attrib if quote_run and attrib.claimant and _introduced_by_colon(text) else None
            if quote_run and follows is not None:
                run_speaker = follows  # a quotation of several sentences: theirs unless its end names someone
            elif follows is not None and made:
                pending = (made, follows)
    if pending is not None:
        _give_speaker(*pending)
    return [*previous, *sentences][-3:]


def _headline_candidates(art: Article, doc: Doc, locate: _Locator, sent: Span, dates: list[dict[str, Any]],
                         quantities: list[dict[str, Any]], entities: list[dict[str, Any]]) -> None:
    attrib = at.find(sent, art.language)
    attrib.claimant = _resolve_claimant(art, attrib)
    cand = _candidate(art, doc, locate, sent.start, sent.end, None, attrib, dates, quantities, entities)
    if cand is not None and cand.signals is not None:
        cand.signals.extra["headline"] = True
        art.candidates.append(cand)


def _trim(original: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (original[start].isspace() or original[start] in ",;:-–—"):
        start += 1
    while end > start and (original[end - 1].isspace() or original[end - 1] in ",;:-–—"):
        end -= 1
    return start, end


_ORIGINALS = "claims.extraction.originals"


def _token_originals(art: Article, doc: Doc, locate: _Locator) -> list[str]:
    """Every token's text in the article as written (`art.original` at `locate(tok.idx, tok.idx +
    len(tok.text))`), read from the document's columns: no Token object per token."""
    text = art.original
    return [text[s0:s1] for s0, s1 in locate.words(token_starts(doc), column(doc, "text"))]


def _unresolved_source(doc: Doc, start: int, end: int, attrib: at.Attribution) -> bool:
    """Whether a dropped attribution phrase is a source by pronoun ("Selon eux,", ", d'après elle,", ",
    estiment-ils") the article did not let us name: left out, the view it attributes would read as a fact
    ("Selon eux, la réforme est injuste" is not "La réforme est injuste"), so the text keeps it (and needs
    its context). A pronoun speaker that only reports ("a-t-il précisé") is left out as before."""
    if attrib.claimant or not attrib.how.startswith("pronoun:"):
        return False
    words = [t.lower_.replace("\u2019", "'") for t in doc[start:end] if not t.is_punct]
    return any(w in lx.SOURCE_PRONOUNS and k and (words[k - 1] in lx.SOURCE_PREPOSITIONS or words[k - 1] == "après")
               for k, w in enumerate(words[:4])) or any(
        t.lower_.startswith(lx.OPINION_VERB_STEMS) and (t.pos_ in ("VERB", "AUX") or t.i + 1 < len(doc) and doc[
            t.i + 1].text.startswith("-")) for t in doc[start:end])  # ("juge-t-elle": the verb read as a noun)


def _candidate(
    art: Article, doc: Doc, locate: _Locator, tok_start: int, tok_end: int, subject: Span | None,
    attrib: at.Attribution, dates: list[dict[str, Any]], quantities: list[dict[str, Any]],
    entities: list[dict[str, Any]], shared_subject: str = "", context: rw.Context | None = None,
) -> ClaimCandidate | None:
    span = doc[tok_start:tok_end]
    a, b = span.start_char, span.end_char
    start, end = _trim(art.original, *locate(a, b))
    if end <= start:
        return None
    quote = art.original[start:end]
    language = art.language
    claimant, how = attrib.claimant, attrib.how
    speech = how in ("speech", "according_to", "outlet") or how.startswith(("pronoun:", "description:"))

    # A token's original text is read several times per candidate (rewrite, faithfulness check, checkable
    # part) and again by the clauses and headlines of the same chunk: mapped back once per document, for
    # every token at once (the candidates' sentences cover most of them).
    originals: list[str] | None = doc.user_data.get(_ORIGINALS)
    if originals is None or len(originals) != len(doc):
        originals = doc.user_data[_ORIGINALS] = _token_originals(art, doc, locate)

    def original(tok: Token) -> str:
        return originals[tok.i]

    # Only the attribution phrases inside this clause are left out of it.
    clause_attrib = at.Attribution(attrib.claimant, attrib.outlet, attrib.how,
                                   [(max(s, tok_start), min(e, tok_end)) for s, e in attrib.drop
                                    if s < tok_end and e > tok_start and not _unresolved_source(doc, s, e, attrib)])
    rewritten = rw.condense(
        span, clause_attrib, art.context if context is None else context, language,
        quantities=[(q["char_start"], q["char_end"]) for q in quantities if a <= q["char_start"] < b],
        entities=[(e["char_start"], e["char_end"]) for e in entities if a <= e["char_start"] < b],
        original=original, speech=speech,
    )
    text = rewritten.text
    unresolved_subject = False
    if subject is not None:
        s0, s1 = locate(subject.start_char, subject.end_char)
        given = " ".join(art.original[s0:s1].split())
        if len(subject) == 1 and subject[0].lower_ in _SUBJECT_PRONOUNS:
            # the pronoun the first clause resolved, else the claim needs the sentences before
            given, unresolved_subject = shared_subject or given, not shared_subject
        text = given + " " + (text[0].lower() + text[1:] if text else text)
    # (a view kept with its unnamed holder, ", estime-t-il", keeps them: _unresolved_source)
    cleaned = readable(text, keep_tail=len(clause_attrib.drop) < len(
        [1 for s, e in attrib.drop if s < tok_end and e > tok_start])) or text
    # readable() drops links, handles and emoji pasted into a post, repeated pastes and trailing "a-t-il
    # dit" clauses: none of them may take a figure, a name or a negation with it.
    # Links, handles, emoji and runs of hashtags pasted into a post go; one the sentence governs ("s'oppose à @BGriveaux",
    # "sur le site www.example.org") is part of what it says and stays.
    reference = _single_copy(" ".join(_without_noise(text).split()))
    names = [n for n in (original(t) for t in rewritten.checkable if t.ent_type_) if n in reference]
    if not faithful.missing(reference, cleaned, names):
        text = cleaned
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    # Fields come from the checkable part: a figure or a date of the attribution ("a rapporté France Bleu
    # lundi 5 février") is not part of the claim.
    keep_chars = [(t.idx, t.idx + len(t)) for t in rewritten.checkable]

    def inside(item: dict[str, Any]) -> bool:  # wholly inside: a name that runs into the attribution is not
        return any(s <= item["char_start"] < e for s, e in keep_chars) and any(
            s < item["char_end"] <= e for s, e in keep_chars)

    def stated(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [item for item in _within(items, a, b) if inside(item)]

    c_dates, c_quantities, c_entities = stated(dates), stated(quantities), stated(entities)
    # The sentence's aside the text leaves out ("Meghan Markle, qui a épousé Harry en 2018,") is not part of
    # the claim's fields, but the sentence is as check-worthy with it: it is scored on both.
    # (Read with the aside's characters added to keep_chars: the fields above are read without them.)
    keep_chars.extend((t.idx, t.idx + len(t)) for t in rewritten.aside)
    s_dates, s_quantities, s_entities = (stated(dates), stated(quantities), stated(entities)) if rewritten.aside \
        else (c_dates, c_quantities, c_entities)  # (the same items: span_signals only counts and reads them)
    signals = span_signals(span, language, dates=s_dates, quantities=s_quantities, entities=s_entities,
                           claimant=claimant, speech=speech)
    if language == "en":
        # The kinds of names an English claim holds are read where its entity counts are, in the checkable
        # part: the speaker of "..., Governor Ann Porter said." left out of the text is no person it names.
        labels = {e["label"] for e in s_entities}
        for label, flag in NAMED.items():
            setattr(signals, flag, label in labels)
    signals.extra.pop("calendar_date", None)  # a scheduled event is not made checkable by its date
    signals.extra["subject"] = rewritten.subject
    if rewritten.unresolved and subject is None:
        signals.extra["unresolved"] = rewritten.unresolved[0].upper() + rewritten.unresolved[1:]
    if rewritten.inner_quote:
        signals.extra["inner_quote"] = True
    if rewritten.described and subject is None:
        signals.extra["described"] = rewritten.described  # named once the article is read (_name_offices)
    if rewritten.office and subject is None:
        signals.extra["office"] = rewritten.office  # named once the article is read, by these words only
    if rewritten.place_office and subject is None:
        signals.extra["place_office"] = rewritten.place_office  # named by the title (_name_place_office)
    if rewritten.pronoun and subject is None:
        signals.extra["pronoun"] = rewritten.pronoun  # the article's opening pronoun (_name_opening_pronoun)
    if '"' in span_text(span) and _said_only(span):
        signals.extra["said_only"] = True
    lower = text.lower()
    root = span.root
    tense = tn.tense_at(doc, root.i)
    # What a speaker said will happen is a forecast, whatever the tense of the saying: "Marine Le Pen affirme
    # qu'il y aura des responsables du RN dans les cortèges", "Le ministre a assuré que la réforme sera votée".
    said = next((c for c in root.children if c.dep_ == "ccomp"), None) if at.speech_verb(root, language) else None
    if said is not None and tn.tense_at(doc, said.i) == "future" or _near_future(root):
        tense = "future"
    needs_context = rewritten.needs_context or unresolved_subject
    record, forecast, schedule, advice, promotional, tribute = markers_in(lower, _marker_lists(language),
                                                                          skip_blank=True)
    if forecast and tense == "past":
        # What was planned or awaited, told in the past, happened or not: "Les rassemblements prévus en avril
        # n'ont pas eu lieu", "l'enveloppe prévue pour les soignants a été dévoilée". A modal still forecasts.
        forecast = markers_in(_PLANNED.sub(" ", lower), (tuple(lx.FORECAST_MARKERS.get(language, ())),))[0]
    words = len(_WORDS.findall(text))
    signals.updated(
        record=record,
        forecast=tense == "future" or forecast,
        # A schedule's words in a sentence whose main verb tells the past ("L'enregistrement du programme a
        # commencé", "Les protocoles ont été opérationnels dès le 28 février") report what happened.
        schedule=schedule and tense != "past" or _CLOCK_TIME.search(quote) is not None
        or any(d.get("tense") == "future" for d in c_dates),
        # An imperative main verb already has its signal (syntax: "an instruction or appeal"): advice is what
        # the words tell beside it, so an imperative is not counted, nor its reason shown, twice.
        advice=not signals.imperative and (advice or "Imp" in morph_values(root, "Mood")
                                          or _has(_WITH_SUBJECT.sub(" ", lower), lx.IMPERATIVE_APPEALS.get(language, ()))),
        promotional=promotional,
        tribute=tribute,
        appraisal=not c_quantities and _appraisal(span, root, clause_attrib, language),
        contentless=not c_quantities and _contentless(span, root, quote, language),
        # A text of fewer than MIN_WORDS words once its attribution is gone ('"On dénonce", a réagi le
        # délégué syndical') states too little to check, whatever its sentence's tail says.
        fragment=rewritten.fragment or words < MIN_WORDS, needs_context=needs_context,
        long=len(text.split()) > TOO_LONG_WORDS,
        words=words,
        # The first person of the statement, not of its attribution ("nous apprend L'Est Républicain",
        # "a-t-on appris"): read on the checkable part.
        first_person=signals.first_person and any(
            t.lower_.lstrip("-").replace("\u2019", "'") in lx.FIRST_PERSON.get(language, ()) and not _in_a_title(t)
            for t in rewritten.checkable),
        # So is the past: the attribution's "a expliqué le maire" does not make "Les maires sont parfois des
        # magiciens" report a past event (its aside, scored with the sentence, may: "qui a épousé Harry").
        past=signals.past and _past_in(doc, (t.i for t in itertools.chain(rewritten.checkable, rewritten.aside)))
        and not _past_aside(signals, tense),
        # A question quoted inside a statement ("« Et si ... ? », a réagi le maire.") asks, whatever
        # the sentence around it ends with.
        # Not a question quoted last as what a thing the statement tells of says or is called: "a répondu à la
        # petite phrase de son rival \"Qui croit encore à cette réforme ?\"" (_named_question).
        question=(signals.question or text.rstrip(" .»\"”").endswith("?")) and not _named_question(span)
        or _inverted_question(span, language),
    )
    spaces = column(doc, "whitespace_")
    checkable = " ".join(original(t) + spaces[t.i] for t in rewritten.checkable)
    return ClaimCandidate(
        start=start, end=end, quote=quote, text=text, language=language, claimant=claimant,
        outlet=attrib.outlet,
        needs_context=needs_context,
        entities=ft.locate_all(c_entities, locate, art.original),
        quantities=ft.locate_all(c_quantities, locate, art.original),
        dates=ft.locate_all(c_dates, locate, art.original),
        signals=signals, checkable=_single_copy(" ".join(checkable.split())),  # a repeated paste is no new fact
    )


_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
# A word only the speaker says of themselves or of their own ("on" may be anyone).
_FIRST_PERSON_WORD = {
    "fr": re.compile(r"(?<![\w'\u2019-])(?:(?:je|me|moi|nous|notre|nos|mon|ma|mes)(?![\w-])|[jm]['\u2019])",
                     re.IGNORECASE),
    # ("I" only as written: a capital I is the pronoun, "us" is not "US")
    "en": re.compile(r"(?<![\w'\u2019-])(?:I|(?i:we|me|us|our|ours|my|mine))(?![\w-])"),
}
# A statement in the first person: "Je", "J'" or "Nous" opens it, at once or after a leading phrase.
_FIRST_PERSON_OPENING = {
    "fr": re.compile(r"^(?:[^,\"«»]{0,80}, )?(?:je|j['\u2019]|nous)\b", re.IGNORECASE),
    "en": re.compile(r"^(?:[^,\"«»“”]{0,80}, )?(?:I|[Ww]e)\b"),
}
# How a claim gives a named speaker's own words ('Paul Roux : « Nous avons ... »').
_QUOTED_AS = {"fr": "{claimant} : « {text} »", "en": "{claimant}: \u201c{text}\u201d"}


def _pair_roles(art: Article) -> None:
    """Keeps every person the article named with an office ("Christophe Castaner, ministre de l'Intérieur,",
    Context.roles), for _name_offices."""
    for role, name in art.context.roles.items():
        if name:
            art.paired.setdefault(role, set()).add(name)


def _title_person(art: Article, description: str, person: str, sentence: str) -> str:
    """The person the title gives its words to ("..., assure Nicole Belloubet sur RTL") as the article names them,
    when an office or occupation that opens the article ("La garde des Sceaux a affirmé ...") can be them: a
    definite description of a person (no name in it, nor the name of anyone else the article names), of their
    gender when the article gave it, in a sentence that does not name them already. Else ""."""
    bare = rw.without_article(description)
    if not person or bare == description or not (bare[:1].islower() or at.office_key(description)):
        return ""
    named = next((name for name in art.context.people if rw.same_person(name, person)), "")
    if not named or named_in(named, sentence):
        return ""
    if art.context.names_someone(description):
        return ""
    gender, theirs = rw.description_gender(description), art.context.genders.get(named, "")
    return named if not (gender and theirs and gender != theirs) else ""


def _paired_holder(art: Article, description: str) -> str:
    """The one person the article named with this very office, its noun and complement word for word (art.paired:
    "Christophe Castaner, ministre de l'Intérieur,"), wherever it did; "" for a bare noun ("le ministre": any of
    them) or an office the article gave two people."""
    key = at.office_key(description)
    names = art.paired.get(key, set()) if len(key.split()) > 1 else set()
    return next(iter(names)) if len(names) == 1 else ""


def _name_offices(art: Article, title_person: str = "", title_subject: str = "") -> None:
    """'En visite à l'hôpital, le ministre de l'Intérieur a annoncé ...' and further on 'Christophe Castaner,
    ministre de l'Intérieur, ...': a claimant the article left as an office is the one person the article
    named with that very office, its noun and its complement word for word, wherever it did (a lead often
    gives the office before the name). Not a bare noun ("le ministre": any of them), nor an office the
    article gave two people. The claim's text then names them after the office too (rewrite.name_description).
    A subject the article's first two statements describe is also the person the title opens on (`title_subject`:
    "Paul Roux hospitalisé à Lyon" / "Le chanteur a été admis ..."), when the article names them so."""
    speakers = {cand.claimant for cand in art.candidates if cand.claimant in art.context.people}
    said_by = [cand.claimant for cand in art.candidates]
    # The article's first two statements: where a title's speaker is the office the article opens on.
    opening = {id(c) for c in sorted((c for c in art.candidates if not c.headline), key=lambda c: c.start)[:2]
               } if title_person or title_subject else set()
    # (the title's words for them, not a surname it shares with someone: "Affaire Dupont" is no one)
    title_subject = title_subject if title_subject in art.context.people else ""
    for cand in art.candidates:
        description = cand.claimant
        if paired := _paired_holder(art, description):
            cand.claimant = paired
        elif cand.claimant:
            cand.claimant = art.context.article_holder(cand.claimant, cand.quote, speakers) or (
                id(cand) in opening and title_person and _title_person(art, cand.claimant, title_person, cand.quote)
            ) or cand.claimant
        else:
            continue
        if cand.claimant != description:  # the text names them too (rewrite.name_description)
            cand.text = rw.name_description(cand.text, description, cand.claimant)
    for cand, speaker in zip(art.candidates, said_by, strict=True):
        _name_described_subject(art, cand, speakers, speaker,
                                (title_person or title_subject) if id(cand) in opening else "")
        _name_opening_pronoun(art, cand)
        _name_place_office(art, cand)


def _name_place_office(art: Article, cand: ClaimCandidate) -> None:
    """"La députée Paule Roux quitte le groupe" / "La députée du Nord annonce qu'elle quitte le groupe": an office
    several people hold in one place that the text left unnamed (rewrite.Rewrite.place_office) is the one person of
    its gender the title names (Context.title_holder), when the article speaks of no one else by that office in
    another place without naming them ("le député de l'Aisne ... le député de l'Oise": two of them,
    article_context.unnamed_places). The text names them after the office ("La députée du Nord Paule Roux annonce
    ..."), so does the claimant when it was the office, and the claim no longer needs context."""
    office = cand.signals.extra.pop("place_office", "") if cand.signals is not None else ""
    if not office or not cand.needs_context or not cand.text.lower().startswith(office.lower()):
        return
    name = art.context.title_holder(office)
    places = unnamed_places(art.original, office, art.context.roles)
    if not name or len(places) != 1 or named_in(name, cand.quote):
        return
    cand.text = rw.named_form(cand.text[: len(office)], name) + cand.text[len(office):]
    if at.role_key(cand.claimant) == at.role_key(office):
        cand.claimant = name
    cand.needs_context = cand.signals.needs_context = False


def _name_opening_pronoun(art: Article, cand: ClaimCandidate) -> None:
    """"La volte-face de Paule Roux" / "Elle a fêté ses 74 ans ce mercredi et pourtant ...": an "il"/"elle" that
    opens the article (nothing before it in the text) and that nothing before could resolve
    (rewrite.Rewrite.pronoun) is the person the title is about, the one person of the article it names, of the
    pronoun's gender as the article gave it (Context.title_person). The text names them in its place and the claim
    no longer needs context when that was all it needed. No such person (the title names two, or someone of the
    other gender, or no one the article names): the claim keeps its pronoun and its flag."""
    pronoun = cand.signals.extra.pop("pronoun", "") if cand.signals is not None else ""
    if not pronoun or art.original[: cand.start].strip() or not cand.needs_context:
        return
    found = re.match(pronoun + r"\b", cand.text, re.IGNORECASE)
    name = art.context.title_person(pronoun) if found is not None else ""
    if not name:
        return
    cand.text = name + cand.text[found.end():]
    cand.needs_context = cand.signals.needs_context = False
    cand.signals.extra["subject"] = name


def _reacted_only(art: Article) -> None:
    """"Le journaliste Paul Roux a réagi sur France Inter." says that he spoke, not what (speech_verbs.reaction_only):
    the claim has no claimant. He was still read as its speaker until here, so that the quotations after it are
    his (Article.last_claimant, Context.last_speaker) and an office that names him is named in the text ("le
    chef de l'État Paul Roux a réagi")."""
    for cand in art.candidates:
        if cand.signals is not None and cand.signals.extra.pop("reacted", False):
            cand.claimant = ""


def _name_described_subject(art: Article, cand: ClaimCandidate, speakers: set[str], speaker: str,
                            title_person: str = "") -> None:
    """'La présidente du RN a dénoncé ...' that the sentences before did not name, and 'Marine Le Pen' further on:
    the office subject the text left unnamed (rewrite.Rewrite.described) is named by the claimant's rule
    (Context.article_holder), and the claim no longer needs context when that was all it needed. An office the
    article gave one person with these very words ('le ministre de l'Éducation Jean-Michel Blanquer' further on,
    art.paired) is theirs, as a claimant's is (_name_offices); so is an office that says which but not who
    (rewrite.Rewrite.office: 'La ministre de la Santé a salué ...') when the claimant's rule gives it the one
    person of its gender the article named (14 texts of the 1,000 OrangeSum articles, all right: "la maire du 7e
    arrondissement de Paris Rachida Dati", "le chef de l'Etat François Hollande" in January 2017). In the
    article's first two statements, the person its title
    gives its words to (`title_person`, _title_person) when no one else is. Not after the
    person who says it ('Selon lui, le ministre a réduit les droits' is not about the speaker), unless the
    description is how the sentence names its speaker (`speaker`, the claimant as the sentence gave it)."""
    described = cand.signals.extra.pop("described", "") if cand.signals is not None else ""
    office = cand.signals.extra.pop("office", "") if cand.signals is not None else ""
    name = _paired_holder(art, described or office) or art.context.article_holder(described or office, cand.quote,
                                                                                    speakers)
    described = described or office
    if not name and described:
        name = _title_person(art, described, title_person, cand.quote) or _title_office_holder(
            art, described, cand.quote, cand.start)
    if not name or rw.same_person(name, cand.claimant) and at.role_key(speaker) != at.role_key(described):
        return
    text = rw.name_description(cand.text, described, name)
    if rw.named_form(described, name).lower() in text.lower():  # (or the claimant's rule named them the same way)
        cand.text = text
        cand.needs_context = cand.signals.needs_context = False


def _title_office_holder(art: Article, described: str, sentence: str, start: int) -> str:
    """"Paule Roux admise aux urgences" / "La ministre a fait un malaise ...": a bare office subject ("La ministre",
    "Le député", "La secrétaire d'État") the claimant's rule left unnamed (several people of its gender named) is
    the one person of its gender the title names (Context.title_holder: no other office given to them), when the
    article gives that office to no one else of that gender (Context.office_elsewhere: "le ministre Paul Martin" is
    no other "la ministre"), the sentence does not name them, and no one else of that gender was named after them
    before it ("... Emmanuel Macron a évoqué un report. Le président a indiqué ...": the one just named). Else ""."""
    if not bare_office(described):
        return ""
    name = art.context.title_holder(described)
    if not name or named_in(name, sentence):
        return ""
    last = _last_named(art, rw.description_gender(described), start)
    return "" if art.context.office_elsewhere(described, name) or last and not rw.same_person(last, name) else name


def _last_named(art: Article, gender: str, before: int) -> str:
    """The person of this gender (as the article gave it) whose surname the article wrote last before `before`;
    "" when it named none so far."""
    text = art.original[:before]
    found = [(max((m.start() for m in re.finditer(r"(?<!\w)" + re.escape(name.split()[-1]) + r"(?!\w)", text)),
                  default=-1), name)
             for name in art.context.people if art.context.genders.get(name) == gender]
    at_, name = max(found, default=(-1, ""))
    return name if at_ >= 0 else ""


def _quote_speaker(cand: ClaimCandidate) -> None:
    """A statement in the first person whose speaker the article names is theirs: written as their
    quotation after their name it is self-contained, with the words they said and nothing to guess
    ('En 5 jours, nous avons récolté 1,5 million d'euros' -> 'LFI : « En 5 jours, nous avons récolté 1,5
    million d'euros. »'). Run once the article's speakers are known (a quotation run gets its speaker
    where it closes); the claim no longer needs context. A described speaker ("le maire") or none, or
    words around the quotation: the claim still does."""
    claimant = cand.claimant.strip()
    if not claimant or not any(w[:1].isupper() for w in claimant.split()) or (
            rw.without_article(claimant) != claimant):
        return  # (nor a description at the start of the sentence: "L'ancien porte-parole du gouvernement")
    # The speaker as its subject ("Nous avons récolté ..."), or elsewhere in words the sentence's own subject does
    # not leave to guess ("Certains électeurs m'ont dit que ...", "Seuls 6 % de nos clients en ont bénéficié") when
    # the sentence itself names the speaker (a speaker read from ", a-t-elle ajouté" or from the sentences before
    # is a guess the text would then state).
    opening, word = _FIRST_PERSON_OPENING.get(cand.language), _FIRST_PERSON_WORD.get(cand.language)
    if opening is None or word is None:
        return
    if not (cand.needs_context and opening.match(cand.text) is not None
            or not cand.needs_context and word.search(cand.text) is not None
            and claimant.split()[-1] in cand.quote):
        return
    # Only the speaker's own words between the marks: never an attribution left in the text ('..., a dit
    # la maire de Phoenix, lors d'une conférence') put inside a quotation.
    if cand.signals is None or not (
            cand.signals.extra.get("inner_quote") or _opens_quotation(cand.quote)) or claimant in cand.text:
        return
    cand.text = _QUOTED_AS[cand.language].format(claimant=claimant, text=cand.text)
    cand.needs_context = cand.signals.needs_context = False


def span_signals(
    span: Span, language: str, *, dates: list[dict[str, Any]], quantities: list[dict[str, Any]],
    entities: list[dict[str, Any]], claimant: str, speech: bool,
) -> Signals:
    """The rule signals of a parsed span: the parse overrides what the words alone suggest."""
    doc = span.doc
    pos_of = column(doc, "pos_")
    indices = range(span.start, span.end)
    verbs = [i for i in indices if pos_of[i] in ("VERB", "AUX")]
    tense_of, mood_of = morph_column(doc, "Tense"), morph_column(doc, "Mood")
    tense_past = _past_in(doc, verbs)
    # The conditional of an alleged past act is no hypothesis: its auxiliary does not make the claim one.
    alleged = {c.i for c in span.root.children if c.dep_ in _ALLEGED_AUX} if _alleged_past(span) else set()
    named = _in_a_name(doc)
    # a name's word is no tense ("le Corriere della Sera")
    future = any(("Fut" in tense_of[i] or "Cnd" in mood_of[i]) and i not in alleged and not named[i] for i in indices)
    base = lexical_signals(span_text(span), language)
    signals = attach_parse(base, span, language)
    if alleged:
        # nor is the participle the parser read as an adjective ("se serait fâché") a judgement
        signals.future_tense = signals.evaluative = False
    hypothetical = base.hypothetical and _hypothetical_words(span, pos_of, alleged, language)
    return signals.updated(
        quantities=len(quantities), dates=len(dates), entities=len(entities),
        claimant=bool(claimant), speech=speech, past=tense_past or bool(alleged),
        hypothetical=hypothetical or future,
        has_verb=bool(verbs) or not pos_of[span.start],
        # Percentage points ("+4 points") are a difference of percentages: as much a percentage figure.
        percent=base.percent or any(q["unit"] in ("%", "points") for q in quantities),
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
        release(doc)
    return score_all(list(texts), signals, scorer)


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
        "outlet": cand.outlet, "needs_context": cand.needs_context,
    }


__all__ = ["ClaimCandidate", "Extraction", "candidate_dict", "extract_claims", "extract_texts", "lx"]
