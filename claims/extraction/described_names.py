"""What an article says a name it gives is, in a description set beside it: "SUD-Rail, le troisième syndicat du
groupe,", "l'association de défense des consommateurs CLCV", "l'attaquant du FC Nantes Emiliano Sala". The head
noun of that description ("syndicat", "association", "attaquant"), for a later bare "le syndicat", "l'attaquant"
to be the one name the article so described (article_context.Context.described_as)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.descriptions import DESCRIBED_BODIES
from claims.extraction.doccache import sentence_end, sentence_start
from claims.extraction.sources import _acronym_end

# Nouns of a body an article sets beside its name ("le syndicat SUD-Rail", "Bayer, le groupe allemand,"); not
# those of a place ("la ville", "la région": a place's name says where, the claimant would lose what it is) nor
# the institutions an article names by their common noun whatever names stand beside them ("la police", "la
# direction", "le gouvernement", "les secours", "l'entourage").
BODY_NOUNS = frozenset((lx.INSTITUTION_NOUNS | DESCRIBED_BODIES) - {
    "ville", "région", "département", "municipalité", "mairie", "préfecture", "entourage", "direction", "opposition",
    "production", "justice", "police", "gendarmerie", "secours", "armée", "armées", "autorités", "exécutif",
    "gouvernement", "parquet", "tribunal", "cour", "administration", "cabinet", "ambassade", "consulat",
    "état-major", "chaîne", "government", "union", "company", "agency", "authorities", "court"})
# Nouns of a person a story names again by what they do ("l'attaquant", "le suspect": lexicon.UNNAMED_PERSON_NOUNS);
# offices and occupations are the article's roles (Context.roles).
PERSON_DESCRIPTIONS = lx.UNNAMED_PERSON_NOUNS

_ARTICLE_GENDER = {"le": "Masc", "la": "Fem", "du": "Masc", "au": "Masc"}
# Words a description's head noun may be separated from the name by: its adjectives, its complements ("du FC
# Nantes", "de défense des consommateurs") and the words of these.
_BETWEEN = frozenset({"ADJ", "ADP", "DET", "NOUN", "PROPN", "NUM"})


def description_beside(ent: Span) -> tuple[str, str, str]:
    """(head noun, gender its article shows or "", name) of the description an article sets right before a name
    ("le syndicat SUD-Rail", "l'attaquant italo-argentin du FC Nantes (Ligue 1) Emiliano Sala") or right after it
    and its comma ("SUD-Rail, le troisième syndicat du groupe,"): a singular noun of BODY_NOUNS for an
    organisation, of PERSON_DESCRIPTIONS for a person, with its article. The name of a body runs to the acronym
    in brackets after it, which is then its name ("l'association Consommation, logement et cadre de vie (CLCV)":
    "CLCV"). ("", "", "") when there is none, the name is what a noun before it is of ("le président du syndicat
    SUD-Rail": the noun before the name is "syndicat", but "le ministre de la Culture Paul Roux" is no "culture"),
    or another name of that kind stands between."""
    if ent.label_ in ("PER", "PERSON"):
        nouns = PERSON_DESCRIPTIONS
    elif ent.label_ in ("ORG", "MISC"):
        nouns = BODY_NOUNS
    else:
        return "", "", ""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].text == "(":
        return "", "", ""  # an acronym in brackets: the name before it is described, not it
    name, end = _name_and_end(ent)
    noun = _before(ent, nouns) or _after(end, sentence_end(ent), nouns, doc)
    if noun is None:
        return "", "", ""
    article = doc[noun.i - 1] if noun.i else noun
    while article.pos_ == "ADJ" and article.i > 0:
        article = doc[article.i - 1]
    return noun.lower_, _ARTICLE_GENDER.get(article.lower_, ""), name


def _name_and_end(ent: Span) -> tuple[str, int]:
    """An entity's name and the token after it: a body's acronym in brackets when its name runs to one a few words
    on (sources._acronym_end: "Consommation, logement et cadre de vie (CLCV)" gives "CLCV"), else its text."""
    name = ent.text.strip(" ,.'\"")
    end = ent.end if ent.label_ in ("PER", "PERSON") else _acronym_end(ent)
    return (ent.doc[end - 2].text, end) if end > ent.end else (name, ent.end)


def _before(ent: Span, nouns: frozenset[str]) -> Token | None:
    """The head noun of a description right before a name, with its article, past a short aside in brackets ("du FC
    Nantes (Ligue 1) Emiliano Sala"); None when the word right before the name is a preposition or an article (the
    name is a complement, "du syndicat", or stands alone, "la CGT") or another noun of the kind comes nearer."""
    doc = ent.doc
    start = sentence_start(ent)
    k = ent.start - 1
    if k >= 0 and doc[k].text == ")":
        opening = next((j for j in range(k - 1, max(start, k - 6) - 1, -1) if doc[j].text == "("), None)
        if opening is None:
            return None
        k = opening - 1
    if k < start or doc[k].pos_ in ("ADP", "DET") or doc[k].is_punct:
        return None
    for j in range(k, max(start, k - 8) - 1, -1):
        tok = doc[j]
        if tok.pos_ not in _BETWEEN or tok.is_punct:
            return None
        if tok.ent_type_ in ("PER", "PERSON") and tok.ent_type_ == ent.label_:
            return None  # another person between: the description is theirs
        if tok.pos_ == "NOUN" and tok.is_lower and tok.lower_ in nouns:
            return tok if _singular_with_article(tok) else None
        if tok.pos_ == "NOUN" and tok.is_lower and (tok.lower_ in lx.PERSON_ROLES or tok.lower_ in lx.PERSON_NOUNS
                                                    or tok.lower_ in BODY_NOUNS or tok.lower_ in PERSON_DESCRIPTIONS):
            return None  # "le président du syndicat X": the nearest description is another kind's
    return None


def _after(end: int, sent_end: int, nouns: frozenset[str], doc: Doc) -> Token | None:
    """The head noun of a description set after a name and its comma ("SUD-Rail, le troisième syndicat du groupe,",
    "Emiliano Sala, l'attaquant du FC Nantes,"): an article, adjectives, the noun (before the sentence's end)."""
    if end + 2 >= sent_end or doc[end].text != ",":
        return None
    k = end + 1
    if doc[k].lower_.replace("\u2019", "'") not in ("le", "la", "l'"):
        return None
    k += 1
    while k < sent_end and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k += 1
    tok = doc[k] if k < sent_end else None
    return tok if tok is not None and tok.pos_ == "NOUN" and tok.is_lower and tok.lower_ in nouns \
        and "Plur" not in tok.morph.get("Number") else None


def _singular_with_article(noun: Token) -> bool:
    """A singular noun right after an article (adjectives between: "le troisième syndicat")."""
    doc = noun.doc
    k = noun.i - 1
    while k >= 0 and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k -= 1
    return k >= 0 and doc[k].lower_.replace("\u2019", "'") in ("le", "la", "l'", "du", "au") \
        and "Plur" not in noun.morph.get("Number")
