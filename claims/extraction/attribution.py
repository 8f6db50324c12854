"""Who said it and who reported it: the attribution phrases of a sentence, as token ranges the claim's
text leaves out ("Selon X, ...", "..., raconte Sud Ouest.", "..., a-t-il précisé à l'AFP"), with the
claimant (the person or organisation that made the statement) and the outlet (the medium that
reported it) kept apart. A claimant is never a non-agent noun phrase ("la situation")."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.doccache import column, morph_values, span_ents, span_text, span_tokens
from claims.extraction.features import is_year
from claims.extraction.outlets import is_outlet, outlet_in
from claims.extraction.participles import (
    _adverbial_infinitive,
    _besides,
    _gerund,
    _gerund_subjects,
    _participle_clause,
    bare_besides,
    bare_participle,
    comma_participle,
    present_participle,
)
from claims.extraction.people import (
    _NAME_PARTICLES,
    PRONOUN_GENDER,
    _first_name_before,
    _phrase_gender,
    agrees,
    entity_at,
    gender_of,
    name_end,
    person_name,
)
from claims.extraction.quotations import (
    _CONTENT_OPENERS,
    _closing_quote_then_speaker,
    _introduces_quotation,
    _quotation_starts_at,
    opening,
    quoted,
)
from claims.extraction.roles import (
    _FOLDED_ROLES_JOBS,
    _ROLES_ADJECTIVES,
    _ROLES_JOBS_ADJECTIVES,
    FOLDED_JOBS,
    FOLDED_ROLES,
    JOBS_ROLES_AGENTS,
    ROLE_ADJECTIVES,
    ROLES_JOBS,
    glued_holder,
    is_role,
    office_key,
    role_key,
)
from claims.extraction.speech_verbs import (
    PRONOUN_VERB,
    _adverb_before_verb,
    _after_comma,
    _appeal,
    _reports_content,
    _subject_holders,
    after_quotation,
    finite,
    finite_in,
    finite_word,
    fold,
    negated,
    speech_verb,
)

__all__ = [
    "Attribution", "BACKGROUND_OPENERS", "FOLDED_JOBS", "FOLDED_ROLES", "LATTER", "PRESS_FELLOWS",
    "PRONOUN_GENDER", "ROLE_ADJECTIVES", "agrees", "find", "gender_of", "glued_holder", "is_outlet",
    "is_role", "latter_gender", "office_key", "opening", "outlet_in", "person_name", "quoted", "role_key",
    "role_of", "speech_verb",
]


# What may follow the speech verb in a trailing attribution: its subject, a medium, a date, a place.
# What a statement was made through ("au micro de RTL", "au téléphone"): a name after it is the speaker's.
_SPOKEN_THROUGH = frozenset({"micro", "antenne", "colonnes", "ondes", "plateau", "téléphone", "caméra"})
_TAIL_WORDS = {*_SPOKEN_THROUGH, "à", "au", "aux", "auprès", "de", "du", "des", "d'", "l'", "la", "le", "les", "sur",
               "dans", "sous", "par", "en", "ce", "cette", "lors",
               "mardi", "lundi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "matin", "soir",
               "même", "source", "encore", "aussi", "également", "ensuite", "alors", "ainsi", "notamment",
               "to", "the", "on", "in", "at", "a", "an", "of", "by", "with", "also", "told", "then"}


@dataclass
class Attribution:
    claimant: str = ""
    outlet: str = ""
    how: str = ""  # according_to, speech, pronoun:<p>, description:<noun>, outlet
    drop: list[tuple[int, int]] = field(default_factory=list)  # token ranges [start, end) left out of the text
    # "..., a rappelé X, soulignant que <statement>": the comma before the participle clause and the token
    # range [start, end) of the second statement it reports, the same speaker's.
    said: tuple[int, int, int] | None = None


def _quotation_incise(verb: Token, after: list[Token], language: str) -> bool:
    """'"...", a persisté Ségolène Royal', '"...", s'est défendue la ministre', '"...", tranche le Dr Corré',
    '"...", s'est-il vanté': right after a closing quotation and its comma, a finite verb whose subject
    comes after it (an inverted pronoun, or a speaker named after the verb) sets off the quotation's speaker,
    whatever the verb: French inverts the subject this way in a quotation's incise, so the speech verbs the
    lexicon lacks ("persister", "se défendre", "plaider", "se vanter") report it too. Without a speaker
    after it the verb goes on with the sentence's subject ('Il a parlé d'une "honte", a demandé des excuses')."""
    if language != "fr" or verb.pos_ != "VERB" or not finite(verb) or not after_quotation(verb):
        return False  # ', créé en 2001 par son épouse', ', fâché avec Flora': a participle describes
    window = verb.doc[max(verb.sent.start, verb.i - 3) : min(verb.sent.end, verb.i + 2)].text
    if PRONOUN_VERB.search(window):
        return True
    claimant, outlet, how = source_of(after, language) if after else ("", "", "")
    # ("s'insurge le quotidien": a medium described, which the article named before)
    return bool(claimant or outlet or how.startswith("description:")) and not how.startswith("pronoun:")


# Prepositions that make what follows a complement of the noun before it: "le maire de Fontaine", "la
# police d'Orlando", "la secrétaire d'État à l'Égalité".
# Nouns of a phrase that never head its speaker: a time ("a dit mardi un responsable"), a side ("dénonce
# de son côté la ministre", "pour sa part").
_NOT_SPEAKER_NOUNS = {*lx.WEEKDAYS, "matin", "soir", "midi", "nuit", "hier", "veille", "lendemain", "week-end",
                      "côté", "part",
                      # ("a indiqué samedi 14 juillet la gendarmerie": the month of a date)
                      *(m for m in lx.MONTHS if not m.endswith(".") and m not in ("may", "march"))}
# Nouns describing a company by its trade: "le géant allemand de la chimie Bayer" is Bayer.
_COMPANY_NOUNS = lx.COMPANY_NOUNS | {"géant", "distributeur", "numéro", "leader", "spécialiste", "company", "giant",
                                     "group"}
_COMPLEMENT_PREPOSITIONS = {"de", "d'", "du", "des", "à", "au", "aux", "of", "for"}


def _complement(ent: Span, start: int) -> bool:
    """Whether an entity of a phrase beginning at token `start` is what a noun before it is of, not who
    speaks: "le maire communiste de Fontaine, ...", "le leader de la France insoumise", "la police
    d'Orlando", "un responsable de l'administration Trump" (a person's name right after a noun of a
    complement names that noun). A name set off by a comma is the speaker ("le maire de Fontaine,
    Jean-Paul Trovero"), as is one right after a role ("le ministre Jean Dupont", "le ministre de
    l'Économie Bruno Le Maire") or an organisation's name after its description ("le géant de la chimie
    Bayer")."""
    doc = ent.doc
    first = _name_start(ent)
    if not any(t.pos_ == "NOUN" for t in doc[start:first]):
        return False
    k = first - 1
    while k - 1 > start and doc[k].lower_ in ("et", "ou", "and", "or") and doc[k - 1].pos_ == "PROPN":
        # "un ami de Johnny et Laeticia Hallyday": the second name of a list goes with the first
        before = entity_at(doc[k - 1])
        k = (before.start if before is not None else k - 1) - 1
    # "de la petite Maëlys": an article and lower-case adjectives may come between the preposition and the name
    while k > start and (doc[k].pos_ == "DET" or doc[k].pos_ == "ADJ" and doc[k].is_lower) \
            and doc[k].lower_ not in _COMPLEMENT_PREPOSITIONS:
        k -= 1
    if doc[k].lower_ in _SPOKEN_THROUGH:
        return False  # "racontait au téléphone Olivier Toussaint": the speaker, not the telephone's name
    if doc[k].lower_ in _COMPLEMENT_PREPOSITIONS or doc[k].text == "(":
        return True  # "(LFI)" after "le leader de la France insoumise": the acronym of the complement
    if doc[k].lower_ in ("en", "in") and ent.label_ in ("LOC", "GPE"):
        return True  # "l'antenne en Nouvelles-Galles du Sud de la Société ...": where, not who
    head = next(t for t in doc[start:first] if t.pos_ == "NOUN")
    while k > start and doc[k].pos_ == "ADJ" and doc[k - 1].pos_ in ("NOUN", "ADJ"):
        k -= 1  # "du navigateur allemand Boris Herrmann"
    if ent.label_ not in ("PER", "PERSON") or doc[k].pos_ != "NOUN" or not doc[k].is_lower \
            or doc[k].lower_ in lx.PERSON_ROLES or head.lower_ in _COMPANY_NOUNS:
        return False  # a company's name ends its description, however the tagger labels it
    if _role_holder(head, doc[k], ent):
        return False
    k -= 1
    while k >= start and doc[k].pos_ in ("DET", "ADJ") and doc[k].lower_ not in _COMPLEMENT_PREPOSITIONS:
        k -= 1
    return k >= start and doc[k].lower_ in _COMPLEMENT_PREPOSITIONS


def _compared(ent: Span) -> bool:
    """"La compagnie britannique, comme Ryanair et Virgin Atlantic, explique ...": what the speaker is likened
    to does not speak (the second name of the list either)."""
    doc = ent.doc
    k = _name_start(ent) - 1
    while k > 0 and doc[k].lower_ in ("et", "ou", "and", "or") and doc[k - 1].ent_type_:
        before = entity_at(doc[k - 1])
        k = (before.start if before is not None else k - 1) - 1
    return k >= 0 and doc[k].lower_ in ("comme", "like")


def _affiliation(ent: Span) -> bool:
    """"L'eurodéputé LR", "le député LFI de Paris", "la candidate LREM": an organisation right after a noun for a
    person is their party, not who speaks."""
    doc = ent.doc
    start = _name_start(ent)
    return ent.label_ not in ("PER", "PERSON") and start >= 1 and doc[start - 1].lower_ in ROLES_JOBS \
        and doc[start].text[:1].isupper()


# Verbs of playing a part (word starts): "la comédienne qui joue Claire", "l'acteur qui incarne le docteur Morel".
_PLAYING_STEMS = ("jou", "incarn", "interprèt", "interpret")


def _character_played(ent: Span) -> bool:
    """"La comédienne qui joue Claire Morel a affirmé ...": a name that is the object of a verb of playing is the
    character, not the actor who speaks (whom the description names; the article may name them elsewhere)."""
    root = ent.root
    return root.dep_ == "obj" and root.head.pos_ == "VERB" and root.head.i < root.i \
        and root.head.lower_.startswith(_PLAYING_STEMS)


def _role_holder(role: Token, noun: Token, ent: Span) -> bool:
    """"la ministre de la Cohésion des territoires Jacqueline Gourault", "le chef de file des députés de
    droite Damien Abad", "la championne du monde de pentathlon Elodie Clouvel": a person's full name after the
    complement of an office or an occupation names who holds it, when the noun right before it cannot be that person (not a singular person noun, known or
    with an agent suffix: "un porte-parole du navigateur allemand Boris Herrmann" speaks for the sailor).
    A surname alone after it names the thing ("un responsable de l'administration Trump")."""
    person_noun = (noun.lower_ in JOBS_ROLES_AGENTS or noun.lower_.endswith(_AGENT_SUFFIXES)) \
        and "Plur" not in morph_values(noun, "Number") and noun.lower_ not in lx.INSTITUTION_NOUNS
    return role.lower_ in ROLES_JOBS and len(ent) >= 2 and not person_noun


# Endings of French nouns of a person by what they do: "navigateur", "chanteuse", "animatrice", "journaliste",
# "pharmacien".
_AGENT_SUFFIXES = ("eur", "euse", "trice", "iste", "ien", "ienne")


def _name_start(ent: Span) -> int:
    """Where the name of an entity begins: the tagger may glue a common noun before it ("chimie Bayer"), or the
    preposition of the noun it is the complement of ("au micro de Sud Radio" tagged "de Sud")."""
    start = next((t.i for t in ent if not (t.is_lower and t.pos_ == "ADP")), ent.start)
    return next((t.i for t in ent[start - ent.start :] if not (t.is_lower and t.pos_ == "NOUN")), start)


def _entity_name(ent: Span) -> str:
    """An entity as a claimant: its name without a common noun glued before it; a noun its complement
    depends on is its head, not glued ("ministère de l'Intérieur" is the ministry, not "de l'Intérieur")."""
    start = _name_start(ent)
    if start > ent.start and (ent.doc[start].pos_ in ("ADP", "DET") or ent.doc[start].lower_ in _NAME_PARTICLES):
        start = ent.start
    end = _complement_end(ent)
    end = _acronym_end(ent) if end == ent.end else end
    doc = ent.doc
    if end == ent.end < len(doc) and ent.label_ in ("ORG", "LOC", "GPE", "MISC") and doc[end].pos_ == "ADJ" \
            and doc[end].is_lower and doc[end].dep_ == "amod" and ent.start <= doc[end].head.i < ent.end:
        end += 1  # the tagger left the name's adjective out: "La France insoumise", "l'Assemblée nationale"
    # "rapporte Le Parisien jeudi 13 septembre" tagged as one name: it ends where a date in lower case begins
    end = next((k for k in range(start + 1, end) if _date_begins(ent.doc[k])), end)
    while end - 1 > start and ent.doc[end - 1].lower_ in _NOT_SPEAKER_NOUNS:
        end -= 1  # "a annoncé l'Insee mercredi": the tagger took the day in
    if end - start >= 3 and ent.doc[start].lower_ in lx.WEEKDAYS:
        start += 1  # "Vendredi Ségolène Royal avait répondu" (person_name)
    return ent.doc[start:end].text.strip(" ,.'\"")


def _complement_end(ent: Span) -> int:
    """Where an organisation named by one noun ends when the tagger cut its complement off as a second name
    ("la Présidence de la République" tagged "Présidence" and "République"): the complement's end, else the
    entity's. (Not after an acronym: "la SNCF de Bretagne" is the company's branch, named by the company.)"""
    doc = ent.doc
    word = ent[0].text
    if len(ent) != 1 or ent.label_ not in ("ORG", "MISC") or not word[:1].isupper() or word.isupper():
        return ent.end
    k = ent.end
    if k < len(doc) and doc[k].lower_ in ("de", "d'") and k + 1 < len(doc) and doc[k + 1].lower_ in ("la", "l'"):
        k += 2
    elif k < len(doc) and doc[k].lower_ in ("du", "des", "d'"):
        k += 1
    else:
        return ent.end
    after = entity_at(doc[k]) if k < len(doc) and doc[k].ent_iob_ == "B" else None
    return after.end if after is not None else ent.end


def _date_begins(tok: Token) -> bool:
    """"jeudi", "septembre", the "13" of "13 septembre", as written in a sentence (a name's "14 Juillet" is not)."""
    return tok.is_lower and tok.lower_ in lx.WHEN_WORDS or (
        tok.text[:1].isdigit() and _before_month(tok) and tok.doc[tok.i + 1].is_lower)


def _acronym_end(ent: Span) -> int:
    """"le Collectif contre l'islamophobie en France (CCIF)" tagged as "Collectif" alone: an organisation's
    name runs to the acronym in brackets a few words after it that starts with its initial; else the
    entity's end."""
    doc = ent.doc
    if ent.label_ not in ("ORG", "MISC"):
        return ent.end
    for k in range(ent.end, min(len(doc) - 2, ent.end + 8)):
        if doc[k].text == "(":
            acronym = doc[k + 1].text
            found = doc[k + 2].text == ")" and 2 <= len(acronym) <= 6 and acronym.isupper() \
                and acronym[0] == ent.text[:1].upper()
            return k + 3 if found else ent.end
        if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX"):
            break
    return ent.end


def _office_before(ent: Span) -> bool:
    """Whether an office comes a few words before an entity ("le secrétaire d'Etat aux Transports Jean-Baptiste
    Djebbari"): the domain the tagger glued to the name is the office's."""
    doc = ent.doc
    return any(doc[k].lower_ in lx.PERSON_ROLES for k in range(max(ent.sent.start, ent.start - 6), ent.start))


def _venue(tok: Token) -> bool:
    """Whether a noun is where something was said ("dans ses Indiscrets", "sur son site", "on CNN")."""
    return any(c.dep_ == "case" and c.lower_ in ("dans", "sur", "in", "on") for c in tok.children)


# Nouns of what publishes: "la revue The Lancet", "le site Medium" (not "un communiqué", which someone wrote).
_PUBLICATION_NOUNS = frozenset(lx.OUTLET_NOUNS | {"revue", "journal", "review"})


def _named_venue(tok: Token) -> bool:
    """"une étude parue dans la revue The Lancet", "publiée sur le site Medium": the name of a publication that is
    where something was published or said is that place too, not who said it."""
    return tok.head is not tok and tok.head.lower_ in _PUBLICATION_NOUNS and tok.head.i < tok.i and _venue(tok.head) \
        and tok.dep_ in ("appos", "flat:name", "nmod", "compound") and not any(c.dep_ == "case" for c in tok.children)


def _modifies_later(tok: Token, tokens: list[Token], deps: frozenset[str]) -> bool:
    """Whether a token modifies (by one of `deps`) a word later in the phrase: English puts a phrase's head last."""
    return tok.dep_ in deps and tok.i < tok.head.i <= tokens[-1].i


_COMPOUND = frozenset({"compound"})


def _modifies_noun(tok: Token, tokens: list[Token]) -> bool:
    """"Ohio" of "the Ohio governor", "health" of "the health department": an English compound modifier of a
    common noun later in the phrase, which says whose or what kind the noun is (French has no such "compound")."""
    return _modifies_later(tok, tokens, _COMPOUND) and tok.head.pos_ == "NOUN"


# What a news agency's complement names: "l'agence de presse", "l'agence d'information".
_PRESS_FIELDS = frozenset({"presse", "information", "informations", "photo", "photos", "images", "news"})


def _agency_of_a_field(noun: Token) -> bool:
    """"l'agence régionale de santé", "l'agence de notation": an agency with the field it works in is an
    organisation that speaks for itself, not a news agency ("l'agence", "l'agence de presse"), which the
    article named before and which only reports."""
    return noun.lower_ in _AGENT_MEDIA_NOUNS and any(
        c.dep_ == "nmod" and c.pos_ == "NOUN" and c.lower_ not in _PRESS_FIELDS
        and any(m.dep_ == "case" and m.lower_ in ("de", "d'", "du", "des", "pour") for m in c.children)
        for c in noun.children)


_AGENT_MEDIA_NOUNS = frozenset(lx.OUTLET_NOUNS & lx.AGENT_NOUNS)  # ("agence": a news agency or another)


def source_of(tokens: list[Token], language: str, told: bool = True) -> tuple[str, str, str]:
    """(claimant, outlet, how) named by a phrase: people first, then organisations, then an agent noun
    phrase ("le parquet d'Ajaccio"); a medium named in it is the outlet. With `told`, a noun after "à"
    is who was told, not a speaker ("a-t-elle raconté aux enquêteurs"); after the impersonal "on" it
    is the source ("a-t-on précisé au ministère")."""
    # ", confirmant des informations du site The Verge": a participle clause after the speaker says
    # what else they did, it names no speaker.
    # (The phrase may come without its punctuation: the comma is read in the document.)
    cut = next((k for k in range(1, len(tokens)) if tokens[k].pos_ == "VERB" and comma_participle(tokens[k])), None)
    tokens = tokens[:cut] if cut else tokens
    if tokens and tokens[-1].text == ",":
        tokens = tokens[:-1]
    # The words as written: "Var-Matin" is three tokens, and punctuation may have been filtered out; the parser
    # may have cut such a name ("Paris-Match rapportait": "Match" the subject).
    text = tokens[0].doc[_compound_start(tokens[0]) : tokens[-1].i + 1].text if tokens else ""
    outlet = outlet_in(text)
    people = []
    named_ents: list[Span] = []  # the entities of `people` read as persons
    orgs = []
    seen: set[int] = set()
    for tok in tokens:
        ent = entity_at(tok)
        if ent is None or ent.start in seen:
            continue
        seen.add(ent.start)
        if _venue(ent.root) or _named_venue(ent.root):
            continue  # "révèle le JDD dans ses Indiscrets", "a-t-il dit sur RTL": a section or a channel
        if _modifies_noun(ent.root, tokens):
            continue  # "the Ohio governor", "the Florida health department": whose the speaker is, not who
        if tok.doc[tokens[0].i : ent.start].text.count('"') % 2:
            continue  # "à l'affiche de "La Taularde"": a title in quotation marks is a work, not a speaker
        if _compared(ent) or _affiliation(ent) or _character_played(ent):
            continue
        doc = tok.doc
        name = _entity_name(ent)
        # "le secrétaire d'Etat aux Transports Jean-Baptiste Djebbari": the parser glued the ministry's
        # domain to the name; what follows it is the person.
        # Only after an office: "selon la Gendarmerie Royale du Canada" is the organisation's whole name.
        glued = False
        if len(ent) >= 3 and ent.start > 0 and doc[ent.start - 1].lower_ in ("aux", "au", "de", "du", "des", "l'", "la") \
                and _office_before(ent):
            rest = doc[ent.start + 1 : ent.end]
            if rest.text[:1].isupper() and all(t.text[:1].isupper() or t.lower_ in ("le", "la", "de", "du")
                                               for t in rest):
                name, glued = rest.text.strip(" ,.'\""), True
        if not glued and _complement(ent, tokens[0].i) and not _authored(ent):
            continue  # "le maire de Fontaine": what the speaker is of
        if _commissioned(ent):
            continue  # "un sondage Elabe pour Radio Classique": who paid for the poll did not make it
        if outlet and outlet in name and not name.endswith(outlet):
            name = name.split(outlet, 1)[1].strip()  # "l'AFP Sylvain Darchy": the agency glued to the name
        if len(name) < 2 or (outlet and (name.lower() in outlet.lower() or outlet.lower() in name.lower()
                                         or is_outlet(name))):
            continue  # the medium ("OBS" of "l'OBS") is the outlet, and so is a second one ("dont X et Europe 1")
        if glued:
            people.append(name)
        elif ent.label_ in ("PER", "PERSON"):
            name = person_name(ent)
            if name:
                people.append(name)
                named_ents.append(ent)
        elif ent.label_ in ("ORG", "NORP", "MISC", "GPE", "LOC"):
            orgs.append(name)
            outlet = outlet or (name if _medium_name(doc[_name_start(ent)], before=True) == name else "")
    if len(named_ents) >= 2 and len(people) == len(named_ents) and _coordinated(*named_ents[:2]):
        return f"{people[0]} et {people[1]}", outlet, "speech"  # "Les princes William et Harry assurent": both
    if len(named_ents) == 1 and len(people) == 1 and named_ents[0].start >= 2 \
            and tokens[0].i <= named_ents[0].start - 2 and _coordinated_first_name(named_ents[0]):
        # (the tagger may leave the first of them out: "Les princes William et Harry" tagged "Harry")
        return f"{tokens[0].doc[named_ents[0].start - 2].text} et {people[0]}", outlet, "speech"
    if people:
        return people[0], outlet, "speech"
    words = [t for t in tokens if not t.is_punct]
    latter = _latter(words)
    if latter:
        return "", outlet, f"pronoun:{latter}"
    if language == "en" and (english := _english_description(tokens, words)) is not None:
        return english[0], outlet, english[1]
    heads = [t for t in words if t.pos_ in ("NOUN", "PROPN") and not _modifies_noun(t, tokens)
             and (t.lower_ not in lx.OUTLET_NOUNS or _agency_of_a_field(t))
             and t.lower_ not in _NOT_SPEAKER_NOUNS
             and t.lower_.rstrip("s") not in _DOCUMENT_STEMS and not (told and _addressee(t)) and not (outlet and t.text in outlet)]
    head = heads[0].lower_ if heads else ""
    if orgs and (not heads or heads[0].pos_ == "PROPN" or head not in lx.AGENT_NOUNS
                 or head in _COMPANY_NOUNS):
        return orgs[0], outlet, "speech"
    # An occupation only as a bare description: not one of an organisation or a work ("l'auteur d'"Un
    # petit dessin ...", Sandrine Campese": the name comes after it).
    occupation = heads and head in lx.PERSON_NOUNS and not orgs and '"' not in text
    # (an English noun a proper name qualifies, "the Ohio governor", describes its holder whatever the noun)
    qualified = heads and heads[0].pos_ == "NOUN" and any(
        _modifies_noun(t, tokens) and t.head.i == heads[0].i and t.pos_ == "PROPN" for t in words)
    if heads and (head in lx.AGENT_NOUNS or occupation or qualified) \
            and not (outlet and head in _COMPANY_NOUNS):
        # (not "le groupe Canal+": the medium is the company)
        # "le ministre de l'Économie Bruno Le Maire": the name after the role is the claimant; an
        # organisation there is what the role is of ("la présidente de la Commission des lois").
        named = [e for e in {id(entity_at(t)): entity_at(t) for t in words[words.index(heads[0]) + 1 :]
                             if entity_at(t) is not None}.values()
                 if e is not None and e.label_ not in ("ORG", "LOC", "GPE") and not e.start <= heads[0].i < e.end
                 and not _complement(e, tokens[0].i)]
        # (a name, not a role's end the tagger took for one: "le directeur général de la Santé")
        name = (person_name(named[-1]) if named[-1].label_ in ("PER", "PERSON") else named[-1].text.strip(" ,.'\"")) \
            if named else ""
        if name and head in lx.PERSON_ROLES:
            return name, outlet, "speech"
        first = tokens.index(heads[0])
        # the head with its determiner and adjectives ("l'ancien Premier ministre"), not a preposition
        # before it ("au ministère"); the phrase keeps its punctuation, where it ends.
        start = first
        # (a number only after its determiner, "les deux fils": not the end of a channel's name, "sur Europe 1")
        while start > 0 and (tokens[start - 1].pos_ in ("DET", "ADJ") or tokens[start - 1].lower_ in ROLE_ADJECTIVES
                             or _modifies_noun(tokens[start - 1], tokens)
                             or tokens[start - 1].pos_ == "NUM" and start >= 2 and tokens[start - 2].pos_ == "DET"):
            start -= 1
        phrase = tokens[start : first + 9]
        cut = next((k for k, t in enumerate(phrase) if k > 0 and (
            t.lower_ in ("qui", "who", "que", "dont", "sur", "à", "au", "aux", "auprès", "dans", "lors", "pour", "on",
                         "to", "in", "at") or t.text in (",", "(", '"') or t.pos_ in ("VERB", "AUX")
            or t.lower_ in lx.WHEN_WORDS or t.text[:1].isdigit()  # "la préfecture, mardi 3 juin": a date ends it
            or t.pos_ == "DET" and k + 1 < len(phrase) and phrase[k + 1].lower_ in lx.TIME_NOUNS  # "le mois dernier"
            or (outlet and t.text in outlet.split())
            or k + 1 < len(phrase) and phrase[k + 1].lower_ == "à" and t.lower_ in ("face", "grâce", "suite")  # "face à"
            or t.doc[t.i - 1].text == ","  # the comma may have been filtered out
            or t.doc[t.i - 1].text == "(" and t.doc[t.i + 1].text != ")")), len(phrase))  # and a gloss's bracket
        # ("la Gendarmerie royale du Canada (la police fédérale)"; an acronym in brackets stays: "(Pnat)")
        kept = _trim_function_words(phrase[:cut])
        # as written ("la région Auvergne-Rhône-Alpes", not "Auvergne - Rhône - Alpes")
        last = kept[-1].i + 1 if kept else 0
        if kept and last < len(kept[0].doc) and kept[0].doc[last].text == ")" and "(" in kept[0].doc[kept[0].i : last].text:
            last += 1  # "le parquet national antiterroriste (Pnat)"
        claimant = " ".join(tokens[0].doc[kept[0].i : last].text.split()).strip(" ,.;:") if kept else ""
        described = not any(e is not None and not _affiliation(e) and not _modifies_noun(e.root, kept)
                            for e in map(entity_at, kept))  # ("l'eurodéputé LR", "the Ohio governor")
        if kept and kept[0].pos_ != "DET" and (described or kept[0].lower_ in _ROLES_ADJECTIVES):
            # "selon les estimations du gouvernement provincial", "un décret du Premier ministre": the article
            # is in the contraction; an office keeps it, so that the article's holder of it can be found
            claimant = _article_before(kept[0]) + claimant
        if described:
            return claimant, outlet, f"description:{heads[0].lower_}"
        if head not in lx.AGENT_NOUNS:
            if all(e is None or _affiliation(e) or _complement(e, tokens[0].i) and e.label_ not in ("PER", "PERSON")
                   for e in map(entity_at, kept[1:])):
                return claimant, outlet, "speech"  # "le réalisateur de Titanic": the work is what they do, as written
            return "", outlet, ""  # an occupation with a name the reader missed ("la championne ... Elodie")
        return claimant, outlet, "speech"
    survey = next((t for t in words if t.lower_.rstrip("s") in _DOCUMENT_STEMS), None)
    if outlet:
        if _told_to(tokens, outlet):
            # "explique ce propriétaire à Midi Libre": the medium only reported it; the speaker is the noun phrase
            # before it, when there is one
            described, noun = _speaker_before_medium(tokens)
            return described, outlet, f"description:{noun}" if described else ""
        if survey is not None and _commissioned_by(tokens, outlet):
            return "", outlet, f"description:{survey.lower_}"  # "selon ce sondage pour Radio Classique"
        return outlet, outlet, "outlet"
    # "se rappelle la maman au quotidien": the medium told is not who spoke
    # (not a medium a person works for: 'lance le présentateur du "Petit journal"')
    person = next((t.i for t in words if t.lower_ in ROLES_JOBS), None)
    nouns = [t for t in words if t.pos_ == "NOUN" and (t.lower_ in lx.OUTLET_NOUNS or _fellow_press(t))
             and not (told and _addressee(t)) and (person is None or t.i < person)]
    if nouns:
        named = _medium_name(nouns[0])
        if named:
            return named, named, "outlet"  # "Le média en ligne TSA indique": a medium the outlet list lacks
        return _bare_medium(nouns[0], words), "", f"description:{nouns[0].lower_}"
    author = _document_author(words)
    if author:
        return author, outlet, "speech"
    return "", "", ""


_EN_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})


def _english_description(tokens: list[Token], words: list[Token]) -> tuple[str, str] | None:
    """English puts a description's head noun last: "the state auditor", "the Ohio governor", "health
    officials", "the health minister of Mexico". When that head names who can speak (lexicon.AGENT_NOUNS_EN)
    and no name is set after it ("the industry group ACEA": the other rules read ACEA), the phrase from its
    determiner to the head, with an "of"/"for" complement, is the speaker: (phrase, "description:<head>"),
    or "speech" when a name qualifies it ("the Ohio governor"). None: the other rules read the phrase."""
    inside = {t.i for t in tokens}
    head = next((t for t in words if t.pos_ in ("NOUN", "PROPN") and not _modifies_later(t, tokens, _EN_MODIFIERS)), None)
    if head is None or head.lower_ not in lx.AGENT_NOUNS_EN or head.ent_type_ or _addressee(head):
        return None
    doc = head.doc
    start = max(head.left_edge.i, tokens[0].i)
    while start < head.i and (doc[start].is_punct or doc[start].pos_ in ("ADP", "SCONJ")):
        start += 1
    end = head.i + 1
    if end < len(doc) and doc[end].lower_ in ("of", "for") and end + 1 in inside:
        end = min(doc[end].right_edge.i + 1, tokens[-1].i + 1)
    after = next((t for t in doc[head.i + 1 : tokens[-1].i + 1] if t.text != ","), None)
    if after is not None and after.i in inside and after.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
        return None
    phrase = doc[start:end]
    if any(t.ent_type_ in ("PERSON", "PER") for t in phrase):
        return None
    how = "speech" if any(t.ent_type_ for t in phrase) else f"description:{head.lower_}"
    return phrase.text.strip(" ,"), how


def _coordinated(first: Span, second: Span) -> bool:
    """Whether two names are joined by "et" into one phrase ("William et Harry"); the first two of a longer
    list ("A, B et C") are not."""
    return second.start == first.end + 1 and first.doc[first.end].lower_ in ("et", "and")


def _coordinated_first_name(ent: Span) -> bool:
    """Whether a name comes after "et" and a first name the tagger left untagged ("William et Harry")."""
    doc = ent.doc
    return doc[ent.start - 1].lower_ in ("et", "and") and _first_name_before(doc, ent.start - 1) == ent.start - 2


def _compound_start(tok: Token) -> int:
    """Where the hyphenated compound a word ends begins ("Match" of "Paris-Match"): the word itself if none."""
    doc, start = tok.doc, tok.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
    return start


# "nos confrères", "notre consœur": the press that reported it, as "le quotidien" is (not "ses confrères").
PRESS_FELLOWS = frozenset({"confrère", "confrères", "consœur", "consœurs", "consoeur", "consoeurs"})


def _fellow_press(tok: Token) -> bool:
    return tok.lower_ in PRESS_FELLOWS and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("nos", "notre")


def _bare_medium(noun: Token, words: list[Token]) -> str:
    """"le quotidien régional", "l'hebdomadaire", "nos confrères": a medium described by its noun, its
    determiner and adjectives only, as written ("" when more words come with it: "le site de la mairie" is
    not a newspaper the article named)."""
    rest = [t for t in words if t.i != noun.i]
    if not rest or any(not (t.pos_ == "DET" or t.pos_ == "ADJ" and t.is_lower) for t in rest) or words[0].pos_ != "DET":
        return ""
    return noun.doc[words[0].i : words[-1].i + 1].text


def _medium_name(noun: Token, before: bool = False) -> str:
    """"le média en ligne TSA", "le quotidien algérien El Watan": the capitalised name right after a medium's
    noun (past its adjectives and "en ligne"), else "". With `before`, `noun` is the name's first word, and the
    medium's noun is looked for before it ("le magazine Variety")."""
    doc = noun.doc
    if before:
        k = noun.i - 1
        while k > 0 and noun.i - k <= 3 and (doc[k].pos_ == "ADJ" and doc[k].is_lower or doc[k].lower_ in ("en", "ligne")):
            k -= 1
        # (not an agency of another kind, "l'agence sanitaire Anses", nor "le site Internet" of anyone)
        named = _medium_name(doc[k]) if k >= 0 and doc[k].lower_ in lx.OUTLET_NOUNS - {"agence"} else ""
        return named if named.lower() not in ("internet", "web") else ""
    k = noun.i + 1
    while k < len(doc) and k - noun.i <= 3 and (doc[k].pos_ == "ADJ" and doc[k].is_lower
                                                 or doc[k].lower_ in ("en", "ligne")):
        k += 1
    name = list(itertools.takewhile(lambda t: t.is_alpha and t.text[:1].isupper() and not t.is_sent_start,
                                    doc[k : min(len(doc), k + 4)]))
    return " ".join(t.text for t in name)


def _authored(ent: Span) -> bool:
    """"les chiffres du ministère de l'Intérieur", "une étude de l'Université de Cambridge", "les
    informations de L'Opinion": an entity a document, a figure or a piece of news is of is who made it,
    the source, not what the phrase is about."""
    doc = ent.doc
    k = ent.start - 1
    while k > 0 and doc[k].pos_ == "DET":
        k -= 1
    if k <= 0 or doc[k].lower_ not in ("de", "du", "des", "d'", "of"):
        return False
    k -= 1
    while k > 0 and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k -= 1  # "les chiffres officiels du ministère"
    return doc[k].lower_.rstrip("s") in _DOCUMENT_STEMS


def _commissioned(ent: Span) -> bool:
    """"un sondage Elabe pour Radio Classique", "une enquête OpinionWay pour Les Echos et Radio
    Classique": an entity after "pour" that follows a poll or a study is its client."""
    return _client_at(list(ent.doc[max(0, ent.start - 16) : ent.start + 1]), -1)


def _client_at(tokens: list[Token], at_: int) -> bool:
    """Whether tokens[at_] names a client of a poll or a study: "pour" before it (past a list of names),
    a poll or study noun a few words before that."""
    k = len(tokens) + at_ - 1 if at_ < 0 else at_ - 1
    while k >= 0 and (tokens[k].lower_ in ("le", "la", "les", "l'", "the", "et", "and", ",")
                      or tokens[k].text[:1].isupper() and tokens[k].lower_ not in ("pour", "for")):
        k -= 1  # "pour Les Echos et Radio Classique": the clients may be a list
    return k > 0 and tokens[k].lower_ in ("pour", "for") and any(
        t.lower_.rstrip("s") in _DOCUMENT_STEMS for t in tokens[max(0, k - 6) : k])


def _commissioned_by(tokens: list[Token], outlet: str) -> bool:
    """Whether the medium named in a phrase is the client of the poll or study it names."""
    first = outlet.split("'")[-1].split()[0].lower() if outlet.split("'")[-1].split() else ""
    at_ = next((k for k, t in enumerate(tokens) if first and t.lower_.startswith(first)), None)
    return at_ is not None and _client_at(tokens, at_)


def _document_author(words: list[Token]) -> str:
    """"de nouvelles estimations d'Ipsos", "une étude Santé publique France": the capitalised name right
    after a document noun is who made the document, when the tagger did not recognise it."""
    for k, t in enumerate(words[:-1]):
        if t.lower_.rstrip("s") not in _DOCUMENT_STEMS:
            continue
        j = k + 1
        while j < len(words) and (words[j].lower_ in ("de", "d'", "du", "la", "l'", "le", "les")
                                  or words[j].pos_ == "ADJ" and words[j].is_lower):  # "le communiqué de la DGS"
            j += 1
        name: list[Token] = []
        for i in range(j, min(len(words), j + 5)):
            w = words[i]
            inner = w.is_lower and name and i + 1 < len(words) and words[i + 1].text[:1].isupper()
            if not (w.is_alpha and (w.text[:1].isupper() or inner)):  # "Santé publique France"
                break
            name.append(w)
        if name and name[0].doc[name[0].i - 1].text != '"':  # 'l'enquête "Madame la présidente"': its title
            return " ".join(w.text for w in name)
    return ""


# A preposition glued to an article: the article it holds.
_CONTRACTED = {"du": "le ", "au": "le ", "des": "les ", "aux": "les "}


def _article_before(tok: Token) -> str:
    """The definite article of a noun phrase starting at `tok`, when it is inside a contraction ("du
    gouvernement provincial" -> "le "), or written before it ("de la ministre" -> "la "); else ""."""
    if tok.i == 0:
        return ""
    before = tok.doc[tok.i - 1]
    if before.lower_ in _CONTRACTED:
        return _CONTRACTED[before.lower_]
    if before.lower_ in ("la", "l'", "le", "les"):
        return before.lower_ if before.lower_ == "l'" else before.lower_ + " "
    return ""


# "ce dernier", "cette dernière": the person named last, of that gender (as "il"/"elle").
LATTER = {"dernier": "il", "dernière": "elle", "latter": ""}


def _latter(words: list[Token]) -> str:
    """"a expliqué à l'AFP ce dernier": the phrase's speaker is "ce dernier" (returned as "ce dernier"),
    unless it is who was told ("a-t-il dit à ce dernier")."""
    for k, t in enumerate(words[1:], 1):
        if t.lower_ in LATTER and words[k - 1].lower_ in ("ce", "cette", "the") \
                and not (k >= 2 and words[k - 2].lower_ in ("à", "de", "par", "to", "by", "of")):
            return f"{words[k - 1].lower_} {t.lower_}"
    return ""


def latter_gender(phrase: str) -> str:
    """The pronoun "ce dernier"/"cette dernière" stands as: "il", "elle" or "" (either)."""
    return LATTER.get(phrase.split()[-1], "") if phrase else ""


# Prepositions that open the medium a speaker told something to ("à Midi Libre", "sur BFMTV", "au Parisien").
_TOLD_PREPOSITIONS = frozenset({"à", "au", "aux", "sur", "auprès", "dans"})
_TOLD_ANY = _TOLD_PREPOSITIONS | {"to", "on"}  # (English: "told to", "said on")


def _told_to(tokens: list[Token], outlet: str) -> bool:
    """Whether the medium is named after a preposition ("à Midi Libre", "sur BFMTV", "au Parisien"):
    it is who was told or where, the speaker is someone else in the phrase."""
    words = [w for w in outlet.split("'")[-1].split() if w not in ("Le", "La", "Les")]
    first = words[0].lower() if words else ""
    at = next((k for k, t in enumerate(tokens) if first and t.lower_.startswith(first)), None)
    if at is None:
        return False
    k = at - 1
    while k >= 0 and (tokens[k].lower_ in ("le", "la", "les", "l'", "the") or tokens[k].lower_ in lx.OUTLET_NOUNS
                      or (tokens[k].pos_ == "ADJ" and k > 0 and tokens[k - 1].lower_ in lx.OUTLET_NOUNS)):
        k -= 1  # "au quotidien (régional) Midi Libre"
    if k >= 2 and tokens[k].lower_ in ("par", "by") and tokens[k - 2].lower_ in _WORDS_SAID \
            and "Part" in morph_values(tokens[k - 1], "VerbForm"):
        return True  # "confie un ami, des propos rapportés par le Huffington Post": the medium passed them on
    if k >= 2 and tokens[k].lower_ in ("de", "d'") and tokens[k - 1].lower_ in _SPOKEN_THROUGH:
        k -= 3 if tokens[k - 2].lower_ in ("le", "la", "les", "l'") else 2  # "au micro de", "sur l'antenne de"
    return k >= 0 and tokens[k].lower_ in _TOLD_ANY


def _speaker_before_medium(tokens: list[Token]) -> tuple[str, str]:
    """'a expliqué le fonctionnaire territorial au micro de France Inter': after the speech verb (and a date), a
    noun with its determiner and adjectives, right before the medium told, is the speaker whatever the noun
    (an occupation the lexicon lacks): (the phrase as written, its noun), else ("", "")."""
    k = 0
    while k < len(tokens) and (tokens[k].lower_ in lx.WHEN_WORDS or tokens[k].lower_ in ("matin", "soir", "midi")
                               or tokens[k].pos_ == "NUM"):
        k += 1
    if k + 2 >= len(tokens) or tokens[k].pos_ != "DET" or tokens[k + 1].pos_ != "NOUN" \
            or tokens[k + 1].lower_ in lx.OUTLET_NOUNS or tokens[k + 1].lower_ in _NOT_SPEAKER_NOUNS \
            or tokens[k + 1].lower_.rstrip("s") in _DOCUMENT_STEMS:
        return "", ""
    end = k + 2
    while end < len(tokens) and tokens[end].pos_ == "ADJ" and tokens[end].text[:1].islower():
        end += 1
    # (with a complement in lower case: "la conductrice de car", "le gérant du bar")
    det = int(end + 2 < len(tokens) and tokens[end].lower_ == "de" and tokens[end + 1].lower_ in ("la", "l'"))
    if end + 1 + det < len(tokens) and tokens[end].lower_ in ("de", "d'", "du", "des") \
            and tokens[end + 1 + det].pos_ == "NOUN" and tokens[end + 1 + det].text.islower():
        end += 2 + det
    if end >= len(tokens) or tokens[end].lower_ not in _TOLD_PREPOSITIONS:
        return "", ""
    return tokens[k].doc[tokens[k].i : tokens[end - 1].i + 1].text, tokens[k + 1].lower_


# Nouns for what someone said, which a medium may pass on ("des propos rapportés par Le Point").
_WORDS_SAID = frozenset({"propos", "paroles", "confidences", "citation", "citations", "témoignage", "témoignages",
                         "déclaration", "déclarations", "remarks", "comments", "words"})


def _addressee(tok: Token) -> bool:
    """"a-t-elle raconté aux enquêteurs": who was told is not who spoke."""
    return any(c.dep_ == "case" and c.lower_ in ("à", "au", "aux", "to") for c in tok.children)


def _trim_function_words(tokens: list[Token]) -> list[Token]:
    """A description ends on a content word: "cette femme de l'" (cut before "avoir violée") is "cette femme"."""
    end = len(tokens)
    while end > 1 and (tokens[end - 1].pos_ in ("DET", "ADP", "CCONJ", "SCONJ", "PRON")
                       or tokens[end - 1].lower_ in ("l'", "d'", "de", "du", "des")):
        end -= 1
    return tokens[:end]


def _says_more(words: list[Token], described: int, language: str) -> bool:
    """Whether the only "que" after a trailing speaker opens what their relative clause says they said besides
    (", explique Médiapart, qui précise que ce collaborateur avait rédigé son offre"), a statement with no
    name and no figure: the speaker still closes the sentence's statement, the relative clause is theirs."""
    if described >= len(words) or any(t.lower_ in ("que", "qu'", "that") or t.text == "si" for t in words[:described]):
        return False
    relative = words[described:]
    verb = next((t for t in relative[1:4] if t.pos_ == "VERB"), None)
    return verb is not None and speech_verb(verb, language) and not any(
        t.ent_type_ or t.pos_ in ("PROPN", "NUM") or t.text[:1].isdigit() for t in relative)


def _tail(span: Span, language: str) -> tuple[int, Token] | None:
    """The trailing ", raconte Sud Ouest." / ", a-t-il précisé à l'AFP" of a sentence: (start, verb)."""
    tokens = span_tokens(span)
    end = len(tokens)
    while end and tokens[end - 1].is_punct and tokens[end - 1].text not in ('"',):
        end -= 1
    # 16 words of tail, and a participle clause after it; one of a second statement (", soulignant que
    # ...") may be long: the tail is looked for before it.
    # Each clause looked for below opens right after a comma: only those words are tried (the tests make
    # Tokens and read the sentence, and the tail is looked for in every sentence).
    text_of = column(span.doc, "text")
    after_comma = [j for j in range(1, end) if text_of[span.start + j - 1] == "," or (
        text_of[span.start + j - 1] == ";" and tokens[j].pos_ == "AUX")]  # (a mistyped comma: "...; a-t-elle dit")
    said = next((j for j in after_comma if said_clause(tokens[j], language) is not None), end)
    # (nor in what the speaker did besides: ", se défendant d'avoir ...")
    besides = next((j for j in after_comma if _besides(tokens[j])), end)
    # (nor in the relative clause of a speaker with no noun, however long: "s'indigne celui qui a ...")
    headless = _headless_at(span, end)
    for k in range(end - 1, max(-1, min(end, said, besides, headless) - 32), -1):
        if text_of[span.start + k] != "," and not (text_of[span.start + k] == ";" and k + 1 < end
                                                   and tokens[k + 1].pos_ == "AUX") \
                and not _quote_for_comma(tokens, k, end):
            continue  # (a semicolon before an inverted verb is a comma mistyped: "...; a-t-elle dit.")
        rest = tokens[k + 1 : end]
        part = next((j - k - 1 for j in after_comma if j > k and (
            _participle_clause(tokens[j]) or _infinitive_clause(tokens[j])
            or said_clause(tokens[j], language) is not None or _besides(tokens[j]))), None)
        if part == 0:
            continue  # ", confirmant une information de LCI": the speaker comes before it
        if part is not None:
            rest = rest[: part - 1]
        bare = bare_participle(rest)
        if bare is not None:
            rest = rest[:bare]
        # (" en débutant son allocution", " avant de révéler ...": what the speaker did besides, no comma before it)
        # (only in the speaker's phrase, before any comma: ", des truands profitant ... pour appâter" is no tail's)
        besides_at = next((j for j in range(2, len(rest)) if bare_besides(rest[j])), None)
        if besides_at is not None and not any(t.text == "," for t in rest[:besides_at]):
            if _states_besides(list(span.doc[rest[besides_at].i : tokens[end - 1].i + 1])):
                return None  # (" en annonçant 300 licenciements": a statement of its own, the sentence stays)
            rest = rest[:besides_at]
        if not rest:
            return None
        # (", qui n'y a pas participé": a relative clause after the speaker describes them, it does not count)
        # (nor one right after a name, without its comma: ", considère Paul Roux qui se présente à Rouen ...")
        relative = next((j for j in range(1, len(rest)) if rest[j].lower_ in ("qui", "dont", "who")
                         and (rest[j - 1].text == "," or _after_name(rest[j])
                              and not any(speech_verb(t, language) for t in rest[j + 1 :]))), len(rest) + 1)
        # (nor does the relative clause of a speaker with no noun: "s'indigne celui qui a consacré sa vie à ...")
        headless = _headless_speaker(rest)
        if headless is not None:
            relative = min(relative, headless[0])
        measured = rest[: headless[0]] if headless is not None else rest
        before_relative = rest[: relative - (1 if rest[relative - 1 : relative] and rest[relative - 1].text == "," else 0)] \
            if relative <= len(rest) else rest
        speaker = _speaker_phrase(before_relative)
        # (what the apposition that describes the speaker says is no statement: "un agent s'étant entretenu avec")
        described_from = speaker[-1].i + 1 if speaker and len(speaker) < len(before_relative) else rest[-1].i + 1
        # An inverted pronoun or a name right after the verb is the speaker whatever follows it: ", a-t-il déclaré
        # lundi 2 juillet au micro de RTL, à sa sortie de garde à vue", ", a affirmé Nicole Martin, la ministre de
        # l'Intérieur, interrogée par les journalistes, dimanche 1er juillet" are circumstances and appositions
        # (_speaker_then_circumstances, asked only of a long speaker phrase).
        if len(measured) > 28 or len(speaker) > 16 and (len(speaker) > 28 or not _speaker_then_circumstances(rest)):
            # Too long for a tail with a comma: maybe one without ("... issue fatale rapporte X."); unless
            # this comma only opens the speaker's apposition (", confie X, un guide ..., à la BBC").
            if len(measured) > 28 or tokens[k - 1].ent_type_ not in ("PER", "PERSON"):
                break
            continue
        words = [t for t in rest if not t.is_punct]
        if not words:
            continue
        subject_first = _subject_then_speech(words, language)
        if subject_first is not None:
            return tokens[k].i, subject_first
        lead = 0
        if words[0].lower_ in ("comme", "as", "ainsi"):
            lead = 1
            while lead < len(words) and words[lead].lower_ in ("le", "l'", "la", "les", "l"):
                lead += 1
        while lead < len(words) and (words[lead].pos_ == "AUX" or words[lead].lower_ in (
                "a", "ont", "avait", "avaient", "aurait", "has", "had", "was", "se", "s'") or words[lead].text.startswith("-")
                or _adverb_before_verb(words[lead])):
            # "a -t -il déclaré", "se serait notamment plaint", "a d'abord proposé": the auxiliary, the reflexive,
            # the inverted pronoun, an adverb
            lead += 1
        if lead >= len(words):
            continue
        verb = words[lead]
        marker = words[0].lower_ in lx.SOURCE_PREPOSITIONS or (
            words[0].lower_ == "d'" and len(words) > 1 and words[1].lower_ == "après")
        if not (marker or speech_verb(verb, language) or _learned_from(verb)
                or _quotation_incise(verb, words[lead + 1 :], language)):
            continue
        if marker and any(t.pos_ in ("VERB", "AUX") for t in rest[next(
                (j + 1 for j, t in enumerate(rest) if t.text == ","), len(rest)) :]):
            continue  # "Le président, selon Le Monde, a démissionné": an incise, the statement goes on after it
        if not marker and lead == 0 and present_participle(verb):
            continue  # ", confirmant des informations du site X": what the speaker before it did too
        if not marker and lead == 0 and verb.pos_ == "NOUN" and lead + 1 < len(words) \
                and words[lead + 1].lower_ in ("de", "du", "des", "d'"):
            continue  # "..., soutien de Donald Trump": an apposition, a noun with its complement
        if not marker and lead == 0 and "Part" in morph_values(verb, "VerbForm") and any(
                t.lower_ in ("par", "de", "d'") for t in words[lead + 1 : lead + 3]):
            continue  # ", accusé par sa voisine de ...": a passive participle describes, it does not attribute
        if any(w.lower_ in ("se", "s'") for w in words[:lead]) and not any(w.text.startswith("-") for w in words[:lead]) \
                and (lead + 1 >= len(words) or words[lead + 1].pos_ in ("ADP", "ADV", "SCONJ")):
            continue  # ", s'inquiète pour les résidents": a reflexive verb attributes with its subject after it
        # (a capitalised "Si" is part of a name: "a indiqué à l'AFP Wendy Si Hassen")
        # ", rapporte Midi Libre qui cite une source judiciaire": a relative clause describes the speaker.
        described = next((j for j in range(lead + 2, len(words)) if words[j].lower_ in ("qui", "dont", "who")),
                         len(words))
        if any((t.lower_ in ("que", "qu'", "that") or t.text == "si") and not t.ent_type_ for t in words[lead + 1 :]) \
                and not _says_more(words, described, language):
            return None  # (not a name's: "souligne UFC-Que Choisir")
        # "..., a annoncé le groupe, et les bénéfices de 7 %": a statement goes on after the speaker.
        # So does a colon: ", a répondu à la ministre : "en France ..."" introduces what was said.
        if any(t.text in ("%", "€", "$", "£", ":") or (t.lower_ in ("et", "mais", "ou", "and", "but") and t.i > 0
                                                        and t.doc[t.i - 1].text == ",") for t in rest):
            return None
        if any((t.pos_ == "NUM" or t.text[:1].isdigit()) and not _in_date(t) and not _in_name(t)
               for t in words[described:]):
            return None  # ", a indiqué la SNCF, qui prévoit 2 trains sur 3": a figure is a statement; not
            # a date (", qui avait lui aussi rendu son tablier en 2014", ", qui a eu accès au PV, mercredi 19 mai")
        described = min(described, next((j for j, t in enumerate(words) if j > lead and t.i >= described_from),
                                        described))
        finite = [t for t in words[lead + 1 : described] if t.pos_ == "VERB" and "Fin" in morph_values(t, "VerbForm")
                  and not speech_verb(t, language) and not _in_title(t)]
        # "..., explique également avoir réduit la vitesse": the verb has its own complement, what
        # follows it is a statement, not who made it.
        said = [t for t in words[lead + 1 : described] if ("Inf" in morph_values(t, "VerbForm") and t.is_lower
                                                           and not _adverbial_infinitive(t) and not _causative(verb, t))
                or (t.head is verb and t.dep_ in ("xcomp", "ccomp") and not _participle_clause(t)
                    and any(c.dep_ in ("obj", "mark") or c.dep_.startswith("aux") for c in t.children))]
        if finite or said:
            return None
        return tokens[k].i, verb
    return _tail_without_comma(tokens, end, language)


def _in_title(verb: Token) -> bool:
    """"a-t-il regretté dans On refait le monde sur RTL": a verb right after a capitalised pronoun,
    determiner or adverb that follows a preposition in mid-sentence belongs to the title of a show or
    a book, not to a clause of its own."""
    doc = verb.doc
    for w in doc[max(verb.sent.start + 1, verb.i - 3) : verb.i]:
        if w.is_punct:
            return False
    for w in doc[max(verb.sent.start + 1, verb.i - 3) : verb.i]:
        if w.is_title and w.pos_ in ("PRON", "DET", "ADV") and doc[w.i - 1].pos_ == "ADP" and doc[w.i - 1].is_lower:
            return True
    return False


def _after_name(relative: Token) -> bool:
    """"Paul Roux qui se présente à Rouen": a relative pronoun right after a person's name (its last word) opens
    a clause that describes them, as after a comma; a name is no antecedent a relative clause restricts. (One
    with a speech verb, "Paul Roux qui a affirmé être favorable à ...", is a second statement: _tail.)"""
    before = relative.doc[relative.i - 1] if relative.i else None
    return before is not None and before.ent_type_ in ("PER", "PERSON") and before.pos_ == "PROPN"


def said_clause(tok: Token, language: str) -> Token | None:
    """", soulignant que ...", ", en rappelant qu'...", ", adding that ...": after a comma, a speech verb's
    present participle (or gerund) with a clause of its own: a second statement of the speaker of the
    tail before it. The conjunction that opens the statement, or None."""
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].text != ",":
        return None
    verb = doc[tok.i + 1] if tok.lower_ == "en" and tok.i + 1 < len(doc) else tok
    if not (present_participle(verb) and speech_verb(verb, language)):
        return None
    # An adverb may come between ("ajoutant toutefois que"), nothing else.
    for t in doc[verb.i + 1 : min(tok.sent.end, verb.i + 3)]:
        if t.lower_ in ("que", "qu'", "qu’", "that"):
            return t
        if t.pos_ != "ADV":
            return None
    return None


def _infinitive_clause(tok: Token) -> bool:
    """", avant d'enfoncer le clou sur LCI": a clause of what the speaker did next, after a comma."""
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].text != "," or tok.lower_ not in ("avant", "pour", "sans", "afin", "après"):
        return False
    return any("Inf" in morph_values(t, "VerbForm") and _adverbial_infinitive(t) for t in doc[tok.i + 1 : tok.i + 3])


def _causative(verb: Token, infinitive: Token) -> bool:
    """'", a-t-il fait savoir', '", fait-il valoir', '", a fait remarquer X', '", veut croire le député', '", tient
    à rappeler X': the infinitive right after "faire" or a modal (past the inverted pronoun, or "à") is one verb
    with it, a way of saying; not a statement of its own."""
    between = verb.doc[verb.i + 1 : infinitive.i]
    return verb.lower_.startswith(_VERB_CHAINS) and all(t.text.startswith("-") or t.lower_ == "à" for t in between)


# "faire", "vouloir", "pouvoir", "devoir", "tenir (à)": verbs whose infinitive after them is the verb of saying.
_VERB_CHAINS = ("fai", "fit", "fer", "veu", "voul", "peu", "pouv", "doi", "dev", "tien", "ten")


def _speaker_phrase(rest: list[Token]) -> list[Token]:
    """A tail up to the apposition that describes its speaker (", a précisé à Midi Libre Yvon Calvet, le
    procureur de Béziers"): what the length limit counts."""
    commas = [j for j, t in enumerate(rest) if t.text == ","]
    # An apposition names a person, an office or an occupation and holds no figure (not ", le jour même de
    # la publication des statistiques"); after it only where and to whom it was said (", dans l'État de
    # X", ", sur France 2": a channel's number is its name) and participles describing it ("dans des propos
    # relayés par L'Express").
    if not commas or commas[0] + 2 >= len(rest):
        return rest
    after = rest[commas[0] + 1 :]
    segments = [[]]  # type: list[list[Token]]
    for t in after:
        if t.text == ",":
            segments.append([])
        else:
            segments[-1].append(t)
    apposition = segments[0]
    if not apposition:
        return rest
    noun = next((t for t in apposition[1:] if not (t.pos_ == "ADJ" or t.lower_ in ROLE_ADJECTIVES)), apposition[-1])
    # (after a person's name, any noun phrase describes them: ", Stevie Hurst, un guide touristique")
    person = rest[commas[0] - 1].ent_type_ in ("PER", "PERSON")
    office = apposition[0].pos_ == "PROPN" or apposition[0].pos_ == "DET" and (
        person or fold(noun.lower_) in _FOLDED_ROLES_JOBS) or person and (
        apposition[0].pos_ in ("NOUN", "ADJ") or "Part" in morph_values(apposition[0], "VerbForm"))  # ", chargée de"
    # (or when it was said: ", le jour même de la publication des chiffres", ", lundi soir")
    when = apposition[0].lower_ in lx.TIME_NOUNS or apposition[0].pos_ == "DET" and noun.lower_ in lx.TIME_NOUNS
    # (or where and on what occasion: ", lors de la réunion du groupe", ", devant les élus", ", en marge du sommet")
    office = office or when or _setting_opens(apposition)
    # (", Theresa Tam, le mois dernier": when it was said, after the name, is a setting too)
    setting = all(segment and (segment[0].pos_ == "ADP" or _said_when(segment)) for segment in segments[1:])
    # No finite verb and no figure: ", rapporte RTL, le ministre a démissionné" goes on with a statement.
    if office and setting and not any(
            (finite_word(t)
             or (t.pos_ == "NUM" or t.text[:1].isdigit()) and not _in_date(t))
            and not t.ent_type_ and not _age(t) for t in after):  # (a name's words: "l'agence Passe Agency")
        return rest[: commas[0]]
    return rest


def _said_when(segment: list[Token]) -> bool:
    """", le mois dernier", ", lundi soir", ", mardi 3 mars": a segment that only says when (a time noun first,
    or after its article), with no verb."""
    head = segment[1] if segment[0].pos_ == "DET" and len(segment) > 1 else segment[0]
    return head.lower_ in lx.TIME_NOUNS and not any(t.pos_ in ("VERB", "AUX") for t in segment)


def _setting_opens(apposition: list[Token]) -> bool:
    """Whether a segment set off after the speaker opens with a preposition of when, where or on what
    occasion it was said (", lors de la réunion du groupe", ", devant les députés", ", en marge du sommet"),
    not with one that goes on with the statement (", dont ...", ", selon ...")."""
    first = apposition[0].lower_
    return first == "lors" or apposition[0].pos_ == "ADP" and first not in ("selon", "d'après", "sauf", "contre", "malgré")


def _speaker_then_circumstances(rest: list[Token]) -> bool:
    """Whether a tail names its speaker at once, by an inverted pronoun or a name, and holds no verb after its
    speech verb but a past participle that describes: the rest is circumstances and appositions."""
    return any(t.text.startswith("-") and t.pos_ == "PRON" or t.ent_type_ in ("PER", "PERSON") for t in rest[:4]) \
        and sum(1 for t in rest if t.pos_ == "VERB" and not (
            "Part" in morph_values(t, "VerbForm") and "Past" in morph_values(t, "Tense") and t.dep_ == "acl")) <= 1


def _in_name(tok: Token) -> bool:
    """"Europe 1", "France 2": a number that ends a name is no figure."""
    before = tok.doc[tok.i - 1] if tok.i else None
    return bool(tok.ent_type_) and before is not None and before.pos_ == "PROPN" and before.ent_type_ == tok.ent_type_


def _in_date(tok: Token) -> bool:
    """A number that is part of a date: a year, or a day before its month ("paru vendredi 12 juillet")."""
    return is_year(tok.text) or _before_month(tok)


def _before_month(tok: Token) -> bool:
    """Whether a month's name follows the word (the "12" of "12 juillet")."""
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in lx.MONTHS


def _hyphen_first_half(subj: Token, subjects: list[Token]) -> bool:
    """"L'ancien député-maire Paul Durand a annoncé": the parser may split a hyphenated role into two subjects
    ("député", with the hyphen, and "maire"); the first, ending at the glued hyphen, is not a phrase of its
    own ("L'ancien député-")."""
    last = subj.right_edge
    return last.text == "-" and not last.whitespace_ and any(s.i == last.i + 1 or s.left_edge.i == last.i + 1
                                                             for s in subjects)


def _age(tok: Token) -> bool:
    """"58 ans" in ", ancien pêcheur de 58 ans, ...": a person's age describes them, it states nothing."""
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("ans", "an", "years") and (
        tok.like_num and not tok.text.replace(",", "").replace(".", "").isdigit() or tok.text.isdigit() and int(tok.text) < 120)


# Nouns of a speech as an event: a figure that measures one ("son allocution de 25 minutes") describes the
# speech, not the world.
_SPEECH_EVENTS = frozenset({"allocution", "discours", "intervention", "interview", "entretien", "conférence",
                            "déclaration", "audition", "speech", "address", "statement"})


def _states_besides(words: list[Token]) -> bool:
    """Whether what the speaker did besides speaking states something of its own: a clause ("avant
    d'assurer que le gouvernement ...") or a figure ("en annonçant 300 licenciements"); then the tail is not
    left out with it. A date, an age, a channel's number or the length of the speech itself ("son
    allocution de 25 minutes") is no figure."""
    for t in words:
        if t.lower_ in ("que", "qu'", "qu’", "that") or t.text == ":":
            return True
        if not (t.pos_ == "NUM" or t.text[:1].isdigit()) or _in_date(t) or _in_name(t) or _age(t):
            continue
        measured = t.head if t.head is not t else t
        if measured.head.lower_ in _SPEECH_EVENTS and measured.dep_ == "nmod":
            continue
        return True
    return False


_HEADLESS_SPEAKERS = {"celui": "il", "celle": "elle", "ceux": "ils", "celles": "elles"}


def _quote_for_comma(tokens: list[Token], k: int, end: int) -> bool:
    """'... "n'étaient pas établis" explique à l'AFP la procureure': a quotation that states something (a finite
    verb in it) closed right before a verb, with no comma, sets off its speaker's incise as the comma does.
    Not a verb in the passive ('Le mot "il part" a été prononcé par ...' goes on with the sentence)."""
    if tokens[k].text != '"' or k + 1 >= end or tokens[k + 1].pos_ not in ("AUX", "VERB"):
        return False
    opened = [j for j in range(k) if tokens[j].text == '"']
    if len(opened) % 2 == 0 or any(t.lower_ == "été" for t in tokens[k + 1 : k + 3]):
        return False  # (an opening mark, or a passive)
    return finite_in(tokens[opened[-1] + 1 : k])


def _headless_at(span: Span, end: int) -> int:
    """Where the first "celui qui" / "celle qui" of a sentence's words is (relative to the sentence), else
    `end`: the tail of a speaker with no noun is looked for before its relative clause (_headless_speaker)."""
    lower = column(span.doc, "lower_")
    return next((j - 1 for j in range(1, end) if lower[span.start + j] == "qui"
                 and lower[span.start + j - 1] in _HEADLESS_SPEAKERS), end)


def _headless_speaker(words: list[Token]) -> tuple[int, str] | None:
    """"..., s'indigne celui qui a consacré sa vie à ...", "..., avait déclaré lors de son départ celle qui
    ...": a speaker described by a relative clause with no noun, the way a journalist names again the
    person the story is about; (the index of its "qui" in the words, the pronoun it stands for), else None."""
    for j in range(1, len(words)):
        if words[j].lower_ == "qui" and words[j - 1].lower_ in _HEADLESS_SPEAKERS:
            if j >= 2 and words[j - 2].pos_ == "ADP":
                return None  # ("a lancé X à l'adresse de ceux qui ...": whom it was said to, not who said it)
            return j, _HEADLESS_SPEAKERS[words[j - 1].lower_]
        if words[j].text in (",", ";", ":") or words[j].lower_ in ("qui", "que", "qu'", "dont"):
            return None
    return None


def _background_comma(span: Span) -> int | None:
    """"A, a déclaré le ministre, alors que 13 décès ...": the comma of the last ", alors que" / ", tandis
    que" clause of the sentence, which the tail before it does not take in (it states facts of its own, and
    the pipeline cuts the sentence there); None when there is none."""
    lower = column(span.doc, "lower_")
    found = None
    for i in range(span.start + 3, span.end - 3):
        if lower[i] != ",":
            continue
        if lower[i + 1] in ("alors", "tandis") and lower[i + 2].replace("\u2019", "'") in ("que", "qu'") \
                or lower[i + 1] in ("while", "whereas"):
            found = i
    return found


def _headless_source(words: list[Token], language: str) -> tuple[str, str, str] | None:
    """The source of a tail whose speaker is a relative clause with no noun ("a confié à RTL celle qui ..."):
    the medium named before it, and the pronoun it stands for (the article's context names them); never a
    name inside the relative clause ("celui qui a dirigé Renault" is not Renault). None for another tail."""
    headless = _headless_speaker(words)
    if headless is None:
        return None
    claimant, outlet, how = source_of(words[: headless[0] - 1], language) if headless[0] > 1 else ("", "", "")
    if claimant or how.startswith("description:"):
        return None  # ("a lancé le président ... celui qui": the speaker is named before it)
    return "", outlet, f"pronoun:{headless[1]}"


def _end_of_text(span: Span) -> int:
    """Where a sentence's words end: before its closing punctuation (a quotation mark is a word's, as is a
    bracket that closes one the sentence opened: "..., a annoncé le Collectif contre l'islamophobie (CCIF).")."""
    end = span.end
    while end > span.start and span.doc[end - 1].is_punct and span.doc[end - 1].text != '"' and not (
            span.doc[end - 1].text == ")" and "(" in span.doc[span.start : end - 1].text):
        end -= 1
    return end


def _said_after(span: Span, start: int, end: int, language: str) -> tuple[int, int, int] | None:
    """The participle clause of a second statement after the tail that starts at `start` (said_clause):
    (its comma, the start and end of the statement, with the sentence's closing punctuation)."""
    doc = span.doc
    for tok in doc[start + 1 : end]:
        conjunction = said_clause(tok, language)
        if conjunction is not None:
            return (tok.i - 1, conjunction.i + 1, span.end) if conjunction.i + 1 < end else None
    return None


def _said_drop(span: Span, said: tuple[int, int, int] | None) -> list[tuple[int, int]]:
    """"précisant que A et qu'une autre ...": the conjunction repeated before a second clause of the
    statement is the participle's, not the statement's ("A et une autre ..."); it is left out."""
    if said is None:
        return []
    doc = span.doc
    return [(t.i, t.i + 1) for t in doc[said[1] + 1 : said[2]] if t.lower_ in ("que", "qu'", "qu’", "that")
            and t.dep_ == "mark" and doc[t.i - 1].lower_ in ("et", "ou", "and", "or")]


def _subject_then_speech(words: list[Token], language: str) -> Token | None:
    """English puts the speaker first: "..., the Labor Department said on Friday.", "..., Mayor Lisa
    Grant told reporters.", "..., she said.". The speech verb after its subject, nothing before the
    verb but that subject, and no new statement after it."""
    if language != "en":
        return None
    verb = next((t for t in words if t.pos_ in ("VERB", "AUX") and speech_verb(t, language)), None)
    if verb is None or verb is words[0] or negated(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    before = [t for t in words if t.i < verb.i]
    if subject is None or subject.dep_ == "nsubjpass" or any(t.i not in {x.i for x in subject.subtree}
                                                              for t in before):
        return None
    after = [t for t in words if t.i > verb.i]
    if any(t.lower_ in ("that", "if", "whether") or (t.pos_ in ("VERB", "AUX") and t.head is verb) or t.like_num
           for t in after):
        return None
    # "..., the company announced 3,000 job cuts": what the verb takes is the statement, not an addressee
    # ("told reporters", "told Reuters").
    if any(c.dep_ in ("dobj", "obj") for c in verb.children) and not verb.lower_.startswith(("told", "tell")):
        return None
    # "Last week, the company announced ...": before the comma there must be a statement of its own.
    sentence = verb.sent
    if not any(t.pos_ in ("VERB", "AUX") and t.i < words[0].i and t.tag_ not in ("VBG", "VBN", "TO")
               for t in sentence):
        return None
    return verb


def _incise(span: Span, language: str) -> Attribution | None:
    """An attribution set between commas inside the sentence, the statement going on after it:
    "La rentrée aura lieu le 11 mai, a assuré le ministre de l'Éducation, Jean Dupont, avec 15 élèves par
    classe." The incise (", a assuré ... Jean Dupont") is left out; its inverted subject is the claimant."""
    tokens = span_tokens(span)
    for k, comma in enumerate(tokens[:-4]):
        if comma.text != "," or k < 2:
            continue
        lead = k + 1
        while lead < len(tokens) and (tokens[lead].pos_ == "AUX" or tokens[lead].lower_ in ("a", "ont", "avait")):
            lead += 1
        if lead >= len(tokens):
            break
        verb = tokens[lead]
        if not (verb.pos_ == "VERB" and speech_verb(verb, language)) or negated(verb) or quoted(verb, span):
            continue
        # The inverted subject (the French parser often reads it as the object: "a assuré le maire").
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "obj") and c.i > verb.i), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
            continue
        close = subject.right_edge.i if subject.right_edge.text == "," else subject.right_edge.i + 1
        named = entity_at(span.doc[close + 1]) if close + 1 < span.end else None
        if named is not None and named.label_ in ("PER", "PERSON") and named.start == close + 1 \
                and named.end < span.end and span.doc[named.end].text == ",":
            close = named.end  # "le ministre de l'Éducation, Jean Dupont,": the name set off after the role
        if close >= span.end - 3 or span.doc[close].text != ",":
            continue
        rest = [t for t in span.doc[close + 1 : span.end] if t.is_alpha]
        # ", soulignant que ...", ", en rappelant qu'...": a second statement of the speaker (said_clause).
        said = _said_after(span, close, _end_of_text(span), language)
        if said is not None and said[0] == close and not present_participle(verb) and finite_in(tokens[:k]):
            claimant, outlet, how = source_of(list(span.doc[verb.i + 1 : close]), language)
            if claimant or outlet:
                return Attribution(claimant, outlet, how or "speech", [(comma.i, close), *_said_drop(span, said)],
                                   said)
        # What follows must go on with the statement, not with the incise ("..., a indiqué la SNCF, qui
        # prévoit ..." describes the speaker).
        # ("..., précisant que ..." goes on with the speaker too).
        if not rest or rest[0].lower_ in ("qui", "dont", "selon", "lequel", "laquelle", "lesquels", "lesquelles",
                                          "où", "ajoutant", "précisant", "soulignant", "estimant", "expliquant") \
                or "Ger" in morph_values(rest[0], "VerbForm") or (
                    rest[0].pos_ == "VERB" and present_participle(rest[0])):
            continue
        before = tokens[:k]
        # (or after a circumstance put first: "Depuis 2012, rappelle Le Parisien, la dotation n'a pas évolué")
        fronted = len(before) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in before) \
            and finite_in(span.doc[close + 1 : span.end])
        if len(rest) < 3 or not (finite_in(before) or fronted):
            continue
        # A quotation then its speaker: what follows describes the scene ("..., a déclaré X, en conférence
        # de presse"), the sentence as a whole is the quote's. Only a statement going on with a figure or
        # a verb of its own ("..., et les bénéfices de 7 %") makes the incise an aside.
        if tokens[k - 1].text == '"' or not any(t.like_num or finite_word(t) for t in span.doc[close + 1 : span.end]):
            continue
        claimant, outlet, how = source_of(list(span.doc[verb.i + 1 : close]), language)
        if not claimant and not outlet:
            continue
        return Attribution(claimant, outlet, how or "speech", [(comma.i, close)])
    return None


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


def _learned_from(verb: Token) -> bool:
    """"a-t-on appris auprès du parquet", "apprend-on de l'Office": the impersonal "on" learns from the source."""
    if not verb.lower_.startswith("appr"):
        return False  # (most words: tried on the last words of every sentence, before any text is joined)
    window = verb.doc[max(verb.sent.start, verb.i - 3) : min(verb.sent.end, verb.i + 2)].text.lower()
    return bool(re.search(r"-(t-)?on\b", window))


def _tail_without_comma(tokens: list[Token], end: int, language: str) -> tuple[int, Token] | None:
    """"... une expérience similaire raconte Le Dauphiné Libéré.", "..., comme le rapporte Le Point.",
    "... nous apprend L'Est Républicain.", "... a-t-on appris jeudi de sources concordantes.", "... selon les
    informations de BFMTV."."""
    for k in range(max(1, end - 8), end - 1):
        tok = tokens[k]
        rest = tokens[k + 1 : end]
        # ("nous apprend Le Parisien": the paper tells the reader)
        told_us = tok.lower_.startswith("appr") and tokens[k - 1].lower_ == "nous"
        if (speech_verb(tok, language) or told_us) and "Fin" in morph_values(tok, "VerbForm") \
                and all(t.ent_type_ or t.pos_ == "PROPN" or t.lower_ in ("le", "la", "l'", "les") for t in rest) \
                and any(t.ent_type_ or t.pos_ == "PROPN" for t in rest):
            start = k
            while start > 0 and tokens[start - 1].lower_ in ("comme", "ainsi", "le", "l'", "la", "que", "qu'", ",",
                                                               "nous"):
                start -= 1
            return tokens[start].i, tok
    learned = _learned_without_comma(tokens, end)
    if learned is not None:
        return learned
    source = _source_at_end(tokens, end, language)
    if source is not None:
        return source
        # "..., a été soigné rapporte L'Indépendant.": a named outlet after the verb
        if speech_verb(tok, language) and "Fin" in morph_values(tok, "VerbForm") and rest and \
                outlet_in(rest[0].doc[rest[0].i : rest[-1].i + 1].text) and tokens[k - 1].text != ",":
            return tok.i, tok
    return None


def _statement_in(words: list[Token]) -> bool:
    """Whether words after an attribution marker say something of their own: a finite verb or a "que"."""
    return finite_in(words) or any(t.lower_ in ("que", "qu'", "that") for t in words)


def _learned_without_comma(tokens: list[Token], end: int) -> tuple[int, Token] | None:
    """"... renvoyés devant le tribunal a-t-on appris jeudi de sources concordantes.": the inverted
    impersonal "on" learned it from a source; the tail runs from its auxiliary to the end."""
    for k in range(max(1, end - 12), end - 1):
        tok = tokens[k]
        if not _learned_from(tok) or _statement_in(tokens[k + 1 : end]):
            continue
        start = k
        while start > 1 and tokens[start - 1].text.startswith("-"):
            start -= 1  # "a -t -on appris"
        if start < k:
            start -= 1
            if tokens[start].pos_ != "AUX":
                continue
        elif not (k + 1 < end and tokens[k + 1].text.startswith("-")):
            continue  # "apprend-on"; not a plain "appris" ("il a appris de ses erreurs")
        return tokens[start].i, tok
    return None


def _source_at_end(tokens: list[Token], end: int, language: str) -> tuple[int, Token] | None:
    """"... sollicité il y a plusieurs semaines selon les informations du Monde.": a source named at the
    end of the sentence with no comma before it. Only a source (a person, an organisation, an outlet, "une
    source proche du dossier", a stressed pronoun): "varie selon les régions" says how, not who."""
    for k in range(max(2, end - 16), end - 1):
        tok = tokens[k]
        after = k + 2 if tok.lower_ == "d'" and tokens[k + 1].lower_ == "après" else k + 1
        if not (tok.lower_ in lx.SOURCE_PREPOSITIONS or after == k + 2) or tokens[k - 1].is_punct:
            continue
        rest = tokens[after:end]
        # (not inside brackets: "(1,5 million selon la CGT)" is a figure of the statement)
        opened = sum(t.text == "(" for t in tokens[:k]) > sum(t.text == ")" for t in tokens[:k])
        if opened or any(t.is_punct and t.text not in ("-", "'") for t in rest) or _statement_in(rest):
            return None
        if any(t.text[:1].isdigit() and not _in_date(t) for t in rest):
            return None  # a figure is a statement ("selon 3 sondages sur 4")
        if len(rest) == 1 and rest[0].lower_ in _STRESSED_PRONOUNS:
            return tok.i, tok
        claimant, outlet, how = source_of(rest, language)
        if claimant or outlet or how.startswith("description:"):
            return tok.i, tok
        return None
    return None


def role_of(ent: Span) -> str:
    """The role or occupation written next to a person's name, as a role_key: "le ministre de l'Éducation
    Jean Dupont", "Jean Dupont, procureur de la République de Lyon,", "l'acteur franco-tunisien Michel
    Boujenah" (else "")."""
    doc = ent.doc
    sent = ent.sent
    inner = [t for t in ent if t.lower_ in lx.PERSON_ROLES]
    if inner and person_name(ent) != ent.text.strip(" ,.'\""):  # "Premier ministre Jean Dupont" as one entity
        name_start = name_end(ent) - len(person_name(ent).split())
        return role_key(doc[ent.start : name_start].text)
    before = []
    k = ent.start - 1
    while k >= sent.start and len(before) < 8 and not (doc[k].pos_ in ("VERB", "AUX") or doc[k].text in ',;:"()'):
        before.insert(0, doc[k])
        k -= 1
    complement = bool(before) and _complement(ent, before[0].i)
    if complement:
        # "l'administration Trump", "le maire de Fontaine": not who holds the role before it; an apposition after
        # it still says who they are ("les mots de Christophe Castaner, ministre de l'Intérieur,")
        before = []
    elif not before and k > sent.start and doc[k].text == "," and doc[k - 1].pos_ != "PUNCT":
        # "le maire communiste de Fontaine, Jean-Paul Trovero": the role set off before the name
        k -= 1
        while k >= sent.start and len(before) < 8 and not (doc[k].pos_ in ("VERB", "AUX") or doc[k].text in ',;:"()'):
            before.insert(0, doc[k])
            k -= 1
    heads = [i for i, t in enumerate(before) if t.lower_ in _ROLES_JOBS_ADJECTIVES]
    if heads:
        return role_key(_office_text(before[heads[0] :]))
    if complement and not (ent.end < sent.end and doc[ent.end].text == ","):
        return ""
    after = []
    k = ent.end + (1 if ent.end < sent.end and doc[ent.end].text == "," else 0)
    while k < sent.end and len(after) < 8 and not (doc[k].pos_ in ("VERB", "AUX") or doc[k].text in ',;:"()'):
        after.append(doc[k])
        k += 1
        if k + 2 < sent.end and doc[k].text == "(" and doc[k + 2].text == ")":
            k += 3  # "le député Les Républicains (LR) des Alpes-Maritimes": the acronym of the label
    words = [t for t in after if t.pos_ != "DET"]
    if words and words[0].lower_ in ROLES_JOBS:
        return role_key(_office_text(after))
    # "Jean Dupont, géologue et chercheur au CNRS,": an office coordinated after an occupation the lists lack
    joined = next((j for j in range(2, min(len(after), 5)) if after[j].lower_ in ROLES_JOBS
                   and after[j - 1].lower_ == "et"), None)
    if joined is not None and all(t.is_lower and t.pos_ in ("NOUN", "ADJ", "DET", "CCONJ") for t in after[: joined]):
        return role_key(" ".join(t.text for t in after[joined:]).replace("' ", "'"))
    return ""


def _office_text(words: list[Token]) -> str:
    """An office as written, without the party label between its noun and its complement ("député Les
    Républicains des Alpes-Maritimes" is "député des Alpes-Maritimes", "député LFI de Paris"): the office the
    article may repeat without it."""
    head = next((j for j, t in enumerate(words) if t.lower_ in ROLES_JOBS), None)
    label = head + 1 if head is not None else len(words)
    end = label
    while end < len(words) and words[end].text[:1].isupper() and words[end].pos_ != "ADJ" or \
            end < len(words) and words[end].lower_ in ("les", "la", "le") and end + 1 < len(words) \
            and words[end + 1].text[:1].isupper():
        end += 1
    parts = [words[:label], words[end:]] if end > label and end < len(words) and words[end].lower_ in (
        "de", "du", "des", "d'") else [words]
    # (each part as written: "Alpes-Maritimes" is three tokens)
    return " ".join(p[0].doc[p[0].i : p[-1].i + 1].text for p in parts if p)


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


def _apposed_name(role: Token) -> str:
    """"a assuré le ministre de l'Éducation, Jean Dupont, ...": the name set off by a comma right after
    the role is the speaker; a place the parser hung elsewhere may come between ("comme le dit la candidate
    LREM à Cherbourg, Sonia Krimi")."""
    doc = role.doc
    k = role.right_edge.i + 1
    end = k
    while end < len(doc) and end - k < 4 and doc[end].pos_ in ("ADP", "DET", "PROPN") and doc[end].text != ",":
        end += 1
    if end < len(doc) and doc[end].text == "," and doc[k].pos_ == "ADP":
        k = end  # "à Cherbourg," then the name
    if k < len(doc) and doc[k].text == ",":
        k += 1
    ent = entity_at(doc[k]) if k < len(doc) else None
    if ent is not None and ent.start == k and ent.label_ in ("PER", "PERSON"):
        return ent.text.strip(" ,.'\"")
    return ""


_DOCUMENT_STEMS = frozenset({*(noun.rstrip("s") for noun in lx.DOCUMENT_NOUNS), "estimation", "baromètre",
                             "enquête", "projection", "chiffre", "information", "donnée", "statistique",
                             "conclusion", "prévision", "relevé", "décompte", "comptage", "décret"})


def _in_anothers_clause(noun: Token) -> bool:
    """Whether a noun is the object or complement of a verb with a subject of its own: "Nathalie Loiseau a
    critiqué les populistes comme Marine Le Pen, qui racontent ..." is Nathalie Loiseau's statement, not Marine
    Le Pen's; "C'est le magazine Closer qui révèle ..." and "pour la France insoumise, qui estime ..." are not."""
    if any(c.dep_ == "case" and c.lower_ in ("par", "by") for c in noun.children):
        return False  # "un point de vue maintenu par Francis Kalifat, qui estime ...": the agent speaks
    child, head = noun, noun.head
    while head != child and head.pos_ not in ("VERB", "AUX"):
        child, head = head, head.head
    if head.pos_ not in ("VERB", "AUX") or child.dep_.startswith("nsubj"):
        return False  # no verb above it, or it is (in) that verb's subject
    return any(c.dep_.startswith("nsubj") and c.pos_ in ("NOUN", "PROPN") for c in head.children)


def _speaker_behind_outlet(span: Span, comma: Token, outlet: str, language: str) -> Attribution | None:
    """"Selon Le Parisien, le maire Paul Roux a affirmé que ...", "Comme le révèle Gala, le prince Harry confie
    que ...": the person a speech verb names in the clause after an outlet's phrase (which ends at `comma`) is
    the claimant, the outlet its outlet, and the phrase is left out of the text; None without such a speaker."""
    start = comma.i + 1
    if start >= span.end - 2:
        return None
    inner = find(span.doc[start : span.end], language)
    # ("Selon les informations de 20 Minutes, il met en vente ses dessins et assure que ...": a pronoun
    # speaker too, whom the pipeline resolves; the outlet only reported what he assures)
    pronoun = inner.how in ("pronoun:il", "pronoun:elle", "pronoun:ils", "pronoun:elles")
    if not (inner.claimant and inner.how == "speech" and not is_outlet(inner.claimant) or pronoun):
        return None
    return Attribution(inner.claimant, outlet, inner.how, [(span.start, start), *inner.drop], inner.said)


# "Comme le révèle le magazine Gala, ...", "Comme l'a rapporté Le Parisien, ...": an outlet's report put first.
_AS_REPORTED = ("comme", "as")


def _past_apposition(tokens: list[Token], end: int, subject: Token | None) -> int:
    """Where a fronted source phrase ends (its comma at `end` - 1): "Selon Paul Martin, un ancien élu qui ...,
    le maire a ...", "Comme l'a annoncé X, le présentateur de l'émission, ...": the source's apposition
    describes the source, it is part of the phrase; not the sentence's subject ("Selon un rapport,
    l'accident, qui ..., serait dû à") and not one with a figure."""
    if end < len(tokens) and (tokens[end].lower_ in ("un", "une", "le", "la", "l'", "les", "ancien", "ancienne", "ex")
                              or tokens[end].lower_.startswith("ex-")):
        close = next((k for k in range(end + 1, min(len(tokens), end + 20)) if tokens[k].text == ","), None)
        if close is not None and any(t.pos_ in ("VERB", "AUX") for t in tokens[close + 1 :]) and not any(
                t.like_num and t.lower_ not in ("un", "une") for t in tokens[end:close]) and not (
                subject is not None and tokens[end].i <= subject.i < tokens[close].i):
            return close + 1
    return end


def _fronted_outlet(span: Span, tokens: list[Token], language: str) -> Attribution | None:
    """"Comme le révèle le magazine Gala, dans un documentaire, le prince Harry confie que ...": the person
    who speaks in the main clause is the claimant, the outlet that reported it the outlet. With no speaker
    there ("Comme l'explique LCI, le réseau a perdu 3 000 abonnés"), the source the phrase names is the
    claimant, as after "Selon"; the phrase is left out of the text either way."""
    if len(tokens) < 6 or tokens[0].lower_ not in _AS_REPORTED:
        return None
    comma = next((k for k in range(2, min(len(tokens), 16)) if tokens[k].text == ","), None)
    verb = next((t for t in tokens[1:comma] if t.pos_ == "VERB" and speech_verb(t, language)), None) \
        if comma is not None else None
    if verb is None:
        return None
    outlet = outlet_in(" ".join(t.text for t in tokens[1:comma]))
    if outlet and (inner := _speaker_behind_outlet(span, tokens[comma], outlet, language)) is not None:
        return inner
    claimant, named_outlet, how = source_of([t for t in tokens[1:comma] if t.i > verb.i], language)
    if not (claimant or named_outlet):
        return None  # "Comme il l'a expliqué, ...": who is for the pronoun rules
    # (only a person's apposition: "Comme le rapporte France Bleu, le château ..., a trouvé" goes on with the subject)
    person = tokens[comma - 1].ent_type_ in ("PER", "PERSON")
    end = _past_apposition(tokens, comma + 1, None) if person else comma + 1
    return Attribution(claimant, named_outlet or outlet, "according_to" if how == "speech" else how,
                       [(tokens[0].i, tokens[end - 1].i + 1)])


def _interviewed_by(span: Span, tokens: list[Token], language: str) -> Attribution | None:
    """"Interrogé par France Bleu Isère, Jean Dupont, directeur du musée, explique que ...": the outlet that
    interviewed the speaker the main clause names; the phrase is left out of the text (it names no fact of
    the claim). None when no one speaks after it."""
    if len(tokens) < 6 or not tokens[0].lower_.startswith(lx.INTERVIEWED) or tokens[1].lower_ not in ("par", "by"):
        return None
    comma = next((k for k in range(2, min(len(tokens), 12)) if tokens[k].text == ","), None)
    if comma is None:
        return None
    claimant, outlet, _ = source_of(tokens[2:comma], language)
    outlet = outlet or (claimant if is_outlet(claimant) else "")
    return _speaker_behind_outlet(span, tokens[comma], outlet, language) if outlet else None


def _on_air(span: Span, tokens: list[Token], language: str) -> Attribution | None:
    """"Sur RTL, Nicolas Sarkozy a réclamé une loi ...", "Dans un entretien publié samedi par Le Figaro, Alain
    Juppé ...", "Invité de France Inter lundi, le ministre Paul Roux a annoncé ...": the outlet a named person
    spoke on, put first. The person the main clause names as its subject is the claimant whatever the verb
    (what they said there is the statement), the outlet the outlet, and the phrase leaves the text like a
    trailing "a-t-il déclaré lundi sur RTL". None when the phrase names no outlet or counts something
    ("Sur France 2, le film a réuni 5 millions de téléspectateurs" has no speaker either)."""
    if len(tokens) < 6 or tokens[0].lower_ not in _ON_AIR:
        return None
    comma = next((k for k in range(2, min(len(tokens), 16)) if tokens[k].text == ","), None)
    if comma is None or comma + 3 >= len(tokens):
        return None
    phrase = tokens[:comma]
    outlet = outlet_in(" ".join(t.text for t in phrase))
    if not outlet or any(t.like_num and t.lower_ not in ("un", "une", "a", "an") and not (
            k + 1 < comma and phrase[k + 1].lower_ in lx.MONTHS) for k, t in enumerate(phrase)):
        return None
    inner = _speaker_behind_outlet(span, tokens[comma], outlet, language)
    if inner is not None:
        return inner
    subject = next((c for c in span.root.children if c.dep_ == "nsubj" and c.i > tokens[comma].i), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ not in ("PER", "PERSON"):
        return None
    name = person_name(next((e for e in span_ents(span) if e.start <= subject.i < e.end), subject.doc[subject.i : subject.i + 1]))
    return Attribution(name, outlet, "according_to", [(tokens[0].i, tokens[comma].i + 1)]) if name else None


# The words that open a phrase naming where someone spoke: "Sur RTL,", "Au micro de France Info,", "Dans un
# entretien au Parisien,", "Invitée de BFMTV,".
_ON_AIR = frozenset({"sur", "au", "dans", "invité", "invitée", "invités", "invitées", "on", "in"})


def find(span: Span, language: str) -> Attribution:
    """The attribution of one sentence (or clause)."""
    tokens = span_tokens(span)
    if not tokens:
        return Attribution()
    lower = column(span.doc, "lower_")[span.start : span.end]
    # "Selon X, ..." / "D'après X, ..." at the start: the phrase up to its comma is left out of the text.
    markers = lx.ATTRIBUTION_MARKERS.get(language, ())
    head = " ".join(lower[:4]).replace(" '", "'").replace("' ", "'")
    for marker in markers:
        if head.startswith(marker):
            n_marker = len(marker.replace("'", "' ").split())
            # The phrase ends at the first comma followed by a clause ("Selon un sondage pour France TV,
            # Radio France et LCP, 43 % des sondés citent ..."): a list of names does not end it.
            commas = [k for k in range(n_marker, min(len(tokens), n_marker + 30)) if tokens[k].text == ","]
            # Nor past the subject of the sentence ("Selon une étude, 59 % des patients ..., qui ..., ont vu"):
            # what follows it is the statement.
            subject = next((c for c in span.root.children if c.dep_.startswith("nsubj")
                            and c.left_edge.i - span.start > n_marker
                            and not {span.doc[c.left_edge.i - 1].lower_, c.left_edge.lower_} & {"dont", "qui", "que", "qu'"}),
                           None)  # not a relative clause's ("..., dont Le Monde se fait l'écho, ...")
            if subject is not None:
                commas = [k for k in commas if k < subject.left_edge.i - span.start] or commas[:1]
            comma = None
            for pos, k in enumerate(commas):
                stop = commas[pos + 1] if pos + 1 < len(commas) else len(tokens)
                after = tokens[k + 1 : stop]
                if after and after[0].lower_ in ("et", "ou", "mais", "and", "or", "but"):
                    continue  # a coordination carries on the phrase ("le couple, lui ..., et elle ...")
                if after and after[0].lower_ in ("qui", "dont", "où", "who", "which"):
                    continue  # "Selon une étude, 59 % des Canadiens ..., qui peuvent ...": a relative clause's verb
                if after and after[0].pos_ == "ADP" and after[0].lower_ not in ("de", "d'", "du", "des", "of"):
                    comma = k  # "Selon Le Parisien, dans la rue X, ...": a place or time opens the main clause
                    # but not past a noun phrase with a figure, which describes no source: it is the subject
                    # ("Selon le Sun, deux enfants de Carei, dans le nord du pays, travailleraient ...")
                    if any(t.like_num and t.lower_ not in ("un", "une", "one") for t in tokens[commas[0] + 1 : k]):
                        comma = commas[0]
                    break
                if finite_in(after):
                    comma = k
                    break
            if comma is None:
                comma = commas[0] if commas else None
            if commas[:1] == [n_marker + 1] and tokens[n_marker].lower_ in _STRESSED_PRONOUNS:
                # 'Selon elle, "depuis le discours de X", le confinement ...': a pronoun is the whole source,
                # whatever comes between its comma and the statement's subject
                comma = n_marker + 1
            if comma is None:
                break
            if comma + 1 < len(tokens) and tokens[comma + 1].pos_ in ("AUX", "VERB"):
                # "Selon Gary Johnson, cet accroc, dû à ..., avait été évoqué ...", "Selon un rapport,
                # consulté par France 3, l'accident, qui ..., serait dû à ...": what follows that comma has
                # no subject; the first noun phrase after a comma of the source phrase is it (the parser
                # made it the source's apposition)
                comma = next((k for k in commas if k < comma and tokens[k + 1].pos_ in ("DET", "NOUN", "PROPN")),
                             comma)
            phrase = tokens[n_marker:comma]
            if len(phrase) == 1 and phrase[0].lower_ in lx.SOURCE_PRONOUNS:
                pronoun = lx.SOURCE_PRONOUNS[phrase[0].lower_]
                return Attribution("", "", f"pronoun:{pronoun}", [(tokens[0].i, tokens[comma].i + 1)])
            claimant, outlet, how = source_of(phrase, language)
            if how == "outlet" and (inner := _speaker_behind_outlet(span, tokens[comma], outlet, language)):
                return inner  # "Selon Le Parisien, le maire Paul Roux a affirmé que ...": the outlet reported him
            if claimant or outlet:
                # ("Selon le quotidien régional,": a described medium, the one the article named, _resolve)
                end = _past_apposition(tokens, comma + 1, subject)
                return Attribution(claimant, outlet, "according_to" if how == "speech" else how,
                                   [(tokens[0].i, tokens[end - 1].i + 1)])
            break
    fronted = _fronted_outlet(span, tokens, language) or _interviewed_by(span, tokens, language) \
        or _on_air(span, tokens, language)
    if fronted is not None:
        return fronted
    tail = _tail(span, language)
    background = _background_comma(span) if tail is None else None
    if background is not None:
        tail = _tail(span.doc[span.start : background], language)
    if tail is not None:
        start, verb = tail
        end = max(start, _end_of_text(span) if background is None else background)
        bare = bare_participle(list(span.doc[start + 1 : end]))
        if bare is not None:
            end = start + 1 + bare  # what the participle clause says stays in the text, after the comma
        said = _said_after(span, start, end, language)
        # The speaker is named before the participle clause of a second statement, never inside it.
        rest = [t for t in span.doc[start + 1 : said[0] if said else span.end] if not t.is_punct]
        # nor in what the speaker did besides ("..., en remerciant le colonel Morgan", ", confirmant ...")
        rest = rest[: next((j for j, t in enumerate(rest) if t.i > verb.i and (_besides(t) or bare_besides(t))),
                           len(rest))]
        window = span.doc[max(span.start, verb.i - 3) : min(span.end, verb.i + 3)].text
        pm = PRONOUN_VERB.search(window)
        pronoun = (pm.group(1) or pm.group(2)).lower() if pm else ""
        source = [t for t in rest if t.i > verb.i and t.lower_ != "après"]
        if verb.lower_ in ("selon", "d'", "d'après") and len(source) == 1 and source[0].lower_ in _STRESSED_PRONOUNS:
            pronoun = _STRESSED_PRONOUNS[source[0].lower_]  # "..., d'après lui."
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.i > start), None)
        if subject is not None and language == "en":
            # "..., the Labor Department said on Friday": the speaker is the verb's subject.
            if subject.lower_ in ("he", "she", "they"):
                pronoun = subject.lower_
                claimant, outlet, how = "", outlet_in(" ".join(t.text for t in rest)), f"pronoun:{pronoun}"
            else:
                claimant, outlet, how = source_of(list(subject.subtree), language)
                outlet = outlet or outlet_in(" ".join(t.text for t in rest if t.i > verb.i))
        else:
            claimant, outlet, how = _headless_source([t for t in rest if t.i > verb.i], language) or source_of(
                [t for t in rest if t.i > verb.i], language, told=pronoun != "on")
        if pronoun and pronoun != "on":
            # "a-t-elle raconté aux enquêteurs", "a-t-il confié au Parisien": the pronoun is the speaker,
            # what follows the verb is who was told or the medium.
            claimant, how = "", f"pronoun:{pronoun}"
        elif not claimant and pronoun:
            how = f"pronoun:{pronoun}"
        if how.startswith("pronoun:"):
            named = _pronoun(span, how.split(":", 1)[1], verb.i)
            claimant, how = named.claimant, named.how
        drop = [(start + (bare is not None), said[0] if said else end), *_said_drop(span, said)]
        if how == "outlet" and start > span.start:
            # "..., a-t-il affirmé, rapporte Paris Match.": the speaker comes before the outlet.
            inner = find(span.doc[span.start : start], language)
            if inner.drop and inner.drop[-1][1] >= start - 1 and (inner.claimant or inner.how.startswith("pronoun:")):
                return Attribution(inner.claimant, outlet, inner.how, [*inner.drop, *drop], said)
            if not inner.drop and inner.claimant and inner.how == "speech":
                # "Brigitte Bardot révèle avoir reçu ..., comme le rapporte Le Point": the statement is the named
                # subject's, kept in the text with its speech verb; the medium only reported it.
                return Attribution(inner.claimant, outlet, inner.how, drop, said)
        if not claimant and not how.startswith(("pronoun:", "description:")) and start > span.start:
            # "LFI a annoncé avoir récolté 1,5 million, selon un message transmis à l'AFP": the tail names no
            # one, the speaker is the subject of the speech verb before it.
            inner = find(span.doc[span.start : start], language)
            if inner.claimant and inner.how in ("speech", "according_to"):
                return Attribution(inner.claimant, outlet or inner.outlet, inner.how, [*inner.drop, *drop], said)
        if not (claimant or outlet or how or pronoun):
            claimant, how = _inverted_description(source)
        if claimant or outlet or how or not any(t.pos_ in ("NOUN", "PROPN") for t in source):
            return Attribution(claimant, outlet, how or "speech", drop, said)
        # ", selon un sondage du 8 juin", ", a expliqué le sismologue": a source this module cannot name as a
        # claimant stays in the text rather than be lost
    incise = _incise(span, language) or _pronoun_incise(span, language)
    if incise is not None:
        return incise
    # "X a déclaré", "X explique que": a subject of a speech verb, nothing left out.
    for tok in tokens:
        # (an appeal, or a verb that introduces a quotation after a colon, states without a speech verb)
        appeal = tok.pos_ == "VERB" and (_appeal(tok, language) or _introduces_quotation(tok, span))
        if not (tok.pos_ in ("VERB",) and (speech_verb(tok, language) or appeal)) or negated(tok):
            continue
        window = span.doc[max(span.start, tok.i - 3) : min(span.end, tok.i + 3)].text
        pm = PRONOUN_VERB.search(window)
        if pm and (pm.group(1) or pm.group(2)).lower() != "on":
            return _pronoun(span, (pm.group(1) or pm.group(2)).lower(), tok.i)
        if not appeal and not _reports_content(tok, language):
            continue
        if _background_clause(tok, span):
            continue  # "Après qu'il a annoncé son départ, son agent indique que ...": the main clause's speaker
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i \
                and any(c.dep_ == "obl:agent" for c in tok.children):
            continue  # "Les mesures annoncées par Edouard Philippe sont bien accueillies": what the noun is
        if quoted(tok, span) and not _quotation_starts_at(tok, span):
            continue  # a verb inside a quotation is the quoted speaker's ("X m'a dit ...", se plaint-il)
        # A passive subject ("L'arrivée de X a été annoncée") is what was said, not who said it.
        opened = int(_quotation_starts_at(tok, span))  # (the mark that opens the quotation at the verb)
        inverted = _closing_quote_then_speaker(tok, span)
        subjects = [c for c in _subject_holders(tok) if c.dep_.startswith("nsubj") and c.dep_ != "nsubj:pass"
                    and not quoted(c, span) and span.doc[c.i : tok.i].text.count('"') % 2 == opened
                    and not (inverted and c.i < tok.i)]
        # (a closed quotation between them is a word quoted: "l'affaire des "écoutes", a annoncé ...")
        if not subjects:
            subjects = _gerund_subjects(tok, span)
        for subj in subjects:
            if _hyphen_first_half(subj, subjects):
                continue  # "L'ancien député-maire Paul Durand": the compound's second half holds the name
            if subj.lower_ in lx.PRONOUN_SPEAKERS:
                named = _cataphora(span, tok, subj)
                return Attribution(named, "", "speech") if named else _pronoun(span, subj.lower_, subj.i)
            latter = _latter([*subj.lefts, subj]) if subj.lower_ in LATTER else ""
            if latter:
                return _pronoun(span, latter, subj.i)  # "Ce dernier a affirmé que ..."
            if subj.lower_ in ("qui", "who") and tok.dep_ == "acl:relcl" and tok.head.pos_ in ("PROPN", "NOUN") \
                    and tok.head.i < subj.i:
                # "pour la France insoumise, qui estime que ...": who the relative clause is about speaks; a
                # name right before "qui" is who it is about, wherever the parser hung the clause
                before = span.doc[subj.i - 2] if subj.i - 2 >= span.start and span.doc[subj.i - 1].text == "," \
                    else span.doc[subj.i - 1]
                named = entity_at(before) if before.ent_type_ in ("PER", "PERSON", "ORG") else None
                head = named.root if named is not None else tok.head
                phrase = list(named) if named is not None else [
                    t for t in head.subtree if t.i < subj.i and not (t.is_punct and t.i == subj.i - 1)]
                claimant, outlet, how = source_of(phrase, language) if not _in_anothers_clause(head) else ("", "", "")
                if claimant or outlet:
                    return Attribution(claimant, outlet, how)
            # (a first name the tagger read as a foreign word, "Donald" tagged X, heads a person's name all the same)
            # (nor a name or a role with its name the tagger read as another word: "l'ancien juré Philippe
            # Manoeuvre" with "juré" tagged a verb, "Elodie Clouvel" with "Clouvel" an adjective)
            named_x = subj.pos_ not in ("PRON", "DET") and (
                subj.ent_type_ in ("PER", "PERSON", "ORG") or _named_subject(subj) is not None)
            if (subj.pos_ in ("PROPN", "NOUN") or named_x) and subj.lower_ not in lx.FIRST_PERSON.get(language, set()):
                # ("L'ancien député-maire de Brest": the first half of a split compound opens the phrase)
                halves = [t for half in subjects if half is not subj and _hyphen_first_half(half, [subj])
                          for t in half.subtree]
                claimant, outlet, how = source_of([*halves, *_past_fronted_apposition(subj)], language)
                if subj.lower_ in lx.PERSON_ROLES:
                    claimant = _apposed_name(subj) or claimant
                if claimant or outlet or how.startswith("description:"):
                    # ("Le quotidien précise que ...": the outlet the article named before, pipeline._resolve)
                    return Attribution(claimant, outlet, how)
                written = _subject_as_written(subj, tok, language)
                if written:
                    return Attribution(written, "", "speech")
        if not subjects and finite(tok):
            named = _name_before(tok, span)
            if named is not None:
                claimant, outlet, how = source_of(list(named), language)
                if claimant:
                    return Attribution(claimant, outlet, how)
        # Inverted subject: "a déploré son président, Marc Olivier", "said commissioner Linda Perez".
        # An infinitive has no subject of its own ("conduit X à admettre ses fautes").
        # ('"...", a déclaré le chef de l'État': a subject the parser found before the quotation is not the verb's)
        # (not a passive: "Sont ainsi annoncés le député Eric Coquerel, ..." names what was announced)
        # (nor a gerund's: "en assurant que la réforme Delevoye ..." has its main verb's subject or none)
        if (not subjects or after_quotation(tok)) and "Inf" not in morph_values(tok, "VerbForm") \
                and not any(c.dep_ == "aux:pass" for c in tok.children) and not _gerund(tok):
            # "dénonce de son côté la secrétaire d'État à l'Égalité, Marlène Schiappa": the name set off
            # after a long role may come a dozen words after the verb, not past another clause ("mais") nor
            # into what was said ("a assuré que la réforme Delevoye ..."; a name there is talked about).
            after = list(itertools.takewhile(
                lambda t: t.text not in (".", ";", ":", "?", "!") and t.pos_ != "CCONJ" and not finite_word(t)
                and t.lower_ not in _CONTENT_OPENERS,
                span.doc[tok.i + 1 : min(span.end, tok.i + 14)]))
            for t in after:
                if t.ent_type_ in ("PER", "PERSON") and t.ent_iob_ == "B":
                    claimant, outlet, how = source_of(after, language)
                    if claimant:
                        return Attribution(claimant, outlet, "speech")
            # '"...", a déclaré le chef de l'État,': after a quotation, the noun phrase is its speaker.
            # (so is it after a comma when the tail was kept in the text: "..., souligne l'agence, qui
            # identifie quatre causes" says a figure of its own after the speaker)
            if after_quotation(tok) or inverted or _after_comma(tok):
                phrase = list(itertools.takewhile(lambda t: t.text not in (",", ".", ";", "(") and t.lower_ not in (
                    "à", "au", "aux", "lors", "pour", "dans", "avec", "sur"), after))
                claimant, outlet, how = source_of(phrase, language) if phrase else ("", "", "")
                if claimant or outlet:
                    return Attribution(claimant, outlet, how or "speech")
                if inverted and not how:
                    # a noun the lexicon lacks ("l'éditorialiste"): the speaker as written
                    head = next(t for t in phrase if t.pos_ in ("NOUN", "PROPN"))
                    return Attribution(" ".join(span.doc[phrase[0].i : phrase[-1].i + 1].text.split()), "",
                                       f"description:{head.lower_}")
    if language == "en":
        m = re.search(r"\b(he|she|they) (said|says|told|added|noted|argued|claimed)\b", span.text.lower())
        if m:
            return Attribution("", "", f"pronoun:{m.group(1)}")
    inside = _according_to_inside(span, language)
    return inside if inside is not None else _point_of_view(tokens, language)


# Verbs only a speaker can be the subject of ("estime que", "a annoncé que"); not those a document or a
# figure may have ("Les chiffres indiquent que", "Ce résultat montre que", "L'affaire rappelle que").
_SPEAKING_STEMS = frozenset({"déclar", "affirm", "estim", "annonc", "assur", "dénonc", "promet", "promis", "racont",
                             "regrett", "déplor", "fustig", "martel", "confi", "concè", "concéd", "admet", "admis",
                             "avou", "témoign", "s'indign"})
_SPEAKING_FOLDED = tuple(fold(stem) for stem in sorted(_SPEAKING_STEMS))
# Heads of a share of a group: "la moitié des sondés estime que" is a poll's figure, not a speaker.
_SHARE_NOUNS = frozenset({"moitié", "majorité", "minorité", "plupart", "tiers", "quart", "part", "partie", "nombre",
                          "proportion", "total"})


def _subject_as_written(subj: Token, verb: Token, language: str) -> str:
    """"Un ami du chanteur a annoncé que ...", "Le planning familial estime que ...": the singular noun
    subject of a verb only a speaker can have is the claimant as written, whatever noun it is (the lexicon
    cannot know every speaker), up to what sets it off (a comma, a relative clause). Not a share of a group
    or a figure ("62 % des sondés estiment", a poll's), nor a plural ("les habitants estiment")."""
    if language != "fr" or subj.pos_ not in ("NOUN", "PROPN") or "Plur" in morph_values(subj, "Number"):
        return ""
    if not fold(verb.lower_).startswith(_SPEAKING_FOLDED):  # (by its form: the pipeline reads no lemmas)
        return ""
    if subj.lower_ in _NOT_SPEAKER_NOUNS or subj.lower_ in _SHARE_NOUNS \
            or subj.lower_.rstrip("s") in _DOCUMENT_STEMS or subj.lower_ in lx.FIRST_PERSON.get(language, set()):
        return ""
    if present_participle(verb) or _gerund(verb) or subj.i > verb.i \
            or sum(c.dep_.startswith("nsubj") for c in _subject_holders(verb)) > 1:
        return ""  # ("..., de nombreux métiers déplorant ...": a participle clause's subject the parser mixed up)
    doc = subj.doc
    before = subj.left_edge.i - 1
    if before >= 1 and doc[before].text == "," and doc[before - 1].pos_ in ("NOUN", "PROPN") \
            and doc[before - 1].lower_ not in _NOT_SPEAKER_NOUNS:
        # "un vice-président d'Amazon, la filiale dédiée au cloud, a annoncé": an apposition to the noun phrase
        # before it; not after a circumstance ("Dans un entretien au Monde, la dirigeante a affirmé")
        opens = next((t for t in reversed(doc[subj.sent.start : before]) if t.text == ","), None)
        first = doc[opens.i + 1] if opens is not None else doc[subj.sent.start]
        if first.pos_ not in ("ADP", "SCONJ", "ADV"):
            return ""
    words = list(doc[subj.left_edge.i : min(subj.right_edge.i + 1, verb.i)])
    cut = next((k for k, t in enumerate(words) if t.i > subj.i and (
        t.text in (",", "(", ";", ":") or t.lower_ in ("qui", "dont", "que", "qu'", "lequel", "laquelle")
        or t.pos_ in ("VERB", "AUX"))), len(words))
    words = words[:cut]
    if not words or len(words) > 10 or any(t.like_num and t.lower_ not in ("un", "une") or t.text == "%" for t in words) \
            or sum(t.text == '"' for t in words) % 2 or words[0].pos_ not in ("DET", "NOUN", "PROPN", "ADJ"):
        return ""
    return " ".join(doc[words[0].i : words[-1].i + 1].text.split())


# What ends a speaker's description after its complement: the medium told, a place, a time.
_AFTER_SPEAKER = frozenset({"à", "au", "aux", "auprès", "sur", "dans", "lors", "pour", "par", "en", "dès", "ce", "cette",
                            "depuis", "après", "avant", "qui", "dont"})


def _person_noun(noun: str) -> bool:
    """"l'ex-collaborateur", "la porte-parole", "le ministre": a noun for a person, whom the article may name (their
    description is resolved or left as the source_of rules say); not an office or a service of an institution."""
    singular = noun.rstrip("s") if len(noun) > 3 else noun
    return bool({noun, singular} & JOBS_ROLES_AGENTS) or singular.endswith(_AGENT_SUFFIXES) \
        or singular.split("-")[-1].endswith(_AGENT_SUFFIXES)


def _inverted_description(words: list[Token]) -> tuple[str, str]:
    """", a annoncé vendredi la salle de presse du Vatican", ", ont précisé les services du Premier ministre": after
    a speech verb that closes a sentence, a definite noun phrase (past a date) is its subject whatever its noun,
    when a complement names whose it is with a capital (a name, a title): (the phrase as written,
    "description:<noun>"), a speaker the agent lists lack; else ("", "")."""
    k = 0
    while k < len(words) and (words[k].lower_ in lx.WHEN_WORDS or words[k].lower_ in ("matin", "soir", "midi")
                              or words[k].text[:1].isdigit()):
        k += 1
    if k + 3 >= len(words) or words[k].lower_.replace("\u2019", "'") not in ("le", "la", "les", "l'") \
            or words[k + 1].pos_ != "NOUN" or not words[k + 1].is_lower:
        return "", ""
    noun = words[k + 1]
    if noun.lower_ in _NOT_SPEAKER_NOUNS or noun.lower_ in lx.TIME_NOUNS or noun.lower_ in lx.OUTLET_NOUNS \
            or noun.lower_.rstrip("s") in _DOCUMENT_STEMS or _person_noun(noun.lower_):
        return "", ""
    end = next((j for j in range(k + 2, len(words)) if words[j].lower_ in _AFTER_SPEAKER
                or words[j].lower_ in lx.WHEN_WORDS), len(words))
    # (a capitalised name or title in the complement: "du Vatican", "du Premier ministre"; not "la mort de son père")
    of = next((j for j in range(k + 2, min(end - 1, k + 6)) if words[j].lower_ in ("de", "du", "des", "d'")
               and any(t.text[:1].isupper() for t in words[j + 1 : min(end, j + 3)])), None)
    if of is None:
        return "", ""
    doc = noun.doc
    last = words[end - 1].i + 1
    if last < len(doc) and doc[last].text == ")" and "(" in doc[words[k].i : last].text:
        last += 1  # "la sécurité aérienne des Etats-Unis et du Canada (Norad)"
    if '"' in doc[words[k].i : last].text:
        return "", ""  # a title in quotation marks: a work, whose description this is not
    return " ".join(doc[words[k].i : last].text.split()), f"description:{noun.lower_}"


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


# Conjunctions that open a clause setting the scene for the main one ("Alors que le parquet a annoncé ..., "). Not
# "si": "S'il estime que ..., il insiste" is one speaker's (see _cataphora).
_BACKGROUND_OPENERS = frozenset({"alors", "après", "tandis", "lorsque", "lorsqu'", "quand", "avant", "depuis",
                                 "puisque", "puisqu'", "while", "after", "when", "before", "since"})
BACKGROUND_OPENERS = _BACKGROUND_OPENERS


def _background_clause(verb: Token, span: Span) -> bool:
    """"Après qu'il a annoncé son départ, son agent indique que ...", "Alors que le parquet a annoncé avoir ouvert
    une enquête, l'ancienne candidate a fourni des explications": a speech verb in a clause put before the main
    one by a conjunction of time or contrast sets the scene; the main clause after the comma, with a finite verb
    of its own, is the statement (and its speaker, if any, the claimant)."""
    doc = verb.doc
    opener = next((t for t in reversed(doc[span.start : verb.i]) if t.text in (",", ";", ":")), None)
    first = doc[opener.i + 1] if opener is not None else doc[span.start]
    if first.lower_ not in _BACKGROUND_OPENERS or first.i >= verb.i:
        return False
    comma = next((t for t in doc[verb.i + 1 : span.end] if t.text == ","), None)
    return comma is not None and any(t.pos_ in ("VERB", "AUX") and finite(t) for t in doc[comma.i + 1 : span.end])


def _name_before(verb: Token, span: Span) -> Span | None:
    """"la France insoumise (LFI) assure avoir ...": a speech verb the parser gave no subject, right after
    a named organisation or person (its acronym in brackets and the auxiliary between them), the name
    opening its clause (after the sentence start, a comma or an article)."""
    doc = verb.doc
    k = verb.i - 1
    while k > span.start and (doc[k].pos_ == "AUX" or doc[k].lower_ in ("a", "ont")):
        k -= 1
    if k > span.start + 2 and doc[k].text == ")" and doc[k - 2].text == "(" and doc[k - 1].text.isupper() \
            and len(doc[k - 1].text) > 1:
        # "la France insoumise (LFI)": the acronym names the organisation the parser broke up, when
        # the words before it open the clause
        j = k - 3
        while j > span.start and doc[j].text not in (",", ";", ":") and j > k - 9:
            j -= 1
        if j == span.start or doc[j].text in (",", ";", ":"):
            return doc[k - 1 : k]
        return None
    if doc[k].text == "," and k > span.start:
        # "Interrogé par X, Jean-Pascal Jospin, directeur du musée, explique que": the name before the
        # apposition that describes it (no verb of its own in between)
        j = k - 1
        while j > max(span.start, k - 16) and doc[j].text != ",":
            j -= 1
        if not (doc[j].text == "," and j - 1 > span.start and doc[j - 1].ent_type_ in ("PER", "PERSON")) or finite_in(
                doc[j + 1 : k]):
            return None
        k = j - 1
    if k < span.start or not doc[k].ent_type_ or doc[k].ent_type_ not in ("ORG", "PER", "PERSON", "MISC", "LOC"):
        return None
    ent = entity_at(doc[k])
    if ent is None or ent.end != k + 1:
        return None
    start = ent.start
    if start > span.start and doc[start - 1].pos_ == "DET":
        start -= 1
    if start > span.start and doc[start - 1].text != ",":
        return None
    return doc[start : ent.end]


# "la thèse selon laquelle ...", "selon que ...", "selon moi": no source follows the marker.
_NOT_A_SOURCE = {"laquelle", "lequel", "lesquels", "lesquelles", "que", "qu'", "moi", "toi", "nous", "vous", "which"}
_STRESSED_PRONOUNS = lx.SOURCE_PRONOUNS_FR


# "comme révélé par", "as reported by": the only "comme"/"as" _according_to_inside reads a source after (a
# participle, then "par"/"by"); any other leaves the sentence to the fast path.
_AS_SAID_BY = re.compile(r"\b(?:comme|as)\s+\S+\s+(?:par|by)\b")


def _according_to_inside(span: Span, language: str) -> Attribution | None:
    """"..., à 43 %, selon un sondage Elabe publié jeudi, alors que ...", "Toutefois, selon Forbes, en
    2018, ...", "... 1,5 million de curieux selon Médiamétrie, soit ...": a source given inside the
    sentence, where neither the opening nor the trailing attribution reads it. The phrase ends at the
    next punctuation, conjunction or finite verb; it stays in the text (only its source is read) unless
    commas set it off and the statement goes on after it."""
    doc = span.doc
    lowered = span_text(span).lower()  # the cached sentence text, read by every sentence
    if "selon" not in lowered and "d'après" not in lowered and "according to" not in lowered \
            and _AS_SAID_BY.search(lowered) is None:
        return None  # most sentences: no token loop
    for tok in span[1:]:
        after = doc[tok.i + 1 : span.end]
        if not after:
            return None
        if tok.lower_ == "selon" or tok.lower_ == "according" and after[0].lower_ == "to":
            phrase_start = tok.i + 1 + (tok.lower_ == "according")
        elif tok.lower_ == "d'" and after[0].lower_ == "après":
            phrase_start = tok.i + 2
        elif tok.lower_ in ("comme", "as") and len(after) > 2 and "Part" in morph_values(after[0], "VerbForm") \
                and speech_verb(after[0], language) and after[1].lower_ in ("par", "by"):
            phrase_start = tok.i + 3  # "... revus à la hausse comme révélé par le magazine Variety"
        else:
            continue
        if phrase_start >= span.end or doc[phrase_start].lower_ in _NOT_A_SOURCE or quoted(tok, span):
            continue
        if _bracketed_figure_source(tok, span):
            continue
        if doc[phrase_start].lower_ in _STRESSED_PRONOUNS:
            # "L'affaire évoque selon lui la mort d'Eric Garner": the person the article is about; "Le Pr Jean
            # Roux a publié des études qui, selon lui, montrent ...": the person the sentence names before it.
            return _pronoun(span, _STRESSED_PRONOUNS[doc[phrase_start].lower_], tok.i)
        phrase = list(itertools.takewhile(
            lambda t: t.text not in ",;:.()!?\"" and t.pos_ not in ("CCONJ", "SCONJ") and t.lower_ not in (
                "qui", "dont", "alors", "soit", "who", "which") and not finite_word(t),
            doc[phrase_start : min(span.end, phrase_start + 14)]))
        claimant, outlet, how = source_of(phrase, language) if phrase else ("", "", "")
        if (claimant or outlet) and not _in_relative_clause(tok):
            # Set off by commas with the statement going on after it (", selon RTL, trois ans après ..."),
            # it leaves the text as an incise does.
            # Not when what follows names or describes the source (", selon un porte-parole, Doug Carlson,
            # cité par le journal"), which has no verb of its own.
            end = phrase_start + len(phrase)
            after = doc[end + 1 : span.end] if end + 1 < span.end else None
            between_commas = doc[tok.i - 1].text == "," and doc[end].text == "," and after is not None and (
                after[0].pos_ != "PROPN" and finite_in(after))
            if between_commas and (after[0].lower_ in ("que", "qu'") or doc[tok.i - 2].pos_ in ("AUX", "VERB")
                                   or after[0].pos_ in ("AUX", "VERB")):
                end += 1  # "il se peut, selon X, que", "Il aurait, selon X, favorisé", "X, selon Y, a démissionné"
            drop = [(tok.i - 1, end)] if between_commas else _opening_source(span, tok, end)
            return Attribution(claimant, outlet, "according_to" if how == "speech" else how, drop)
    return None


def _bracketed_figure_source(marker: Token, span: Span) -> bool:
    """"800.000 manifestants selon le ministère (1,5 million selon la CGT)": a source inside brackets after
    other words gives the source of what the brackets say (another count), not of the sentence; "(selon
    l'Insee)" right after its opening bracket is the sentence's."""
    text_of = column(marker.doc, "text")
    opened = next((i for i in range(marker.i - 1, span.start - 1, -1) if text_of[i] in ("(", ")")), None)
    return opened is not None and text_of[opened] == "(" and opened < marker.i - 1


# Words that may come before a source opening the sentence ("Mais selon Le Parisien,", "Toujours selon X,").
_BEFORE_OPENING_SOURCE = frozenset({"mais", "et", "or", "toujours", "encore", "aussi", "enfin", "cependant", "toutefois",
                                    "pourtant", "donc", "ainsi", "alors", "but", "and", "yet", "still", "also"})


def _opening_source(span: Span, marker: Token, end: int) -> list[tuple[int, int]]:
    """"Mais selon Le Parisien, le maire a démissionné", "Toujours selon X, ...": a source phrase that opens the
    sentence after a connective only, set off by its comma before the statement, leaves the text with the
    connective as "Selon X," does (find); [] otherwise (the phrase stays)."""
    doc = span.doc
    if marker.i == span.start or end + 1 >= span.end or doc[end].text != "," \
            or not all(t.lower_ in _BEFORE_OPENING_SOURCE or t.text == "," for t in doc[span.start : marker.i]) \
            or not finite_in(doc[end + 1 : span.end]):
        return []
    return [(span.start, end + 1)]


def _in_relative_clause(marker: Token) -> bool:
    """"Le videur, qui selon Ouest France lui aurait refusé l'entrée, a reçu un coup de couteau": a source
    given right after a relative pronoun is the source of that clause only, not of the sentence. (The
    parse is not asked: it hangs a trailing "selon" on the nearest verb, often a relative clause's.)"""
    return marker.i > 0 and marker.doc[marker.i - 1].lower_ in ("qui", "que", "qu'", "dont", "où", "which", "who")


def _point_of_view(tokens: list[Token], language: str) -> Attribution:
    """"Pour Bruno Le Maire, les Français doivent travailler plus.", "Pour le maire de la commune, le pire
    a été évité.": the person whose view the sentence gives is its claimant. Only a person (named, or by
    an office): "Pour l'entreprise, le coût est de 3 millions" is the company's cost, not its view. The
    phrase stays in the text, as part of what is claimed."""
    if language != "fr" or len(tokens) < 4 or tokens[0].lower_ != "pour":
        return Attribution()
    comma = next((k for k in range(2, min(len(tokens), 12)) if tokens[k].text == ","), None)
    if comma is None:
        return Attribution()
    phrase = tokens[1:comma]
    person = phrase[0].ent_type_ in ("PER", "PERSON") or (
        phrase[0].lower_ in ("le", "la", "l'") and len(phrase) > 1 and fold(phrase[1].lower_) in FOLDED_ROLES) or (
        # "Pour son ami Jean-Michel Jarre, ...", "Pour sa fille Lucie, ...": a relation of someone, named after it
        phrase[0].lower_ in ("son", "sa", "leur") and len(phrase) > 2 and phrase[-1].ent_type_ in ("PER", "PERSON"))
    if not person or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return Attribution()
    claimant, outlet, how = source_of(phrase, language)
    return Attribution(claimant, outlet, how or "speech") if claimant else Attribution()
