"""A claim's text from its parsed span: the checkable statement, short and self-contained.

Works on the existing parse (no second one): tokens are left out (markers, attribution phrases,
connectives, asides without facts); a pronoun or demonstrative subject is replaced by its antecedent,
and a possessive one ("Sa candidature") gets its owner ("La candidature de Denis Mukwege"), when the
article makes it certain; otherwise the claim is flagged as needing context.
Whatever is left out of the checkable part must not carry a number, a name, a negation or a list
item: `claims.extraction.faithful` checks the result and a failing rewrite falls back to the
plain sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claims.extraction import faithful
from claims.extraction import lexicon as lx
from claims.extraction.antecedents import (
    _antecedent,
    _continues_quotation,
    _lead_names,
    _named_before,
    _office_holder,
    _owned_phrase,
    _owner,
    _plural_verb,
    _source_named,
    _speaker_it_describes,
    _subject_position,
    _thing_before,
)
from claims.extraction.article_context import Context, description_gender, same_person
from claims.extraction.attribution import (
    FOLDED_JOBS,
    ROLE_ADJECTIVES,
    Attribution,
    quoted,
    role_key,
    speech_verb,
)
from claims.extraction.clauses import _own_clause, _subject, finite
from claims.extraction.descriptions import (
    _ANYONE,
    _DATING,
    _UNNAMED_PEOPLE,
    _counted,
    _described_back,
    _general,
    _may_speak,
    _named_in_apposition,
    _names_itself,
    _role_phrase,
    _unidentified_office,
    _unnamed_description,
    demonstrative,
    person_noun,
    possessive,
)
from claims.extraction.doccache import column, morph_values, span_text, span_tokens
from claims.extraction.features import is_year
from claims.extraction.padding import (
    _CONNECTIVE_WORDS,
    _WHEN,
    _asides,
    _colon_frame,
    _connectives,
    _inner_connectives,
    _quoted_at,
    _without_leading_setting,
)
from claims.extraction.pronouns import (
    _DEMONSTRATIVE_PRONOUNS,
    _LATTER,
    _PERSONAL_PRONOUNS,
    _REFERRING_CE,
    SPEAKER_PRONOUNS,
    _dummy_it,
    _impersonal,
    _it_has_been,
)

# What the other modules call (pipeline.py reads them as rw.condense, rw.Context, ...), here or imported.
__all__ = ["Context", "Rewrite", "condense", "description_gender", "joined", "name_description", "same_person",
           "without_article"]


_MARKERS = re.compile(lx.LEAD_MARKERS)
_QUOTED = re.compile(r'"\s*([^"]{2,}?)\s*"')


# Offices held by several people of one place at a time ("le député de la Creuse", "la sénatrice du Nord").
_SHARED_OFFICES = frozenset(role_key(word) for word in ("député", "députée", "sénateur", "sénatrice", "élu", "élue",
                                                         "conseiller", "conseillère", "eurodéputé", "eurodéputée"))


def _nominal_comment(kept: list[Token]) -> bool:
    """"Un moment inhabituel qui a duré deux minutes.", "Une décision qui a surpris les élus.": a sentence
    with no verb of its own, a noun brought in by "un"/"une" that only a relative clause says something
    of. It comments on what the sentence before told, which it does not say."""
    words = [t for t in kept if not t.is_punct and not t.is_space]
    if len(words) < 4 or words[0].lower_ not in ("un", "une"):
        return False
    noun = words[0].head
    if noun.pos_ != "NOUN" or noun.dep_ != "ROOT" or words[0].dep_ != "det":
        return False
    inside = {t.i for c in noun.subtree if c.dep_ == "acl:relcl" for t in c.subtree}
    if not inside:
        return False
    return not any(t.pos_ in ("VERB", "AUX") and "Fin" in morph_values(t, "VerbForm") and t.i not in inside
                   for t in words)


@dataclass
class Rewrite:
    text: str
    needs_context: bool = False
    fragment: bool = False
    subject: str = ""  # the antecedent put in place of a pronoun subject
    inner_quote: bool = False
    checkable: list[Token] = field(default_factory=list)
    aside: list[Token] = field(default_factory=list)  # left out of the text and the checkable part (_asides)
    unresolved: str = ""  # with a pronoun subject resolved: the text with the pronoun as written
    # An office or occupation subject the sentences before did not name ("Le ministre"), the only reason the claim
    # needs context: once the article is read, pipeline._name_offices may name it (Context.article_holder).
    described: str = ""


def _cut_from_before(span: Span, kept: list[Token]) -> bool:
    """Whether a sentence opens, in lower case, on a finite verb: its subject is in the sentence before, cut off
    from it ('"Je reviens sur le ring !" a écrit l'ancien champion pour annoncer son retour', "La montre
    présentée par Jacob & Co. est disponible ..."), and the text says what was said or what is meant only with
    it ("A écrit l'ancien champion ...", "Est disponible ..."). Not a clause the pipeline gave its subject
    (it starts inside its sentence), nor a sentence opening on its subject ("il a déjà payé")."""
    if span.start != span.sent.start:
        return False
    words = [t for t in span_tokens(span) if not t.is_punct and not t.is_space]
    first = next((t for t in words if not (t.pos_ == "PRON" and t.dep_.startswith(("expl", "obj", "iobj")))), None)
    if first is None or not words[0].is_lower or not first.is_lower or first.dep_.startswith("nsubj"):
        return False
    return finite([first]) and first in kept[:3]


def condense(
    span: Span, attribution: Attribution, ctx: Context, language: str, *,
    quantities: list[tuple[int, int]], entities: list[tuple[int, int]],
    original: Callable[[Token], str], speech: bool,
) -> Rewrite:
    """The checkable text of a span. `original(token)` gives the article's own text for a token (with
    its typographic quotes and spaces), `quantities`/`entities` are the chunk-offset spans of the facts
    it must keep."""
    tokens = span_tokens(span)
    leave: set[int] = set()
    for start, end in attribution.drop:
        leave.update(range(start, end))
    # After the blanks a post's pictographs leave ("🔴 URGENT - ..."): the marker still opens the sentence.
    whole = span_text(span)
    lead = len(whole) - len(whole.lstrip())
    m = _MARKERS.match(whole, lead)
    if m and m.end() < len(whole):
        cut = span.start_char + m.end()
        leave.update(t.i for t in tokens if t.idx < cut)
    leave.update(_colon_frame([t for t in tokens if t.i not in leave], [*quantities, *entities]))
    checkable = [t for t in tokens if t.i not in leave]
    alpha = column(span.doc, "is_alpha")
    if not any(alpha[t.i] for t in checkable):  # nothing but attribution: the sentence stays whole
        checkable = tokens
    kept = [t for t in checkable]
    fact_chars = [*quantities, *entities]

    def factual(toks: list[Token]) -> bool:
        return any(t.like_num or t.lower_ in lx.NEGATIONS or t.ent_type_ or t.pos_ == "PROPN"
                   or any(s <= t.idx < e for s, e in fact_chars) for t in toks)

    # A quotation with little around it: the quoted words are the statement. Not when the words around
    # it carry a fact of their own ('"on peut avoir la quasi-certitude" qu'il s'agit du Covid-19').
    inner = _QUOTED.search(whole)
    inner_quote = False
    if inner and speech:
        a = span.start_char + inner.start(1)
        b = span.start_char + inner.end(1)
        # A token overlapping the quotation is inside it: the tokenizer may glue the mark to a word ('"J'').
        inside = [t for t in kept if t.idx < b and t.idx + len(t) > a]
        outside = [t for t in kept if not (t.idx < b and t.idx + len(t) > a) and not t.is_punct and not t.is_space]
        inside_at = {t.i for t in inside}
        # not when the subject is outside the quotation ('Les gens "ont besoin d'être soutenus"')
        subject_outside = any(t.dep_.startswith("nsubj") and t.head.i in inside_at for t in outside)
        if len([t for t in outside if t.is_alpha]) <= 4 and len([t for t in inside if t.is_alpha]) >= 3 and (
                not factual(outside)) and not subject_outside:
            kept = inside
            checkable = inside
            inner_quote = True
    # Leading connectives ("De son côté,", "Par ailleurs,", "Mais", "Et").
    connectives = _connectives(language)
    while kept:
        head = " ".join(t.lower_ for t in kept[:_CONNECTIVE_WORDS]).replace("' ", "'")
        found = next((c for c, opening in connectives if head == c or head.startswith(opening)), None)
        if found is None:
            break
        n = len(found.replace("'", "' ").split())
        if any(t.ent_type_ for t in kept[:n]):
            break  # the parser read the words as part of a name: they are not a connective to drop
        nxt = kept[n] if n < len(kept) else None
        if nxt is not None and nxt.lower_ in ("que", "qu'", "of", "that"):
            break
        if nxt is not None and nxt.text == ",":
            n += 1
        elif len(found.split()) > 1:
            if nxt is not None and nxt.pos_ in ("NOUN",):  # "De plus en plus", "Par ailleurs X" stays plain
                break
            if nxt is not None and (nxt.pos_ == "ADJ" or "Part" in morph_values(nxt, "VerbForm")) and (
                    nxt.head in kept[:n] or n + 1 < len(kept) and kept[n + 1].text == ","):
                break  # "Dans ce contexte explosif,": the phrase goes on, it is no connective
        kept = kept[n:]
    inner = _inner_connectives(kept, language)
    kept = [t for t in kept if t.i not in inner]
    # Asides without facts: "(photo)", "(la « souricière »)"; ", un ancien élu de la commune," after a name.
    dropped_aside: set[int] = set()
    depth_start = None
    text_of = column(span.doc, "text")
    for t in kept:
        if text_of[t.i] == "(":
            depth_start = t.i
        elif text_of[t.i] == ")" and depth_start is not None:
            aside = [x for x in kept if depth_start <= x.i <= t.i]
            if not factual(aside[1:-1]) and not faithful.bracketed_list(span_text(span.doc[depth_start : t.i + 1])) \
                    and not (_quoted_at(text_of, span.start, depth_start) and any(x.is_alpha for x in aside)):
                dropped_aside.update(x.i for x in aside)
            depth_start = None
    kept = [t for t in kept if t.i not in dropped_aside]
    setting = kept
    kept = _without_leading_setting(kept, span, factual)
    if len(kept) < len(setting):
        # "Comme l'année dernière, le Premier ministre est resté discret": the scene's date goes with it.
        gone = {t.i for t in setting[: len(setting) - len(kept)]}
        checkable = [t for t in checkable if t.i not in gone]
    aside_tokens: list[Token] = []
    if not inner_quote:
        aside = _asides(kept, span, quantities)
        aside_tokens = [t for t in checkable if t.i in aside]
        if aside:
            kept = [t for t in kept if t.i not in aside]
            checkable = [t for t in checkable if t.i not in aside]
    # Subject: a pronoun resolved to its named antecedent, or the claim needs context.
    needs_context = False
    replacement: dict[int, str] = {}
    resolved = ""
    described = ""  # an office or occupation subject left unnamed, as the text writes it
    subj = _subject(span)
    position = _subject_position(subj, kept, span) if subj is not None and not inner_quote else ""
    if subj is not None and not inner_quote and subj in kept[:5] and _one_of_them(subj):
        needs_context, position = True, ""  # "Quatre d'entre eux ont été hospitalisés": of whom, the sentence before says
    if subj is not None and position:
        low = subj.lower_
        nxt = subj.doc[subj.i + 1] if subj.i + 1 < len(subj.doc) else None
        if low in _PERSONAL_PRONOUNS and not _impersonal(subj) and position == "after" and _named_before(subj, kept):
            pass  # "Si Emmanuel Macron et Édouard Philippe sortent de cette école, ils ...": named in the claim
        elif low in ("il", "elle") and _plural_verb(subj):
            needs_context = True  # "Il ont grandi ...": a pronoun its verb disagrees with, one of them is mistyped
        elif low in _PERSONAL_PRONOUNS and not _impersonal(subj):
            resolved = _antecedent(subj, ctx, span, sure_of_gender=position == "after")
            if resolved and resolved in ctx.people and _continues_quotation(subj, span):
                # The speaker's "il", in a quotation opened sentences before, stands for what the quotation
                # spoke of ("Une vidéo ... Elle a été réalisée"), not for the person the story is about.
                resolved = ""
            if resolved and quoted(subj, span) and same_person(resolved, attribution.claimant or ctx.last_speaker):
                resolved = ""  # '"Elle l'a eu en cours", a-t-elle expliqué': a speaker says "je", not "elle"
            if resolved and resolved not in ctx.people and resolved not in ctx.orgs and not quoted(subj, span) \
                    and speech_verb(subj.head, language) and not _may_speak(resolved):
                # "Le café est bon, a déclaré Peter Kistler. Il a souligné que ...": who speaks is someone, not
                # the thing the sentence before was about; the speaker the article quoted last, if the article
                # gave their gender and the pronoun agrees with it
                speaker = attribution.claimant or ctx.last_speaker
                resolved = speaker if speaker in ctx.people and ctx.genders.get(speaker) and ctx.fits(speaker, low) \
                    else ""
            if resolved and _unnamed_description(resolved, things=True) and not _unnamed_description(resolved):
                # "La photo est décédée", "L'affaire raconte à sa famille": the thing the sentence before was about
                # is as often not what "il"/"elle" stands for; and would say which only with that sentence
                resolved = ""
            if resolved and _unnamed_description(resolved):
                # "L'homme est parti se munir d'une défense de narval. Il n'a pas hésité ...": "L'homme n'a
                # pas hésité" says who as little as "Il"
                needs_context = True
            if resolved:
                replacement[subj.i] = resolved if subj == kept[0] else _mid_sentence(resolved)
                before = subj.doc[subj.i - 1] if subj.i > 0 else None
                if before is not None and before.i in {t.i for t in kept} and before.lower_.endswith(("qu'", "qu\u2019")) \
                        and not before.whitespace_ and resolved[:1].lower() not in "aeiouyhàâéèêîôû":
                    replacement[before.i] = original(before)[:-1] + "e "  # "qu'elle" -> "que Michèle Torr"
            else:
                needs_context = True
        elif low.replace("\u2019", "'") in SPEAKER_PRONOUNS:
            needs_context = True  # "J'ai acheté une maison en 2003": who speaks is not in the text
        elif low == "it" and not _dummy_it(subj):
            needs_context = True  # "It is the highest figure since 2007": what is, the sentence before says
        elif subj.pos_ == "PRON" and "Card" in morph_values(subj, "NumType") and position == "first":
            needs_context = True  # "Tous deux ont été transférés", "Les trois ont démissionné": which ones
        elif low in _DEMONSTRATIVE_PRONOUNS and not _it_has_been(subj) or (
                low in ("celui", "celle", "ceux", "celles") and nxt is not None
                and nxt.text.startswith("-")):  # "Celui-ci" cut in three
            needs_context = True
        elif (position == "first" or not _lead_names(subj, kept)) and (owned := possessive(subj)) is not None:
            # After a leading phrase the owner is less often the subject of the sentence before ("Soupçonneux,
            # ses producteurs ..." after "l'organisateur du concert, Gilbert Coullier, apprend ..."): no owner named
            resolved = _owner(owned, ctx) if position == "first" else ""
            if _named_in_apposition(subj, misread=True):
                resolved = ""  # "Son avocat, Me Dupont, a fait appel": the subject is named
            elif resolved and (phrase := _owned_phrase(subj, owned, resolved)) is not None:
                last, replacement[owned.i] = phrase
                replacement.update({i: "" for i in range(owned.i + 1, last + 1)})
            else:
                needs_context = True
            resolved = ""  # the owner is named, the subject is still the thing owned
        elif not _lead_names(subj, kept) and (role := _role_phrase(subj)) is not None and (
                name := _office_holder(described := span_text(subj.doc[role[0].i : role[-1].i + 1]), ctx)
                or ctx.sole_holder(described, span_text(span)) or _speaker_it_describes(subj, described, attribution, ctx, language)
        ) and name not in span_text(span):
            # "Le ministre suggère ..." after "le ministre de l'Action et des Comptes publics Gérald Darmanin":
            # the office keeps its words, the person it names follows ("Le ministre Gérald Darmanin").
            last = role[-1]  # after the adjectives that follow: "L'actrice oscarisée Marion Cotillard"
            while last.i + 1 < len(last.doc) and (nxt_word := last.doc[last.i + 1]).head == subj and (
                    nxt_word.pos_ == "ADJ" or nxt_word.dep_ == "acl" and not list(nxt_word.children)):
                last = nxt_word
            replacement[last.i] = original(last) + " " + name
            resolved = name
        elif not _lead_names(subj, kept) and _names_itself(subj) and (role := _role_phrase(subj, named=True)) is not None \
                and (name := ctx.roles.get(role_key(span_text(subj.doc[role[0].i : role[-1].i + 1])), "")) \
                and name not in span_text(span):
            # "Le député de la Creuse a déclaré ..." after "Jean Dupont, député de la Creuse,": the article named
            # the person with these very words ("Le député de la Creuse Jean Dupont a déclaré ...")
            replacement[role[-1].i] = original(role[-1]) + " " + name
            resolved = name
        elif not _lead_names(subj, kept) and _names_itself(subj) and (role := _role_phrase(subj, named=True)) and (
                role_key(subj.lower_) in FOLDED_JOBS or role_key(subj.lower_) in _SHARED_OFFICES) and not any(
                t.like_num or t.lower_ == "circonscription" for t in role):  # ("de la 5e circonscription": one seat)
            # "L'acteur de Trois hommes et un couffin a été condamné", "La députée du Vaucluse a voté": the name
            # says where or in what, not which of the people who do that job there
            needs_context = True
        elif not _lead_names(subj, kept) and (_described_back(subj) or _unidentified_office(subj)):
            # "L'homme a été entendu", "La chanteuse a annulé", "L'entreprise a licencié", "Le ministre a expliqué"
            needs_context = True
            if subj in kept and (role := _role_phrase(subj)) is not None and all(t in kept for t in role):
                described = _tidy(joined(role, original))  # the article, read whole, may name them (name_description)
        elif (_named_in_apposition(subj, misread=True) or _names_itself(subj)) and low not in _LATTER:
            pass  # "Cet ex-collaborateur, Tewfik Derbal, a démissionné", "Cette saison 3 de The Voice": named
        elif demonstrative(subj) or low in _LATTER:
            np = [t for t in subj.subtree if t.i <= subj.i]
            if low.startswith("derni") and not any(c.lower_ in ("ce", "cette", "ces") for c in subj.children):
                needs_context = True  # "Le dernier a été plus complexe": the last of the things listed before
            elif low in _LATTER:
                named = ctx.previous_names[-1:]
                if named and ctx.holds_office_named_in(named[0], span):
                    needs_context = True  # "Ce dernier est un proche de l'actuel ministre de X": not the minister
                elif named:
                    resolved = named[0]
                    for t in np:
                        replacement[t.i] = ""
                    replacement[np[0].i] = resolved
                else:
                    needs_context = True
            elif position == "first" and (named_thing := _thing_before(subj)):
                # "Le parquet a ouvert une enquête pour fraude. Cette enquête a duré deux ans": the thing the
                # sentence before named, with the words that said which ("L'enquête pour fraude a duré ...")
                det = subj.doc[subj.i - 1]
                replacement[det.i] = ""
                replacement[subj.i] = (named_thing if det == kept[0] else named_thing[:1].lower() + named_thing[1:])
            else:
                needs_context = True
    if subj is not None and not position and not inner_quote and (
            _pronoun_left_unresolved(subj, kept, span) or _description_left_unresolved(subj, kept, span)):
        needs_context = True
    if not needs_context and not resolved and not replacement:
        # A quotation's own subject is not the sentence's (the speaker's): it is read at the first words.
        needs_context = _refers_back(kept) or _pronoun_opens(kept) or inner_quote and _quoted_described(subj, kept) \
            or not inner_quote and _nominal_comment(kept)
    # (what else makes a claim need context: an office subject the article names further on only takes that away)
    elsewhere = _cut_from_before(span, kept)
    replacement.update(_source_named(kept, subj, attribution, ctx))
    # Whatever its subject, a claim may point back elsewhere: "a dépassé ce seuil", "ce jour-là", "selon lui".
    elsewhere = elsewhere or _points_back([t for t in kept if t.i not in replacement], subj)
    needs_context = needs_context or elsewhere
    text = _tidy(joined(kept, original, replacement))
    # Without a finite verb, a fragment; unless it states a figure about a named subject ("Coût estimé :
    # 150.000 euros"). "Un"/"une" read as an article is no figure ("Un show plus que réussi.").
    # "Une hausse de huit points." names nothing it is about: a fragment of the sentence before.
    fragment = _only_attributes(kept, language) or not finite(kept) and not (
        any(t.like_num and t.pos_ != "DET" for t in kept) and any(t.pos_ in ("NOUN", "PROPN") for t in kept[:4])
        and len(kept) >= 3 and any(t.text == ":" or t.pos_ == "PROPN" or t.ent_type_ for t in kept))
    out = Rewrite(text, needs_context=needs_context, fragment=fragment, subject=resolved, inner_quote=inner_quote,
                  checkable=checkable, aside=aside_tokens, described="" if elsewhere else described,
                  unresolved=_tidy(joined(kept, original)) if resolved and subj is not None and subj.i in replacement
                  else "")
    # The hard rule: nothing checkable is lost. A rewrite that drops a fact falls back to the checkable
    # part as written (attribution and markers still left out).
    plain = _tidy(joined(checkable, original))
    if faithful.missing(plain, out.text, [original(t) for t in checkable if t.ent_type_]):
        out.text = plain
        out.subject = out.unresolved = ""
    return out


def joined(tokens: list[Token], original: Callable[[Token], str], replacement: dict[int, str] | None = None) -> str:
    """The tokens' original text, each followed by its space, and by one where a cut left two words
    side by side ("Le coût[, partagé entre l'État et l'Unédic,] sera"); `replacement` gives other words
    for some tokens ("" leaves one out)."""
    if not tokens:
        return ""
    spaces = column(tokens[0].doc, "whitespace_")  # (the document's columns: no string made per token)
    at = [t.i for t in tokens]
    last = len(tokens) - 1
    pieces: list[str] = []
    for k, t in enumerate(tokens):
        i = at[k]
        word = original(t) if replacement is None or i not in replacement else replacement[i]
        if word:
            pieces.append(word + (" " if spaces[i] or (k < last and at[k + 1] != i + 1) else ""))
    return "".join(pieces)


def _pronoun_left_unresolved(subj: Token, kept: list[Token], span: Span) -> bool:
    """Whether a personal pronoun subject stays in the claim, after words too long for its antecedent to be
    looked for ("Alors que l'horizon semblait se dégager pour la chaîne après un mois de grève, elle vient
    d'être condamnée"), with no subject before it in the claim that it may stand for: a name, or a noun of
    its gender and number ("La chaîne a perdu des points, elle ...")."""
    if subj.lower_ not in _PERSONAL_PRONOUNS or _impersonal(subj) or subj not in kept or quoted(subj, span):
        return False
    def agrees(noun: Token, field: str) -> bool:
        mine, its = morph_values(subj, field), morph_values(noun, field)
        return not mine or not its or bool(set(mine) & set(its))

    return not any(t.dep_.startswith("nsubj") and (t.pos_ == "PROPN" or t.pos_ == "NOUN" and agrees(t, "Gender")
                                                    and agrees(t, "Number")) for t in kept[: kept.index(subj)])


def _description_left_unresolved(subj: Token, kept: list[Token], span: Span) -> bool:
    """Whether a description subject stays in the claim after a leading phrase too long for _subject_position
    ("Sur des photos prises par Yuri Gripas samedi et publiées sur les sites de France Info, l'arbrisseau a
    disparu"): a noun that points back (_described_back, _unidentified_office, a demonstrative) set right
    after the comma, before its verb, which nothing in the phrase before names."""
    doc, end = subj.doc, subj.right_edge.i + 1
    if subj.pos_ != "NOUN" or subj not in kept or quoted(subj, span) or not (
            subj.i < subj.head.i or end < len(doc) and finite([doc[end]])):  # (an apposition, misread: _subject)
        return False
    start = subj.left_edge.i
    lead = [t for t in kept if t.i < start]
    if not lead or doc[start - 1].text != "," or end < len(doc) and doc[end].text == "," or _own_clause(lead) or (
            _lead_names(subj, kept)):  # (not between commas: ", la veuve noire," sets off the noun before it)
        return False
    if _named_in_apposition(subj, misread=True) or _names_itself(subj):
        return False
    return _described_back(subj) or _unidentified_office(subj) or demonstrative(subj) and (
        subj.lower_ not in _TIME_NOUNS and subj.lower_ not in _CONNECTIVE_NOUNS)


def _pronoun_opens(kept: list[Token]) -> bool:
    """Whether a personal or demonstrative pronoun is the subject the words open with, at once or after a
    leading phrase ('"Il m'avait fait visiter ..."', '"Depuis 2011, je dois payer ..."', "Vendredi, celle-ci a
    publié ..." when the parser hung that clause on another verb)."""
    words = [t for t in kept[:16] if not t.is_space and t.text != '"']
    comma = next((k for k, t in enumerate(words) if t.text == ","), None)
    if comma is not None and _own_clause(words[:comma]):
        comma = None  # "Marion poursuit le combat, elle contribue au débat": a clause before, its subject
    for first in words[:1] + (words[comma + 1 : comma + 2] if comma is not None else []):
        low = first.lower_.replace("\u2019", "'")
        if first.dep_.startswith(("nsubj", "expl:subj")) and first.head.i > first.i and (
                low in SPEAKER_PRONOUNS or low in _DEMONSTRATIVE_PRONOUNS and not _it_has_been(first) or (
                    low in _PERSONAL_PRONOUNS and not _impersonal(first)
                    and not (first in kept and _named_before(first, kept)))):
            return True
    return False


def _place_not_person(description: str) -> bool:
    """"Le député de la Creuse", "l'acteur de Trois hommes et un couffin": an office several hold in one place, or
    an occupation, with the name of where or in what (condense's rule for such subjects): it says where, not
    which of them; the text does not name the person a guess of the claimant's picked."""
    words = role_key(description).split()
    head = next((w for w in words if w not in ROLE_ADJECTIVES), "")
    return (head in _SHARED_OFFICES or head in FOLDED_JOBS) and any(
        w[:1].isupper() for w in description.replace("'", " ").split()[1:])


def name_description(text: str, description: str, name: str) -> str:
    """A claim's text whose speaker or office subject the article named only once the whole article was read ("Le
    ministre s'est dit favorable à une baisse de 20%", and "Paul Martin" further on, pipeline._name_offices): the
    description the attribution took for the speaker, or the subject condense left unnamed, gets the name after
    it, as the office subjects of condense do ("Le ministre Paul Martin s'est dit favorable ..."). The text as it
    was when the description is not in it, the
    name or part of it already is ("Le chef a fait une surprise à Johnny": someone else than the chef), or a
    name follows it."""
    if not description or not name or _place_not_person(description):
        return text
    words = set(re.findall(r"\w+", text.lower()))
    if any(len(part) > 2 and part in words for part in re.findall(r"\w+", name.lower())):
        return text  # named already, or someone of that name the sentence speaks of ("Le chef a reçu Johnny")
    found = re.search(r"(?<!\w)" + re.escape(description) + r"(?!\w)", text, re.IGNORECASE)
    if found is None or text[found.end():].lstrip()[:1].isupper():
        return text
    return text[: found.end()] + " " + name + text[found.end():]


def _quoted_described(subj: Token | None, kept: list[Token]) -> bool:
    """A quotation that is the claim and opens on a subject pointing back ('"L'homme a appris les noms de
    ces derniers", précise la chaîne', '"Son téléphone avait bipé mercredi", raconte son fils'): the
    quotation's words say who only with the sentences before."""
    if subj is None or subj not in [t for t in kept if t.is_alpha][:3]:
        return False
    return _described_back(subj) or possessive(subj) is not None and not _named_in_apposition(subj, misread=True)


_CLEFT_BE = frozenset({"est", "était", "étaient", "sont"})


def _only_attributes(kept: list[Token], language: str) -> bool:
    """Whether a claim only says who said what the sentences before said: "C'est ce qu'il a déclaré dans une
    interview à La Tribune", "C'est en tout cas ce qu'affirme Le Parisien". Nothing in it can be checked."""
    first = next((t for t in kept if not t.is_punct), None)
    if first is None or first.lower_.replace("\u2019", "'") not in ("c'", "ce"):
        return False  # (most claims: it runs for every candidate, before their words are listed)
    words = [t for t in kept if not t.is_punct]
    if len(words) < 4 or words[1].lower_ not in _CLEFT_BE:
        return False
    that = next((t for t in words[2:8] if t.lower_ == "ce"), None)
    if that is None:
        return False
    verbs = [t for t in words if t.i > that.i and t.pos_ == "VERB"]
    if not any(t.i > that.i for t in words):
        return True  # "C'est en tout cas ce" once "qu'affirme Le Parisien" left as the attribution
    return len(verbs) == 1 and speech_verb(verbs[0], language)


def _one_of_them(subj: Token) -> bool:
    """A subject that picks some of a group named before: "Quatre d'entre eux", "La plupart d'entre elles"."""
    return any(t.lower_ in ("eux", "elles") and t.i > 0 and t.doc[t.i - 1].lower_ == "entre" for t in subj.subtree)


_ARTICLES = ("le ", "la ", "les ", "l'", "l\u2019", "un ", "une ", "des ", "the ")


def without_article(name: str) -> str:
    """"la Banque de France" as the tagger names it: "Banque de France"."""
    low = name.lower()
    return next((name[len(a):] for a in _ARTICLES if low.startswith(a)), name)


def _mid_sentence(antecedent: str) -> str:
    """An antecedent put after a leading phrase: "La police" becomes "la police"; a name keeps its capital."""
    return antecedent[0].lower() + antecedent[1:] if antecedent.lower().startswith(_ARTICLES) else antecedent


# Nouns of time after a demonstrative date the fact from the article's day ("Cette année", "Ce week-end"):
# they do not refer back to something the claim leaves unnamed.
_TIME_NOUNS = lx.TIME_NOUNS
_DEMONSTRATIVE_DETS = frozenset({"ce", "cet", "cette", "ces", "this", "these", "that", "those"})

_RELATIVES = frozenset({"qui", "que", "qu'", "dont"})
# Pronouns that stand for a person or thing named before and open a sentence only after it (not attribution's
# _STRESSED_PRONOUNS, the pronouns a "selon" names a source by): "Celle découverte
# au Caire mesure ...", "Celui de Lyon a fermé", "Lui-même avait été condamné", "Eux ont refusé". Not "Ceux qui
# fraudent seront sanctionnés", whose relative clause says who.
_OPENING_ANAPHORS = frozenset({"celui", "celle", "ceux", "celles", "lui", "eux", "lui-même", "elle-même",
                                "eux-mêmes", "elles-mêmes"})


def _refers_back(kept: list[Token]) -> bool:
    """Whether the claim's subject only points back to what the sentences before said: "C'est une
    information qui a été démentie", "Ce sont les mots de ...", "Ça montre ...", "Cette annonce a
    surpris", "Ces masques étaient proposés ...". Not a cleft whose focus names its fact ("C'est en 1985
    que l'épave a été retrouvée", "C'est la députée Aina Kuric qui ..."), not "Ce qui explique ..., c'est
    ...", not a demonstrative of time ("Cette année, ...") nor a subject named in apposition ("Cet
    ex-collaborateur, Tewfik Derbal, ...")."""
    words = [t for t in kept if not t.is_punct and not t.is_space]
    if len(words) < 3:
        return False
    first, second = words[0], words[1]
    low = first.lower_.replace("\u2019", "'")
    question = words[-1].text == "?" or kept[-1].text == "?"
    if low == "il" and any(t.lower_ in ("agit", "agissait", "agira", "agirait") for t in words[1:3]):
        return True  # "Il s'agit d'une ancienne maison": what the sentences before spoke of
    if low in ("qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles") and not question:
        return True  # "Qui a affirmé être en lien avec le ministère": the rest of the sentence before
    if low == "ce" and second.lower_ in _RELATIVES:
        # "Ce qui leur a été accordé." is the end of another sentence; "Ce qui est en question, c'est
        # un type de matériel" says what it is about.
        return not any(t.lower_ in ("c'", "c\u2019", "ce") and t.i > second.i for t in words)
    if low in _REFERRING_CE and first.pos_ == "PRON" and second.lower_ not in _RELATIVES:
        return not _named_cleft(words)
    if low in ("mon", "ma", "mes", "notre", "nos", "my", "our") and first.head.i > first.i and (
            first.head.dep_.startswith("nsubj")):
        return True  # "Mon client est imposé depuis 2011": whose client the speaker's name says, not the text
    if low in _DEMONSTRATIVE_DETS and second.lower_ in _LATTER and words[2].pos_ != "NOUN":
        return True  # "Cette dernière souhaite porter plainte" (however the parser hung it): who, the sentence before says
    if low in _DEMONSTRATIVE_DETS and first.pos_ == "DET" and first.head.i > first.i:
        noun = first.head
        if noun.pos_ != "NOUN" or noun.lower_ in _TIME_NOUNS or _named_in_apposition(noun, misread=True) or (
                _names_itself(noun)):
            return False
        return noun.dep_.startswith("nsubj") or (noun.dep_ == "ROOT" and finite(words[2:]))
    if low in _OPENING_ANAPHORS and second.lower_.replace("\u2019", "'") not in _RELATIVES:
        return True  # "Celle découverte au Caire mesure huit mètres": which one, the sentence before says
    return False


# Phrases that point back in time to what the sentences before told of: "le lendemain", "l'année précédente",
# "à l'époque", "trois jours plus tard" (not "l'année dernière", "hier": the article's own date says when; nor
# "la veille", the day before a report's figures as often as before an event: "(contre 22 la veille)").
_BACK_IN_TIME = re.compile(
    r"(?<![\w'])(?:le lendemain(?! d[eu'])|le surlendemain(?! d[eu'])|à l'époque|jusque-là|d'ici là"
    r"|(?:l'année|l'an|le mois|la semaine|le jour|la nuit|la saison) (?:précédente?|suivante?|d'avant|d'après)"
    r"|\w+ (?:heures|jours|semaines|mois|ans|années) (?:plus tard|auparavant))(?![\w'])")
# Words that date a time counted in a claim ("Le 5 décembre, ... deux jours plus tard"): a day or a month.
_DATE_WORDS = frozenset({*lx.WEEKDAYS, *(m for m in lx.MONTHS if not m.endswith("."))})
# "sur les lieux" of what the sentences before told of, not "sur les lieux de l'accident"
_ON_THE_SPOT = re.compile(r"\bsur les lieux(?=\s*(?:[,.;:!?)]|$|et |pour |afin |où ))")
# Nouns a demonstrative makes into a connective, not a referent: "à ce titre", "à cet égard", "dans ce cas",
# "en ce sens", "de ce fait", "à ce point", "à ce stade", "à ce propos", "dans ce contexte", "dans ce cadre".
_CONNECTIVE_NOUNS = frozenset({"titre", "égard", "effet", "cas", "sens", "fait", "point", "stade", "propos", "contexte",
                               "cadre", "type", "genre", "sorte", "période"})

# What every story of the time is about, which a demonstrative names without the sentences before ("la lutte
# contre ce virus", "face à cette crise").
_TOPICAL_NOUNS = frozenset({"virus", "épidémie", "pandémie", "crise"})


def _points_back(kept: list[Token], subj: Token | None) -> bool:
    """Whether a claim's words, its subject aside, say what or who they are about only with the sentences
    before: a demonstrative ("a dépassé ce seuil", "a qualifié ces actes", "le choix de ce philosophe") whose
    noun the sentence does not give before it, a "-là" ("ce jour-là", "à ce moment-là") or a "Là" it opens
    with, a time counted from what was told ("la veille", "l'année précédente"), a source by pronoun ("selon
    lui"), "sur les lieux", or an unnamed person or unsaid office told of before ("le nom du suspect", "a
    rencontré le ministre", "la disparition des deux soldats")."""
    words = [t for t in kept if not t.is_space]
    if not words:
        return False
    lowers = [t.lower_.replace("\u2019", "'") for t in words]
    if lowers[0] == "là" or any(w.endswith("-là") or w == "là" and k and lowers[k - 1] == "-" for k, w in enumerate(lowers)):
        return True  # "Là, les rassemblements ...", "ce jour-là"
    text = " ".join(lowers).replace("' ", "'")
    # (a time counted from a date the claim gives is dated: "Le 5 décembre, ... deux jours plus tard")
    if _BACK_IN_TIME.search(text) and not any(t.lower_ in _DATE_WORDS or is_year(t.text) for t in words) or (
            _ON_THE_SPOT.search(text)):
        return True
    for k, t in enumerate(words):
        if lowers[k] in ("lui", "elle", "eux", "elles") and k and lowers[k - 1] in ("selon", "d'après") and not (
                _source_before(t, words[:k], subj)):
            return True  # "une réponse selon lui au sentiment d'isolement"
        if lowers[k] in _LATTER and k and lowers[k - 1] in ("ce", "cette", "ces") and t != subj and not (
                t.head.i > t.i and t.head.pos_ == "NOUN") and not any(w.pos_ in ("NOUN", "PROPN") for w in words[:k]):
            # "Pour ce dernier, l'incident a eu lieu ...": the last one the sentences before named (not "ces
            # dernières 24 heures", nor "un élève ... depuis que ce dernier a ...", which the claim names)
            return True
        if t.pos_ != "NOUN" or t == subj or _apposed(t):
            continue
        if _argument(t) and (_demonstrated_back(t, words[:k]) and not _earlier_clause(t, words[:k])
                             or _unnamed_person(t, words)) or t.dep_ != "ROOT" and (
                _unidentified_office(t) or _described_back(t) and _counted(t)):
            return True
    return False


def _apposed(noun: Token) -> bool:
    """A description set beside what it describes: "Marig Le Moigne, la directrice,", "le booster, ce
    pourcentage de gain accordé par les sites"."""
    return noun.dep_ == "appos" or noun.head.pos_ == "PROPN" and noun.head.i < noun.i and noun.dep_ != "nmod"


def _earlier_clause(noun: Token, before: list[Token]) -> bool:
    """Whether the noun stands in a clause coordinated with or set beside an earlier one of the claim, which
    may tell what a demonstrative there points to ("La majorité sexuelle est à 15 ans, d'autres pays ont fixé
    cet âge à 15 ans", "La majorité pense que le pire est devant nous, mais ce sentiment diminue"); not a
    clause the claim opens with, nor one a verb before it governs ("Il a déclaré que ce seuil ...")."""
    own = _clause_head(noun)
    if own.head.i >= own.i or own.dep_.startswith("acl") or not finite([own, *own.children]) or any(
            c.dep_ == "mark" for c in own.children):
        return False  # (a "que" clause the parser made a coordination: "... a indiqué qu'Edouard Philippe recevrait")
    start = own.left_edge.i
    joined_on = any(c.dep_ == "cc" or c.text in ",;:" for c in own.children if c.i < own.i) or (
        start > 0 and noun.doc[start - 1].text in ",;:")  # "..., mais ce sentiment", "..., d'autres pays ont fixé"
    if not joined_on or not any(c.dep_.startswith("nsubj") for c in own.children):
        return False
    return any(t.i <= own.head.i for t in before) and finite([t for t in before if t.i <= own.head.right_edge.i])


def _clause_head(noun: Token) -> Token:
    """The verb (or the root) of the clause a noun stands in."""
    head = noun
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and head.head != head:
        head = head.head
    return head


def _source_before(pronoun: Token, before: list[Token], subj: Token | None) -> bool:
    """Whether the claim names before "selon lui/elle/eux" whom it stands for: a person for "lui"/"elle"
    ("Didier Raoult a rendu publiques des études qui, selon lui, ..."), its own subject when it agrees in
    number ("Des soignants ont exprimé leur effroi face aux images, selon eux")."""
    plural = pronoun.lower_ in ("eux", "elles")
    if not plural and any(t.ent_type_ in ("PER", "PERSON") for t in before):
        return True
    return subj is not None and subj in before and subj.pos_ in ("NOUN", "PROPN") and (
        "Plur" in morph_values(subj, "Number")) == plural


def _argument(noun: Token) -> bool:
    """Whether a noun is what the claim's main verb acts on or states ("a dépassé ce seuil", "Le choix de ce
    philosophe divise", "est le père de la victime"), not a circumstance of it ("lors de ces violences",
    "dans cette affaire")."""
    while noun.dep_ in ("nmod", "conj", "appos") and noun.head != noun:
        noun = noun.head
    return noun.dep_.startswith(("nsubj", "obj", "iobj", "ROOT", "ccomp", "xcomp"))


def _demonstrated_back(noun: Token, before: list[Token]) -> bool:
    """"ce seuil", "cette formulation", "ces élections": a demonstrative noun the words before it in the claim
    do not give ("Le Grenelle des violences conjugales ... ce Grenelle" does), that names nothing itself
    ("cette McLaren Speedtail"), is no date ("ce mardi", "cette année"; but "ce jour-là") nor a connective
    ("à ce titre", "dans ce cas")."""
    if not demonstrative(noun) or noun.lower_ in _CONNECTIVE_NOUNS or noun.lower_ in _TOPICAL_NOUNS or (
            noun.lower_ in _DATING or noun.lower_[:-1] in _DATING and noun.lower_[-1] in "sx"):
        return False  # "ces dernières semaines", "ces dernières 24 heures"
    if _named_in_apposition(noun, misread=True) or any(  # "cette somme de 222 millions", "ce deuxième épisode de The Voice"
            t.ent_type_ or t.pos_ == "PROPN" or t.like_num and c.lower_ not in ("ans", "an")  # not "ce philosophe de 33 ans"
            for c in noun.rights if c.dep_ in ("nmod", "flat:name", "nummod") for t in c.subtree):
        return False
    stem = noun.lower_.rstrip("sx")
    if any(t.lower_.rstrip("sx") == stem for t in before):
        return False
    # "pour rendre hommage à cet Afro-Américain de 46 ans" after "George Floyd": the person the claim names
    return not (person_noun(noun.lower_) and any(t.ent_type_ in ("PER", "PERSON") for t in before))


def _unnamed_person(noun: Token, words: list[Token]) -> bool:
    """"le nom du suspect", "sa relation avec l'actrice": a definite unnamed person (not the subject) whom the
    claim does not bring in ("Un homme a agressé une femme; la victime ...") nor name anywhere ("... que la
    star est installée au bar : Michel Polnareff y laissera ...": the claim may say who)."""
    if not (noun.lower_ in _UNNAMED_PEOPLE or noun.lower_ in lx.UNNAMED_PERSON_NOUNS or role_key(noun.lower_) in FOLDED_JOBS):
        return False
    if "Plur" in morph_values(noun, "Number") or not _described_back(noun):
        return False
    if noun.lower_ in _ANYONE and _general(noun):
        return False  # "S'il y a un contentieux, le juge devra estimer si le salarié avait une raison légitime"
    if noun.lower_ == "homme" and noun.dep_.startswith("obl") and len(list(noun.children)) <= 2:
        return False  # "une efficacité sur l'homme": mankind
    # someone the claim names may be who it is ("... que la star est installée au bar : Michel Polnareff y
    # laissera ..."), but not who tells of them ("Le Parisien révèle que le nom du suspect ...")
    return not any(t.ent_type_ in ("PER", "PERSON") and not t.text.isupper()  # (not an acronym: "(FIJAISV)")
                   and not (t.dep_.startswith("nsubj") and t.head == t.sent.root)
                   or t.lower_ == noun.lower_ and t.i < noun.i for t in words)


def _named_cleft(words: list[Token]) -> bool:
    """ "C'est X qui/que ...": the focus X carries the fact when it holds a name, a number or a date, and
    no demonstrative of its own ("C'est à ce moment-là que ...", "C'est ce qu'il a déclaré")."""
    rel = next((k for k, t in enumerate(words[2:], 2) if t.lower_.replace("\u2019", "'") in _RELATIVES), None)
    if rel is not None and any(t.lower_ in ("ne", "n'", "n\u2019") for t in words[1:rel]):
        # "Ce n'est qu'en 1985 que ...": the first "que" restricts, the second opens the clause
        rel = next((k for k, t in enumerate(words[rel + 1 :], rel + 1)
                    if t.lower_.replace("\u2019", "'") in _RELATIVES), None)
    if rel is None:
        return False
    focus = words[1:rel]
    between = words[0].doc[words[1].i : words[rel].i]
    if any(t.text == "," for t in between) and between[-1].text != ",":
        # "Ce furent quatre mois de souffrance, en premier lieu pour Valérie qui ...": a comma ends the
        # focus of a cleft, the relative after the aside is the aside's ("Ce sont sept personnes, dont
        # quatre Français, qui ont été arrêtées" is a cleft)
        return False
    if any(t.lower_ in _DEMONSTRATIVE_DETS or t.lower_ in _REFERRING_CE or t.lower_.endswith("-là") for t in focus):
        return False
    # A name or a date in the clause also makes it whole ("C'est grâce à ses rôles que Charlotte Valandrey
    # a ..."); a bare figure there does not ("C'est un programme ... qui a reçu une note de 9,4 sur 10").
    return any(t.like_num and t.pos_ != "DET" or t.text[:1].isupper() for t in focus) or any(
        t.ent_type_ or t.pos_ == "PROPN" or t.lower_ in _WHEN for t in words[1:])


_SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[,.;:!?…)])")  # (removed: a plain replacement, no template)


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    text = _SPACE_BEFORE_PUNCT.sub("", text).replace("( ", "(")
    text = text.strip(" ,;:-–—")
    if text.count('"') % 2 == 1 or text.count("«") != text.count("»"):
        # an unbalanced quotation mark goes; it may be all that separates two words ('meurtre"On')
        text = " ".join(re.sub(r'["«»]', " ", text).split())
        text = _SPACE_BEFORE_PUNCT.sub("", text)
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text
