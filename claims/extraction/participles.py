"""Participle, gerund and infinitive clauses around a speech verb (", confirmant ...", "en affirmant que
...", "avant de révéler ..."): where what the speaker did besides speaking begins, which an attribution
phrase stops before, and the subject a gerund shares with its main clause."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.doccache import morph_values, sentence_end
from claims.extraction.quotations import quoted


def _adverbial_infinitive(tok: Token) -> bool:
    """", avant d'enfoncer le clou sur LCI", ", pour justifier sa décision": what the speaker did next or
    why, not what was said ("explique avoir réduit la vitesse")."""
    doc = tok.doc
    before = doc[tok.i - 1].lower_ if tok.i >= 1 else ""
    before2 = doc[tok.i - 2].lower_ if tok.i >= 2 else ""
    return before in ("pour", "sans", "après") or (before in ("de", "d'") and before2 in ("avant", "afin"))


def _gerund(tok: Token) -> bool:
    """"en affirmant", "en expliquant": a present participle after "en", hung on the verb of its clause."""
    return _after_en(tok) and tok.dep_ == "advcl" and tok.head.pos_ in ("VERB", "AUX")


def _after_en(tok: Token) -> bool:
    """A present participle right after its "en" ("en affirmant"), wherever the parser hung it."""
    return present_participle(tok) and any(c.lower_ == "en" and c.i == tok.i - 1 for c in tok.children)


def _gerund_subjects(tok: Token, span: Span) -> list[Token]:
    """The subject of a gerund is its main clause's ("Le ministre s'était défendu en affirmant que ..."),
    wherever the parser hung the gerund: on the verb, on an adjective the verb governs ("Le ministre s'est
    voulu rassurant en estimant que ...") or on an object ("a voulu saluer le travail des libraires, en
    considérant que ..."). The nearest word above it with a subject before it has that subject."""
    if not _after_en(tok):
        return []
    head = tok
    for head in tok.ancestors:
        subjects = [c for c in head.children if c.dep_.startswith("nsubj") and c.dep_ != "nsubj:pass"
                    and c.i < tok.i and not quoted(c, span)]
        if subjects:
            # (not a list of people: "Le Premier ministre et les ministres X, Y ou Z ont créé la confusion en
            # assurant que ..." is no one of them; a gerund has no incise to name who spoke)
            return [] if any(c.dep_ == "conj" for s in subjects for c in s.children) else subjects
    return _subjects_of_verbless_phrase(head, span)


def _subjects_of_verbless_phrase(verb: Token, span: Span) -> list[Token]:
    """"Paul Roux, le ministre du Commerce, en déplacement à Rome, s'est voulu rassurant": the parser may
    hang the clause's subject on a verbless phrase before its verb ("en déplacement"), not on the verb."""
    return [g for c in verb.children if c.i < verb.i and c.pos_ in ("NOUN", "ADJ")
            for g in c.children if g.dep_ == "nsubj" and g.i < c.i and not quoted(g, span)]


def _besides(tok: Token) -> bool:
    """Where what a speaker did besides speaking begins: ", confirmant ...", ", en remerciant ...", ", se
    défendant ..." (the tail ends before it, and its words name no speaker)."""
    return _comma_gerund(tok) or _participle_clause(tok)


def bare_besides(tok: Token) -> bool:
    """"..., a déclaré le chef de l'État en débutant son allocution", "..., explique X dans une interview
    avant de révéler ...": a gerund or an adverbial infinitive ("avant de", "pour", "sans", "après", "afin
    de") right after the speaker, without the comma _besides wants: what the speaker did while or besides
    speaking, not who spoke nor what was said."""
    doc = tok.doc
    if tok.i == 0 or tok.i + 1 >= len(doc) or doc[tok.i - 1].is_punct:
        return False  # (after a comma: _besides; after a semicolon: a clause of the statement's, "...; avant de ...")
    low = tok.lower_
    if low == "en":
        return present_participle(doc[tok.i + 1]) and doc[tok.i + 1].is_lower
    if low not in ("avant", "afin", "pour", "sans", "après"):
        return False
    return any("Inf" in morph_values(t, "VerbForm") and t.is_lower and _adverbial_infinitive(t)
               for t in doc[tok.i + 1 : min(len(doc), tok.i + 3)])


def _comma_gerund(tok: Token) -> bool:
    """", en remerciant le colonel ...", ", se défendant d'avoir ...": what the speaker did while speaking,
    after a comma (the "en" or the reflexive pronoun)."""
    doc = tok.doc
    return tok.lower_.replace("\u2019", "'") in ("en", "se", "s'") and tok.i > 0 and doc[tok.i - 1].text == "," and (
        tok.i + 1 < len(doc) and present_participle(doc[tok.i + 1]))


def present_participle(tok: Token) -> bool:
    """"confirmant", "précisant", "adding": what a speaker did besides speaking, or a clause of it."""
    return "Part" in morph_values(tok, "VerbForm") and "Pres" in morph_values(tok, "Tense")


def comma_participle(tok: Token) -> bool:
    """A present participle right after a comma (", confirmant une information de LCI")."""
    return tok.i > 0 and tok.doc[tok.i - 1].text == "," and present_participle(tok)


def bare_participle(rest: list[Token]) -> int | None:
    """", a précisé la préfecture parlant d'un phénomène exceptionnel": a present participle right after the
    speaker's noun with no comma before it says more of what was said; its index in the tail, else None."""
    if not rest or rest[0].lower_ in ("selon", "d'", "d'après", "according"):
        return None  # "selon des relevés faits dans 4.600 magasins portant sur ...": what the source is
    for j in range(2, len(rest)):
        if rest[j].text == ",":
            return None  # (", des truands profitant de ...": a clause of its own)
        if rest[j].pos_ == "VERB" and rest[j].is_lower and rest[j - 1].pos_ in ("NOUN", "PROPN") \
                and present_participle(rest[j]) and (rest[j].head.lower_ in lx.AGENT_NOUNS or rest[j].head.ent_type_):
            return j
    return None


def _participle_clause(tok: Token) -> bool:
    """", confirmant une information de LCI": a present participle after a comma, what the speaker did too.
    Not one that makes a statement of its own (", précisant que 300 emplois ...", ", adding that ...")."""
    doc = tok.doc
    # The cheap tests first: it runs for every word of a sentence's tail, and the rest reads the sentence.
    if not (comma_participle(tok) and tok.lower_ != "according"):
        return False
    after = doc[tok.i + 1 : sentence_end(tok)]
    # A quotation right after the participle is what it says (', ajoutant "..."'); one after a preposition
    # is what the speaker called for (', appelant à "laisser l'enquête se poursuivre"').
    quotes = len(after) > 0 and after[0].text == '"'
    return not quotes and not any(t.lower_ in ("que", "qu'", "that", ":") or t.text[:1].isdigit() for t in after)
