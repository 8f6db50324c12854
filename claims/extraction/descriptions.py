"""Nouns that describe someone or something without naming them: whether a subject is an unnamed person, an
occupation, a company or a thing of the story told of before ("L'homme", "La chanteuse", "L'entreprise"),
an office many hold ("Le ministre"), a possessive or demonstrative phrase, or is named after all (in
apposition, by a name of its own, beside a name)."""

from __future__ import annotations

from spacy.tokens import Token

from claims.extraction import lexicon as lx
from claims.extraction.attribution import FOLDED_JOBS, ROLE_ADJECTIVES, role_key
from claims.extraction.clauses import finite
from claims.extraction.doccache import morph_values, sentence_end, sentence_start

# Nouns that bring in a person without naming them ("une jeune fille", "un homme de 40 ans").
_UNNAMED_PEOPLE = frozenset({*lx.PERSON_NOUNS, "homme", "femme", "fille", "garçon", "enfant", "adolescent",
                             "adolescente", "jeune", "victime", "passant", "passante", "automobiliste",
                             "conducteur", "conductrice", "retraité", "retraitée", "voisin", "voisine", "touriste",
                             "détenu", "détenue", "prisonnier", "prisonnière", *lx.UNNAMED_PEOPLE_EN})


def demonstrative(noun: Token) -> bool:
    return any(c.dep_ == "det" and "Dem" in morph_values(c, "PronType") for c in noun.children)


_POSSESSIVES = {"son": "sing", "sa": "sing", "ses": "sing", "leur": "plur", "leurs": "plur",
                "his": "sing", "her": "sing", "its": "sing", "their": "plur"}


def possessive(subj: Token) -> Token | None:
    """The possessive determiner of a subject ("Sa candidature", "Their union"), if it has one."""
    return next((c for c in subj.children if c.dep_ in ("det", "poss", "nmod:poss") and c.i < subj.i
                 and c.lower_ in _POSSESSIVES), None)


def speakers_possessive(subj: Token) -> bool:
    """Whether a subject's possessive is the speaker's or the listener's ("Mon métier", "Notre pays", "Votre santé"),
    which possessive() leaves out: whose, only who speaks says."""
    return any(c.dep_ == "det" and c.i < subj.i and "Yes" in morph_values(c, "Poss") and c.lower_ not in _POSSESSIVES
               for c in subj.children)


def _named_in_apposition(subj: Token, misread: bool = False) -> bool:
    """ "Son avocat, Me Dupont,", "Sa petite sœur Charlotte": the subject is named; "Ses politiques et
    opinions": two things owned, no one place for the owner. With `misread`, a "conj" without "et"/"ou"
    is an apposition the parser misread ("Ce lieu saint, également temple du tourisme de masse,", "Sa
    mère, également touchée,"): it names nothing and owns nothing."""
    # "La députée LREM", "L'ancien magnat d'Hollywood": a party's initials or a place say which party or where, not who
    person = person_noun(subj.lower_)
    if misread and _named_second_subject(subj):
        return True
    return any((c.dep_ == "appos" or c.i - subj.i <= 2) and (c.ent_type_ or c.pos_ == "PROPN")
               and not (person and (_party_label(c) or c.ent_type_ in ("LOC", "GPE"))) or c.dep_ == "conj"
               and (not misread or any(g.dep_ == "cc" for g in c.children)) for c in subj.rights)


def _named_second_subject(subj: Token) -> bool:
    """"Son père, le financier Paul Roux, n'a rien dit": an apposition set off by commas that the parser made a
    second subject of the verb, which names a person (the person itself, or a name set beside its noun)."""
    doc = subj.doc
    comma = subj.right_edge.i + 1
    if comma >= len(doc) or doc[comma].text != ",":
        return False
    return any(other.dep_.startswith("nsubj") and other.left_edge.i == comma + 1 and (
        other.ent_type_ in ("PER", "PERSON") or any(
            c.ent_type_ in ("PER", "PERSON") and c.dep_ in ("appos", "flat:name", "nmod")
            and not any(g.dep_ == "case" for g in c.children) for c in other.children))
        for other in subj.head.children if other.i > subj.i)


def _office(word: str) -> bool:
    """An office held in a place or a body ("ministre", "maire", "gouverneur"), not an occupation."""
    return word in lx.PERSON_ROLES or word in ("gouverneur", "gouverneure")


# Adjectives that leave an office unidentified ("le nouveau ministre", "l'ancien président"); "premier" does
# so only with "ancien" ("le Premier ministre" is one person, "l'ancien Premier ministre" several).
_VAGUE_OFFICE_ADJECTIVES = frozenset({*ROLE_ADJECTIVES, "nouveau", "nouvelle", "actuel", "actuelle", "futur",
                                      "future", "sortant", "sortante"})


def _unidentified_office(noun: Token) -> bool:
    """A definite office subject that does not say which one ("Le ministre a expliqué", "L'ancien président
    estime", "La députée LREM a réagi") and the article's context did not resolve (_role_phrase): many hold
    it. Not "Le Premier ministre", "Le président américain", "La ministre de la Santé", "Le maire de Nice",
    nor an office named after it ("Le ministre Olivier Véran")."""
    if not noun.is_lower or not _office(noun.lower_) or "Plur" in morph_values(noun, "Number") or (
            _named_in_apposition(noun)) or _beside_a_name(noun):  # ("Bruno Le Maire")
        return False
    if not _definite(noun) or noun.lower_ in _ANYONE and _general(noun):
        return False  # "S'il y a un contentieux, le juge devra estimer ...": any judge
    adjectives = [c.lower_ for c in noun.children if c.dep_ == "amod"]
    if any(a not in _VAGUE_OFFICE_ADJECTIVES for a in adjectives) or (
            any(a in ("premier", "première") for a in adjectives) and not any(a.startswith(("ancien", "ex")) for a in adjectives)):
        return False
    # a complement says which ("de la Santé", "du RN", English "of Dayton", "the health minister"); a party's
    # initials do not ("La députée LREM")
    return not any(c.dep_ in ("nmod", "appos", "flat:name", "acl", "acl:relcl", "prep", "relcl")
                   and not _party_label(c) for c in noun.rights) \
        and not any(c.dep_ == "compound" for c in noun.lefts)


def _beside_a_name(noun: Token) -> bool:
    """A person's name set right before or after the description, however the parser hung it: "Marig Le Moigne,
    la directrice, a fait le calcul", "le député apparenté LFI de la Somme François Ruffin"."""
    doc, start = noun.doc, noun.left_edge.i
    before = doc[start - 2] if start >= 2 and doc[start - 1].text == "," else None
    if before is not None and before.ent_type_ in ("PER", "PERSON"):
        return True
    for t in doc[noun.i + 1 : min(noun.i + 9, sentence_end(noun))]:  # up to the verb or a comma
        if t.text in ",;:(" or finite([t]):
            return False
        if t.ent_type_ in ("PER", "PERSON") and not _party_label(t):
            return True
    return False


def set_after_a_name(noun: Token) -> bool:
    """A description set after the name of a person a noun's complement gives, and a comma: "Nordahl Lelandais,
    mis en examen pour le meurtre de Maëlys, la fillette enlevée en août, a avoué ...", where the parser may
    take "la fillette" for the verb's subject. Not after a source ("D'après le procureur, Nicolas Jacquet, le
    suspect a reconnu ..."), nor after a name the verb governs ("apporté à M. Darroch, le milliardaire a ...")."""
    doc, start = noun.doc, noun.left_edge.i
    if start < 2 or doc[start - 1].text != "," or doc[start - 2].ent_type_ not in ("PER", "PERSON"):
        return False
    name = doc[start - 2]
    while name.dep_ in ("flat:name", "nmod") and name.head.pos_ == "PROPN" and name.head.i < name.i:
        name = name.head  # "Maëlys de Araujo": the name's first word
    if name.dep_ != "nmod" or name.head.pos_ != "NOUN" or not any(
            c.dep_ == "case" and c.lower_.replace("\u2019", "'") in ("de", "d'") for c in name.children):
        return False
    first = doc[sentence_start(noun)]
    return first.lower_ != "pour" and not any(
        t.lower_.replace("\u2019", "'") in ("selon", "d'après") for t in doc[sentence_start(noun) : name.i])


def _party_label(tok: Token) -> bool:
    """A party's or a group's initials after a person's noun ("LREM", "LR", "EELV"): they do not say who."""
    return tok.text.isupper() and 2 <= len(tok.text) <= 6 and not list(tok.children)


def _role_phrase(noun: Token, named: bool = False) -> list[Token] | None:
    """The words of a subject that describes a person by their office or occupation ("Le ministre", "La
    présidente du RN", "L'ancienne ministre", "La chanteuse"): the article, the office and what follows it
    up to the verb, with no name, comma or quotation; None otherwise. With `named`, one whose complement is
    a name ("Le député de la Creuse", "La chroniqueuse de France Inter") too."""
    if noun.lower_ not in lx.PERSON_ROLES and role_key(noun.lower_) not in FOLDED_JOBS or (
            not named and _names_itself(noun)) or _named_in_apposition(noun):
        return None
    return _definite_phrase(noun)


def identity_phrase(noun: Token) -> list[Token] | None:
    """The words of a subject that describes one person by who they are (lexicon.IDENTITY_NOUNS: "L'homme", "La
    jeune femme", "Le sexagénaire de Lyon", "L'homme d'affaires"), as _role_phrase gives an office's; None
    otherwise, or for a plural ("Les deux hommes") or one with a name beside it."""
    if noun.lower_ not in lx.IDENTITY_NOUNS or "Plur" in morph_values(noun, "Number") or _names_itself(noun) \
            or _named_in_apposition(noun):
        return None
    return _definite_phrase(noun)


def _definite_phrase(noun: Token) -> list[Token] | None:
    """A person's noun with its definite article and what follows it up to the verb ("La présidente du RN"), with
    no name, comma or quotation in it; None otherwise."""
    phrase = [t for t in noun.subtree if t.i <= noun.i or (t.i - noun.i <= 6 and t.dep_ not in ("acl", "acl:relcl"))]
    if not phrase or phrase[0].lower_ not in ("le", "la", "l'", "l\u2019", "les") or len(phrase) > 8:
        return None
    if any(t.text in ',;:"()«»' for t in phrase) or phrase[-1].i - phrase[0].i + 1 != len(phrase):
        return None
    if any(t.dep_ == "flat:name" and t.pos_ != "PROPN" for t in phrase):
        return None  # "Le maire compte se représenter": the parser took the verb for the rest of a name
    return phrase


# Nouns for a company or a body the article named before: "L'entreprise a licencié 300 salariés" says which
# one only in the sentences before.
DESCRIBED_BODIES = lx.DESCRIBED_BODIES
_DEFINITE = frozenset({"le", "la", "l'", "l\u2019", "the"})


def _spouses(noun: Token) -> bool:
    """"Les époux ont fait appel": a couple named back as its two spouses, a plural that says how many (two) as
    "Les deux hommes" does."""
    return noun.lower_ == "époux" and any(c.dep_ == "det" and c.lower_ == "les" for c in noun.children)


def _described_back(noun: Token) -> bool:
    """Whether a subject points back to someone or something the sentences before named, by a definite
    description and nothing that names it: an unnamed person ("L'homme", "Le jeune homme de 27 ans", "La
    victime", "Les époux"), an occupation the article gave no name to here ("Le chanteur", "L'actrice") or a company or
    body ("L'entreprise", "Le groupe", "L'association"). Not an office ("Le Premier ministre", "Le préfet":
    _role_phrase), not a description with a name in it or next to it ("L'association Droit au logement",
    "L'avocat de Jean Dupont", "La chanteuse, Adele,"). A thing of the story ("Le texte", "L'épreuve", "La
    hausse observée jeudi": lexicon.STORY_NOUNS) when nothing but a vague adjective or a clause goes with
    it ("Le texte de loi", "Le corps humain" say which). A plural only when it counts a few ("Les deux
    hommes", "Les trois pays"), not "Les secours", "Les enfants"."""
    if noun.pos_ != "NOUN" or noun.lower_ in lx.PERSON_ROLES or _pair_of_nations(noun):
        return False
    if "Plur" in morph_values(noun, "Number"):
        if not (_counted(noun) or _spouses(noun)) or _specified(noun):  # not "les 12 gares du réseau"
            return False
    elif noun.lower_ in lx.STORY_NOUNS:
        if _specified(noun) or not _definite(noun):
            return False
    elif not _describes(noun.lower_) or not _definite(noun):
        return False
    doc, end = noun.doc, noun.right_edge.i
    if end + 2 < len(doc) and doc[end + 1].text == "," and doc[end + 2].pos_ == "PROPN":
        return False  # "Le producteur de la série, Hubert Besson, ...": named after a comma the parser cut
    # A party's initials or a place say which party or where, not who: "La députée LREM", "L'ancien magnat
    # d'Hollywood" (but "L'avocat de Jean Dupont", "Le chanteur de Téléphone" say who)
    person = person_noun(noun.lower_)
    if person and any(c.dep_ == "amod" and c.lower_.startswith(_RANKS) for c in noun.children) and any(
            c.dep_.startswith("acl") for c in noun.children):
        return False  # "la première femme à devenir présidente des États-Unis": one by definition
    # (an English number is an entity, CARDINAL, that names no one: "The two men")
    # (a "conj" without "et" is an apposition the parser misread, which names no one: "Le suspect, lui aussi
    # membre de la communauté, est connu", "Le petit garçon, 4 ans à l'époque, a été retrouvé")
    return not _named_in_apposition(noun, misread=True) and not any(
        (t.ent_type_ and t.ent_type_ not in _NUMBER_ENTITIES or t.pos_ == "PROPN")
        and not (person and (_party_label(t) or t.ent_type_ in ("LOC", "GPE")))
        for t in noun.subtree if t.i != noun.i and t.dep_ not in ("acl", "acl:relcl"))


_NUMBER_ENTITIES = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})

# Nouns of a pair ("le couple franco-allemand", "le tandem sino-russe"), and the first halves of the adjectives that
# name two nations ("franco-", "germano-", "sino-"): such a pair names the two countries, no one told of before.
_PAIR_NOUNS = frozenset({"couple", "tandem", "duo", "binôme", "axe"})
_NATION_PREFIXES = frozenset({"franco", "germano", "sino", "russo", "italo", "anglo", "américano", "hispano", "belgo",
                              "helvético", "turco", "gréco", "nippo", "austro", "israélo", "irano", "indo", "luso",
                              "polono", "syro", "égypto", "algéro", "tuniso", "maroco"})


def _pair_of_nations(noun: Token) -> bool:
    """"Le couple franco-allemand a proposé un plan de relance", "le tandem sino-russe": a pair the adjective names
    by its two nations (France and Germany), which says who without the sentences before."""
    return noun.lower_ in _PAIR_NOUNS and any(
        c.dep_ == "amod" and "-" in c.lower_ and c.lower_.split("-")[0] in _NATION_PREFIXES for c in noun.children)


# Numbers of a few: "Les deux hommes", "les trois suspects" point back to people counted before.
_FEW = frozenset({"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
                  "two", "three", "four", "five", "seven", "eight", "nine", "ten", "eleven", "twelve"})
# Adjectives that do not say which thing ("Le nouveau texte", "La première édition", "L'ancien bâtiment").
_VAGUE = frozenset({*ROLE_ADJECTIVES, "nouveau", "nouvel", "nouvelle", "nouveaux", "nouvelles", "dernier", "dernière",
                    "même", "deuxième", "second", "seconde", "troisième", "prochain", "prochaine", "petit", "petite",
                    "grand", "grande", "autre", "autres", "présumé", "présumée", "présumés", "présumées"})


def _definite(noun: Token) -> bool:
    """A definite article before a noun, alone or in "du", "au", "des", "aux" ("le nom du suspect", "la
    disparition des deux soldats")."""
    return any(c.dep_ == "det" and c.lower_.replace("\u2019", "'") in _DEFINITE or c.lower_ == "les"
               or c.dep_ == "case" and c.lower_ in ("du", "au", "des", "aux") for c in noun.children)


def _counted(noun: Token) -> bool:
    """"Les deux hommes", "les 3 suspects": a definite plural counting a few, the number right before the
    noun (not "les deux tiers", "les cinq dernières minutes", "les huit premières places": a rank)."""
    if noun.lower_ in _PARTS or noun.lower_ in _DATING or noun.lower_[:-1] in _DATING:
        return False
    if not _definite(noun) or any(c.dep_ == "amod" and c.lower_.startswith(_RANKS) for c in noun.children):
        return False
    return any(c.dep_ == "nummod" and c.i < noun.i and (c.lower_ in _FEW or c.text.isdigit() and 2 <= int(c.text) <= 12)
               and all(t.pos_ == "ADJ" for t in noun.doc[c.i + 1 : noun.i]) for c in noun.children)


_RANKS = ("premi", "derni", "meilleur", "prochain", "pire")
# Parts of a whole, counted as the whole has them ("les deux tiers", "les quatre roues", "les deux mains", "les
# deux tours"): no set told of before.
_PARTS = frozenset({"tiers", "quarts", "moitiés", "roues", "mains", "bras", "jambes", "pieds", "yeux", "oreilles",
                    "côtés", "rives", "tours", "sexes", "mi-temps"})


def _specified(noun: Token) -> bool:
    """Whether a thing's noun has a complement or an adjective that says which ("Le texte de loi", "Le
    corps humain", "La hausse des prix"); a vague adjective or a clause does not ("La nouvelle édition", "La
    hausse observée jeudi")."""
    return any(c.dep_ in ("nmod", "appos", "flat:name", "compound") or c.dep_ == "amod" and c.lower_ not in _VAGUE
               for c in noun.children)


def _unnamed_description(antecedent: str, things: bool = False) -> bool:
    """Whether an antecedent is a definite description that names no one (_described_back): "l'homme",
    "la chanteuse", "l'entreprise"; not "Le planning familial" nor a name. With `things`, a thing of the story
    too ("la photo", "l'affaire": lexicon.STORY_NOUNS)."""
    words = antecedent.lower().replace("\u2019", "'").replace("'", "' ").split()
    if len(words) < 2 or words[0] not in ("le", "la", "l'") or any(w[:1].isupper() for w in antecedent.split()[1:]):
        return False
    head = next((w for w in words[1:] if w not in ROLE_ADJECTIVES and w not in ("jeune",)), words[1])
    return _describes(head) or things and head in lx.STORY_NOUNS


def _describes(word: str) -> bool:
    """Whether a noun, lower-cased, describes someone or something without naming them: an unnamed person
    ("homme", "victime", "attaquant"), an occupation ("chanteuse") or a company or body ("entreprise"). The
    one list _described_back and _unnamed_description read."""
    return word in _UNNAMED_PEOPLE or word in lx.UNNAMED_PERSON_NOUNS or word in DESCRIBED_BODIES \
        or role_key(word) in FOLDED_JOBS


def _may_speak(description: str) -> bool:
    """Whether a description names someone or a body that can make a statement ("la ville", "le ministère",
    "l'entreprise", "la chanteuse"), not a thing ("le café", "la hausse")."""
    words = description.lower().replace("\u2019", "'").replace("'", " ").split()
    return any(w in lx.AGENT_NOUNS or _describes(w) or person_noun(w) for w in words)  # (AGENT_NOUNS holds INSTITUTION_NOUNS)


def person_noun(word: str) -> bool:
    """Whether a noun, lower-cased, stands for a person: an office, an occupation or an unnamed person."""
    return word in lx.PERSON_ROLES or word in _UNNAMED_PEOPLE or word in lx.UNNAMED_PERSON_NOUNS \
        or role_key(word) in FOLDED_JOBS


def _names_itself(noun: Token) -> bool:
    """A demonstrative subject that carries its own name: "Cette saison 3 de The Voice Kids", "Ce
    front commun pour Aéroports de Paris"."""
    # Only the noun's own complements ("de The Voice Kids"), not a clause about it ("Ces investigations,
    # confiées à l'Office central ..."): which investigations is still the sentence before's.
    return any((t.ent_type_ or t.pos_ == "PROPN") and 0 < t.i - noun.i <= 6
               for child in noun.rights if child.dep_ in ("nmod", "flat:name", "nummod", "compound")
               for t in child.subtree)


# Nouns of time a demonstrative dates from the article's day, singular or plural ("cette semaine", "ces
# dernières 24 heures"; but "ce jour-là", which _points_back reads).
_DATING = frozenset({*lx.TIME_NOUNS, "heure", "minute", "décennie", "siècle"})


# People by what anyone may be for a while ("le salarié", "le conducteur", "le juge"): a rule, an advice or a
# purpose speaks of them in general ("S'il y a un contentieux, le juge devra estimer ...", "Une mesure qui vise à
# assurer une meilleure visibilité pour le conducteur").
_ANYONE = frozenset({"salarié", "salariée", "employé", "employée", "conducteur", "conductrice", "automobiliste",
                     "passant", "passante", "consommateur", "consommatrice", "usager", "patient", "patiente",
                     "voyageur", "voyageuse", "piéton", "locataire", "propriétaire", "client", "cliente", "élève",
                     "étudiant", "étudiante", "juge", "employeur", "auteur", "auteure", "autrice"})


def _general(noun: Token) -> bool:
    """Whether the sentence states a rule or a purpose rather than what happened: a condition ("si"), a duty
    or a possibility ("devra", "peut"), a future or a conditional verb, an aim ("qui vise à", "pour")."""
    for t in noun.sent:
        low = t.lower_.replace("\u2019", "'")
        if t.dep_ == "mark" and low in ("si", "s'") or low.startswith(("doi", "dev", "peu", "pourr", "vis")) and (
                t.pos_ in ("VERB", "AUX")) or set(morph_values(t, "Tense")) & {"Fut"} or "Cnd" in morph_values(t, "Mood"):
            return True
    return False
