"""What the article has said before the current sentence (Context): the people, organisations and outlets it
named, the roles it tied to them, their genders and the last subject; and from these, who a pronoun or a
definite description of an office or occupation stands for (with same_person and description_gender)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.attribution import (
    FOLDED_JOBS,
    PRONOUN_GENDER,
    ROLE_ADJECTIVES,
    agrees,
    gender_of,
    glued_holder,
    outlet_in,
    person_name,
    quoted,
    role_key,
    role_of,
)
from claims.extraction.clauses import _subject, topic
from claims.extraction.described_names import description_beside
from claims.extraction.descriptions import (
    _UNNAMED_PEOPLE,
    demonstrative,
    person_noun,
    possessive,
    speakers_possessive,
)
from claims.extraction.doccache import column, morph_values, span_ents, span_text
from claims.extraction.people import _NAME_PARTICLES, _TITLES_BEFORE_NAMES, named_in
from claims.extraction.pronouns import SPEAKER_PRONOUNS

# Offices held by few people at a time, whose holder an article names ("l'ancienne ministre", "le maire");
# not the occupations of many ("le spécialiste", "l'avocat", "le médecin", "le responsable").
_OFFICES = frozenset(role_key(word) for word in (
    "ministre", "président", "présidente", "préfet", "préfète", "procureur", "procureure", "maire", "député",
    "députée", "sénateur", "sénatrice", "chef", "cheffe", "candidat", "candidate", "leader", "fondateur",
    "fondatrice", "patron", "patronne"))


# Officials a story about someone else quotes without naming them ("Le procureur a indiqué ..." in an article
# that names only the suspect): never who the article named (Context.article_holder).
_OFFICIALS = frozenset(role_key(word) for word in ("préfet", "préfète", "procureur", "procureure"))
# Offices of national politics, which Context.article_holder gives to the one person of their gender an article
# named; the head of a town or a company only when the article quotes or reports them by name.
_NATIONAL_OFFICES = _OFFICES - _OFFICIALS - frozenset(role_key(word) for word in (
    "maire", "patron", "patronne", "fondateur", "fondatrice"))


# Offices a bare noun names in French news ("La ministre", "Le député", "La secrétaire d'État"), as role_key writes
# them: whom the title names may hold it (bare_office, pipeline._title_office_holder).
_BARE_OFFICES = frozenset(role_key(word) for word in (
    "ministre", "président", "présidente", "député", "députée", "sénateur", "sénatrice", "secrétaire d'État"))


def bare_office(description: str) -> bool:
    """"La ministre", "Le député", "La secrétaire d'État": a definite description that is an office of national
    politics and nothing more (no domain, no place, no adjective: "la première ministre" is one person already)."""
    first = description.lower().replace("\u2019", "'").split()[:1]
    return bool(first) and (first[0] in ("le", "la") or first[0].startswith("l'")) \
        and role_key(description) in _BARE_OFFICES


# A public figure's occupations (lexicon.FIGURE_NOUNS) that name the one person of their gender an article named
# (Context.article_holder); not "l'auteur" (of the facts, as often as of a book), "la star", nor "la journaliste"
# (any reporter: "Pierre Bergé a reçu Ségolène Royal. La journaliste a affirmé ..." is not her).
_FIGURES = frozenset(role_key(word) for word in lx.FIGURE_NOUNS - {"auteur", "auteure", "autrice", "star", "journaliste"})


# The gender an article or a demonstrative gives the description after it.
_DETERMINER_GENDER = {"le": "Masc", "ce": "Masc", "cet": "Masc", "la": "Fem", "cette": "Fem"}


# Nouns of who someone is (lexicon.IDENTITY_NOUNS), and those that show their gender, as role_key writes them.
_IDENTITIES = frozenset(role_key(w) for w in lx.IDENTITY_NOUNS)
_FEMININE_IDENTITIES = frozenset(role_key(w) for w in lx.FEMININE_IDENTITIES)
_MASCULINE_IDENTITIES = frozenset(role_key(w) for w in lx.MASCULINE_IDENTITIES)


# Nouns for someone a story may bring in unnamed besides those of _UNNAMED_PEOPLE: "une étudiante", "un militant".
_UNNAMED_ROLES = frozenset(lx.UNNAMED_PERSON_NOUNS | lx.FIGURE_NOUNS)
_UNNAMED_ANY = frozenset(_UNNAMED_PEOPLE | _UNNAMED_ROLES)  # (either, read in one pass: Context.update)


def identity_only(description: str) -> bool:
    """Whether a description of a person only says who they are ("L'homme", "La jeune femme"), no office, no
    occupation and no complement."""
    words = role_key(description).split()
    return bool(words) and all(w in _IDENTITIES for w in words)


def description_gender(description: str) -> str:
    """"Masc", "Fem" or "": the gender a description of a person shows by its determiner ("la ministre", "ce
    professeur") or its first word ("l'ancienne ministre", "l'ancien député", "l'animatrice", "l'homme")."""
    first = description.lower().replace("\u2019", "'").split()[:1]
    words = role_key(description).split()
    if not first or not words:
        return ""
    if words[0] in ("ancienne", "premiere") or words[0].endswith(("trice", "iere", "euse")) or (
            _FEMININE_IDENTITIES.intersection(words[:2])):  # "l'adolescente", "la jeune femme"
        return "Fem"
    if _MASCULINE_IDENTITIES.intersection(words[:2]):  # "l'homme", "l'homme d'affaires"
        return "Masc"
    gender = _DETERMINER_GENDER.get(first[0], "")
    return gender or ("Masc" if words[0] in ("ancien", "premier") else "")


@dataclass
class Context:
    """What the article said before the current sentence, for resolving subjects and descriptions."""

    people: list[str] = field(default_factory=list)  # named people, most recent last
    orgs: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    last_subject: str = ""  # the previous sentence's named subject
    last_subject_plural: bool = False
    last_subject_gender: str = ""  # "Masc"/"Fem" of a described subject ("la police"); "" for a name
    last_subject_outlet: bool = False  # "le quotidien": rarely who a later "il" is
    last_subject_thing: bool = False  # a noun for no person ("Ce pack", "Sa voiture"): what a later "il" may be
    last_subject_counted: bool = False  # a subject given with its number ("Quelque 3.000 foyers", "Deux hommes")
    last_subject_org: bool = False  # the previous sentence's subject is an organisation named ("Conforama se retrouve")
    previous_names: list[str] = field(default_factory=list)  # people and organisations of the last sentence
    previous_people: list[str] = field(default_factory=list)  # the people the last sentence named, as in `people`
    # People the last sentence named as the subject of one of its clauses, outside a quotation ("Les initiatives
    # se multiplient : ainsi Paul Roux s'est transformé en livreur"): who a next "il" may go on about.
    clause_subjects: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # "ministre de l'éducation" -> the person named with it
    genders: dict[str, str] = field(default_factory=dict)  # person -> "Masc" / "Fem", as the article first gave it
    # Genders of the people the last sentence brought in unnamed ("une jeune fille de 15 ans"): a pronoun of
    # that gender in the next sentence may stand for them rather than for someone named before.
    unnamed_genders: set[str] = field(default_factory=set)
    # Genders of everyone any sentence so far brought in unnamed ("un jeune homme", "une étudiante"): a later "le jeune
    # homme" may be them rather than the one person of that gender the article named (sole_described).
    unnamed_seen: set[str] = field(default_factory=set)
    title: str = ""  # the article's title, when it has one
    last_speaker: str = ""  # who the article last quoted or reported: a quotation after it may still be theirs
    # People named at least once other than in a complement ("Michèle Torr traverse", not "l'émission de
    # Thierry Ardisson"): who a story may be about.
    agents: set[str] = field(default_factory=set)
    # What the article said a name it gave is, by the head noun of a description set beside it ("SUD-Rail, le
    # troisième syndicat du groupe": "syndicat" -> [("SUD-Rail", "Masc")]): for a later bare "le syndicat".
    described: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # The couples the article named, by their surname ("le couple Balkany", "les époux Roux", "Paul Roux et sa femme
    # Anne"): whom a later bare "Le couple", "Les époux" is (antecedents.couple_described).
    couples: list[str] = field(default_factory=list)

    def brought_in_unnamed(self, pronoun: str) -> bool:
        """Whether the last sentence brought in an unnamed person "il"/"elle" may stand for ("... retrouver
        une jeune fille de 15 ans. Elle a été retrouvée ..."): then it is not the person named before."""
        return PRONOUN_GENDER.get(pronoun, "") in self.unnamed_genders

    def subject_for(self, pronoun: str) -> str | None:
        """Who "il"/"elle" is when it goes on about the previous sentence's subject: that subject, or the person
        the article named with it when it is a role ("Le ministre" after "le ministre Jean Dupont"), when it is
        singular, not a medium ("Le quotidien rapporte ... Il a été placé" is seldom the newspaper) and agrees
        in gender ("La police ... Il" is not the police; "la chanteuse ..., il" not her); "" when the subject
        is there but is not the pronoun's; None when there is no such subject (look further back). The one
        rule for a claimant's pronoun (claimants._resolve) and a text's (_antecedent)."""
        if not self.last_subject or self.last_subject_plural or self.last_subject_outlet \
                or not agrees(self.last_subject_gender, pronoun):
            return None
        if self.last_subject_thing and any(self.fits(name, pronoun) and any(
                de + name in self.last_subject for de in ("de ", "d'", "d\u2019", "du ")) for name in self.people):
            return ""  # "Le livre de Paul Roux est sorti. Il ...": the thing or the person it names, either may be "il"
        subject = self.person_for(self.last_subject) or self.last_subject
        return subject if self.fits(subject, pronoun) else ""

    def clause_subject_for(self, pronoun: str) -> str:
        """Who "il"/"elle" is when the previous sentence's own subject is not theirs (plural, a thing, none) but one
        of its clauses has a person as its subject, the only person it so named, of the pronoun's gender as the
        article gave it: "Les initiatives se sont multipliées : ainsi Paul Roux s'est transformé en livreur. Cette
        semaine il a organisé des cours" is about Paul Roux. "" when the sentence named two, the gender is unknown
        or disagrees, or it brought in someone unnamed of that gender ("un homme")."""
        names = set(self.clause_subjects)
        if len(names) != 1 or self.brought_in_unnamed(pronoun):
            return ""
        name = names.pop()
        return name if self.genders.get(name) and self.fits(name, pronoun) else ""

    def thing_before(self, pronoun: str) -> bool:
        """Whether the previous sentence's subject was a noun the article did not name ("Ce pack", "Sa
        voiture") that agrees with "il"/"elle" in gender and number: the pronoun goes on about it, not about
        the person named before it."""
        return not self.last_subject and self.last_subject_thing and not self.last_subject_plural \
            and agrees(self.last_subject_gender, pronoun)

    def medium_before(self, pronoun: str) -> bool:
        """Whether the previous sentence's subject was a medium's noun that agrees with "il"/"elle" in gender and
        number, in a sentence that named no one ("La chaîne a voulu savoir qui regarde le sport. Elle a interrogé
        500 abonnés"): the pronoun may go on about it, it is no sign that it stands for a person named before
        (as after "Le quotidien rapporte que Paul Roux ... Il", where subject_for passes the medium by)."""
        return self.last_subject_outlet and not self.last_subject_plural and bool(self.last_subject_gender) \
            and agrees(self.last_subject_gender, pronoun) and not any(name in self.people for name in self.previous_names)

    def fits(self, name: str, pronoun: str) -> bool:
        """Whether "il"/"elle" may stand for this person: "la chanteuse ... elle" is not the man named last."""
        return agrees(self.genders.get(name, ""), pronoun)

    def person_for(self, description: str) -> str:
        """The person the article named with this role ("le ministre de l'Éducation", "le Premier
        ministre"): the same role, else the only role the description shortens ("le ministre" after "le
        ministre de l'Éducation Jean Dupont"); "" when unknown or ambiguous."""
        key = role_key(description)
        if not key:
            return ""
        if key.split()[0] in FOLDED_JOBS:
            # An occupation is no office of one person: "la journaliste" is who the article tied to it
            # only when it tied one person to it ("la journaliste Claire Chazal", not two reporters).
            names = {name for role, name in self.roles.items() if role == key or role.startswith(key + " ")}
            return names.pop() if len(names) == 1 else ""
        if key in self.roles:
            return self.roles[key]
        names = {name for role, name in self.roles.items() if role.startswith(key + " ")}
        return names.pop() if len(names) == 1 else ""

    def sole_holder(self, description: str, sentence: str) -> str:
        """"Pierre Bergé était resté proche de Ségolène Royal. L'ancienne ministre raconte ...": a definite
        description of an office ("l'ancienne ministre", "le président américain") whose gender its article
        or an adjective gives is the one person of that gender the article has named, when the article gave
        their gender, no other office, and the sentence does not name them. Two people of that gender, an
        occupation ("la journaliste": anyone) or a name in the description: no one."""
        words = role_key(description).split()
        first = description.lower().replace("\u2019", "'").split()[:1]
        if not words or not first or not (first[0] in ("le", "la") or first[0].startswith("l'")) or any(
                w[:1].isupper() for w in description.replace("'", " ").split()[1:]):
            return ""
        head = next((w for w in words if w not in ROLE_ADJECTIVES), words[0])
        if head not in _OFFICES or head in _OFFICIALS:
            return ""  # (a prefect or a prosecutor is never someone the article named for something else: article_holder)
        gender = description_gender(description)
        same = {name for name in self.people if self.genders.get(name) == gender}
        if not gender or len(same) != 1:
            return ""
        name = same.pop()
        offices = [role.split() for role, holder in self.roles.items() if holder == name]
        if name in sentence or _other_office(head.rstrip("e"), offices):
            return ""  # "le patron du groupe" is not the minister the article named
        return name

    def article_holder(self, description: str, sentence: str, speakers: Iterable[str] = ()) -> str:
        """"La présidente du RN a dénoncé ..." in the lead and "Marine Le Pen" further on: read once the whole
        article is, a definite description of a public office (the offices of sole_holder, with its domain,
        "le chef de l'État") whose gender its article or an adjective gives is the one person of that gender
        the article named other than in a complement, wherever it did, when the sentence does not name them
        and the article gave them no other office (for the head of a town or a company, one the article quotes
        or reports by name; never a prosecutor or a prefect). Several such people: no one. A public figure's occupation ("la chanteuse") too,
        alone or with an adjective. None: "". Nor a description with a name in it ("le
        porte-parole du navigateur Boris Herrmann"): whose that name is, the description says."""
        words = role_key(description).split()
        first = description.lower().replace("\u2019", "'").split()[:1]
        if not words or not first or not (first[0] in ("le", "la") or first[0].startswith("l'")):
            return ""
        head = next((w for w in words if w not in ROLE_ADJECTIVES), words[0])
        gender = description_gender(description)
        figure = head in _FIGURES and len(words) <= 2
        if head in _OFFICIALS or not (head in _OFFICES and gender or figure):
            return ""
        if self.names_someone(description):
            return ""
        same = [name for name in dict.fromkeys(self.people)
                if name in self.agents and (self.genders.get(name) == gender or figure and not gender)]
        named = fullest_names(same)  # "M. Fillon" is "François Fillon"
        if figure:
            # "La chanteuse", "l'humoriste": the one person of that gender the article named; without a gender, the
            # one person it named at all, when it quotes or reports them by name
            name = named[0] if len(named) == 1 and (gender or any(same_person(s, named[0]) for s in speakers)) else ""
        else:
            # (several people of that gender: no one. Taking the one the article names most put "Philippe Pétain"
            # for "le Président de la République" in an article about Emmanuel Macron and the marshals' tribute.)
            name = named[0] if len(named) == 1 else ""
        if not name or not figure and head not in _NATIONAL_OFFICES and not any(same_person(s, name) for s in speakers):
            return ""
        offices = [role.split() for role, holder in self.roles.items() if same_person(holder, name)]
        if any(same_person(name, other) for other in same if other in sentence) \
                or _other_office(head.rstrip("e"), offices):
            return ""
        return name

    def previous_organisation(self) -> str:
        """The organisation the previous sentence had for its subject, named and tagged so ("Conforama se retrouve
        en difficulté.", "Apple opened a factory."), neither a medium nor one of several; "" otherwise: whom a
        later bare "Le groupe", "It", "the company said" may stand for."""
        if not self.last_subject_org or self.last_subject_outlet or self.last_subject_plural:
            return ""
        return self.last_subject

    def described_as(self, description: str) -> str:
        """"Selon le syndicat" after "SUD-Rail, le troisième syndicat du groupe,"; "L'attaquant avait signé" after
        "l'attaquant du FC Nantes Emiliano Sala": a definite description that is only its noun is the one name the
        article set beside a description with that noun (described_names.description_beside), of the gender its
        article shows when the article gave one; "" when it set it beside two names, or none."""
        words = description.lower().replace("\u2019", "'").replace("'", "' ").split()
        if len(words) != 2 or words[0] not in ("le", "la", "l'"):
            return ""
        gender = _DETERMINER_GENDER.get(words[0], "")
        found = self.described.get(words[1], [])
        if any(gender and theirs and theirs != gender for _, theirs in found):
            return ""  # "la cycliste" after "le cycliste Paul Roux": someone else
        distinct = fullest_names([name for name, _ in found])
        if len(distinct) != 1 or gender and self.genders.get(distinct[0], gender) != gender:
            return ""
        return distinct[0]

    def sole_described(self, gender: str, sentence: str) -> str:
        """"Sophie Le Tan a disparu à Strasbourg. ... La jeune étudiante de 20 ans demeure introuvable": a definite
        description of one person whose gender it shows is the one person of that gender the article has named so
        far, named other than only in a complement, when the article gave everyone it named a gender (someone of
        unknown gender could be them), brought in no one unnamed of that gender ("une jeune femme") and the sentence
        does not name them. Two such people, or none: ""."""
        if gender not in ("Masc", "Fem") or gender in self.unnamed_seen:
            return ""
        named = list(dict.fromkeys(self.people))
        distinct = fullest_names(named)
        if any(not self.genders.get(name) and not any(
                same_person(name, other) and self.genders.get(other) for other in named) for name in distinct):
            return ""
        same = [name for name in distinct if self.genders.get(name) == gender]
        if len(same) != 1 or named_in(same[0], sentence):
            return ""
        # (named other than in a complement, or the title opens on them: "Laetitia Milot enceinte" / "Beaucoup plus
        # belle la vie pour Laetitia Milot !")
        opens = self.title.lstrip().startswith(same[0])
        return same[0] if (same[0] in self.agents or opens) and self._title_names(same[0]) else ""

    def title_holder(self, description: str) -> str:
        """"La députée Paule Roux quitte le groupe" / "La députée du Nord annonce ...": the one person of the
        gender a description of an office shows whom the title names as who the story is about (_title_names), named
        other than only in a complement, the shorter forms of a name taken for it ("Paule Roux" for "Paule Roux
        Martin"), when the article gave them no other office; "" when the title names two such people, or none."""
        gender, head = description_gender(description), _office_noun(description)
        if not gender or not head:
            return ""
        named = [name for name in fullest_names(self.people)
                 if name in self.agents and self.genders.get(name) == gender and self._title_names(name)]
        if len(named) != 1:
            return ""
        offices = [role.split() for role, holder in self.roles.items() if holder and same_person(holder, named[0])]
        return "" if _other_office(head, offices) else named[0]

    def office_elsewhere(self, description: str, name: str) -> bool:
        """Whether the article gave the noun of this office to someone other than `name`, in an office it tied to
        a name ("Paul Roux, ministre de l'Intérieur,", Context.roles) or right beside one ("le ministre Paul Roux",
        Context.described), of the description's gender when the article gave theirs: another holder a bare "la
        ministre" may be ("le ministre Paul Martin" is not)."""
        head, gender = _office_noun(description), description_gender(description)
        others = [(holder, self.genders.get(holder, "")) for role, holder in self.roles.items()
                  if holder and role.split() and role.split()[0].rstrip("e") == head]
        others += [(held, theirs or self.genders.get(held, "")) for noun, found in self.described.items()
                   if role_key(noun).rstrip("e") == head for held, theirs in found]
        return any(not same_person(other, name) and not (gender and theirs and theirs != gender)
                   for other, theirs in others)

    def title_person(self, pronoun: str) -> str:
        """"La volte-face de Paule Roux" / "Elle a fêté ses 74 ans ...": the one person the article named, other
        than only in a complement, whom its title names as who the story is about (_title_names: by the surname,
        not as whose kin someone is), when the article gave their gender and "il"/"elle" agrees with it; "" when
        the title names two of the article's people, or none."""
        named = [name for name in fullest_names(self.people) if self._title_names(name)]
        if len(named) != 1 or named[0] not in self.agents or not self.genders.get(named[0]):
            return ""
        return named[0] if self.fits(named[0], pronoun) else ""

    def _title_names(self, name: str) -> bool:
        """Whether the title names this person as who the story is about: their surname, not as whom a person's noun
        before it is of ("La fille de Marine Le Pen agressée", "la femme de Nagui": someone else the story is about;
        "Disparition de Sophie Le Tan" is about her)."""
        surname = name.split()[-1]
        found = re.search(r"(?<!\w)" + re.escape(surname) + r"(?!\w)", self.title)
        if found is None:
            return False
        before = self.title[: found.start()].split()
        while before and before[-1][:1].isupper() and before[-1] != surname:
            before.pop()  # the first names before the surname ("Marine Le")
        words = [w.lower().replace("\u2019", "'") for w in before]
        of = bool(words) and (words[-1] in ("de", "du", "des") or words[-1].endswith("d'"))
        whose = words[-1][:-2] if of and words[-1].endswith("d'") and len(words[-1]) > 2 else words[-2] if of and len(
            words) > 1 else ""
        whose = whose.strip(" ,:;'\"«»")
        return not of or not (person_noun(whose) or whose in lx.KIN_NOUNS)

    def _describe(self, ent: Span, sent: Span) -> None:
        """Keeps the description an article sets beside a name (described_names.description_beside) outside a
        quotation."""
        noun, gender, name = description_beside(ent)
        if ent.label_ in ("PER", "PERSON"):
            name = person_name(ent)
        if noun and len(name) > 2 and not quoted(ent[0], sent):
            self.described.setdefault(noun, []).append((name, gender))

    def names_someone(self, description: str) -> bool:
        """Whether a description holds a name: the surname of someone the article named ("le porte-parole du
        navigateur Boris Herrmann"), or one the article gave no one else (_name_in): whose that name is, the
        description says, and no other person is it."""
        capitalised = {word.lower() for word in description.split()[1:] if word[:1].isupper()}
        return bool(capitalised) and any(name.split()[-1].lower() in capitalised for name in self.people) \
            or _name_in(description)

    def called(self, name: str, description: str) -> bool:
        """Whether the article named this person with the description's noun somewhere ("le ministre de
        l'Économie Paul Martin", "Paul Martin, ministre", for "le ministre"): evidence that the description
        stands for them, where a guess (the person just quoted) is none."""
        head = _office_noun(description)
        return bool(head) and any(same_person(holder, name) and not _other_office(head, [role.split()])
                                  for role, holder in self.roles.items())

    def holds_office_named_in(self, name: str, span: Span) -> bool:
        """Whether the sentence also names this person by an office the article gave them: then "ce
        dernier" or "il" in it is someone else ("Ce dernier est un proche de l'actuel ministre des Comptes
        publics" is not about the minister)."""
        text = role_key(span_text(span))
        return any(holder == name and (" " + role) in (" " + text) for role, holder in self.roles.items())

    def _hold(self, role: str, name: str) -> None:
        """Ties a role to the person named with it. An office passes on to whoever the article names with
        it last; an occupation two people were named with ("le journaliste Hugo Clément", "le journaliste
        Paul Martin") names neither of them."""
        if role.split()[0] in FOLDED_JOBS and self.roles.get(role, name) != name:
            name = ""
        self.roles[role] = name

    def demonstrated(self, job: str, pronoun: str) -> str:
        """"Claire Chazal a présenté le JT. Depuis 2016, cette journaliste présente ...": a demonstrative
        occupation ("cette journaliste", "ce professeur de collège") is the one person the sentence before
        was about, when they agree in gender ("" when the pronoun is unknown); else ""."""
        person = self.last_subject
        if role_key(job) not in FOLDED_JOBS or self.last_subject_plural or person not in self.people:
            return ""
        return person if not pronoun or self.fits(person, pronoun) else ""

    def _demonstrated(self, noun: Token) -> str:
        """A demonstrative occupation subject (Context.demonstrated): the article has tied it to the person."""
        if not demonstrative(noun) or "Plur" in morph_values(noun, "Number"):
            return ""
        pronoun = {"Masc": "il", "Fem": "elle"}.get(next(iter(noun.morph.get("Gender")), ""), "")
        person = self.demonstrated(noun.lower_, pronoun)
        if person:
            self._hold(role_key(noun.lower_), person)
        return person

    def _only_one(self, noun: Token) -> str:
        """"Michèle Torr a été hospitalisée. ... En avril, la chanteuse avait annulé ses concerts": a definite
        singular subject naming a public figure's occupation (lexicon.FIGURE_NOUNS) is the one person the
        article has named so far, not only in a complement, when their genders do not disagree;
        "" when it named two people or none, or for anyone else ("l'homme", "l'avocat", "le ministre" may be
        someone the story brings in; "l'émission de Thierry Ardisson. L'humoriste" is not the host)."""
        named = set(self.people)
        if len(named) != 1 or not named <= self.agents or noun.lower_ not in lx.FIGURE_NOUNS:
            return ""
        if "Plur" in morph_values(noun, "Number") or not any(
                c.dep_ == "det" and c.lower_.replace("\u2019", "'") in ("le", "la", "l'") for c in noun.children):
            return ""
        person = named.pop()
        gender = _DETERMINER_GENDER.get(next((c.lower_ for c in noun.children if c.dep_ == "det"), ""), "")
        known = self.genders.get(person, "")
        return person if not gender or not known or gender == known else ""

    def _named_subject(self, ent: Span) -> str:
        """A named subject as a later pronoun may be replaced by it: the entity's words; "" when they are no name (a
        letter, "A" of "A bord", "C" of "C."; a title alone, "Le Dr"; words that open lower-case or on a preposition,
        "D'après le procureur", "l'acte IX") or a name the tagger cut ("Le Maire" of "Bruno Le Maire", a capitalised
        word right before or after it): then the whole name when the article gave it, else no one."""
        doc = ent.doc
        start, end = ent.start, ent.end
        while start > 0 and _name_word(doc[start - 1]):
            start -= 1
        while end < len(doc) and _name_word(doc[end]) and not doc[end].is_sent_start:
            end += 1
        name = span_text(doc[start:end]).strip(" ,.'\"")
        if (start, end) != (ent.start, ent.end):
            return name if name in self.people else ""
        return name if _looks_named(name) else ""

    def update(self, sent: Span, resolved_subject: str = "", speaker: str = "") -> None:
        """Takes in what a sentence names. A subject inside a quotation is the speaker's, it does not move
        the narrative; `speaker`, the person the sentence attributes a statement to, does ('"...",
        a-t-elle confié': the next "elle" goes on about her)."""
        ents = span_ents(sent)
        # (span_text: the entity's words sliced from the document's text, not joined from its tokens)
        self.previous_names = [text for e in ents if e.label_ in ("PER", "PERSON", "ORG") and len(text := span_text(e)) > 2]
        if not span_text(sent).lstrip().startswith('"'):  # a quotation does not move the narrative
            lower = column(sent.doc, "lower_")  # only the few words in _UNNAMED_PEOPLE get a Token
            unnamed = [t for t in (sent.doc[i] for i in range(sent.start, sent.end) if lower[i] in _UNNAMED_ANY)
                       if any(c.dep_ == "det" and c.lower_ in ("un", "une") for c in t.children)]  # ("une étudiante")
            self.unnamed_genders = {g for t in unnamed if t.lower_ in _UNNAMED_PEOPLE and t.pos_ in ("NOUN", "PRON")
                                    for g in morph_values(t, "Gender")}
            self.unnamed_seen |= self.unnamed_genders | {
                g for t in unnamed if t.lower_ in _UNNAMED_ROLES and t.pos_ == "NOUN" for g in morph_values(t, "Gender")}
        self.clause_subjects = []
        named_before = len(self.people)
        self.couples.extend(couples_named(span_text(sent)))
        for ent in ents:
            self._describe(ent, sent)
            name = span_text(ent).strip(" ,.'\"")
            if len(name) < 3:
                continue
            if outlet_in(name) == name or _named_medium(ent):
                self.outlets.append(name)
            elif ent.label_ in ("PER", "PERSON"):
                # Someone a speaker names inside a quotation is not who the article goes on about; the
                # speaker named in an incise inside it is ('"Je ..., déplore le maire, Paul Roux. ..."').
                name = person_name(ent)
                if name and not _GLUED_SENTENCE.search(name) and (not quoted(ent[0], sent) or name == speaker):
                    self.people.append(name)
                    if not any(c.dep_ == "case" for c in ent.root.children):
                        self.agents.add(name)
                    if _clause_subject(ent.root) and not quoted(ent[0], sent):
                        self.clause_subjects.append(name)
                    gender = gender_of(ent)
                    if gender:
                        self.genders.setdefault(name, gender)
                    role = role_of(ent)
                    if role:
                        self._hold(role, name)
            elif (glued := glued_holder(ent))[0] and not quoted(ent[0], sent):
                holder, role = glued  # "le ministre de l'Éducation Jean-Michel Blanquer"
                self.people.append(holder)
                self.roles[role] = holder
            elif ent.label_ in ("ORG",):
                self.orgs.append(name)
        self.previous_people = self.people[named_before:]
        outlet = outlet_in(span_text(sent))
        if outlet:
            self.outlets.append(outlet)
        subject = _subject(sent)
        in_quotation = subject is not None and span_text(sent.doc[sent.start : subject.i]).count('"') % 2 == 1
        self.last_speaker = speaker or self.last_speaker
        thing_before = self.last_subject_thing
        kept = self.last_subject_gender, self.last_subject_outlet, self.last_subject_counted
        self.last_subject_gender, self.last_subject_outlet, self.last_subject_thing = "", False, False
        self.last_subject_counted = False
        self.last_subject_org = False
        if resolved_subject:
            self.last_subject = resolved_subject
        elif speaker in self.people and _looks_named(speaker) and (in_quotation or subject is None or subject.lower_ in ("il", "elle")
                                         or subject.lower_.replace("\u2019", "'") in SPEAKER_PRONOUNS):
            # '(...) Je veux que ..., promet-il.': who says "je" is who the next "il" goes on about
            self.last_subject, self.last_subject_plural = speaker, False
        elif in_quotation:
            self.last_subject_gender, self.last_subject_outlet, self.last_subject_counted = kept  # (as it was)
            return
        elif subject is not None and subject.pos_ == "PROPN":
            ent = next((e for e in ents if e.start <= subject.i < e.end), None)
            # (not "Marine Le Pen et Louis Aliot ...": two of them, no "il" nor "ils" either is)
            coordinated = any(c.dep_ == "conj" for c in subject.children)
            self.last_subject = self._named_subject(ent) if ent is not None and not coordinated else ""
            self.last_subject_plural = False
            self.last_subject_org = bool(self.last_subject) and ent is not None and ent.label_ in ("ORG", "MISC")
            # "Le DailyMail a publié des extraits. Il était un enfant timide": a medium is seldom who "il" is
            self.last_subject_outlet = bool(self.last_subject) and (bool(outlet_in(
                span_text(sent.doc[min(subject.left_edge.i, ent.start) : ent.end]))) or self.last_subject in self.outlets)
        elif subject is not None and subject.pos_ == "NOUN" and subject.lower_ not in lx.OUTLET_NOUNS and (
                named := _apposed_name(subject, sent)):
            self.last_subject, self.last_subject_plural = named, False  # "Le docteur Denis Mukwege réclame"
        elif subject is not None and subject.pos_ == "NOUN" and (named := self._demonstrated(subject)):
            self.last_subject, self.last_subject_plural = named, False  # "Depuis 2016, cette journaliste présente"
        elif subject is not None and subject.pos_ == "NOUN" and (named := self._only_one(subject)):
            self.last_subject, self.last_subject_plural = named, False  # "Michèle Torr ... la chanteuse avait dû"
        elif subject is not None and subject.pos_ == "NOUN" and subject.lower_ not in lx.FIRST_PERSON.get("fr", ()) \
                and any(c.isalpha() for c in subject.text):  # (not the "-" of "Le lieutenant-colonel", misread)
            self.last_subject = _described(subject)
            # "Sa voiture ... Elle", "Ce travail ... Il": whose car, which work is not known here
            self.last_subject_plural = "Plur" in morph_values(subject, "Number")
            self.last_subject_gender = next(iter(subject.morph.get("Gender")), "")
            self.last_subject_outlet = subject.lower_ in lx.OUTLET_NOUNS or bool(outlet_in(self.last_subject))
            self.last_subject_thing = bool(self.last_subject_gender) and not person_noun(subject.lower_)
            self.last_subject_counted = any(t.like_num for t in _subject_phrase(subject))
            return
        elif subject is not None and (words := topic(subject, list(sent.doc[sent.start : subject.i]))):
            # "Quant au député Paul Roux, il ...": the topic is who the pronoun is, and the next one goes on about
            named = {person_name(e) for e in ents if e.label_ in ("PER", "PERSON") and words[0].i <= e.start < subject.i}
            self.last_subject, self.last_subject_plural = (named.pop() if len(named) == 1 else ""), False
        elif subject is None or subject.lower_ not in ("il", "elle", "ils", "elles") or thing_before:
            # A pronoun the sentence left unresolved may still stand for the person or body named before; not for
            # a thing it was not ("L'incendie a détruit le hangar. Quant au gardien, il est indemne. Il a été entendu
            # ...": the second "il" is not the fire either).
            self.last_subject = ""
        else:
            # ... and it still is what it was: "La présidente a accusé Paul Roux. Il ... Il ..." is not her
            self.last_subject_gender, self.last_subject_outlet, self.last_subject_counted = kept


def _name_word(tok: Token) -> bool:
    """A capitalised word of a name beside an entity the tagger cut from it ("Bruno" before "Le Maire")."""
    return tok.pos_ in ("PROPN", "NOUN", "X") and tok.is_alpha and tok.text[:1].isupper()


def _looks_named(name: str) -> bool:
    """Whether words the tagger gave as a name may stand for "il"/"elle": not a letter ("A" of "A bord", "C" of
    "C."), a title alone ("Le Dr") nor words that open lower-case or hold a common word ("D'après le procureur",
    "l'acte IX")."""
    words = name.replace("\u2019", "'").replace("'", "' ").split()
    return len(name) >= 3 and name[:1].isupper() and any(
        w[:1].isupper() and w.lower() not in _ARTICLES_AND_TITLES for w in words) and not any(
        w[:1].islower() and w.lower() not in _NAME_PARTICLES and w not in _ORGANISATION_LINKS for w in words)


# The lower-case words inside an English organisation's name: "The Royal College of Nursing", "Doctors for Peace".
_ORGANISATION_LINKS = frozenset({"of", "for"})


# Words of a name that are not its own: articles and the titles before a name ("Le Dr", "M.").
_ARTICLES_AND_TITLES = frozenset({"le", "la", "les", "l'", *_TITLES_BEFORE_NAMES})


# A full stop glued between a word and the capitalised first word of the next sentence ("Paul Roux.La mairie"): a
# name the tagger ran into that sentence is no one's name (neither "Paul Roux.La" nor, cut, surely who "il" is).
_GLUED_SENTENCE = re.compile(r"\w\.[A-ZÀ-Ý][a-zà-ÿ]")


# Words after which a capitalised word is what a description is of ("la ministre de la Santé", "le maire
# d'Évry"), or an office's own capital ("Le Premier ministre"), not who holds it.
_BEFORE_NO_NAME = frozenset({"de", "du", "des", "d'", "le", "la", "les", "l'", "à", "au", "aux", "en", "depuis", "sur",
                             "pour", "par", "chez", "avec", "contre", "dans"})


def _name_in(description: str) -> bool:
    """"Le Premier ministre Édouard Philippe", "le chanteur Paul Roux": a description that gives its holder's name,
    two capitalised words right after one of its own lower-case words; not a place or a body it is of ("la
    ministre de la Santé", "le président du Brésil", "le chef du gouvernement depuis Matignon") nor a party's
    initials ("la présidente RN")."""
    words = description.replace("\u2019", "'").replace("'", "' ").split()
    return any(before.islower() and before not in _BEFORE_NO_NAME and all(
        word[:1].isupper() and not word.isupper() for word in name)
        for before, *name in zip(words[1:], words[2:], words[3:], strict=False))


def _clause_subject(tok: Token) -> bool:
    """Whether a name is the subject of a clause, alone or with others ("Paul Roux et Jean Dumas se sont
    transformés": both are)."""
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok.dep_.startswith("nsubj")


def _described(subject: Token) -> str:
    """A noun subject as a later "il"/"elle" may be replaced by it: its short phrase ("Le nombre de cas
    graves", "La ministre de la Santé"); "" when it says whose or which only with the sentences before
    ("Sa voiture", "Ce travail") or with who speaks ("Mon métier", "Notre pays"), cuts a person's name or runs
    longer than a short phrase."""
    np = _subject_phrase(subject)
    doc = np.doc
    after = doc[np.end] if np.end < len(doc) else None
    if after is not None and after.ent_iob_ == "I" and after.ent_type_ in ("PER", "PERSON"):
        return ""  # "La nièce de Marine [Le Pen]": a phrase that cuts a name says someone else
    if subject.text[:1].isupper() and (after is not None and _name_word(after) and not after.is_sent_start
                                       or np.start > 0 and _name_word(doc[np.start - 1])):
        return ""  # a capitalised noun by a name, the tagger's cut: "le Dr [Siou]" says less, "[Bruno] Le Maire" another thing
    if np[0].pos_ == "ADP" or len(subject.text) < 3 and subject.text[:1].isupper():
        return ""  # "D'après le procureur, ...": the parser's subject, with the words of a source before it; "A bord"
    if not _noun_phrase(np):
        return ""  # "Il est le seul grand club [français a avoir publié]": a clause the parser hung on the noun
    return span_text(np) if len(np) <= 6 and not any(t.text in ',"()' for t in np) and (
        possessive(subject) is None) and not speakers_possessive(subject) and not demonstrative(subject) else ""


def _noun_phrase(np: Span) -> bool:
    """Whether a subject's words are a noun phrase that may stand in for a pronoun: no verb or auxiliary of their
    own ("Il est le seul grand club" when a typo, "a avoir", made "club" the subject of "a"; "C'est un geste"),
    not opening on a pronoun (a determiner is none: "Certains ministres") or a conjunction ("Mais téléspectateurs" of
    "Mais téléspectateurs et internautes")."""
    return not (np[0].pos_ == "PRON" and np[0].dep_ != "det") and np[0].pos_ not in ("CCONJ", "SCONJ") and not any(
        t.pos_ == "AUX" or t.pos_ == "VERB" and "Fin" in morph_values(t, "VerbForm") for t in np)


def _named_medium(ent: Span) -> bool:
    """"le quotidien El Watan", "l'hebdomadaire algérien Jeune Afrique": a name right after a medium's noun
    (and its adjectives) is a medium the outlet list lacks; "le quotidien" later in the article is it."""
    k = ent.start - 1
    while k > 0 and ent.doc[k].pos_ == "ADJ" and ent.doc[k].is_lower:
        k -= 1
    return k >= 0 and ent.doc[k].lower_ in lx.OUTLET_NOUNS


def _subject_phrase(noun: Token) -> Span:
    """"Le chef de l'État", "Le président américain", "La ministre de la Santé": a subject noun with the
    adjectives and the "de" complement right after it, which say who "il" or "elle" in the next sentence is
    ("Le chef" alone does not); the noun alone when they run longer than a short phrase."""
    doc = noun.doc
    end = noun.i + 1
    for child in noun.rights:
        if child.left_edge.i != end or child.right_edge.i - noun.left_edge.i >= 6:
            break
        if not (child.dep_ == "amod" and child.pos_ == "ADJ" or child.dep_ == "nmod" and any(
                c.dep_ == "case" and c.lower_ in ("de", "d'", "du", "des") for c in child.children)):
            break
        end = child.right_edge.i + 1
    return doc[noun.left_edge.i : end]


def _apposed_name(noun: Token, sent: Span) -> str:
    """The person a description subject names right after it: "le docteur Denis Mukwege", "la ministre,
    Agnès Buzyn,"; not a person of its complement ("l'ancien allié de Paul Roux" is not him)."""
    for child in noun.rights:
        if child.dep_ in ("appos", "flat:name", "nmod") and child.ent_type_ in ("PER", "PERSON") and child.i - noun.i <= 2 \
                and not any(c.dep_ == "case" for c in child.children):
            ent = next((e for e in span_ents(sent) if e.start <= child.i < e.end), None)
            return ent.text if ent is not None else ""
    return ""


def _office_noun(description: str) -> str:
    """The noun of the office a description gives, past its adjectives and without the "e" of its feminine, as the
    offices an article tied to names are compared by ("la première ministre" -> "ministr", "la députée" -> "deput")."""
    return next((w for w in role_key(description).split() if w not in ROLE_ADJECTIVES), "").rstrip("e")


def _other_office(head: str, offices: list[list[str]]) -> bool:
    """Whether one of the offices the article gave someone (each as role_key's words) is not of this office's noun
    (_office_noun): "le patron du groupe" is not the minister the article named."""
    return any(head not in (w.rstrip("e") for w in role) for role in offices)


def _shorter_form(name: str, other: str) -> bool:
    """Whether a name of two words or more is the first words of another ("Marion Dupont" of "Marion Dupont
    Lemaire"): one person, the second time named in full."""
    a, b = name.split(), other.split()
    return 2 <= len(a) < len(b) and b[: len(a)] == a


# "le député de la Creuse", "la sénatrice du Nord": an office, then the place it is of.
_OFFICE_PLACE = r"(?<![\w-]){noun}s?\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])([A-ZÀ-Þ][\w'’-]*)"


# "le couple Balkany", "les époux Roux", "du couple Macron": a couple named by its surname.
_COUPLE_NAMED = re.compile(r"(?<![\w-])(?:couple|époux)\s+([A-ZÀ-Þ][\w'’-]+)(?:\s+([A-ZÀ-Þ][\w'’-]+))?")
# "Paul Roux et sa femme Anne", "Paul Roux et son épouse", "Anne Roux et son mari Paul Roux": a person, their spouse
# after them.
_SPOUSE_AFTER = re.compile(r"(?<![\w-])[A-ZÀ-Þ][\w'’-]+\s+([A-ZÀ-Þ][\w'’-]+)\s+et\s+(?:sa\s+femme|son\s+épouse|son\s+mari"
                           r"|son\s+époux)(?:\s*,?\s+[A-ZÀ-Þ][\w'’-]+(?:\s+([A-ZÀ-Þ][\w'’-]+))?)?")


def couples_named(text: str) -> list[str]:
    """The surnames of the couples a sentence names: "le couple Balkany", "les époux Roux" (one surname; not "le
    couple Paul Roux", a name of two words), "Paul Roux et sa femme Anne", "Paul Roux et son épouse" or "... et son
    mari Paul Roux" (the spouse's name, when it has a surname, is the same one)."""
    if "couple" not in text and "époux" not in text and " et s" not in text:
        return []  # (most sentences, read for every one: Context.update)
    found = []
    for match in _COUPLE_NAMED.finditer(text):
        if match.group(2) is None or match.group(2).lower() in ("a", "et", "ont", "est", "sont"):
            found.append(match.group(1))
    for match in _SPOUSE_AFTER.finditer(text):
        if match.group(2) is None or match.group(2) == match.group(1):
            found.append(match.group(1))
    return found


def unnamed_places(text: str, description: str, roles: dict[str, str]) -> set[str]:
    """The places an article gives an office several people hold in one place (the description's noun: "député",
    "sénatrice") where it does not say who holds it there: "le député de la Creuse a voté" (a name right after it,
    "le député de la Creuse Paul Roux", or one the article tied to it, "Paul Roux, député de la Creuse,", says who).
    Two places: two holders the article leaves unnamed, either of whom a later "le député" may be."""
    words = role_key(description).split()
    head = next((w for w in words if w not in ROLE_ADJECTIVES), "")
    noun = next((w for w in description.split() if role_key(w) == head), "")
    if not noun:
        return set()
    named = {role for role, holder in roles.items() if holder}
    places = set()
    for found in re.finditer(_OFFICE_PLACE.format(noun=re.escape(noun)), text, re.IGNORECASE):
        after = text[found.end():].lstrip(" ,")
        if after[:1].isupper() and not after.startswith(("Le ", "La ", "Les ")) or role_key(found.group(0)) in named:
            continue  # "le député de la Creuse Paul Roux", "Paul Roux, député de la Creuse,": named
        places.add(found.group(1).lower())
    return places


def fullest_names(names: list[str]) -> list[str]:
    """The names of a list, each once, in their order, without the shorter forms of another ("M. Fillon",
    "Fillon" beside "François Fillon", and "Marion Maréchal" beside "Marion Maréchal Le Pen": _shorter_form)."""
    return [name for name in dict.fromkeys(names) if not any(
        other != name and (same_person(other, name) and len(other) > len(name) or _shorter_form(name, other))
        for other in names)]


def same_person(name: str, other: str) -> bool:
    """"Hajer Nemri" and "Me Hajer Nemri", "Nemri": one person named twice (by the surname)."""
    a, b = name.split(), other.split()
    return bool(a and b) and a[-1].lower() == b[-1].lower()
