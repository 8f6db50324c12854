"""A claim's text from its parsed span: the checkable statement, short and self-contained.

Works on the existing parse (no second one): tokens are left out (markers, attribution phrases,
connectives, asides without facts); a pronoun or demonstrative subject is replaced by its antecedent,
and a possessive one ("Sa candidature") gets its owner ("La candidature de Denis Mukwege"), when the
article makes it certain; otherwise the claim is flagged as needing context.
Whatever is left out of the checkable part must not carry a number, a name, a negation or a list
item: `claims.extraction.faithful` checks the result and a failing rewrite falls back to the
plain sentence.
condense, here, applies the rules of padding (what is left out), antecedents (who a subject stands for)
and needs_context (what only the sentences before say), with article_context.Context.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claims.extraction import faithful
from claims.extraction import lexicon as lx
from claims.extraction.antecedents import (
    DEMONSTRATIVE_FORMS,
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
    body_described,
    couple_described,
    named_by_description,
    noun_it_stands_for,
    organisation_it,
    person_described,
    sole_person_described,
    the_latter,
    things_named_before,
)
from claims.extraction.article_context import Context, description_gender, identity_only, same_person
from claims.extraction.attribution import (
    FOLDED_JOBS,
    ROLE_ADJECTIVES,
    Attribution,
    outlet_in,
    quoted,
    role_key,
    speech_verb,
)
from claims.extraction.clauses import _subject, finite
from claims.extraction.descriptions import (
    _beside_a_name,
    _described_back,
    _may_speak,
    _named_in_apposition,
    _names_itself,
    _role_phrase,
    _unidentified_office,
    _unnamed_description,
    demonstrative,
    identity_phrase,
    possessive,
    set_after_a_name,
)
from claims.extraction.doccache import column, morph_values, span_text, span_tokens
from claims.extraction.needs_context import (
    _CONNECTIVE_NOUNS,
    _TIME_NOUNS,
    _TOPICAL_NOUNS,
    _cut_from_before,
    _description_left_unresolved,
    _nominal_comment,
    _one_of_them,
    _only_attributes,
    _points_back,
    _pronoun_left_unresolved,
    _pronoun_opens,
    _quoted_described,
    _refers_back,
    _speaker_named_after,
    of_a_group_named,
)
from claims.extraction.padding import (
    _CONNECTIVE_WORDS,
    _asides,
    _colon_frame,
    _doubling_pronouns,
    _inner_connectives,
    _quoted_at,
    _without_leading_setting,
    leading_connective,
)
from claims.extraction.pronouns import (
    _DEMONSTRATIVE_PRONOUNS,
    _LATTER,
    _PERSONAL_PRONOUNS,
    SPEAKER_PRONOUNS,
    _dummy_it,
    _impersonal,
    _it_has_been,
)

# What the other modules call (pipeline.py reads them as rw.condense, rw.Context, ...), here or imported.
__all__ = ["Context", "Rewrite", "condense", "description_gender", "joined", "name_description", "same_person",
           "without_article"]


_MARKERS = re.compile(lx.LEAD_MARKERS)
# Nouns a demonstrative dates or makes a connective ("cette année", "à ce titre"), or that every story of the
# time names ("ce virus"): they are not named again from the sentences before.
_DEMONSTRATIVE_SKIP = _TIME_NOUNS | _CONNECTIVE_NOUNS | _TOPICAL_NOUNS
_QUOTED = re.compile(r'"\s*([^"]{2,}?)\s*"')


# The words a sentence cannot end a fragment on: what follows a cut after them reads on ('que (...) le virus').
_READS_ON = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "PUNCT"})


def _cut_between_words(aside: list[Token], kept: list[Token]) -> bool:
    """Whether brackets hold only the mark of words cut from a quotation ("(...)", "(…)") between two fragments
    that do not read on as one sentence: a fragment ending on a full word, then a clause opening on its own
    subject ('"95 % d'avis positifs sur l'ensemble des sites (...) la question se pose"') or a capital. Left out,
    the mark would glue the two into one ungrammatical sentence; it stays. ('"Nous avons financé (...) 40
    logements"', '"des études (...) qui montrent"', '"ils ont dit que (...) le virus"' read on: it goes.)"""
    if not aside or any(x.is_alpha or x.like_num for x in aside):
        return False
    at = kept.index(aside[0])
    before, after = kept[:at], kept[at + len(aside) :]
    if not any(x.is_alpha for x in before) or not any(x.is_alpha for x in after) or before[-1].pos_ in _READS_ON:
        return False
    first, last = after[0], aside[-1].i
    return first.text[:1].isupper() and first.pos_ != "PROPN" or any(
        t.dep_.startswith("nsubj") and t.left_edge.i == first.i and t.head.i > last
        and "Rel" not in morph_values(t, "PronType") for t in after[:6])


# Offices held by several people of one place at a time ("le député de la Creuse", "la sénatrice du Nord").
_SHARED_OFFICES = frozenset(role_key(word) for word in ("député", "députée", "sénateur", "sénatrice", "élu", "élue",
                                                         "conseiller", "conseillère", "eurodéputé", "eurodéputée"))


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
    # An office subject that says which ("le ministre de l'Éducation") but not who, the sentences before having named
    # no one with it: the article may name them further on with these very words (pipeline._name_described_subject).
    office: str = ""
    # A personal pronoun opening the text ("Elle a fêté ses 74 ans ...") that the sentences before did not resolve,
    # the only reason the claim needs context: opening the article, it is the person its title names
    # (pipeline._name_opening_pronoun).
    pronoun: str = ""
    # An office several people hold in one place, as the text writes it ("La députée du Nord"), the only reason the
    # claim needs context: the person the article's title names may be its holder (pipeline._name_place_office).
    place_office: str = ""


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
        # not when the subject is outside the quotation ('Les gens "ont besoin d'être soutenus"'), nor when a
        # preposition outside governs it ('Avec "95 % d'avis positifs"', 'appelle à "une grève totale"'): the
        # quoted words are then no statement on their own
        subject_outside = any(t.dep_.startswith("nsubj") and t.head.i in inside_at for t in outside)
        governed = any(t.pos_ == "ADP" and t.head.i in inside_at for t in outside)
        # nor when the verb is outside and the quotation only a part of its clause ('le mouvement serait présent
        # "dans 90 % des communes"')
        governed = governed or finite(outside) and not finite(inside)
        if len([t for t in outside if t.is_alpha]) <= 4 and len([t for t in inside if t.is_alpha]) >= 3 and (
                not factual(outside)) and not subject_outside and not governed:
            kept = inside
            checkable = inside
            inner_quote = True
    # Leading connectives ("De son côté,", "Par ailleurs,", "Mais", "Et").
    while kept:
        head = " ".join(t.lower_ for t in kept[:_CONNECTIVE_WORDS]).replace("' ", "'")
        found = leading_connective(head, language)
        if found is None:
            break
        n = len(found.replace("'", "' ").split())
        if any(t.ent_type_ for t in kept[:n]):
            break  # the parser read the words as part of a name: they are not a connective to drop
        nxt = kept[n] if n < len(kept) else None
        if nxt is not None and nxt.lower_ in ("que", "qu'", "of", "that"):
            break
        if found in lx.PREPOSITION_CONNECTIVES and nxt is not None and nxt.lower_ in ("de", "du", "des", "d'", "à", "au", "aux"):
            break  # a preposition's first words ("En parallèle de la grève,", "Dans la foulée de son élection,")
        if nxt is not None and nxt.text == ",":
            n += 1
        elif len(found.split()) > 1:
            if nxt is not None and nxt.pos_ in ("NOUN",):  # "De plus en plus", "Par ailleurs X" stays plain
                break
            if nxt is not None and (nxt.pos_ == "ADJ" or "Part" in morph_values(nxt, "VerbForm")) and (
                    nxt.head in kept[:n] or n + 1 < len(kept) and kept[n + 1].text == ","):
                break  # "Dans ce contexte explosif,": the phrase goes on, it is no connective
        kept = kept[n:]
    # Asides without facts: "(photo)", "(la « souricière »)"; ", un ancien élu de la commune," after a name.
    dropped_aside: set[int] = set()
    depth_start = None
    text_of = column(span.doc, "text")
    for t in kept:
        if text_of[t.i] in ("(", "["):
            depth_start = t.i
        elif text_of[t.i] in (")", "]") and depth_start is not None:
            aside = [x for x in kept if depth_start <= x.i <= t.i]
            if "[" in (text_of[depth_start], text_of[t.i]) and (
                    text_of[depth_start] + text_of[t.i] != "[]" or any(x.is_alpha or x.like_num for x in aside)):
                depth_start = None
                continue  # square brackets go only as the mark of a cut ("[...]"): the writer's words stay
            if _cut_between_words(aside, kept):
                depth_start = None
                continue  # 'des établissements (...) la question se pose': the cut keeps two fragments apart
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
    # (after the asides: a connective gone from inside one would split it, "qui pointe aussi le danger"; not in a
    # quotation: its words are the speaker's, "Je sais aussi par expérience que ...")
    inner = {i for i in _inner_connectives(kept, language) if not quoted(span.doc[i], span)} | _doubling_pronouns(kept)
    kept = [t for t in kept if t.i not in inner]
    # Subject: a pronoun resolved to its named antecedent, or the claim needs context.
    needs_context = False
    replacement: dict[int, str] = {}
    resolved = ""
    described = ""  # an office or occupation subject left unnamed, as the text writes it
    opening_pronoun = ""  # an "il"/"elle" opening the text left unresolved (Rewrite.pronoun)
    place_office = ""  # an office several hold in one place, left unnamed (Rewrite.place_office)
    subj = _subject(span)
    if language == "en" and subj is not None and subj not in kept and kept:
        # "It sold 20 million phones, the company said": the parser made the trailing speech verb the root; the
        # claim's subject is the one of the statement it kept
        subj = next((t for t in kept if t.dep_ == "nsubj" and t.head in kept and t.head.head == subj.head
                     and t.head.dep_ == "ccomp"), subj)
    position = _subject_position(subj, kept, span) if subj is not None and not inner_quote else ""
    if subj is not None and not inner_quote and subj in kept[:5] and _one_of_them(subj, kept):
        needs_context, position = True, ""  # "Quatre d'entre eux ont été hospitalisés": of whom, the sentence before says
    # "L'homme a frappé la jeune femme. Celle-ci a porté plainte" -> "La jeune femme a porté plainte": whatever
    # the parse made of it ("Celles" "-" "ci" read as a noun and no subject), "celle-ci" opening the text is the latter
    latter = the_latter(kept[0], ctx, language) if kept and not inner_quote else None
    # "Celle de M. Roux a été confirmée" -> "La peine de M. Roux a été confirmée", whatever the parse made its subject
    taken_up = noun_it_stands_for(kept[0]) if kept and not inner_quote and latter is None else None
    if taken_up is not None:
        replacement[kept[0].i] = taken_up
    elif latter is not None:
        last, resolved, whole = latter
        replacement.update({i: "" for i in range(kept[0].i, last + 1)})
        replacement[kept[0].i] = resolved[:1].upper() + resolved[1:] + " "
        # "Le maire s'est plaint": which one, still; "Les conclusions" of what, the sentence before says
        needs_context = needs_context or not whole or _unnamed_description(resolved)
    elif subj is not None and position:
        low = subj.lower_
        nxt = subj.doc[subj.i + 1] if subj.i + 1 < len(subj.doc) else None
        if low in _PERSONAL_PRONOUNS and not _impersonal(subj) and position == "after" and _named_before(subj, kept):
            pass  # "Si Emmanuel Macron et Édouard Philippe sortent de cette école, ils ...": named in the claim
        elif low in ("eux", "elles") and of_a_group_named(subj, kept):
            pass  # "Parmi les 30 élues, douze d'entre elles ...", the pronoun taken for the subject: named in the claim
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
            if resolved and subj.i > 0 and subj.doc[subj.i - 1].lower_.replace("\u2019", "'") == "s'":
                resolved = ""  # "s'il": the elided "si" takes no name after it, and is seldom about who was named last
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
                if low in ("il", "elle") and subj == kept[0] and position == "first":
                    opening_pronoun = low
        elif low.replace("\u2019", "'") in SPEAKER_PRONOUNS:
            # "J'ai acheté une maison en 2003": who speaks is not in the text; unless the text keeps the words
            # that name its speaker ('"Je pense que ...", a estimé Paul Roux jeudi, au lendemain de ...')
            needs_context = not _speaker_named_after(kept, attribution.claimant, language)
        elif low == "it" and not _dummy_it(subj) and position == "first" and subj == kept[0] \
                and (name := organisation_it(subj, ctx, span)):
            replacement[subj.i] = resolved = name  # "Apple opened a factory. It sold ..." -> "Apple sold ..."
        elif low == "it" and not _dummy_it(subj):
            needs_context = True  # "It is the highest figure since 2007": what is, the sentence before says
        elif subj.pos_ == "PRON" and "Card" in morph_values(subj, "NumType") and position == "first":
            needs_context = True  # "Tous deux ont été transférés", "Les trois ont démissionné": which ones
        elif low in _DEMONSTRATIVE_PRONOUNS and not _it_has_been(subj) or (
                low in DEMONSTRATIVE_FORMS and nxt is not None and nxt.text.startswith("-")):  # "Celui-ci" cut in three
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
        elif not _lead_names(subj, kept) and not _beside_a_name(subj) and (role := _role_phrase(subj)) is not None and (
                name := _office_holder(described := span_text(subj.doc[role[0].i : role[-1].i + 1]), ctx)
                or ctx.sole_holder(described, span_text(span)) or _speaker_it_describes(subj, described, attribution, ctx, language)
        ) and name not in span_text(span):
            # "Le ministre suggère ..." after "le ministre de l'Action et des Comptes publics Gérald Darmanin":
            # the office keeps its words, the person it names follows ("Le ministre Gérald Darmanin"). Not when a
            # name follows already ("Le leader hongrois Viktor Orbán": _beside_a_name): it says who.
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
        elif not _lead_names(subj, kept) and _names_itself(subj) and not _beside_a_name(subj) and (
                role := _role_phrase(subj, named=True)) and (
                role_key(subj.lower_) in FOLDED_JOBS or role_key(subj.lower_) in _SHARED_OFFICES) and not any(
                t.like_num or t.lower_ == "circonscription" for t in role):  # ("de la 5e circonscription": one seat)
            # "L'acteur de Trois hommes et un couffin a été condamné", "La députée du Vaucluse a voté": the name
            # says where or in what, not which of the people who do that job there; but "Le député LR du Cantal
            # Jean Roux a plaidé ..." names the person after it (_beside_a_name)
            needs_context = True
            if role_key(subj.lower_) in _SHARED_OFFICES and all(t in kept for t in role):
                place_office = _tidy(joined(role, original))  # the title may say who (Rewrite.place_office)
        elif not _lead_names(subj, kept) and not set_after_a_name(subj) and (
                _described_back(subj) or _unidentified_office(subj)):
            # (not "Nordahl Lelandais, mis en examen pour le meurtre de Maëlys, la fillette enlevée en août, a
            # avoué ...": a subject the parser took from an apposition of the name before it)
            # "L'homme a été entendu", "La chanteuse a annulé", "L'entreprise a licencié", "Le ministre a expliqué"
            if subj in kept and (name := person_described(subj, ctx, span)):
                # "Paul Roux a été retrouvé mort. L'homme travaillait ..." -> "Paul Roux travaillait ..."
                first = next(c for c in subj.children if c.dep_ == "det" and c.i < subj.i)
                last = subj.i  # with the complement that says what they do: "l'homme de radio"
                for child in subj.rights:
                    if child.dep_ != "nmod" or child.left_edge.i != last + 1:
                        break
                    last = child.right_edge.i
                replacement.update({i: "" for i in range(first.i, last + 1)})
                replacement[first.i] = (name if first == kept[0] else _mid_sentence(name)) + " "  # (after "L'")
                resolved = name
            elif subj in kept and (name := _one_body(body_described(subj, ctx, span), named_by_description(subj, ctx, span))):
                # "Conforama ... Le groupe souffre ..." -> "Le groupe Conforama souffre ...": the noun keeps its words
                last = max((c for c in subj.children if c.i > subj.i), key=lambda c: c.i, default=subj)
                replacement[last.i] = original(last) + " " + name
                resolved = name
            elif subj in kept and (name := couple_described(subj, ctx, span)):
                # "le couple Balkany ... Le couple a été condamné" -> "Le couple Balkany a été condamné" (after its
                # adjectives: "le couple présidentiel Macron")
                last = max((c for c in subj.children if c.i > subj.i), key=lambda c: c.i, default=subj)
                replacement[last.i] = original(last) + " " + name
                resolved = name
            elif subj in kept and (found := sole_person_described(subj, ctx, span)) is not None \
                    and all(t in kept for t in subj.subtree):
                # "Sophie Roux a disparu dimanche. ... La jeune étudiante de 20 ans reste introuvable" -> "La jeune
                # étudiante Sophie Roux, 20 ans, reste introuvable"; "Le jeune homme" gives way to the name
                resolved = _name_description_subject(*found, replacement, original, first_kept=kept[0])
            else:
                needs_context = True
            if not resolved and subj in kept and (role := _role_phrase(subj) or identity_phrase(subj)) is not None \
                    and all(t in kept for t in role):
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
                elif named and any(same_person(named[0], span_text(e)) for e in span.ents):
                    # "Cette dernière ajoute que les élus de l'UDI ...": the sentence names it itself, in another
                    # role: "cette dernière" is someone or something else the sentence before spoke of
                    needs_context = True
                elif named and (named[0] in ctx.outlets or outlet_in(named[0]) == named[0]):
                    # "..., a annoncé Paul Roux dans une interview à L'Express. Ce dernier a expliqué ...": the medium
                    # the sentence cited is named last, and is seldom who "ce dernier" is
                    needs_context = True
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
    if subj is not None and not position and not inner_quote and latter is None and taken_up is None and (
            _pronoun_left_unresolved(subj, kept, span) or _description_left_unresolved(subj, kept, span)):
        needs_context = True
    office = ""
    if subj is not None and subj in kept and not resolved and not needs_context and not described \
            and subj.i not in replacement and not _lead_names(subj, kept) and _names_itself(subj) \
            and not _beside_a_name(subj) and (role := _role_phrase(subj, named=True)) is not None \
            and all(t in kept for t in role):
        office = _tidy(joined(role, original))
    if not needs_context and not resolved and not replacement:
        # A quotation's own subject is not the sentence's (the speaker's): it is read at the first words.
        speaker_named = _speaker_named_after(kept, attribution.claimant, language)
        needs_context = _refers_back(kept) or _pronoun_opens(kept, speaker_named) \
            or inner_quote and _quoted_described(subj, kept) or not inner_quote and _nominal_comment(kept)
    # (what else makes a claim need context: an office subject the article names further on only takes that away)
    elsewhere = _cut_from_before(span, kept)
    replacement.update(_source_named(kept, subj, attribution, ctx))
    if not inner_quote:
        # "... atteints de cette maladie" -> "... atteints de la maladie de Kawasaki", as the article named it
        replacement.update(things_named_before(kept, {*replacement, *([subj.i] if subj is not None else [])}, span,
                                               _DEMONSTRATIVE_SKIP))
    # Whatever its subject, a claim may point back elsewhere: "a dépassé ce seuil", "ce jour-là", "selon lui".
    elsewhere = elsewhere or _points_back([t for t in kept if t.i not in replacement], subj)
    needs_context = needs_context or elsewhere
    text = _tidy(joined(kept, original, replacement))
    # Without a finite verb, a fragment; unless it states a figure about a named subject ("Coût estimé :
    # 150.000 euros"). "Un"/"une" read as an article is no figure ("Un show plus que réussi.").
    # "Une hausse de huit points." names nothing it is about: a fragment of the sentence before.
    # An infinitive it opens on, with no verb of its own, is an aim or a heading, whatever figure it states: "Porter
    # la part des renouvelables à 32% en 2030, contre 22% aujourd'hui." (who wants it, the sentence before says).
    fragment = _only_attributes(kept, language) or not finite(kept) and (_opens_on_infinitive(kept) or not (
        any(t.like_num and t.pos_ != "DET" for t in kept) and any(t.pos_ in ("NOUN", "PROPN") for t in kept[:4])
        and len(kept) >= 3 and any(t.text == ":" or t.pos_ == "PROPN" or t.ent_type_ for t in kept)))
    out = Rewrite(text, needs_context=needs_context, fragment=fragment, subject=resolved, inner_quote=inner_quote,
                  checkable=checkable, aside=aside_tokens, described="" if elsewhere else described, office=office,
                  pronoun="" if elsewhere else opening_pronoun,
                  place_office="" if elsewhere else place_office,
                  unresolved=_tidy(joined(kept, original)) if resolved and subj is not None and subj.i in replacement
                  else "")
    # The hard rule: nothing checkable is lost. A rewrite that drops a fact falls back to the checkable
    # part as written (attribution and markers still left out).
    plain = _tidy(joined(checkable, original))
    if faithful.missing(plain, out.text, [original(t) for t in checkable if t.ent_type_]):
        out.text = plain
        out.subject = out.unresolved = ""
    return out


def _name_description_subject(first: Token, noun: Token, name: str, replacement: dict[int, str],
                              original: Callable[[Token], str], first_kept: Token) -> str:
    """Writes the person a description subject stands for (antecedents.sole_person_described) into the text, as
    named_form names them: after the description's words (its article, adjectives, noun and the adjectives after
    it: "La jeune étudiante Sophie Roux"), or in their place when they only say who the person is ("Le jeune
    homme" -> "Paul Roux"); an age after it follows the name between commas ("de 20 ans" -> ", 20 ans,").
    Returns the name."""
    doc = noun.doc
    last = noun
    while last.i + 1 < len(doc) and doc[last.i + 1].head == noun and doc[last.i + 1].dep_ == "amod":
        last = doc[last.i + 1]
    words = joined(list(doc[first.i : last.i + 1]), original).strip()
    named = named_form(words, name)
    if first != first_kept:
        named = _mid_sentence(named)
    of = next((c for c in noun.rights if c.dep_ == "nmod" and c.left_edge.i == last.i + 1), None)  # "de 20 ans"
    end = of.right_edge.i if of is not None else last.i
    age = doc[last.i + 2 : end + 1] if of is not None else None
    if age is not None:
        after = doc[end + 1] if end + 1 < len(doc) else None
        named += ", " + joined(list(age), original).strip() + ("" if after is None or after.is_punct else ",")
    replacement.update({i: "" for i in range(first.i, end + 1)})
    replacement[first.i] = named + " "
    return name


def _one_body(last_subject: str, described: str) -> str:
    """Who a described subject ("Le groupe", "L'attaquant") is when the two rules that name it agree: the
    organisation the sentence before was about (body_described) and the one name the article set beside that noun
    (named_by_description); either alone; no one when they name two."""
    return last_subject if not described or last_subject == described else described if not last_subject else ""


def _opens_on_infinitive(kept: list[Token]) -> bool:
    """Whether the words open on an infinitive ("Porter la part ... à 32%", "Réduire de 40% les
    émissions"), a clitic or a negation before it aside ("Ne plus dépendre de ...", "S'engager à ...")."""
    first = next((t for t in kept if not t.is_punct and t.lower_.replace("\u2019", "'") not in (
        "ne", "n'", "plus", "pas", "se", "s'", "en", "y", "le", "la", "les", "l'", "leur", "lui")), None)
    # (whatever the parser hung it on: "Porter ... à 32%" once had "%" for its head)
    return first is not None and first.pos_ == "VERB" and "Inf" in morph_values(first, "VerbForm") and (
        kept.index(first) <= 3)


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
    named = named_form(description, name)
    if named == name:
        return text[: found.start()] + (name if found.start() == 0 else _mid_sentence(name)) + text[found.end():]
    return text[: found.end()] + " " + name + text[found.end():]


def named_form(description: str, name: str) -> str:
    """How a claim's text names a person it described (name_description): after the office or occupation ("Le
    ministre Paul Martin", "L'homme d'affaires Paul Martin"); in the place of words that only said who they are
    ("L'homme", "La jeune femme": lexicon.IDENTITY_NOUNS), which "L'homme Paul Martin" would keep for nothing."""
    return name if identity_only(description) else f"{description} {name}"


_ARTICLES = ("le ", "la ", "les ", "l'", "l\u2019", "un ", "une ", "des ", "the ")


def without_article(name: str) -> str:
    """"la Banque de France" as the tagger names it: "Banque de France"."""
    low = name.lower()
    return next((name[len(a):] for a in _ARTICLES if low.startswith(a)), name)


def _mid_sentence(antecedent: str) -> str:
    """An antecedent put after a leading phrase: "La police" becomes "la police"; a name keeps its capital."""
    return antecedent[0].lower() + antecedent[1:] if antecedent.lower().startswith(_ARTICLES) else antecedent


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
