"""Whether a claim says what or who it is about only with the sentences before, and so needs context: a
subject left unresolved, a pronoun or a "c'est" it opens with, a demonstrative, a time or a person told of
before ("ce seuil", "le lendemain", "le suspect"), a sentence cut from its subject, a comment with no verb
of its own, or one that only says who said what came before."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.antecedents import _lead_names, _named_before
from claims.extraction.attribution import FOLDED_JOBS, quoted, role_key, speech_verb
from claims.extraction.clauses import _own_clause, finite, topic
from claims.extraction.descriptions import (
    _ANYONE,
    _DATING,
    _UNNAMED_PEOPLE,
    _counted,
    _described_back,
    _general,
    _named_in_apposition,
    _names_itself,
    _unidentified_office,
    demonstrative,
    person_noun,
    possessive,
)
from claims.extraction.doccache import morph_values, sentence_start, span_tokens
from claims.extraction.features import is_year
from claims.extraction.padding import _WHEN
from claims.extraction.pronouns import (
    _DEMONSTRATIVE_PRONOUNS,
    _LATTER,
    _PERSONAL_PRONOUNS,
    _REFERRING_CE,
    SPEAKER_PRONOUNS,
    _impersonal,
    _it_has_been,
)


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


def _cut_from_before(span: Span, kept: list[Token]) -> bool:
    """Whether a sentence opens, in lower case, on a finite verb: its subject is in the sentence before, cut off
    from it ('"Je reviens sur le ring !" a écrit l'ancien champion pour annoncer son retour', "La montre
    présentée par Jacob & Co. est disponible ..."), and the text says what was said or what is meant only with
    it ("A écrit l'ancien champion ...", "Est disponible ..."). Not a clause the pipeline gave its subject
    (it starts inside its sentence), nor a sentence opening on its subject ("il a déjà payé")."""
    if span.start != sentence_start(span):
        return False
    words = [t for t in span_tokens(span) if not t.is_punct and not t.is_space]
    first = next((t for t in words if not (t.pos_ == "PRON" and t.dep_.startswith(("expl", "obj", "iobj")))), None)
    if first is None or not words[0].is_lower or not first.is_lower or first.dep_.startswith("nsubj"):
        return False
    return finite([first]) and first in kept[:3]


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

    if any(t.ent_type_ in ("PER", "PERSON") for t in topic(subj, kept)):
        return False  # "Quant à Paul Roux, qui ..., il ...": the person the topic names
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


def _pronoun_opens(kept: list[Token], speaker_named: bool = False) -> bool:
    """Whether a personal or demonstrative pronoun is the subject the words open with, at once or after a
    leading phrase ('"Il m'avait fait visiter ..."', '"Depuis 2011, je dois payer ..."', "Vendredi, celle-ci a
    publié ..." when the parser hung that clause on another verb). A first person only when the words kept do not
    name who speaks (`speaker_named`, _speaker_named_after)."""
    words = [t for t in kept[:16] if not t.is_space and t.text != '"']
    comma = next((k for k, t in enumerate(words) if t.text == ","), None)
    if comma is not None and _own_clause(words[:comma]):
        comma = None  # "Marion poursuit le combat, elle contribue au débat": a clause before, its subject
    for first in words[:1] + (words[comma + 1 : comma + 2] if comma is not None else []):
        low = first.lower_.replace("\u2019", "'")
        if first.dep_.startswith(("nsubj", "expl:subj")) and first.head.i > first.i and (
                low in SPEAKER_PRONOUNS and not speaker_named or low in _DEMONSTRATIVE_PRONOUNS and not _it_has_been(first) or (
                    low in _PERSONAL_PRONOUNS and not _impersonal(first)
                    and not (first in kept and _named_before(first, kept)))):
            return True
    return _impersonal_opens_back(words)


# What an impersonal "il" introduces a clause with: "il se trouve que ...", "il est 22 h lorsque ...".
_CLAUSE_MARKS = frozenset({"que", "qu'", "quand", "lorsque", "lorsqu'"})


def _speaker_named_after(kept: list[Token], claimant: str, language: str) -> bool:
    """Whether the words kept after a first-person opening name who says it as the subject of the verb of saying
    that ends the quotation ('"Je pense que les retraités vont y perdre", a estimé Paul Roux jeudi 11 octobre, au
    lendemain de ...', when the date and what follows keep the attribution in the text): "je" is that person. Not
    a description ("a estimé le ministre"), nor a name the verb of saying does not have for its subject."""
    names = {w for w in claimant.split() if w[:1].isupper()}
    if not names:
        return False
    for t in kept:
        if t.i <= kept[0].i or t.text not in names or t.ent_type_ not in ("PER", "PERSON"):
            continue
        head = t
        while head.dep_ in ("flat:name", "flat", "compound") and head.head.i < head.i:
            head = head.head  # "Corbière" in "Alexis Corbière": the name's first word bears the relation
        if head.dep_.startswith("nsubj") and head.head.i < head.i and speech_verb(head.head, language):
            return True
    return False


def _impersonal_opens_back(words: list[Token]) -> bool:
    """"Il se trouve qu'elle est associée à l'épisode", "Il est 22 h lorsque son compagnon quitte la chambre":
    an impersonal "il" says nothing itself; the clause it introduces does, and its subject is a pronoun or a
    possessive that only the sentences before say who is."""
    if not words or words[0].lower_ != "il" or not _impersonal(words[0]):
        return False
    mark = next((t for t in words[1:10] if t.lower_.replace("\u2019", "'") in _CLAUSE_MARKS and t.dep_ == "mark"), None)
    if mark is None:
        return False
    subj = next((c for c in mark.head.children if c.dep_.startswith("nsubj") and c.i > mark.i), None)
    if subj is None:
        return False
    low = subj.lower_.replace("\u2019", "'")
    return low in SPEAKER_PRONOUNS or low in _PERSONAL_PRONOUNS and not _impersonal(subj) or possessive(subj) is not None


def _quoted_described(subj: Token | None, kept: list[Token]) -> bool:
    """A quotation that is the claim and opens on a subject pointing back ('"L'homme a appris les noms de
    ces derniers", précise la chaîne', '"Son téléphone avait bipé mercredi", raconte son fils'): the
    quotation's words say who only with the sentences before."""
    if subj is None or subj not in [t for t in kept if t.is_alpha][:3]:
        return False
    return _described_back(subj) or possessive(subj) is not None and not _named_in_apposition(subj, misread=True)


# Nouns of a time that "Voilà ..." counts ("Voilà des années que", "Voilà trois mois que"): no pointing back.
_DURATIONS = lx.DURATION_NOUNS | lx.HOUR_UNITS

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


def _one_of_them(subj: Token, kept: list[Token]) -> bool:
    """A subject that picks some of a group named before: "Quatre d'entre eux", "La plupart d'entre elles". Not when
    the claim names the group before it (_group_before: "Parmi les 30 élues, douze d'entre elles ...")."""
    return any(t.lower_ in ("eux", "elles") and t.i > 0 and t.doc[t.i - 1].lower_ == "entre"
               and not of_a_group_named(t, kept) for t in subj.subtree)


def of_a_group_named(pronoun: Token, kept: list[Token]) -> bool:
    """"Parmi les 30 élues, douze d'entre elles ...": the "eux"/"elles" of "d'entre" stands for the group the claim
    names before it (_group_before), whatever the parser made of it (the subject, at times)."""
    doc = pronoun.doc
    # (a figure is how many of the group, never the group, however the tagger took it: "15.583 d'entre eux")
    return pronoun.i >= 2 and doc[pronoun.i - 1].lower_ == "entre" and (
        doc[pronoun.i - 2].lower_.replace("\u2019", "'") == "d'") and _group_before(
        pronoun, [w for w in kept if w.i < pronoun.i - 2 and not w.like_num])


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
    if low == "il" and any(t.lower_ in ("agit", "agissait", "agira", "agirait") for t in words[1:3]) or low == "il" and any(
            t.lower_ == "agir" and t.i and t.doc[t.i - 1].lower_.replace("\u2019", "'") == "s'" for t in words[2:4]):
        return True  # "Il s'agit d'une ancienne maison", "Il pourrait s'agir d'un concours": what the sentences before spoke of
    if low in ("voilà", "voici") and not (second.pos_ in ("DET", "NUM") and words[2].lower_ in _DURATIONS) or (
            low in ("tel", "telle", "tels", "telles") and second.lower_ in ("est", "sont", "était", "étaient")):
        # "Voilà ce qu'a indiqué la ministre", "Voilà la quantité de courrier qui a été retrouvée", "Telle est la
        # teneur de son intervention": what the sentences before told; not "Voilà des années que ..."
        return True
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
        if lowers[k] == "y" and _there_before(t, words, lowers, k):
            return True  # "68 % des Français y sont opposés", "Un homme y a été retrouvé mort": to what, where?
        if lowers[k] in _PARTITIVE_PRONOUNS and k > 1 and lowers[k - 1] == "entre" and lowers[k - 2] == "d'" \
                and not of_a_group_named(t, words):
            return True  # "Quatre d'entre eux, âgés de 40 ans, ont été hospitalisés": of whom, the sentences before say
        if lowers[k] in _LATTER and k and lowers[k - 1] in ("ce", "cette", "ces") and t != subj and not (
                t.head.i > t.i and t.head.pos_ == "NOUN") and not any(w.pos_ in ("NOUN", "PROPN") for w in words[:k]):
            # "Pour ce dernier, l'incident a eu lieu ...": the last one the sentences before named (not "ces
            # dernières 24 heures", nor "un élève ... depuis que ce dernier a ...", which the claim names)
            return True
        if t.pos_ == "NOUN" and _argument(t) and _such(t, words[:k]):
            # "ont déjà fait face à une telle situation", "Une telle rupture provoquerait ..."; not a circumstance
            # ("très réservé devant un tel projet"), as for the demonstratives below
            return True
        if t.pos_ != "NOUN" or t == subj or _apposed(t):
            continue
        if _demonstrated_back(t, words[:k]) and not _earlier_clause(t, words[:k]) and (
                _case(t) in ("selon", "d'après") or _case(t) == "à" and t.lower_ in _ASKED):
            # "Selon ce mode de calcul, les Allemands ...", "À cette question, 30% ont répondu oui": what the claim
            # says holds by a source or answers a question only the sentences before give
            return True
        if _argument(t) and (_demonstrated_back(t, words[:k]) and not _earlier_clause(t, words[:k])
                             or _unnamed_person(t, words)) or t.dep_ != "ROOT" and (
                _unidentified_office(t) or _described_back(t) and _counted(t)):
            return True
    return False


# What follows "y" when it stands for nothing ("il y a", "il y avait eu", "y compris"), and the verbs it makes an
# idiom with ("s'y prendre", "s'y reprendre à deux fois", "vont y perdre").
_Y_IDIOMS_ALONE = frozenset({"compris", "avoir", "perdre", "gagner", "prendre", "prend", "prennent", "prenait", "pris",
                             "reprendre", "reprendra", "reprend"})
_Y_IDIOMS = _Y_IDIOMS_ALONE | {"a", "avait", "aura", "aurait", "ait", "eut", "ayant"}  # (after "il", "n'")
_PLACE_CASES = frozenset({"à", "a", "au", "aux", "dans", "en", "sur", "chez", "vers"})  # ("A Tunis, ...")


def _there_before(pronoun: Token, words: list[Token], lowers: list[str], k: int) -> bool:
    """Whether a clitic "y" points back out of the claim: what it stands for ("y sont opposés", "y a été
    retrouvé", "y reçoit") is a place or a thing the sentences before named, unless the claim names a place
    or a thing with "à", "dans" ... before it ("à Marquette-lez-Lille, avec l'intention d'y passer la nuit",
    "à utiliser le vélo et y consacre ...")."""
    after = lowers[k + 1] if k + 1 < len(lowers) else ""
    if after == "en":  # "il y en a un qui ..."
        after = lowers[k + 2] if k + 2 < len(lowers) else ""
    if pronoun.pos_ != "PRON" or pronoun.dep_ == "expl:comp" or after in _Y_IDIOMS and (
            after in _Y_IDIOMS_ALONE or k and lowers[k - 1] in ("il", "n'")):
        return False
    before = words[:k]
    return not any(t.pos_ in ("NOUN", "PROPN") and (t.dep_ in ("obj", "obl", "obl:arg", "obl:mod") or any(
        c.lower_ in _PLACE_CASES for c in t.children)) for t in before)


# The pronouns of a part of a group: "Quatre d'entre eux", "l'une d'entre elles", "certains d'entre nous".
_PARTITIVE_PRONOUNS = frozenset({"eux", "elles", "nous"})


def _group_before(pronoun: Token, before: list[Token]) -> bool:
    """Whether the claim names the group a partitive pronoun is of before it: a plural noun or name of the
    pronoun's gender ("Les élus ont salué la décision, même si certains d'entre eux ...", "Sur les 20 premières
    universités, seize d'entre elles ..."), or two names ("Paul et Marie ..., l'un d'entre eux")."""
    feminine = pronoun.lower_ == "elles"
    names = 0
    for t in before:
        if t.pos_ == "PROPN" and t.ent_iob_ == "B":
            names += 1
        noun = t.pos_ in ("NOUN", "PROPN", "PRON") or t.pos_ == "ADJ" and any(  # "les quatre autres"
            c.dep_ in ("det", "nummod") for c in t.children)
        if noun and "Plur" in morph_values(t, "Number") and not (
                feminine and "Masc" in morph_values(t, "Gender")) and t.lower_ not in _PARTITIVE_PRONOUNS:
            return True
    return names >= 2


# Words that say "such" a thing as the sentences before told of ("une telle situation", "de tels propos").
_SUCH = frozenset({"tel", "telle", "tels", "telles"})
# What is asked or put to someone, which a claim that answers it ("À cette question, 30% ont répondu oui") says
# only with the sentences before.
_ASKED = frozenset({"question", "questions", "interrogation", "demande", "demandes", "accusation", "accusations",
                    "critique", "critiques", "reproche", "reproches", "proposition", "invitation", "appel",
                    "sollicitation", "requête"})


def _such(noun: Token, before: list[Token]) -> bool:
    """"ont déjà fait face à une telle situation", "ne justifie pas une telle attitude", "Une telle rupture
    provoquerait ...": "tel" before a noun, after "un"/"une"/"de", is such a thing as the sentences before told
    of. Not "un tel bruit qu'on ne s'entendait plus" (the
    clause after says how much), nor a noun the claim gives before ("l'arrivée d'un modèle électrique ... un tel
    modèle")."""
    such = next((c for c in noun.children if c.i < noun.i and c.lower_ in _SUCH and c.dep_ == "amod"), None)
    if such is None or such.i == 0 or noun.doc[such.i - 1].lower_.replace("\u2019", "'") not in (
            "un", "une", "de", "d'", "des"):
        return False
    if any(c.i > noun.i and c.lower_.replace("\u2019", "'") in ("que", "qu'") for c in noun.subtree) or (
            noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].lower_.replace("\u2019", "'") in ("que", "qu'")):
        return False
    stem = noun.lower_.rstrip("sx")
    return not any(t.lower_.rstrip("sx") == stem for t in before)


def _case(noun: Token) -> str:
    """The preposition a noun opens with ("selon ce calcul" -> "selon", "d'après ces chiffres" -> "d'après")."""
    case = [c for c in noun.children if c.dep_ in ("case", "fixed") and c.i < noun.i]
    if not case:
        return ""
    first = case[0]
    if first.lower_ == "d'" and first.i + 1 < noun.i and noun.doc[first.i + 1].lower_ == "après":
        return "d'après"
    return first.lower_.replace("\u2019", "'")


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


# Nouns of time a demonstrative dates from the article's day in a cleft's focus ("C'est ce samedi que ...", "C'est
# cette année que ..."); not "ce moment", "cette époque", "cette fois", which the sentences before say when.
_CLEFT_DATES = _TIME_NOUNS - {"moment", "époque", "fois", "time"}


def _dates_the_focus(det: Token) -> bool:
    """A demonstrative in a cleft's focus that dates it from the article's day: "C'est ce samedi 10 juin à Lille
    que Paul Roux ouvrira sa tournée" (not "C'est à ce moment que ...", nor "C'est cette somme que ...")."""
    return det.pos_ == "DET" and det.head.i > det.i and det.head.lower_ in _CLEFT_DATES


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
    if any((t.lower_ in _DEMONSTRATIVE_DETS or t.lower_ in _REFERRING_CE) and not _dates_the_focus(t)
           or t.lower_.endswith("-là") for t in focus):
        return False
    # A name or a date in the clause also makes it whole ("C'est grâce à ses rôles que Charlotte Valandrey
    # a ..."); a bare figure there does not ("C'est un programme ... qui a reçu une note de 9,4 sur 10").
    return any(t.like_num and t.pos_ != "DET" or t.text[:1].isupper() for t in focus) or any(
        t.ent_type_ or t.pos_ == "PROPN" or t.lower_ in _WHEN for t in words[1:])
