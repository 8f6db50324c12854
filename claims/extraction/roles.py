"""Offices and occupations of people ("le ministre de l'Éducation", "la journaliste"): the word lists the
speaker rules test words against, the keys under which an article's repetitions of a role are one
(role_key, office_key, is_role), and the person a role glued to a name holds (glued_holder)."""

from __future__ import annotations

from spacy.tokens import Span

from claims.extraction import lexicon as lx
from claims.extraction.doccache import sentence_start
from claims.extraction.speech_verbs import fold

# Words before a role noun that belong to it: "l'ancien Premier ministre".
ROLE_ADJECTIVES = {"premier", "première", "ancien", "ancienne", "ex", "vice", "former", "first"}


def role_key(description: str) -> str:
    """A role as the article may repeat it: "le ministre de l'Éducation" and "ministre de l'Education"
    are one key."""
    words = fold(description.lower().replace("\u2019", "'")).replace("l'", "l' ").split()
    while words and words[0] in ("le", "la", "l'", "les", "un", "une", "the", "a", "an"):
        words = words[1:]
    key = " ".join(words).replace("l' ", "l'")
    for other, same in _SAME_OFFICES:
        if key == other or key.startswith(other + " "):
            return same + key[len(other):]
    return key


# Offices French news names in two ways ("le garde des Sceaux" is the Justice minister, "le 1er ministre" the
# Premier ministre): one key, so that an article's "Le garde des Sceaux a rappelé ..." is the person it named
# "ministre de la Justice" (as folded by role_key).
_SAME_OFFICES = (
    ("garde des sceaux", "ministre de la justice"),
    ("1er ministre", "premier ministre"),
    ("1ere ministre", "premiere ministre"),
)


def is_role(description: str) -> bool:
    """"le Premier ministre", "la ministre des Armées": a description of one person by their office."""
    words = role_key(description).split()
    # (English puts the office last: "the county sheriff", "the Nevada governor")
    return bool(words) and (words[0] in _ROLES_ADJECTIVES
                            or description.lower().startswith(("the ", "a ", "an ")) and words[-1] in _ROLES_ADJECTIVES)


def office_key(description: str) -> str:
    """The role_key of a description by an office ("le député des Alpes-Maritimes": "depute des alpes-maritimes"),
    "" for any other description. (is_role compares the folded key with the lists as written, so that an office
    with an accent, "le député", "le préfet", is none for it; the claimants its callers give depend on that.)"""
    key = role_key(description)
    return key if key.split()[:1] and key.split()[0] in _FOLDED_ROLES_ADJECTIVES else ""


def glued_holder(ent: Span) -> tuple[str, str]:
    """"le ministre de l'Éducation Jean-Michel Blanquer" tagged as one organisation "Éducation Jean-Michel
    Blanquer": (the person, their role as a role_key) when a role comes just before the domain glued to
    the name, else ("", "")."""
    doc = ent.doc
    rest = doc[ent.start + 1 : ent.end]
    if len(ent) < 3 or ent.start == 0 or doc[ent.start - 1].lower_ not in ("aux", "au", "de", "du", "des", "l'", "la") \
            or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
        return "", ""
    k = ent.start - 1
    while k > max(sentence_start(ent), ent.start - 6) and doc[k].lower_ not in lx.PERSON_ROLES:
        k -= 1
    if doc[k].lower_ not in lx.PERSON_ROLES:
        return "", ""
    return rest.text.strip(" ,.'\""), role_key(doc[k : ent.start + 1].text)


# The occupations an article ties to a name as it ties an office ("la journaliste Claire Chazal", "Hugo
# Clément, journaliste de France 2,"), so that "la journaliste" said later is that person (Context.person_for).
# "le couple" is two people, not one.
JOBS = frozenset(lx.PERSON_NOUNS - {"couple"})


# The offices of one person, as role_key() writes them ("député", "premier"): "le député", "la ministre".
FOLDED_ROLES = frozenset(fold(role) for role in lx.PERSON_ROLES)
# The occupations as role_key() writes them ("presentateur", "journaliste").
FOLDED_JOBS = frozenset(fold(job) for job in JOBS)
# The unions of those word lists the rules test words against, made once (a union made per test costs
# more than the test, and some run for every word before a name).
_ROLES_ADJECTIVES = frozenset(lx.PERSON_ROLES | ROLE_ADJECTIVES)
ROLES_JOBS = frozenset(lx.PERSON_ROLES | JOBS)
_ROLES_JOBS_ADJECTIVES = frozenset(lx.PERSON_ROLES | JOBS | ROLE_ADJECTIVES)
_ROLES_AGENTS_ADJECTIVES = frozenset(lx.PERSON_ROLES | lx.AGENT_NOUNS | ROLE_ADJECTIVES)
JOBS_ROLES_AGENTS = frozenset(JOBS | lx.PERSON_ROLES | lx.AGENT_NOUNS)
_FOLDED_ROLES_JOBS = FOLDED_ROLES | FOLDED_JOBS
_FOLDED_ROLES_ADJECTIVES = FOLDED_ROLES | frozenset(fold(word) for word in ROLE_ADJECTIVES)
