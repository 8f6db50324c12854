"""Pronoun speakers ("a-t-il dit", "a expliqué ce dernier"): the person of the sentence a pronoun stands
for, by gender and place (the subject before it, a name after a fronted clause, the last person named),
else left to the article's context; and the incise of a speech verb with its inverted pronoun
(", a-t-il écrit,")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.doccache import morph_values, span_ents, span_tokens
from claims.extraction.participles import _besides, comma_participle
from claims.extraction.people import _phrase_gender, agrees, entity_at, gender_of, person_name
from claims.extraction.quotations import opening, quoted
from claims.extraction.roles import JOBS_ROLES_AGENTS
from claims.extraction.sources import _AGENT_SUFFIXES, LATTER, Attribution, latter_gender, source_of
from claims.extraction.speech_verbs import finite_in, speech_verb


def _pronoun_incise(span: Span, language: str) -> Attribution | None:
    """"Le problème n'est pas la crise, a-t-il écrit, mais le fait que ...": a speech verb with its inverted
    pronoun set between commas inside the sentence, the statement going on after it. The incise leaves the
    text; the pronoun is the speaker (_pronoun), as in a trailing ", a-t-il écrit"."""
    if language != "fr":
        return None
    tokens = span_tokens(span)
    for k, comma in enumerate(tokens[:-5]):
        if comma.text != "," or k < 3:
            continue
        close = next((j for j in range(k + 2, min(len(tokens), k + 6)) if tokens[j].text == ","), None)
        if close is None or sum(1 for t in tokens[close + 1 :] if t.is_alpha) < 3 \
                or not finite_in(tokens[:k]) or _besides(tokens[close + 1]) or comma_participle(tokens[close + 1]):
            continue  # (", a-t-elle reconnu, soulignant ...": what follows is the speaker's, not the statement's)
        incise = tokens[k + 1 : close]
        # ("a -t -il écrit", "estime -t-elle": the inverted pronoun, its "-t" apart or not)
        inverted = [t for t in incise if t.text.startswith("-")]
        verb = next((t for t in incise if t.pos_ in ("VERB", "AUX") and speech_verb(t, language)), None)
        if not inverted or verb is None or not all(
                t in inverted or t is verb or t.pos_ in ("AUX", "ADV") for t in incise):
            continue
        name = inverted[-1].lower_.rsplit("-", 1)[-1]
        if name not in ("il", "elle", "ils", "elles"):
            continue  # ("a-t-on appris": the impersonal "on" learns, _learned_from)
        found = _pronoun(span, name, verb.i)
        return Attribution(found.claimant, "", found.how, [(comma.i, tokens[close].i)])
    return None


def _speaker_before(span: Span, end: int, pronoun: str) -> str:
    """"Jean Dupont a soutenu le maire : « ... », a-t-il déclaré", "Jean Dupont ne s'est pas arrêté là : il
    a ajouté que ...": the name that introduces the quotation, else a person subject earlier in the
    sentence outside any quotation, is who "il" is, when the gender the sentence gives them agrees with the
    pronoun. `end` is where to stop looking: the pronoun."""
    opened = [t.i for t in span if opening(t) and t.i < end]
    stop = opened[-1] if opened else end
    doc = span.doc
    if stop - 2 >= span.start and doc[stop - 1].text == ":" and doc[stop - 2].ent_type_ in ("PER", "PERSON"):
        ent = entity_at(doc[stop - 2])  # "..., Éric Dupont : « ... »": the name that introduces the quotation
        if ent is not None and person_name(ent) and agrees(gender_of(ent), pronoun):
            return person_name(ent)
    for tok in doc[span.start : stop]:
        ent = _named_subject(tok) if tok.dep_.startswith("nsubj") and not quoted(tok, span) else None
        if ent is not None:
            return person_name(ent) if agrees(gender_of(ent), pronoun) else ""
    return ""


def _named_subject(subject: Token) -> Span | None:
    """The person a subject names: its own name, or the name set after its role ("le ministre de la Santé
    Olivier Véran n'exclut pas ..., a-t-il indiqué")."""
    named = [subject] if subject.ent_type_ in ("PER", "PERSON") else [
        c for c in subject.children if c.dep_ == "appos" and c.ent_type_ in ("PER", "PERSON") and c.ent_iob_ == "B"]
    return entity_at(named[0]) if named else None


def _pronoun(span: Span, pronoun: str, at: int) -> Attribution:
    """A pronoun speaker, named when the sentence itself names its antecedent, else left to the article's context."""
    if pronoun in LATTER or pronoun.split()[-1:] and pronoun.split()[-1] in LATTER:
        name = _last_person_before(span, at, latter_gender(pronoun))
    else:
        name = _speaker_before(span, at, pronoun) if pronoun in ("il", "elle", "he", "she") else ""
        if not name and pronoun in ("il", "elle"):
            described = _agent_subject_before(span, at, pronoun)
            if described is not None:
                return described
    return Attribution(name, "", "speech" if name else f"pronoun:{pronoun}")


def _agent_subject_before(span: Span, end: int, pronoun: str) -> Attribution | None:
    """"La justice a suspendu la vente du médicament, a-t-elle annoncé jeudi": the sentence's first subject, in a
    sentence without quotation marks, when it is a singular definite description of an organisation that speaks (lexicon.AGENT_NOUNS,
    not a person's: "le ministre" is who the article named) of the pronoun's gender, is who the pronoun is (as
    source_of describes it); else None, the article's context decides."""
    if '"' in span.doc[span.start : end].text:
        return None  # ('La direction a refusé", ajoute-t-elle': a quotation's words, which may have opened before)
    subject = next((t for t in span.doc[span.start : end] if t.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lower_ not in lx.AGENT_NOUNS \
            or _person_noun(subject.lower_) and subject.lower_ not in lx.INSTITUTION_NOUNS \
            or "Plur" in morph_values(subject, "Number") \
            or not agrees(_phrase_gender(subject) or next(iter(morph_values(subject, "Gender")), "") or "?", pronoun) \
            or not any(c.dep_ == "det" and c.lower_.replace("\u2019", "'") in ("le", "la", "l'") for c in subject.children):
        return None
    claimant, outlet, how = source_of(_past_fronted_apposition(subject), "fr")
    return Attribution(claimant, outlet, how) if claimant and how.startswith(("description:", "speech")) else None


_FRONTED = {"si", "s'", "quand", "lorsque", "lorsqu'", "puisque", "puisqu'", "comme", "bien", "même", "tandis",
            "if", "when", "while", "although", "though", "as"}


def _cataphora(span: Span, verb: Token, pronoun: Token) -> str:
    """"S'il salue la vague conservatrice, Patrick Buisson s'attaque au programme": a pronoun in a clause
    put before the main one stands for the person who opens the main clause, after the comma."""
    doc = span.doc
    if pronoun.i - span.start > 2 or not any(t.lower_ in _FRONTED for t in doc[span.start : pronoun.i]):
        return ""
    comma = next((t.i for t in doc[verb.i : span.end] if t.text == ","), None)
    if comma is None or comma + 1 >= span.end:
        return ""
    ent = next((e for e in span_ents(span) if e.start == comma + 1 and e.label_ in ("PER", "PERSON")), None)
    if ent is None or quoted(ent[0], span) or not agrees(gender_of(ent), pronoun.lower_):
        return ""
    return person_name(ent)


def _last_person_before(span: Span, end: int, pronoun: str) -> str:
    """"Paul Martin a rencontré Jean Roux. ... a expliqué ce dernier": the last person the sentence names
    before `end`, outside a quotation, when their gender agrees; else "" (the article's context decides)."""
    for ent in reversed([e for e in span_ents(span) if e.end <= end and e.label_ in ("PER", "PERSON")]):
        if not quoted(ent[0], span) and person_name(ent):
            return person_name(ent) if agrees(gender_of(ent), pronoun) else ""
    return ""


def _person_noun(noun: str) -> bool:
    """"l'ex-collaborateur", "la porte-parole", "le ministre": a noun for a person, whom the article may name (their
    description is resolved or left as the source_of rules say); not an office or a service of an institution."""
    singular = noun.rstrip("s") if len(noun) > 3 else noun
    return bool({noun, singular} & JOBS_ROLES_AGENTS) or singular.endswith(_AGENT_SUFFIXES) \
        or singular.split("-")[-1].endswith(_AGENT_SUFFIXES)


def _past_fronted_apposition(subject: Token) -> list[Token]:
    """The words of a speech verb's subject, past an apposition put before it that the parser took for the subject
    ('Locomotive européenne, l'Allemagne a confirmé ...', 'Ancien ministre, Jean Dupont affirme ...'): a noun
    phrase with no article and some word in lower case, set off by a comma, before a definite or named one."""
    words = list(subject.subtree)
    comma = next((k for k, t in enumerate(words) if t.text == ","), None)
    if comma is None or comma + 1 >= len(words) or subject.i != words[0].i or subject.ent_type_ in ("PER", "PERSON"):
        return words
    fronted, rest = words[:comma], words[comma + 1 :]
    if any(c.dep_ == "det" for c in subject.children) or not any(t.is_lower and t.is_alpha for t in fronted) \
            or not (rest[0].pos_ == "DET" and len(rest) > 1 and rest[1].pos_ in ("PROPN", "NOUN") or rest[0].ent_type_):
        return words
    return rest
