"""The sentences of a parsed chunk's prose (_sentences, re-joined where the parser cut inside one) and the
clauses a sentence gives claims from: its checkable clauses (_clauses), the independent clauses a long one is
cut into (_long_parts) and what a participle clause says a speaker said (_with_said)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from claims.extraction import attribution as at
from claims.extraction.doccache import column, morph_values, span_text

MIN_WORDS = 4

_SENT_END = re.compile(r'[.!?…] ?["\')\]]*$')


def _sentences(doc: Doc, prose: list[tuple[int, int]]) -> list[Span]:
    """The parser's sentences inside prose blocks, re-joined where it cut inside one (after a hyphenated
    name, before a coordinated name): a sentence without terminal punctuation continues into the next one
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
        if _SENT_END.search(span_text(sent).rstrip()) or sent.end_char >= b_end:
            out.append(doc[start : sent.end])
            start = None
    if start is not None:
        out.append(doc[start:])
    return [t for t in map(_trimmed, out) if len(t)]


def _trimmed(span: Span) -> Span:
    """The span without the blank tokens a paragraph break leaves at its ends: the words of a sentence
    end on its punctuation (a tail attribution is read back from there)."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]


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
        finite = "Fin" in morph_values(child, "VerbForm") or child.tag_ in ("VBD", "VBZ", "VBP")
        if not finite and not any(c.dep_.startswith("aux") for c in child.children):
            continue
        cc = [c for c in child.children if c.dep_ == "cc" and c.i < child.i]
        # Not "A ou B": each alone would assert what the article only gives as one of two ("plus d'un Français sur
        # deux soutient ou a de la sympathie pour cette mobilisation", "il a démissionné ou a été limogé").
        if cc and (cc[0].lower_ in ("ou", "soit") or cc[0].lower_ == "or" and sent.doc.lang_ == "en"):
            continue  # (the French "or" is a "but": "Il devait être convoqué avant le 3 avril, or le juge ...")
        if cc and cc[0].i > root.i and not _between_pair(cc[0]):
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
    if subject is None and not all(any(c.dep_.startswith("nsubj") for c in verb.children) for _, verb in boundaries):
        return [(sent.start, sent.end, None)]  # no subject to give the second clause: "Se disent pessimistes"
    out: list[tuple[int, int, Span | None]] = [(segments[0][0], segments[0][1], None)]
    for (s, e), (cut, verb) in zip(segments[1:], boundaries, strict=True):
        # Its own subject, or a personal pronoun the parser hung elsewhere ("car il touche 10 000 euros").
        has_subject = any(c.dep_.startswith(("nsubj", "expl:subj")) for c in verb.children) or any(
            t.lower_ in _SUBJECT_PRONOUNS and t.i < verb.i for t in doc[s:e])
        if not has_subject and subject is not None and any(t.text == "," for t in subject):
            # A subject with a comma in it is a list or an aside the parser may have cut wrong ("Yann Moix,
            # 1 500 euros par émission"): put before another clause it could make a claim of a wrong figure.
            return [(sent.start, sent.end, None)]
        if not has_subject and _after_relative(doc, sent.start, cut):
            # "La crise est manifeste après ce samedi qui a donné lieu à des violences et fait 263 blessés": a verb
            # after a relative clause may be the relative's ("qui ... et fait"), whatever the parser hung it on;
            # given the main subject it would state what the article did not ("La crise fait 263 blessés").
            return [(sent.start, sent.end, None)]
        out.append((s, e, None if has_subject else subject))
    return out


def _after_relative(doc: Doc, start: int, cut: int) -> bool:
    """Whether a relative clause of the sentence runs up to the conjunction at `cut` (a comma aside)."""
    return any(t.dep_ == "acl:relcl" and cut - 2 <= t.right_edge.i < cut for t in doc[start:cut])


# A sentence longer than this many words is split into its independent clauses (_long_parts): a
# fact-checker picks one fact at a time, and a 40-word sentence holds several.
LONG_WORDS = 30
# The fewest words a part of a split sentence has: a shorter one is no statement of its own.
_PART_WORDS = 5
# Moods and tenses of a clause that states no fact: what may happen, what is wished, what is ordered.
_NOT_FACT = frozenset({"Cnd", "Sub", "Imp", "Fut"})
_CONTRASTS = frozenset({"alors", "tandis"})  # "alors que", "tandis que" + a clause of fact
_COORDINATORS = frozenset({"et", "mais"})


def _long_parts(doc: Doc, start: int, end: int,
                attribution: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, bool]]:
    """A long sentence (more than LONG_WORDS words) cut into its independent clauses, each with its own
    subject and finite verb: at a semicolon; at a colon followed by a full clause (not one that opens
    what a speaker said); at ", et" / ", mais" followed by a new subject and its verb; around an "alors
    que" / "tandis que" clause when both sides state facts (no conditional, subjunctive, imperative or
    future). Each part is (start, end, whether it holds the sentence's main verb); [] when the sentence
    is short or has no such boundary. Parts are cut again while they are long. The words of the
    sentence's attribution (", a affirmé à l'AFP Marie Legall") belong to no clause: the parser hangs
    them on either."""
    if not _long(doc, start, end):
        return []
    ignore = frozenset(i for s, e in attribution for i in range(s, e))
    parts = _cut(doc, start, end, ignore)
    return parts if len(parts) > 1 else []


def _cut(doc: Doc, start: int, end: int, ignore: frozenset[int]) -> list[tuple[int, int, bool]]:
    """The parts of doc[start:end], each with whether it is the main one: the first clause, or the one after
    a leading "Alors que ..." clause."""
    for left, right in _boundaries(doc, start, end, ignore):
        parts = []
        for side, main in ((left, left[0] != start + 2 or doc[start].lower_ not in _CONTRASTS),
                           (right, left[0] == start + 2 and doc[start].lower_ in _CONTRASTS)):
            cut = _cut(doc, *side, ignore) if _long(doc, *side) else [(*side, True)]
            parts.extend((s, e, main and is_main) for s, e, is_main in cut)
        return parts
    return [(start, end, True)]


def _long(doc: Doc, start: int, end: int) -> bool:
    return len(span_text(doc[start:end]).split()) > LONG_WORDS


def _boundaries(doc: Doc, start: int, end: int,
                ignore: frozenset[int]) -> Iterable[tuple[tuple[int, int], tuple[int, int]]]:
    """The ways of cutting doc[start:end] in two independent clauses, in the order of the text: (left, right)
    token ranges (the boundary's words, "; ", ", mais", "alors que", belong to neither). Not inside brackets
    ("(66%; -2)"), nor inside a quotation that opened within the sentence (what a speaker said, cut from
    whoever said it); a sentence that is all a quotation may be cut."""
    text_of, lower_of = column(doc, "text"), column(doc, "lower_")  # (no Token per word: every sentence is read)
    quotes = depth = 0
    for i in range(start, end - 1):
        text = text_of[i]
        if text == '"':
            quotes += 1
        depth += (text == "(") - (text == ")")
        if depth or quotes % 2 and text_of[start] != '"':
            continue
        low = lower_of[i]
        next_lower = lower_of[i + 1]
        cuts: list[tuple[tuple[int, int], tuple[int, int]]] = []
        how = low
        if text == ";" or text == ":" and text_of[i + 1] != '"':
            cuts = [((start, i), (i + 1, end))]
        elif text == "," and next_lower in _COORDINATORS:
            cuts, how = [((start, i), (i + 2, end))], next_lower
        elif low in _CONTRASTS and next_lower.replace("\u2019", "'") in ("que", "qu'"):
            cuts = _contrast(doc, start, end, i)
        yield from (cut for cut in cuts if _independent(doc, *cut, how=how, ignore=ignore))


def _contrast(doc: Doc, start: int, end: int, at_: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """"Alors que A, B" -> (A, B); "B, tandis que A" -> (B, A): the clause after "que" and the rest of the
    sentence before or after its comma. A leading clause may end at any of its commas (the parser often
    reads it as the main one and the main clause as hanging on it): _independent tells which."""
    # "alors" is the clause's mark and "que" fixed to it, or "que" the mark (the parser does both)
    verb = next((t.head for t in (doc[at_], doc[at_ + 1]) if t.head.i > at_ + 1), None)
    if verb is None or verb.i >= end:
        return []
    if at_ == start:
        return [((at_ + 2, k), (k + 1, end)) for k in range(verb.i + 1, end - 1) if doc[k].text == ","]
    last = verb.right_edge.i
    if doc[at_ - 1].text != "," or verb.left_edge.i < at_ or any(not t.is_punct for t in doc[last + 1 : end]):
        return []
    return [((start, at_ - 1), (at_ + 2, end))]


def _independent(doc: Doc, left: tuple[int, int], right: tuple[int, int], how: str,
                 ignore: frozenset[int] = frozenset()) -> bool:
    """Whether both sides of a cut are clauses of their own, cut clean: each has one word whose head lies
    outside it, a finite verb (or a finite auxiliary or copula) with its subject inside, and enough words;
    one is the head of the other (or both head their own sentence, when the parser gave two). What a
    speaker introduced with a colon is not cut from them; a contrast needs facts on both sides; after
    ", et" / ", mais" the new clause opens on its subject."""
    heads = [_clause_head(doc, *left, ignore), _clause_head(doc, *right, ignore)]
    if heads[0] is None or heads[1] is None:
        return False
    a, b = heads
    if not (b.head == a or a.head == b or all(v.head == v or v.head.i in ignore for v in heads)):
        return False  # (both may hang on the attribution's verb: '"A, mais B", a déclaré X')
    alpha = column(doc, "is_alpha")
    if any(alpha[s:e].count(True) < _PART_WORDS for s, e in (left, right)):
        return False
    if how == ":" and at.speech_verb(a, doc.lang_):
        return False  # 'Il a déclaré : la France ...': what was said, whose only the left side tells
    if how in _CONTRASTS and not all(_states_fact(v, s, e) for v, (s, e) in ((a, left), (b, right))):
        return False
    if how in _COORDINATORS:
        subject = next(c for c in b.children if c.dep_.startswith(("nsubj", "expl:subj")))
        if subject.left_edge.i != right[0]:
            return False
    # "X sont renvoyés pour favoritisme, tandis que Y le sont pour recel": "le" before "être" stands for the
    # other side's predicate, which this side does not state
    if any(doc[i].lower_.replace("\u2019", "'") in ("le", "l'") and doc[i].pos_ == "PRON" and doc[i + 1].dep_ in (
            "cop", "aux", "aux:pass") for s, e in (left, right) for i in range(s, e - 1)):
        return False
    # "deux hypothèses : soit A, soit B", "ni A ; ni B": the items of one statement, not two
    return doc[right[0]].pos_ != "CCONJ" and doc[right[0]].lower_ not in _PAIRED


_PAIRED = frozenset({"soit", "ou", "ni", "et", "mais", "puis", "car", "donc", "or"})


_RELATIVE_SUBJECTS = frozenset({"qui", "que", "qu'", "dont", "lequel", "laquelle", "lesquels", "lesquelles"})


def _clause_head(doc: Doc, start: int, end: int, ignore: frozenset[int] = frozenset()) -> Token | None:
    """The one word of doc[start:end] whose head lies outside it, when it heads a clause of its own: a
    finite verb, or a word with a finite auxiliary or copula, with a subject inside (not a relative
    pronoun). None otherwise."""
    heads = [t for t in doc[start:end] if not t.is_punct and not t.is_space and t.i not in ignore
             and (t.head == t or not start <= t.head.i < end or t.head.i in ignore)]
    if len(heads) != 1:
        return None
    head = heads[0]
    finite = head.pos_ in ("VERB", "AUX") and "Fin" in morph_values(head, "VerbForm") or any(
        c.dep_ in ("aux", "aux:tense", "aux:pass", "cop") and "Fin" in morph_values(c, "VerbForm")
        for c in head.children)
    subjects = [c for c in head.children if c.dep_.startswith(("nsubj", "expl:subj")) and start <= c.i < end]
    if not finite or not subjects or subjects[0].lower_.replace("\u2019", "'") in _RELATIVE_SUBJECTS:
        return None
    return head


def _states_fact(head: Token, start: int, end: int) -> bool:
    """Whether a clause states a fact: no question, and its verb (its auxiliaries, its copula) in no
    conditional, subjunctive, imperative or future."""
    if any(t.text == "?" for t in head.doc[start:end]):
        return False
    verbs = [head, *(c for c in head.children if c.dep_ in ("aux", "aux:tense", "aux:pass", "cop"))]
    return not any(_NOT_FACT & {*morph_values(v, "Mood"), *morph_values(v, "Tense")} for v in verbs)


def _between_pair(conjunction: Token) -> bool:
    """"entre samedi et dimanche", "entre les femmes et les hommes": the "et" of a pair after "entre", which the
    parser may hang on the next verb, joins two nouns, not two clauses."""
    doc = conjunction.doc
    before = doc[max(0, conjunction.i - 6) : conjunction.i]
    at_ = next((t.i for t in reversed(before) if t.lower_ in ("entre", "between")), None)
    return at_ is not None and not any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in doc[at_ + 1 : conjunction.i])


_SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on", "je", "j'", "nous", "vous", "tu", "he", "she",
                               "they", "we", "i", "you"})


def _with_said(clauses: list[tuple[int, int, Span | None]],
               attrib: at.Attribution) -> list[tuple[int, int, Span | None]]:
    """"A, a rappelé X, soulignant que B": two statements of the same speaker, two candidates: the clauses
    before the participle clause, and B (the participle and its conjunction are no part of either)."""
    if attrib.said is None:
        return clauses
    cut, start, end = attrib.said
    before = [(s, min(e, cut), subject) for s, e, subject in clauses if s < cut]
    return [*before, (start, end, None)]
