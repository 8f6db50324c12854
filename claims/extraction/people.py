"""Named people: where a person's name begins and ends without the role, civility or newsroom note the
tagger glued to it (person_name, name_end), and the grammatical gender the sentence or a first name
gives them (gender_of), which decides what pronoun may stand for them (agrees)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.doccache import doc_ents, morph_values, sentence_start
from claims.extraction.roles import _ROLES_AGENTS_ADJECTIVES, ROLES_JOBS


def entity_at(tok: Token) -> Span | None:
    for ent in doc_ents(tok.doc):
        if ent.start <= tok.i < ent.end:
            return ent
    return None


# Particles inside a family name ("Bruno Le Maire", "Marie de La Tour", "Ursula von der Leyen").
_NAME_PARTICLES = frozenset({"le", "la", "les", "de", "du", "des", "d'", "van", "von", "der", "den", "di", "da",
                             "del", "della", "dos", "das", "ben", "el", "al", "ter", "mac"})
# "ten" of Dutch names ("Erik ten Hag"): a particle only inside a name (English reads it as a number).
_INNER_PARTICLES = frozenset({*_NAME_PARTICLES, "ten"})
# Particles of Dutch and German family names, which no French or English phrase has between a name and what is
# not part of it ("Erik ten Hag", "Ursula von der Leyen"); "de", "la", "le" may ("l'Amérique de Donald Trump",
# "Paul Roux de Lyon").
_GERMANIC_PARTICLES = frozenset({"van", "von", "der", "den", "ten", "ter"})


def name_end(ent: Span) -> int:
    """Where a person's name ends: the tagger may stop before the last word of a family name with a
    particle ("Bruno Le" of "Bruno Le Maire", the parser reading "Maire" as a noun); a name never ends
    on its particle, the capitalised word after it is part of it."""
    doc = ent.doc
    end = ent.end
    while end < len(doc) and end - ent.start < 6 and doc[end - 1].lower_ in _INNER_PARTICLES \
            and doc[end].is_alpha and doc[end].text[:1].isupper() and not doc[end].is_sent_start:
        end += 1
    return _past_left_particle(doc, end, ent.start)


def _past_left_particle(doc: Doc, end: int, start: int) -> int:
    """Where a name the tagger ended before its particle ends: "Erik" of "Erik ten Hag" (English reads "ten" as a
    number) goes on over the lower-case Dutch or German particles after it and the capitalised word after them."""
    k = end
    while k < len(doc) and k - end < 3 and doc[k].is_lower and doc[k].lower_ in _GERMANIC_PARTICLES:
        k += 1
    if k == end or k >= len(doc) or k - start > 6 or not (doc[k].is_alpha and doc[k].text[:1].isupper()) \
            or doc[k].is_sent_start:
        return end
    return k + 1


def particle_name_start(doc: Doc, start: int) -> int:
    """Where a family name with a particle begins when the tagger read only its last word ("Hag" of "Erik ten Hag",
    "ten" taken for a number; "Leyen" of "Ursula von der Leyen"): the lower-case Dutch or German particles right
    before it and the capitalised first name before them are part of it (not "de": "l'Amérique de Donald Trump").
    `start` when no particle comes before, or no capitalised word before the particle ("the ten Hags")."""
    k = start
    while k > 0 and doc[k - 1].is_lower and doc[k - 1].lower_ in _GERMANIC_PARTICLES and start - k < 3:
        k -= 1
    first = doc[k - 1] if 0 < k < start else None
    return k - 1 if first is not None and first.is_alpha and first.text[:1].isupper() and first.pos_ == "PROPN" \
        else start


def past_source_marker(ent: Span) -> int:
    """Where an entity begins past the source marker the tagger took into it: a marker capitalised in
    mid-sentence reads to it as a name's first word ("Mais Selon les équipes de vérification du Monde", "But
    According to the fact-checkers of ..."), whatever its case it is no part of the name."""
    doc = ent.doc
    k = ent.start
    if doc[k].lower_ in ("selon", "according"):
        k += 1 + (doc[k].lower_ == "according" and k + 1 < ent.end and doc[k + 1].lower_ == "to")
    elif doc[k].lower_.replace("\u2019", "'") == "d'" and k + 1 < ent.end and doc[k + 1].lower_ == "après":
        k += 2
    return k if k < ent.end else ent.start


def named_in(name: str, text: str) -> bool:
    """Whether a text already names a person: one of the words of their name of three letters or more is in it
    ("Roux" of "Paul Roux"; not "Le" of "Marine Le Pen")."""
    return any(part in text for part in name.split() if len(part) > 2)


def person_name(ent: Span) -> str:
    """The name of a person entity without the role the tagger glued to it: "Premier ministre Jean
    Dupont" is "Jean Dupont"; "président de la République" alone names no one ("")."""
    tokens = list(ent)
    if ent.text.strip(" ,.()").lower().replace(".", "") in _EDITORIAL_NOTES:
        return ""  # "(l'homme est cap-verdien, NDLR)": the newsroom's note, tagged as a name
    if any(c.isdigit() for c in ent.text):
        return ""  # "134.787" (euros), "F91 Dudelange" (a club): a figure or a team the tagger read as a name
    end = name_end(ent)
    if len(tokens) >= 3 and tokens[0].lower_ in lx.WEEKDAYS:
        tokens = tokens[1:]  # "Vendredi Ségolène Royal avait répondu": the day that opens the sentence (_entity_name)
    tokens = tokens[past_source_marker(ent) - ent.start :]  # "Mais Selon Météo-France": the marker's capital
    # A name starts with a capital (or a particle: "de Gaulle"); "général de la Santé" is a role's end.
    common = tokens and tokens[0].is_lower and tokens[0].is_alpha and tokens[0].lower_ not in _NAME_PARTICLES
    if len(tokens) >= 3 and tokens[0].lower_ in _TITLES_BEFORE_NAMES and all(
            t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES for t in ent.doc[tokens[1].i : end]):
        # "Me Vianney Petetin", "Mme Anne Martin": the title is dropped from a full name, kept before a
        # family name alone ("M. Trump"), which would say less without it.
        return ent.doc[tokens[1].i : end].text.strip(" ,.'\"")
    if not tokens or tokens[0].lower_ not in _ROLES_AGENTS_ADJECTIVES and not common:
        start = tokens[0].i if tokens else ent.start
        start = particle_name_start(ent.doc, start) if start == ent.start else start
        return ent.doc[_first_name_before(ent.doc, start) : end].text.strip(" ,.'\"")
    for k, tok in enumerate(tokens[1:], 1):
        if tok.pos_ == "PROPN" and tokens[k - 1].pos_ not in ("ADP", "DET"):
            return ent.doc[tok.i : end].text.strip(" ,.'\"")
    return ""


def _first_name_before(doc: Doc, start: int) -> int:
    """Where a name begins when the tagger left its first name out ("Marine" of "Marine Le Pen" opening a
    sentence): a capitalised first name right before it (lexicon's first names) is part of it."""
    if start == 0:
        return start
    prev = doc[start - 1]
    first = prev.text.split("-")[0].lower()
    known = first in lx.MASCULINE_FIRST_NAMES or first in lx.FEMININE_FIRST_NAMES
    return start - 1 if known and prev.is_alpha and prev.text[:1].isupper() and not prev.ent_type_ else start


# Notes of the newsroom or the translator inside a quotation, which taggers read as names.
_EDITORIAL_NOTES = frozenset({"ndlr", "ndt", "ndr", "nda"})
# Grammatical gender an article gives a person: a civility, a determiner, or a marked role or participle.
CIVILITY_GENDER = {"m.": "Masc", "monsieur": "Masc", "mr": "Masc", "mr.": "Masc", "mme": "Fem", "mme.": "Fem",
             "madame": "Fem", "mlle": "Fem", "mademoiselle": "Fem", "mrs": "Fem", "mrs.": "Fem", "ms": "Fem",
             "ms.": "Fem", "miss": "Fem"}
# Titles before a person's name: the civilities, lawyers' "Me", doctors' "Dr".
_TITLES_BEFORE_NAMES = frozenset({*CIVILITY_GENDER, "me", "maître", "dr", "dr.", "pr"})
_GENDERED_DET = {"le": "Masc", "un": "Masc", "ce": "Masc", "cet": "Masc", "du": "Masc", "au": "Masc",
                 "la": "Fem", "une": "Fem", "cette": "Fem"}
PRONOUN_GENDER = {"il": "Masc", "he": "Masc", "elle": "Fem", "she": "Fem"}


def _marked_gender(word: Token) -> str:
    """The gender a role noun, adjective or participle shows by its form: "chanteuse", "élue", "ancien",
    "producteur". A form ending in -e may be either ("ministre", "journaliste", "jeune"): only its
    feminine reading is trusted."""
    gender = word.morph.get("Gender")
    if len(gender) != 1 or word.pos_ not in ("NOUN", "ADJ", "VERB"):
        return ""
    if gender[0] == "Masc" and word.lower_.endswith(("e", "es")):
        return ""
    return gender[0]


def _phrase_gender(noun: Token) -> str:
    """The gender of a role phrase ("la ministre", "l'ancienne députée", "le producteur"): its
    determiner, else an adjective or the noun itself when their form marks it."""
    for child in noun.children:
        # (the contracted "du", "au" the parser reads as a preposition: "du jihadiste", "au ministre")
        if (child.dep_ == "det" or child.dep_ == "case" and child.lower_ in ("du", "au")) and child.lower_ in _GENDERED_DET:
            return _GENDERED_DET[child.lower_]
    for child in noun.children:
        if child.dep_ == "amod" and child.i < noun.i and _marked_gender(child):
            return _marked_gender(child)
    return _marked_gender(noun)


def gender_of(ent: Span) -> str:
    """"Masc", "Fem" or "" (unknown): the grammatical gender the sentence gives a named person, from a
    civility ("Mme Durand", "M. Petit"), the role it is the apposition of ("la chanteuse Claire Dumas",
    "le député Paul Roux") or an apposition after it ("Julie Roux, élue en 2020,", "Marc Blanc, ancien
    ministre,"); else from a first name that gives it (first_name_gender)."""
    doc = ent.doc
    for tok in (ent[0], doc[ent.start - 1] if ent.start > sentence_start(ent) else None):
        if tok is not None and tok.lower_ in CIVILITY_GENDER:
            return CIVILITY_GENDER[tok.lower_]
    root = ent.root
    head = root.head
    if root.dep_ in ("appos", "flat:name", "nmod") and head.i < ent.start and head.pos_ == "NOUN" \
            and all(head.is_ancestor(doc[k]) for k in range(head.i + 1, ent.start)) \
            and not any(c.dep_ == "case" for c in root.children) and doc[ent.start - 1].pos_ != "ADP":
        # not a complement: "l'avocate de Marie Petit", "le mari de Julie Roux". "la ministre Agnès Martin",
        # "le président de la région, Jacques Moreau"; but a name the parser hung on a noun's complement that
        # is no person gets no gender from it ("la militante pour le climat Greta Thunberg", "après son échec
        # aux élections, Geoffroy Didier"); a role there does ("l'entretien avec la ministre Agnès Martin").
        gender = "" if any(c.dep_ == "case" for c in head.children) and head.head.pos_ == "NOUN" and (
            head.lower_ not in ROLES_JOBS and head.lower_ not in lx.PERSON_NOUNS) else _phrase_gender(head)
        if gender and head.lower_ not in ROLES_JOBS and head.lower_ not in lx.PERSON_NOUNS:
            # a noun for no person ("l'affaire Alexandre Benalla") has its own gender: a first name gives theirs;
            # so does the noun of its complement the name follows right after (its adjectives aside), the parser
            # having hung the name one noun too high ("la carrière du boxeur Tom Ferrand": his, not the
            # career's)
            nearer = next((doc[k] for k in range(ent.start - 1, head.i, -1) if doc[k].pos_ == "NOUN"), None)
            if nearer is not None and all(doc[k].pos_ == "ADJ" for k in range(nearer.i + 1, ent.start)):
                gender = _phrase_gender(nearer)
            gender = first_name_gender(person_name(ent)) or gender
        if gender:
            return gender
    after = ent.end + 1
    for child in root.children:
        if after < len(doc) and doc[ent.end].text == "," and child.left_edge.i == after:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                return _phrase_gender(child)
            if child.dep_ == "acl" and "Part" in morph_values(child, "VerbForm"):
                return _marked_gender(child)
    return first_name_gender(person_name(ent))


def first_name_gender(name: str) -> str:
    """"Masc", "Fem" or "": the gender a person's first name gives ("Marine Le Pen", "Jean-Marie Le Pen" by
    "Jean"); a name alone ("Le Pen") or a first name given to both says nothing."""
    words = name.split()
    if len(words) < 2:
        return ""
    first = words[0].split("-")[0].lower()
    if first in lx.MASCULINE_FIRST_NAMES:
        return "Masc"
    return "Fem" if first in lx.FEMININE_FIRST_NAMES else ""


def agrees(gender: str, pronoun: str) -> bool:
    """Whether a person of this gender may be what the pronoun stands for (an unknown gender may)."""
    wanted = PRONOUN_GENDER.get(pronoun, "")
    return not gender or not wanted or gender == wanted
