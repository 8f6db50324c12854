"""The source a phrase names (source_of): the claimant (a person, an organisation or an agent noun
phrase) and the outlet (a medium), told apart from who was told, what a name is the complement of, a
document's author and a character played; with the Attribution record the rules fill and the role
written next to a person's name (role_of)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.doccache import morph_values, sentence_start
from claims.extraction.outlets import is_outlet, outlet_in
from claims.extraction.participles import comma_participle
from claims.extraction.people import (
    _NAME_PARTICLES,
    _first_name_before,
    entity_at,
    name_end,
    particle_name_start,
    past_source_marker,
    person_name,
)
from claims.extraction.roles import (
    _ROLES_ADJECTIVES,
    _ROLES_JOBS_ADJECTIVES,
    JOBS_ROLES_AGENTS,
    ROLE_ADJECTIVES,
    ROLES_JOBS,
    role_key,
)

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
            or head.lower_ in _COMPANY_NOUNS:
        return False  # a company's name ends its description, however the tagger labels it
    whose = _whose_title(head, doc[k])
    if whose is not None:
        return whose
    if doc[k].lower_ in lx.PERSON_ROLES:
        return False  # "le ministre Jean Dupont", "le ministre de l'Économie Bruno Le Maire"
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


# Prepositions that make a place's name where something happened: "relayée en France par Le Figaro", "a dit le
# ministre à Bruxelles", "au Japon", "aux États-Unis".
_PLACE_PREPOSITIONS = frozenset({"en", "à", "au", "aux", "dans", "depuis", "in"})


def _place_of(ent: Span) -> bool:
    """"relayée en France par Le Figaro", "a-t-il déclaré à Paris": a place after a preposition of place is where
    something was said or done, not who said it (but for the impersonal "on": "a-t-on appris à Matignon")."""
    start = _name_start(ent)
    return ent.label_ in ("LOC", "GPE") and start >= 1 and ent.doc[start - 1].lower_ in _PLACE_PREPOSITIONS


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


# Nouns a person's full name follows as its holder: offices, occupations, academic and medical titles ("le ministre
# Jean Dupont", "la chanteuse Anne Roux", "du professeur Paul Leroy").
_TITLED = frozenset(ROLES_JOBS | {"docteur", "docteure", "doctoresse"})


# The words of "one of": "un de ses amis", "l'une de ses proches", "one of his aides".
_ONE_OF = frozenset({"un", "une", "one", "l'un", "l'une"})


def _one_of_before(tokens: list[Token], start: int) -> int:
    """Where a speaker's phrase starts when it is one of a group: "confie un de ses amis", "selon l'une de ses
    proches", "one of his aides said" (the group alone, "ses amis", would make them all speak)."""
    if start >= 2 and tokens[start - 1].lower_ in ("de", "d'", "of") and tokens[start - 2].lower_ in _ONE_OF:
        start -= 2
        if start >= 1 and tokens[start - 1].lower_ == "l'":
            start -= 1
    return start


def _whose_title(head: Token, title: Token) -> bool | None:
    """Whether the name after a title (an office, an occupation, "docteur") is what the phrase's head is of rather
    than its speaker, when the head is another noun: someone of the person's circle speaks ("selon un proche du
    ministre Jean Dupont", "l'avocat de la chanteuse Anne Roux": True); what the person produced is theirs ("selon les
    conclusions du professeur Paul Leroy", "les chiffres du ministre": False, the person is the source). None for
    any other head ("des nouvelles du chanteur X"): the complement rules decide."""
    if title.lower_ not in _TITLED or head.i == title.i:
        return None
    if head.lower_ in lx.CIRCLE_NOUNS:
        return True
    return False if head.lower_ in _SOURCE_WORKS else None


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
    """Where the name of an entity begins: the tagger may glue a common noun before it ("chimie Bayer"), the
    preposition of the noun it is the complement of ("au micro de Sud Radio" tagged "de Sud") or a source
    marker (_past_marker)."""
    base = past_source_marker(ent)
    start = next((t.i for t in ent[base - ent.start :] if not (t.is_lower and t.pos_ == "ADP")), base)
    return next((t.i for t in ent[start - ent.start :] if not (t.is_lower and t.pos_ == "NOUN")), start)


def _entity_name(ent: Span) -> str:
    """An entity as a claimant: its name without a common noun glued before it; a noun its complement
    depends on is its head, not glued ("ministère de l'Intérieur" is the ministry, not "de l'Intérieur")."""
    start, base = _name_start(ent), past_source_marker(ent)
    if start > base and (ent.doc[start].pos_ in ("ADP", "DET") or ent.doc[start].lower_ in _NAME_PARTICLES):
        start = base
    start = _place_body_start(ent, start)
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
    # "a déclaré Bio c'Bon dans un communiqué", "relate Le Point dans ses Indiscrets": where it was said
    end = next((k for k in range(start + 1, end) if _where_said_begins(ent.doc[k])), end)
    if end - start >= 3 and ent.doc[start].lower_ in lx.WEEKDAYS:
        start += 1  # "Vendredi Ségolène Royal avait répondu" (person_name)
    if end == ent.end < len(doc) and doc[end].tag_ == "POS" and doc[end].lower_ in ("'s", "’s") \
            and ent.root.dep_ != "poss" and not any(t.dep_ == "poss" for t in ent):
        # "Sainsbury's said", "McDonald's has": a possessive that qualifies no noun is the company's name's own
        return doc[start : end + 1].text.strip(" ,.\"")
    return ent.doc[start:end].text.strip(" ,.'\"")


def _place_body_start(ent: Span, start: int) -> int:
    """"Diabetes Scotland said", "Cancer Research UK said": an English body named after the place it works in,
    which the tagger tagged as the place alone; the capitalised proper nouns it left untagged right before the
    place, compounds of it, open the name. `start` when there are none."""
    doc = ent.doc
    if ent.label_ != "GPE" or start != ent.start:
        return start
    k = start
    while k > 0 and doc[k - 1].dep_ == "compound" and doc[k - 1].pos_ == "PROPN" and doc[k - 1].text[:1].isupper() \
            and not doc[k - 1].ent_type_ and ent.start <= doc[k - 1].head.i < ent.end:
        k -= 1
    return k


def _where_said_begins(tok: Token) -> bool:
    """Whether a word opens where something was said ("dans un communiqué", "sur son compte Twitter", "dans ses
    Indiscrets"): "dans" or "sur" in lower case, then a determiner in lower case (a name's "sur" is hyphenated,
    "Boulogne-sur-Mer", or capitalised)."""
    doc = tok.doc
    return tok.text in ("dans", "sur") and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "DET" \
        and doc[tok.i + 1].is_lower and bool(doc[tok.i - 1].whitespace_)


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
    name runs to the acronym in brackets a few words after it that starts with its initial, past the commas of
    a name that lists ("l'association Consommation, logement et cadre de vie (CLCV)": a comma then a word in
    lower case that is no article); else the entity's end."""
    doc = ent.doc
    if ent.label_ not in ("ORG", "MISC"):
        return ent.end
    for k in range(ent.end, min(len(doc) - 2, ent.end + 10)):
        if doc[k].text == "(":
            acronym = doc[k + 1].text
            found = doc[k + 2].text == ")" and 2 <= len(acronym) <= 6 and acronym.isupper() \
                and acronym[0] == ent.text[:1].upper()
            return k + 3 if found else ent.end
        if doc[k].text == "," and doc[k + 1].is_lower and doc[k + 1].is_alpha and doc[k + 1].pos_ in ("NOUN", "ADJ"):
            continue  # (a name's list: "Consommation, logement et cadre de vie")
        if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX"):
            break
    return ent.end


def _office_before(ent: Span) -> bool:
    """Whether an office comes a few words before an entity ("le secrétaire d'Etat aux Transports Jean-Baptiste
    Djebbari"): the domain the tagger glued to the name is the office's."""
    doc = ent.doc
    return any(doc[k].lower_ in lx.PERSON_ROLES for k in range(max(sentence_start(ent), ent.start - 6), ent.start))


def _venue(tok: Token) -> bool:
    """Whether a noun is where something was said ("dans ses Indiscrets", "sur son site", "on CNN")."""
    return any(c.dep_ == "case" and c.lower_ in ("dans", "sur", "in", "on") for c in tok.children)


# Nouns of what publishes: "la revue The Lancet", "le site Medium" (not "un communiqué", which someone wrote).
_PUBLICATION_NOUNS = frozenset(lx.OUTLET_NOUNS | {"revue", "journal", "review"})


def _named_venue(tok: Token) -> bool:
    """"une étude parue dans la revue The Lancet", "publiée sur le site Medium": the name of a publication that is
    where something was published or said is that place too, not who said it."""
    return tok.head.i != tok.i and tok.head.lower_ in _PUBLICATION_NOUNS and tok.head.i < tok.i and _venue(tok.head) \
        and tok.dep_ in ("appos", "flat:name", "nmod", "compound") and not any(c.dep_ == "case" for c in tok.children)


def _modifies_later(tok: Token, tokens: list[Token], deps: frozenset[str]) -> bool:
    """Whether a token modifies (by one of `deps`) a word later in the phrase: English puts a phrase's head last."""
    return tok.dep_ in deps and tok.i < tok.head.i <= tokens[-1].i


_COMPOUND = frozenset({"compound"})


def _modifies_noun(tok: Token, tokens: list[Token]) -> bool:
    """"Ohio" of "the Ohio governor", "health" of "the health department": an English compound modifier of a
    common noun later in the phrase, which says whose or what kind the noun is (French has no such "compound")."""
    return _modifies_later(tok, tokens, _COMPOUND) and tok.head.pos_ == "NOUN" or _owns_agent(tok, tokens)


def _owns_agent(tok: Token, tokens: list[Token]) -> bool:
    """"Fenwick" of "Fenwick's lawyer", "Tesco" of "Tesco's boss": an English possessive owner of a noun of
    someone who speaks (lexicon.AGENT_NOUNS_EN) later in the phrase says whose that speaker is, not who."""
    return _modifies_later(tok, tokens, _POSS) and tok.head.pos_ == "NOUN" and tok.head.lower_ in lx.AGENT_NOUNS_EN


_POSS = frozenset({"poss"})


def _document_maker_en(ent: Span, tokens: list[Token]) -> bool:
    """"Gallup" of "a Gallup poll", "the Pew Research Center" of "a Pew Research Center survey": English names the
    maker of a poll, a study or a report before the document's noun (French after it, "un sondage Ifop"), and the
    maker is the source of what the document found. An organisation only: "a Texas study" is where, not who."""
    head = ent.root.head
    return ent.label_ == "ORG" and ent.root.dep_ == "compound" and head.i >= ent.end and head in tokens \
        and head.lower_.rstrip("s") in _DOCUMENT_STEMS


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
    org_ents: list[Span] = []  # the entities of `orgs`
    seen: set[int] = set()
    for tok in tokens:
        ent = entity_at(tok)
        if ent is None or ent.start in seen:
            continue
        seen.add(ent.start)
        if past_source_marker(ent) > ent.start and ent.doc[past_source_marker(ent)].is_lower:
            continue  # "Mais Selon les équipes du Monde": no name, the capitalised marker misled the tagger
        ent = _past_owner(ent)
        if _owner_of_name(ent, tokens):
            continue  # "Britain's National Grid": whose the named speaker is
        if _venue(ent.root) or _named_venue(ent.root):
            continue  # "révèle le JDD dans ses Indiscrets", "a-t-il dit sur RTL": a section or a channel
        if _modifies_noun(ent.root, tokens) and not _document_maker_en(ent, tokens):
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
        if not glued and told and _place_of(ent):
            continue  # "relayée en France par Le Figaro": where
        if _commissioned(ent):
            continue  # "un sondage Elabe pour Radio Classique": who paid for the poll did not make it
        name = _past_outlet(name, outlet)  # "l'AFP Sylvain Darchy": the agency glued to the name
        if len(name) < 2 or (outlet and (name.lower() in outlet.lower() or outlet.lower() in name.lower()
                                         or is_outlet(name))):
            continue  # the medium ("OBS" of "l'OBS") is the outlet, and so is a second one ("dont X et Europe 1")
        # "le groupe Bolloré", "la société Michelin": a one-word name after a company noun is the company's, and
        # it keeps the noun, which says so (not Vincent Bolloré, whom the article may name too)
        # (the tagger may take the noun into the name: "groupe Vasseur" tagged as one organisation)
        noun = ent.start - 1 if len(ent) == 1 and ent.start > 0 else ent.start if len(ent) == 2 else -1
        firm = noun >= 0 and noun == ent.end - 2 and doc[noun].lower_ in lx.COMPANY_NOUNS \
            and ent.label_ in ("PER", "PERSON", "ORG", "MISC") and doc[ent.end - 1].text[:1].isupper()
        if glued:
            people.append(name)
        elif firm:
            orgs.append(_article_before(doc[noun]) + doc[noun : ent.end].text.strip(" ,.'\""))
            org_ents.append(ent)
        elif ent.label_ in ("PER", "PERSON"):
            name = person_name(ent)
            if len(_past_outlet(name, outlet).split()) >= 2:
                # "pour Ouest-France Paul Durand" tagged as one name (not "Marianne Dupont": a first name)
                name = _past_outlet(name, outlet)
            if name:
                people.append(name)
                named_ents.append(ent)
        elif ent.label_ in ("ORG", "NORP", "MISC", "GPE", "LOC"):
            orgs.append(name)
            org_ents.append(ent)
            outlet = outlet or (name if _medium_name(doc[_name_start(ent)], before=True) == name else "")
    if len(named_ents) >= 2 and len(people) == len(named_ents) and _coordinated(*named_ents[:2]):
        return f"{people[0]} et {people[1]}", outlet, "speech"  # "Les princes William et Harry assurent": both
    if len(named_ents) == 1 and len(people) == 1 and named_ents[0].start >= 2 \
            and tokens[0].i <= named_ents[0].start - 2 and _coordinated_first_name(named_ents[0]):
        # (the tagger may leave the first of them out: "Les princes William et Harry" tagged "Harry")
        return f"{tokens[0].doc[named_ents[0].start - 2].text} et {people[0]}", outlet, "speech"
    if outlet and people and people[0].startswith(outlet + " "):
        outlet = ""  # "explique Marianne Pauti, médecin": a first name, not the magazine
    if people:
        first = _with_coauthor(people[0], named_ents[0], tokens) if named_ents and people[0] == person_name(
            named_ents[0]) else people[0]
        return first, outlet, "speech"
    words = [t for t in tokens if not t.is_punct]
    latter = _latter(words)
    if latter:
        return "", outlet, f"pronoun:{latter}"
    if language == "en" and (english := _english_description(tokens, words)) is not None:
        return english[0], outlet, english[1]
    # ("Manager Pep Guardiola", "Councillor Ann Hughes": the office before the name is no part of it)
    titled = words[1:] if len(words) >= 2 and words[0].lower_ in JOBS_ROLES_AGENTS else words
    if language == "en" and 1 <= len(titled) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                                          and not t.ent_type_ for t in words):
        # '"...," Lopez told Fox News': a surname alone the English tagger left untagged is still who spoke, with
        # the first name and particle it cut off ("Erik ten Hag told")
        start = particle_name_start(titled[0].doc, titled[0].i)
        return " ".join([*(t.text for t in titled[0].doc[start : titled[0].i]), *(t.text for t in titled)]), outlet, \
            "speech"
    heads = [t for t in words if t.pos_ in ("NOUN", "PROPN") and not _modifies_noun(t, tokens)
             and (t.lower_ not in lx.OUTLET_NOUNS or _agency_of_a_field(t))
             and t.lower_ not in _NOT_SPEAKER_NOUNS
             and t.lower_.rstrip("s") not in _DOCUMENT_STEMS and not (told and _addressee(t)) and not (outlet and t.text in outlet)]
    head = heads[0].lower_ if heads else ""
    if orgs and (not heads or heads[0].pos_ == "PROPN" or head not in lx.AGENT_NOUNS
                 or head in _COMPANY_NOUNS):
        return _with_coauthor(orgs[0], org_ents[0], tokens), outlet, "speech"
    # An occupation only as a bare description: not one of an organisation or a work ("l'auteur d'"Un
    # petit dessin ...", Sandrine Campese": the name comes after it).
    occupation = heads and head in lx.PERSON_NOUNS and not orgs and '"' not in text
    # (an English noun a proper name qualifies, "the Ohio governor", describes its holder whatever the noun)
    qualified = heads and heads[0].pos_ == "NOUN" and any(
        _modifies_noun(t, tokens) and t.head.i == heads[0].i and t.pos_ == "PROPN" for t in words)
    firm = _named_firm(words) if head in _FIRM_NOUNS and not orgs else ""
    if firm:
        return firm, outlet, "speech"  # "selon l'institut 6T": the name the tagger missed, not "l'institut"
    if heads and (head in lx.AGENT_NOUNS or occupation or qualified) \
            and not (outlet and head in _COMPANY_NOUNS):
        # (not "le groupe Canal+": the medium is the company)
        # "le ministre de l'Économie Bruno Le Maire": the name after the role is the claimant; an
        # organisation there is what the role is of ("la présidente de la Commission des lois").
        named = [e for e in {id(entity_at(t)): entity_at(t) for t in words[words.index(heads[0]) + 1 :]
                             if entity_at(t) is not None}.values()
                 if e is not None and (e.label_ not in ("ORG", "LOC", "GPE") or _apposed_full_name(e, heads[0]))
                 and not e.start <= heads[0].i < e.end and not _complement(e, tokens[0].i)]
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
                             or tokens[start - 1].pos_ == "NUM" and start >= 2 and tokens[start - 2].pos_ == "DET") \
                and not _ends_phrase_before(tokens[start - 1], tokens[start]):
            start -= 1
        start = _one_of_before(tokens, start)
        phrase = tokens[start : first + 9]
        cut = next((k for k, t in enumerate(phrase) if k > 0 and (
            t.lower_ in ("qui", "who", "que", "dont", "sur", "à", "au", "aux", "auprès", "dans", "lors", "pour", "on",
                         "to", "in", "at") or t.text in (",", "(", '"') or t.pos_ in ("VERB", "AUX")
            or t.lower_ in lx.WHEN_WORDS or t.text[:1].isdigit()  # "la préfecture, mardi 3 juin": a date ends it
            or t.pos_ == "DET" and k + 1 < len(phrase) and phrase[k + 1].lower_ in lx.TIME_NOUNS  # "le mois dernier"
            or _circumstance_opens(t)  # "la préfecture en début d'après-midi", "le président devant ses conseillers"
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
        named = entity_at(kept[-1]) if kept else None
        if named is not None and named.end == last and named.sent.end >= (to := _acronym_end(named)) > last \
                and "," in tokens[0].doc[last:to].text:
            # "l'association Consommation, logement et cadre de vie (CLCV)": the name, not its first word (the
            # phrase comes cut at the name's first comma)
            last = to
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
    issued = _issued_by_someone_before(words)
    if issued and not outlet:
        return "", "", f"description:{issued}"
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
    author = _document_author(words) or _named_firm(words)
    if author:
        return author, outlet, "speech"
    return "", "", ""


# Nouns of a firm or a body that a name follows ("le cabinet Occurence", "l'institut Verdier", "le bureau d'études
# 6T", "le laboratoire Delta"): with the name, the firm that speaks.
_FIRM_NOUNS = frozenset(lx.COMPANY_NOUNS | {"cabinet", "institut", "bureau", "agence", "laboratoire", "observatoire",
                                           "organisme", "firme", "centre"})


def _apposed_full_name(ent: Span, role: Token) -> bool:
    """"le directeur général de l'OMS, Tedros Adhanom Ghebreyesus,": a name of two proper nouns or more set off
    by a comma right after a person's role is that person's, whatever entity type the tagger gave it (an acronym
    in brackets is what the role is of)."""
    doc = ent.doc
    return role.lower_ in lx.PERSON_ROLES and ent.root.dep_ in ("appos", "conj") and ent.root.head.i == role.i \
        and len(ent) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent) \
        and ent.start > 0 and doc[ent.start - 1].text == ","


def _firm_name_words(words: list[Token], start: int) -> list[str]:
    """The words of a firm's name from words[start]: capitalised ("Occurence"), or figures with a capital ("6T",
    "4C", which the tokenizer may cut in two) that the tagger reads as a number, not a name; at most three."""
    name: list[str] = []
    k = start
    while k < len(words) and len(name) < 3:
        end = k + 1  # a word written without a space inside it: "6T"
        while end < len(words) and not words[end - 1].whitespace_ and words[end].i == words[end - 1].i + 1 \
                and words[end].text[:1].isalnum():
            end += 1
        text = "".join(t.text for t in words[k:end]).rstrip(".")
        if not (text.isalnum() and (text[:1].isupper() or text[:1].isdigit() and any(c.isupper() for c in text))) \
                or words[k].ent_type_ or words[k].is_sent_start:
            break
        name.append(text)
        k = end
    return name


def _named_firm(words: list[Token]) -> str:
    """"une étude du bureau d'études 6T", "selon le cabinet Axiome": a firm's noun, with a complement in lower
    case that says its trade ("d'études", "de conseil"), then a name the tagger did not recognise: the noun
    phrase with the name, as written ("bureau d'études 6T"); "" when no name follows such a noun."""
    for k, t in enumerate(words):
        if t.lower_ not in _FIRM_NOUNS:
            continue
        j = k + 1
        if j + 1 < len(words) and words[j].lower_ in ("de", "d'") and words[j + 1].is_lower and words[j + 1].is_alpha:
            j += 2  # "d'études", "de conseil"
        name = _firm_name_words(words, j)
        if name:
            return " ".join([t.doc[t.i : words[j].i].text, *name])
    return ""


def _issued_by_someone_before(words: list[Token]) -> str:
    """"ajoute le communiqué", "selon ce message", "précise le communiqué officiel": a document that one body
    issues (lexicon.ISSUED_NOUNS), with a definite or demonstrative article and no author: its noun, for the
    issuer the article named before (claimants._resolve); "" otherwise ("le communiqué de la préfecture" names
    its author, "un communiqué" is a new one)."""
    if len(words) < 2 or words[0].lower_ not in ("le", "la", "l'", "ce", "cet", "cette") \
            or words[1].lower_ not in lx.ISSUED_NOUNS:
        return ""
    rest = words[2:]
    return words[1].lower_ if all(t.pos_ == "ADJ" and t.is_lower for t in rest) else ""


def _with_coauthor(name: str, ent: Span, tokens: list[Token]) -> str:
    """"selon les calculs de l'institut Verdier (IV) et du cabinet Dubois": the second author a document names
    after "et du", "et de la", which the tagger may not have read as a name, goes with the first ("institut
    Verdier (IV) et cabinet Dubois"): the phrase leaves the text, the claimant must keep both. `name` alone
    when the entity is no document's author (_authored) or no such second author ends the phrase (nothing but
    words of a name, one of them capitalised)."""
    doc = ent.doc
    k = _acronym_end(ent)
    last = tokens[-1].i + 1 if tokens else 0
    if not _authored(ent) or not (k + 2 < last and doc[k].lower_ == "et" and doc[k + 1].lower_ in ("du", "de", "des", "d'")):
        return name
    k += 2
    if doc[k].lower_ in ("la", "l'"):
        k += 1
    words = doc[k:last]
    if not len(words) or len(words) > 5 or not any(t.text[:1].isupper() for t in words) \
            or any(t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ") for t in words):
        return name
    return f"{name} et {words.text}"


_EN_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})


def _english_description(tokens: list[Token], words: list[Token]) -> tuple[str, str] | None:
    """English puts a description's head noun last: "the state auditor", "the Ohio governor", "health
    officials", "the health minister of Mexico". When that head names who can speak (lexicon.AGENT_NOUNS_EN)
    and no name is set after it ("the industry group ACEA": the other rules read ACEA), the phrase from its
    determiner to the head, with an "of"/"for" complement, is the speaker: (phrase, "description:<head>"),
    or "speech" when a name qualifies it ("the Ohio governor"). None: the other rules read the phrase."""
    inside = {t.i for t in tokens}
    age = _age_words(words)
    head = next((t for t in words if t.pos_ in ("NOUN", "PROPN") and not _modifies_later(t, tokens, _EN_MODIFIERS)
                 and t.i not in age), None)
    if head is None and age and words[0].lower_ == "the" and all(t.i in age for t in words[1:]):
        # '"...," the 29-year-old said': a person the article named, by their age (claimants._aged_person)
        return " ".join(words[0].doc[words[0].i : words[-1].i + 1].text.split()), AGE_DESCRIPTION
    if head is None or head.lower_ not in lx.AGENT_NOUNS_EN or head.ent_type_ or _addressee(head):
        return None
    doc = head.doc
    start = max(head.left_edge.i, tokens[0].i)
    while start < head.i and (doc[start].is_punct or doc[start].pos_ in ("ADP", "SCONJ")):
        start += 1
    end = head.i + 1
    if end < len(doc) and doc[end].lower_ in ("of", "for") and end + 1 in inside:
        end = min(doc[end].right_edge.i + 1, tokens[-1].i + 1)
    elif end + 1 < len(doc) and doc[end].lower_ in ("at", "from") and end + 1 in inside and _body_named_at(doc[end]):
        # "Scientists at Oxford University", "researchers from Imperial College": the body they speak from
        end = min(doc[end].right_edge.i + 1, tokens[-1].i + 1)
    after = next((t for t in doc[head.i + 1 : tokens[-1].i + 1] if t.text != ","), None)
    if after is not None and after.i in inside and after.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
        return None
    phrase = doc[start:end]
    # (a person named as the owner of the head is whose it is: "Fenwick's lawyer" is the lawyer, not Fenwick)
    owner = {t.i for c in head.children if c.dep_ == "poss" and c.i < head.i for t in c.subtree}
    if any(t.ent_type_ in ("PERSON", "PER") and t.i not in owner for t in phrase):
        return None
    how = "speech" if any(t.ent_type_ and t.i not in age for t in phrase) else f"description:{head.lower_}"
    return phrase.text.strip(" ,"), how


# How a bare age speaker ("the 29-year-old said") is attributed, for claimants._aged_person.
AGE_DESCRIPTION = "description:year-old"


def age_phrase(words: list[Token]) -> bool:
    """Whether words are "the" and an age alone ("the 29-year-old"), which the parser may leave without the role of
    subject before its verb ("old" an adjective of "said"): a person described by their age all the same."""
    words = [t for t in words if not t.is_punct]
    return len(words) >= 2 and words[0].lower_ == "the" and all(t.i in _age_words(words) for t in words[1:])


def _age_words(words: list[Token]) -> set[int]:
    """The token indices of an English age written before a noun or alone: "52-year-old" (a number, "year",
    "old", hyphens between), which describes a person and is neither their head noun nor a name."""
    found: set[int] = set()
    for k, tok in enumerate(words):
        if tok.lower_ == "old" and k >= 2 and words[k - 1].lower_ == "year" and words[k - 2].like_num:
            found |= set(range(words[k - 2].i, tok.i + 1))  # (with the hyphens between)
    return found


def _body_named_at(preposition: Token) -> bool:
    """Whether "at"/"from" brings in a named organisation or place as its whole object ("at Oxford University",
    "from the University of Leeds", "at NHS England"), not a time or a thing ("at the weekend", "from 2019")."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if len(objects) != 1 or objects[0].ent_type_ not in ("ORG", "GPE", "FAC"):
        return False
    words = [t for t in preposition.doc[preposition.i + 1 : objects[0].right_edge.i + 1] if not t.is_punct]
    return all(t.ent_type_ in ("ORG", "GPE", "FAC") or t.pos_ == "DET" or t.lower_ == "of" for t in words)


def _past_owner(ent: Span) -> Span:
    """"Arsenal's Mikel Arteta", "Britain's National Grid": an English name the tagger took in with its owner's
    before a possessive is the name after it (a person's, "Mikel Arteta", when its words are names and none is an
    agent noun); a possessive that ends the name is its own ("Sainsbury's")."""
    doc = ent.doc
    owner = next((t.i for t in ent[:-1] if t.tag_ == "POS" and t.lower_ in ("'s", "'")), None)
    if owner is None or owner == ent.start or not all(t.text[:1].isupper() for t in doc[owner + 1 : ent.end]):
        return ent
    words = list(doc[owner + 1 : ent.end])
    if len(words) == 1 and words[0].lower_ in lx.AGENT_NOUNS_EN and doc[owner].lower_ == "'":
        return ent  # "the National Farmers' Union": a plural's possessive before the body's noun is its own name's
    person = ent.label_ in ("PER", "PERSON") or 2 <= len(words) <= 3 and all(
        t.pos_ == "PROPN" and t.lower_ not in lx.AGENT_NOUNS_EN and t.lower_ not in _COMPANY_NOUNS for t in words)
    return Span(doc, owner + 1, ent.end, label="PERSON" if person else ent.label_)


def _owner_of_name(ent: Span, tokens: list[Token]) -> bool:
    """"Britain" of "Britain's National Grid", "Arsenal" of "Arsenal's Mikel Arteta" tagged apart: an English
    possessive owner of a name later in the phrase says whose the speaker is, not who."""
    head = ent.root.head
    return ent.root.dep_ == "poss" and ent.doc[ent.end].tag_ == "POS" and head.i >= ent.end \
        and head.pos_ == "PROPN" and bool(head.ent_type_) and tokens[0].i <= head.i <= tokens[-1].i


def _past_outlet(name: str, outlet: str) -> str:
    """A name without the medium the tagger glued before it ("l'AFP Sylvain Darchy", "Ouest-France Paul Durand"):
    the medium is the outlet, the rest the speaker."""
    if outlet and outlet in name and not name.endswith(outlet):
        return name.split(outlet, 1)[1].strip()
    return name


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
    # (and a kind given by a bare noun: "l'agence de presse officielle", "les médias d'État")
    kind = {t.i for k, t in enumerate(words[:-1]) if t.i > noun.i and t.lower_ in ("de", "d'")
            and words[k + 1].pos_ in ("NOUN", "PROPN") for t in (t, words[k + 1])}
    rest = [t for t in words if t.i != noun.i and t.i not in kind]
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
    while k > 0 and (doc[k].pos_ == "ADJ" and doc[k].is_lower or doc[k].lower_ in lx.WHEN_WORDS):
        k -= 1  # "les chiffres officiels du ministère", "les chiffres publiés vendredi de la Sécurité routière"
    if k > 1 and doc[k].lower_ == "presse" and doc[k - 1].lower_ in ("de", "d'"):
        k -= 2  # "un communiqué de presse du Cirad"
    return doc[k].lower_.rstrip("s") in _DOCUMENT_STEMS


def _commissioned(ent: Span) -> bool:
    """"un sondage Elabe pour Radio Classique", "une enquête OpinionWay pour Les Echos et Radio
    Classique", "cette étude publiée par CNews et Sud Radio": an entity after "pour" (or after "publié par") that
    follows a poll or a study is its client, the medium that ordered or published it, not who made it."""
    return _client_at(list(ent.doc[max(0, ent.start - 16) : ent.start + 1]), -1)


def _client_at(tokens: list[Token], at_: int) -> bool:
    """Whether tokens[at_] names a client of a poll or a study: "pour" before it (past a list of names),
    a poll or study noun a few words before that."""
    k = len(tokens) + at_ - 1 if at_ < 0 else at_ - 1
    while k >= 0 and (tokens[k].lower_ in ("le", "la", "les", "l'", "the", "et", "and", ",")
                      or tokens[k].text[:1].isupper() and tokens[k].lower_ not in ("pour", "for", "par", "by")):
        k -= 1  # "pour Les Echos et Radio Classique": the clients may be a list
    if k > 1 and tokens[k].lower_ in ("par", "by") and tokens[k - 1].lower_.startswith(_PUBLISHED):
        # "cette étude publiée par CNews": the medium that published a poll (not "une information publiée par Le
        # Parisien": the medium's own)
        return any(t.lower_.rstrip("s") in _POLL_STEMS for t in tokens[max(0, k - 7) : k - 1])
    return k > 0 and tokens[k].lower_ in ("pour", "for") and any(
        t.lower_.rstrip("s") in _DOCUMENT_STEMS for t in tokens[max(0, k - 6) : k])


# The participles of a document's publication ("publiée par", "diffusé par", "published by"), and the nouns of the
# polls and studies a medium publishes without making them.
_PUBLISHED = ("publié", "diffusé", "published")
_POLL_STEMS = frozenset({"sondage", "enquête", "étude", "baromètre", "poll", "survey", "study"})


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


# What a source produces, whose author is its source: "selon les conclusions du professeur X", "d'après les travaux de
# la chercheuse Y", "selon les chiffres du ministre" (and what they said, _WORDS_SAID).
_SOURCE_WORKS = frozenset(_WORDS_SAID | {
    "conclusions", "travaux", "recherches", "chiffres", "calculs", "estimations", "estimation", "données", "étude",
    "études", "rapport", "analyse", "informations", "prévisions", "décompte", "comptage", "bilan", "communiqué",
    "findings", "research", "figures", "estimates", "study", "report", "analysis"})


def _addressee(tok: Token) -> bool:
    """"a-t-elle raconté aux enquêteurs": who was told is not who spoke."""
    return any(c.dep_ == "case" and c.lower_ in ("à", "au", "aux", "to") for c in tok.children)


def _ends_phrase_before(word: Token, determiner: Token) -> bool:
    """"explique au quotidien local le député de Gironde": an adjective right before a determiner ends the phrase
    before it (the medium's, here), not the speaker's ("tous les experts": "tous" opens it)."""
    return determiner.pos_ == "DET" and word.pos_ == "ADJ" and word.is_lower \
        and word.lower_ not in ("tous", "toutes", "tout", "toute", "all")


# Prepositions that open a circumstance of the speech verb, not a complement of the speaker's noun: "a dit le
# président devant ses conseillers", "le journaliste avec dépit", "la préfecture par téléphone", "le maire depuis son
# fief", "le député après sa victoire" (not "le président par intérim", an office).
_CIRCUMSTANCE_PREPOSITIONS = frozenset({"devant", "avec", "depuis", "après", "avant", "pendant", "durant", "par"})
# What "en" opens as a circumstance of time or occasion: "en début d'après-midi", "en milieu de soirée", "en fin de
# journée", "en soirée", "en amont de la rencontre", "en marge du sommet", "en vue du scrutin" (not "en charge de",
# "en Essonne": what the noun is).
_CIRCUMSTANCE_AFTER_EN = frozenset({*lx.TIME_NOUNS, "début", "fin", "milieu", "amont", "aval", "marge", "vue",
                                    "réponse", "conférence", "déplacement", "visite", "privé", "direct", "substance"})


def _circumstance_opens(tok: Token) -> bool:
    """Whether a preposition after a speaker's noun opens a circumstance of the speech verb (a time, an audience, a
    manner, a means), which ends the speaker's description."""
    doc = tok.doc
    after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    if tok.lower_ == "en":
        return after in _CIRCUMSTANCE_AFTER_EN
    return tok.lower_ in _CIRCUMSTANCE_PREPOSITIONS and after != "intérim"


def _trim_function_words(tokens: list[Token]) -> list[Token]:
    """A description ends on a content word: "cette femme de l'" (cut before "avoir violée") is "cette femme"."""
    end = len(tokens)
    while end > 1 and (tokens[end - 1].pos_ in ("DET", "ADP", "CCONJ", "SCONJ", "PRON")
                       or tokens[end - 1].lower_ in ("l'", "d'", "de", "du", "des")):
        end -= 1
    return tokens[:end]


def _before_month(tok: Token) -> bool:
    """Whether a month's name follows the word (the "12" of "12 juillet")."""
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in lx.MONTHS


# Prepositions that bring in a second party after a role ("le candidat le plus dépensier derrière X", "le ministre
# face à X"): the name after them is not the role's holder.
_OTHER_PARTY = frozenset({"derrière", "devant", "après", "avant", "contre", "avec", "face", "comme", "selon", "sans",
                          "entre", "vers", "chez", "par"})


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
    set_off = False  # whether the role is set off before the name by a comma
    if complement:
        # "l'administration Trump", "le maire de Fontaine": not who holds the role before it; an apposition after
        # it still says who they are ("les mots de Christophe Castaner, ministre de l'Intérieur,")
        before = []
    elif not before and k > sent.start and doc[k].text == "," and doc[k - 1].pos_ != "PUNCT":
        # "le maire communiste de Fontaine, Jean-Paul Trovero": the role set off before the name
        k, set_off = k - 1, True
        while k >= sent.start and len(before) < 8 and not (doc[k].pos_ in ("VERB", "AUX") or doc[k].text in ',;:"()'):
            before.insert(0, doc[k])
            k -= 1
    heads = [i for i, t in enumerate(before) if t.lower_ in _ROLES_JOBS_ADJECTIVES]
    if heads:
        role = before[heads[0] :]
        lead = before[: heads[0]]
        of = next((j for j in range(len(lead) - 1, max(len(lead) - 3, -1), -1)
                   if lead[j].lower_.replace("\u2019", "'") in ("de", "d'", "du", "des")), None)
        if set_off and of is not None and any(t.pos_ == "NOUN" for t in lead[:of]) or any(
                t.pos_ == "ADP" and t.lower_ in _OTHER_PARTY for t in role):
            # "le frère de l'acteur, Jérôme Thomassin": the name set off after the phrase is the brother's, the role
            # someone else's ("la réaction du Premier ministre Édouard Philippe" names the minister); "le second
            # candidat le plus dépensier derrière Emmanuel Macron": the name is another candidate
            return ""
        return role_key(_office_text(role))
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


_DOCUMENT_STEMS = frozenset({*(noun.rstrip("s") for noun in lx.DOCUMENT_NOUNS), "estimation", "baromètre",
                             "enquête", "projection", "chiffre", "information", "donnée", "statistique",
                             "conclusion", "prévision", "relevé", "décompte", "comptage", "décret", "calcul",
                             "synthèse", "expertise"})
