"""Who or what a claim's subject stands for when it does not name it: the antecedent of a personal pronoun,
the owner of a possessive subject ("Sa candidature" -> "La candidature de Denis Mukwege"), the thing a
demonstrative subject's noun gave before, the person an office or the speaker's description names, a
"selon lui" the attribution resolved; and where the subject stands in the claim for that to be safe."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.article_context import (
    _DETERMINER_GENDER,
    Context,
    _described,
    _subject_phrase,
    description_gender,
)
from claims.extraction.attribution import (
    Attribution,
    agrees,
    gender_of,
    opening,
    person_name,
    quoted,
    role_key,
    speech_verb,
)
from claims.extraction.clauses import _own_clause, topic
from claims.extraction.dates import find_dates
from claims.extraction.described_names import BODY_NOUNS, PERSON_DESCRIPTIONS
from claims.extraction.descriptions import (
    _POSSESSIVES,
    DESCRIBED_BODIES,
    _office,
    demonstrative,
    person_noun,
    possessive,
)
from claims.extraction.doccache import (
    doc_text,
    morph_values,
    sentence_end,
    sentence_start,
    span_ents,
    span_text,
    tokens_within,
)
from claims.extraction.people import _phrase_gender, named_in
from claims.extraction.quantities import find_quantities

# The words a complement that says which thing a noun is may open with ("une enquête pour fraude", "des
# mesures de soutien", "une plainte contre X").
_WHICH = frozenset({"de", "d'", "du", "des", "pour", "contre", "sur"})


def _thing_before(noun: Token) -> str:
    """"Le parquet a ouvert une enquête pour fraude fiscale. Cette enquête a duré ...": a demonstrative subject
    ("Cette enquête", the determiner right before the noun, nothing after the noun that says which) whose
    noun the article gave just before (_given_before: one of the few sentences before, else the lead), once,
    in the same form, with short words after it that say which (a complement, "une enquête pour fraude
    fiscale", or adjectives, "une commission d'enquête parlementaire"): that thing, after a definite article
    ("L'enquête pour fraude fiscale", "La commission d'enquête parlementaire"). "" otherwise: nothing that
    says which, the noun given twice, another noun ("Ce fléau" after "le harcèlement"), words that point
    back themselves ("de son frère", "de ce projet"), too many to be a name for it, or the thing the sentence
    itself names further on (then "ce" sets the subject beside it, it is not it)."""
    doc = noun.doc
    det = doc[noun.i - 1] if noun.i else None
    if det is None or det.dep_ != "det" or det.head != noun or "Dem" not in morph_values(det, "PronType") \
            or noun.pos_ != "NOUN" or sentence_start(noun) == 0:
        return ""
    if any(c.i > noun.i and c.dep_ in ("nmod", "amod", "appos", "nummod", "flat:name") for c in noun.children):
        return ""
    if noun.lower_ in _FIGURE_NOUNS:
        return _figure_before(noun)
    earlier = _given_before(noun)
    words = _which_words(earlier) if earlier is not None else None
    if not words:
        return ""
    plural = "Plur" in morph_values(noun, "Number")
    gender = next(iter(noun.morph.get("Gender")), "")
    first = noun.text[:1].lower()
    if plural:
        article = "Les "
    elif first in "aeiouyàâéèêîôû":
        article = "L'"
    elif first != "h" and gender in ("Masc", "Fem"):
        article = "Le " if gender == "Masc" else "La "
    else:
        return ""  # ("la hausse", "l'hôpital": an "h" the article does not tell)
    thing = noun.text + " " + span_text(words)
    if thing.lower() in span_text(doc[noun.i + 1 : sentence_end(noun)]).lower():
        return ""  # "Ce congé suit les règles du congé de maternité": the thing the sentence sets it beside
    return article + thing


# Nouns that stand for a figure the article stated just before, with the kinds of figure each may stand for:
# "montant" and "somme" for money, "chiffre" for any figure but a time, "nombre" and "total" for a count.
_MONEY, _ANY, _COUNT = "money", "any", "count"
_FIGURE_NOUNS = {"montant": (_MONEY, "Le "), "somme": (_MONEY, "La "), "chiffre": (_ANY, "Le "),
                 "nombre": (_COUNT, "Le "), "total": (_COUNT, "Le ")}
_CURRENCIES = frozenset(lx.CURRENCY.values())
_TIMES = frozenset({*lx.HOUR_UNITS, *lx.UNITS.values(), *lx.DURATION_NOUNS})
_FIGURES_KEY = "claims.extraction.antecedents.figures"


def _figure_before(noun: Token) -> str:
    """"Le loto a versé 4 millions d'euros à un joueur de Brest. Ce montant constitue un record": a singular
    demonstrative figure noun (_FIGURE_NOUNS, nothing after it that says which) stands for the figure the
    nearest of the _BACK sentences before that states any figure stated, when that sentence states exactly one
    of the noun's kind, given whole ("Le montant de 4 millions d'euros"); a sentence with no figure in between
    is passed over ("... 4 millions d'euros. Le gagnant vit à Brest. Ce montant ..."). "" when that sentence
    states two ("ce total" after "179 interpellés, dont 144 placés en garde à vue"), a range, none of the
    noun's kind ("cette somme" after "300 manifestants"), or the noun's own sentence states one of its kind
    before it ("Il a payé 30 euros, et cette somme ...": the claim says which)."""
    if "Plur" in morph_values(noun, "Number"):
        return ""
    kind, article = _FIGURE_NOUNS[noun.lower_]
    doc = noun.doc
    figures = _figures(doc)
    sent = noun.sent
    if any(sent.start_char <= q["char_start"] < noun.idx and _fits(q, kind) for q in figures):
        return ""
    for _ in range(_BACK):
        if sent.start == 0:
            return ""
        sent = doc[sent.start - 1].sent
        stated = [q for q in figures if sent.start_char <= q["char_start"] < sent.end_char]
        if not stated:
            continue
        fit = [q for q in stated if _fits(q, kind)]
        if len(fit) != 1 or kind != _MONEY and len(stated) != 1 or "low" in fit[0] or "high" in fit[0]:
            return ""
        figure = doc_text(doc)[fit[0]["char_start"] : fit[0]["char_end"]]
        de = "d'" if figure[:1].lower() in "aeiouyàâéèêîôû" else "de "
        return article + noun.text + " " + de + figure
    return ""


def _fits(quantity: dict[str, Any], kind: str) -> bool:
    """Whether a stated figure is of the kind a figure noun stands for: money ("EUR"), a count ("300
    manifestants", a number alone), or any figure but a time or a measure of one ("24 heures", "3 ans")."""
    unit = quantity.get("unit") or ""
    if kind == _MONEY:
        return unit in _CURRENCIES
    if unit.lower() in _TIMES:
        return False
    return kind == _ANY or unit not in _CURRENCIES and unit not in ("%", "points")


def remember_figures(doc: Doc, quantities: list[dict[str, Any]]) -> None:
    """Keep the figures the pipeline found in a document (quantities.find_quantities, its dates set aside) for
    _figures, so that they are not looked for twice."""
    doc.user_data[_FIGURES_KEY] = quantities


def _figures(doc: Doc) -> list[dict[str, Any]]:
    """The figures of the whole document: those the pipeline found (remember_figures), else found here once per
    document (a document condensed outside the pipeline)."""
    if _FIGURES_KEY not in doc.user_data:
        dates = find_dates(doc)
        taken = {i for d in dates for i in tokens_within(doc, d["char_start"], d["char_end"])}
        doc.user_data[_FIGURES_KEY] = find_quantities(doc, "fr", taken)
    return doc.user_data[_FIGURES_KEY]


def person_described(subj: Token, ctx: Context, span: Span) -> str:
    """"Paul Roux a été retrouvé mort lundi. L'homme, âgé de 62 ans, travaillait ...": a definite or
    demonstrative description of a person by who they are (lx.IDENTITY_NOUNS, with its adjectives: "le jeune
    homme", "ce jeune Héraultais" when its adjective is a demonym is not one) that goes on about the named
    person the previous sentence was about (Context.subject_for), of the gender the description shows, as the
    article gave it; "" when that sentence brought in someone unnamed of that gender ("un homme"), the
    subject was no person or of unknown gender, or the sentence names them itself."""
    if subj.lower_ not in lx.IDENTITY_NOUNS or "Plur" in morph_values(subj, "Number"):
        return ""
    det = next((c for c in subj.children if c.dep_ == "det" and c.i < subj.i), None)
    if det is None or det.lower_.replace("\u2019", "'") not in ("le", "la", "l'", "ce", "cet", "cette"):
        return ""
    if any(c.dep_ == "amod" and c.i > subj.i for c in subj.children):
        return ""  # "l'homme politique", "la femme d'affaires": more than who they are
    low = subj.lower_
    gender = "Masc" if low in lx.MASCULINE_IDENTITIES else "Fem" if low in lx.FEMININE_IDENTITIES else (
        _DETERMINER_GENDER.get(det.lower_, ""))
    if not gender:
        return ""
    pronoun = "il" if gender == "Masc" else "elle"
    if ctx.brought_in_unnamed(pronoun):
        return ""
    name = ctx.subject_for(pronoun)
    if not name or name not in ctx.people or ctx.genders.get(name) != gender:
        return ""
    text = span_text(span)
    if named_in(name, text):
        return ""
    return name


# Nouns whose grammatical gender is not the person's ("la star" Herbert Léonard, "la victime" of a man, "le mannequin"
# of a woman): their article says nothing of whom they may be.
_FIXED_GENDER = frozenset({"star", "victime", "personne", "vedette", "mannequin", "bébé", "nourrisson", "recrue",
                           "idole", "icône", "légende", "couple"})  # ("le couple": two people)
# Endings of a noun's feminine form that no masculine shares ("chanteuse", "actrice", "étudiante", "élue").
_FEMININE_ENDINGS = ("euse", "trice", "ière", "ienne", "enne", "ante", "ente", "ée", "ue", "ine", "esse", "onne")


def sole_person_described(subj: Token, ctx: Context, span: Span) -> tuple[Token, Token, str] | None:
    """"Sophie Roux a disparu dimanche. ... La jeune étudiante de 20 ans reste introuvable": a definite singular
    description of a person (the article, adjectives, a person's noun: "le jeune homme", "la chanteuse", "le
    militant"; no office, which sole_holder reads), with nothing after it that says which but adjectives and an age
    ("de 20 ans"), is the one person of the gender its words show the article has named so far (Context.
    sole_described). (first word of the description, its noun, the name), or None: a noun whose gender is not the
    person's ("la star", "la victime"), a gender the words do not show, a complement or a clause after the noun ("la
    jeune femme qui l'a agressée", "la mère du jeune homme": someone else)."""
    if subj.pos_ != "NOUN" or not person_noun(subj.lower_) or subj.lower_ in lx.PERSON_ROLES \
            or subj.lower_ in _FIXED_GENDER or "Plur" in morph_values(subj, "Number"):
        return None
    doc = subj.doc
    first = doc[subj.left_edge.i]
    if first.lower_.replace("\u2019", "'") not in ("le", "la", "l'") or first.head != subj or any(
            t.pos_ != "ADJ" or t.head != subj for t in doc[first.i + 1 : subj.i]):
        return None
    for child in subj.rights:
        if child.is_punct or child.dep_ == "amod" and child.pos_ == "ADJ" and not list(child.children):
            continue
        if child.dep_ == "nmod" and _age(child) is not None and child.left_edge.i == subj.i + 1 + sum(
                1 for c in subj.rights if c.dep_ == "amod" and c.i < child.i):
            continue  # "de 20 ans" right after the noun (and its adjectives)
        if child.dep_ in ("acl", "amod") and child.lower_ in ("âgé", "âgée") and doc[child.i - 1].text == ",":
            continue  # ", âgé de 23 ans,": an age set off by commas
        return None
    # (the noun's own form only where it shows the gender: "l'animateur", "l'actrice", not "l'élève", "l'artiste")
    gender = description_gender(span_text(doc[first.i : subj.i + 1])) or (_phrase_gender(subj) if not subj.lower_.endswith(
        "e") or subj.lower_.endswith(_FEMININE_ENDINGS) else "")
    name = ctx.sole_described(gender, span_text(span))
    return (first, subj, name) if name else None


def _age(child: Token) -> str | None:
    """"de 20 ans" after a person's noun: their age ("20 ans"), else None."""
    words = list(child.subtree)
    if len(words) == 3 and words[0].lower_ == "de" and words[1].like_num and words[2].lower_ == "ans":
        return span_text(child.doc[words[1].i : words[2].i + 1])
    return None


def _says_which(noun: Token) -> bool:
    """Whether words after a description's noun other than adjectives say which one it is ("Le groupe de réflexion",
    "Le couple Roux"): then it names itself and stands for no one named before."""
    return any(c.i > noun.i and not (c.dep_ == "amod" and c.pos_ == "ADJ") for c in noun.children)


def body_described(subj: Token, ctx: Context, span: Span) -> str:
    """"Conforama se retrouve en difficulté. Le groupe souffre d'un manque à gagner de 360 millions d'euros": a
    definite description of a company or a body (descriptions.DESCRIBED_BODIES, with its adjectives: "Le
    constructeur américain") is the organisation the previous sentence had for its subject
    (Context.previous_organisation), when nothing after the noun says which ("Le groupe de réflexion", "Le
    groupe Barrière") and the sentence does not name it; "" otherwise."""
    if subj.lower_ not in DESCRIBED_BODIES or "Plur" in morph_values(subj, "Number"):
        return ""
    det = next((c for c in subj.children if c.dep_ == "det" and c.i < subj.i), None)
    if det is None or det.lower_.replace("\u2019", "'") not in ("le", "la", "l'"):
        return ""
    if _says_which(subj):
        return ""  # "Le groupe de réflexion", "Le groupe Barrière"
    name = ctx.previous_organisation()
    return "" if not name or name in span_text(span) else name


# Nouns of a couple, as a subject: "Le couple", "Les époux".
_COUPLE_NOUNS = frozenset({"couple", "époux"})


def couple_described(subj: Token, ctx: Context, span: Span) -> str:
    """"Le couple Balkany ... Le couple a été condamné", "Les époux Roux ... Les époux ont fait appel": a bare
    definite "Le couple" / "Les époux" is the one couple the article named so far (Context.couples: "le couple X",
    "les époux X", "X et sa femme Y"), by its surname, when nothing after the noun says which and the sentence does
    not name it; "" when the article named two couples, or none."""
    if subj.lower_ not in _COUPLE_NOUNS:
        return ""
    det = next((c for c in subj.children if c.dep_ == "det" and c.i < subj.i), None)
    if det is None or det.lower_ not in ("le", "les"):
        return ""
    if _says_which(subj):
        return ""  # "Le couple de retraités", "Le couple Roux"
    named = list(dict.fromkeys(ctx.couples))
    return named[0] if len(named) == 1 and named[0] not in span_text(span) else ""


# Verbs whose "it" is more often a thing the sentence before brought in than its subject ("Apple unveiled a
# phone. It costs $999", "It is the thinnest yet").
_THING_VERBS = frozenset({"be", "cost", "weigh"})


def organisation_it(subj: Token, ctx: Context, span: Span) -> str:
    """"Apple opened a factory in Texas. It sold 20 million phones": an English "it" that opens the claim is the
    one organisation the sentence before had for its subject (Context.previous_organisation); "" when
    the speaker says it (a quotation's "it" is the speaker's), its verb is one of what a thing is or costs, or the
    sentence names the organisation."""
    if subj.lower_ != "it" or quoted(subj, span) or subj.head.lemma_ in _THING_VERBS:
        return ""
    name = ctx.previous_organisation()
    return "" if not name or name in span_text(span) else name


def named_by_description(subj: Token, ctx: Context, span: Span) -> str:
    """"SUD-Rail, le troisième syndicat du groupe, ... Le syndicat dénonce ...", "l'attaquant du FC Nantes Emiliano
    Sala ... L'attaquant avait signé ...": a definite singular description that is only its noun (a body's of
    described_names.BODY_NOUNS, a person's of PERSON_DESCRIPTIONS) is the one name the article set beside a
    description with that noun, of the gender its article shows (Context.described_as); "" when it set it beside
    two, anything after the noun says which, or the sentence names it."""
    if subj.lower_ not in BODY_NOUNS and subj.lower_ not in PERSON_DESCRIPTIONS or "Plur" in morph_values(subj, "Number"):
        return ""
    det = next((c for c in subj.children if c.dep_ == "det" and c.i == subj.i - 1), None)
    if det is None or det.lower_.replace("\u2019", "'") not in ("le", "la", "l'") or any(
            c.i > subj.i and not c.is_punct for c in subj.children):
        return ""
    name = ctx.described_as(f"{det.lower_} {subj.lower_}")
    text = span_text(span)
    return "" if not name or named_in(name, text) else name


# A preposition and the definite article a thing named before opens with, written as one word.
_CONTRACTED = {("de", "Le "): "du ", ("de", "Les "): "des ", ("à", "Le "): "au ", ("à", "Les "): "aux "}


def things_named_before(kept: list[Token], skip: set[int], span: Span, skip_nouns: frozenset[str]) -> dict[int, str]:
    """Demonstratives that are not the subject, named the way the article gave them before (_thing_before):
    "... des enfants atteints de cette maladie" after "la maladie de Kawasaki" -> "de la maladie de
    Kawasaki", "pour ce plan" after "un plan de relance" -> "pour le plan de relance". Replacements by token
    index; not in a quotation (the speaker's words), not `skip` (the subject, or words already replaced), not
    nouns of `skip_nouns` (times and connectives: "cette année", "à ce titre")."""
    at = {t.i for t in kept}
    out: dict[int, str] = {}
    for noun in kept:
        if noun.i in skip or noun.pos_ != "NOUN" or noun.i - 1 not in at or noun.i - 1 in skip \
                or noun.lower_ in skip_nouns or quoted(noun, span):
            continue
        after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        if after is not None and (after.pos_ == "ADJ" or after.lower_.replace("\u2019", "'") in _WHICH):
            continue  # "ces syndicats de médecins", "ces séries télévisées": the claim says which, whatever the parse
        thing = _thing_before(noun)
        if not thing:
            continue
        det = noun.doc[noun.i - 1]
        before = noun.doc[det.i - 1] if det.i and det.i - 1 in at and det.i - 1 not in skip else None
        first = kept[0] == det
        if before is not None and (joined := _CONTRACTED.get((before.lower_, thing[: thing.index(" ") + 1]))):
            out[before.i] = (joined[:1].upper() if kept[0] == before else joined[:1]) + joined[1:].rstrip()
            thing = thing[thing.index(" ") + 1 :]
        elif not first:
            thing = thing[:1].lower() + thing[1:]
        out[det.i] = ""
        out[noun.i] = thing
    return out


def _given_before(noun: Token) -> Token | None:
    """Where the article last gave the demonstrative subject's noun, in the same form (so in the same number:
    "ces mesures" are not "une mesure"): the nearest of the _BACK sentences before that gives it ("Le Sénat
    crée une commission d'enquête. Elle siégera six mois. Cette commission ..."), else the lead when none of
    the sentences in between does. None when that sentence gives it twice (which one?), or none does."""
    doc = noun.doc
    sent = noun.sent
    for _ in range(_BACK):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        same = [t for t in sent if t.lower_ == noun.lower_]
        if same:
            return same[0] if len(same) == 1 and same[0].pos_ == "NOUN" else None
    lead = doc[0].sent
    if sent.start == 0 or any(t.lower_ == noun.lower_ for t in doc[lead.end : sent.start]):
        return None  # (a sentence in between gives it: what it said is what "ce" points at)
    same = [t for t in lead if t.lower_ == noun.lower_]
    return same[0] if len(same) == 1 and same[0].pos_ == "NOUN" else None


# How many sentences back a demonstrative subject's noun may have been given before the lead is looked at:
# "ce"/"cette" points at a thing just spoken of, or at what the article is about.
_BACK = 3


def _which_words(earlier: Token) -> Span | None:
    """The words right after a noun that say which thing it is: its adjectives and its complements that open
    with a word of _WHICH ("commission d'enquête parlementaire", "mesures de soutien aux artisans"), one run
    from the noun on, up to 8 words. None when there are none, a participle or a clause breaks in first, or
    they point back ("de son frère", "de ce projet")."""
    doc = earlier.doc
    end = earlier.i + 1
    for child in earlier.rights:
        if child.left_edge.i != end:
            break
        if not (child.dep_ == "amod" and child.pos_ == "ADJ" and child.right_edge.i == child.i
                or child.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_.replace("\u2019", "'") in _WHICH
                                                for c in child.children)):
            break
        end = child.right_edge.i + 1
    words = doc[earlier.i + 1 : end]
    if not len(words) or len(words) > 8 or any(
            t.is_punct or t.pos_ in ("PRON", "VERB", "AUX", "SCONJ", "CCONJ")
            or {"Dem", "Prs"} & set(morph_values(t, "PronType")) or "Yes" in morph_values(t, "Poss")
            for t in words):
        return None
    return words


def _plural_verb(pronoun: Token) -> bool:
    """"Il ont grandi", "Elle sont parties": a singular subject pronoun whose finite verb or auxiliary is
    plural (a typo for "Ils", or a misread): whom it stands for, one person or several, is not certain."""
    head = pronoun.head
    finite = [t for t in (head, *head.children) if (t is head or t.dep_.startswith(("aux", "cop")))
              and "Fin" in morph_values(t, "VerbForm")]
    return bool(finite) and all("Plur" in morph_values(t, "Number") for t in finite)


def _antecedent(subj: Token, ctx: Context, span: Span, sure_of_gender: bool = False) -> str:
    """The named antecedent of "il", "elle", "ils", "ce dernier" when the article makes it certain.
    With `sure_of_gender` a singular antecedent's gender must be known to agree: after a leading phrase
    ("Invitée sur RTL, elle ajoute") a wrong person is more often at hand than at the sentence start."""
    low = subj.lower_
    if topic(subj, list(span.doc[sentence_start(span) : subj.i])):
        return ""  # "Quant au député Paul Roux, il ...": the pronoun is the topic, not who the sentence before named
    if sure_of_gender and low in ("il", "elle", "he", "she"):
        found = _antecedent(subj, ctx, span)
        known = ctx.genders.get(found) or (found == ctx.last_subject and ctx.last_subject_gender)
        return found if known else ""
    if low in ("il", "elle", "he", "she") and span.start > sentence_start(span):
        named = _first_clause_subject(subj, span)
        if named is not None:
            return named
    if low in ("il", "elle", "he", "she"):
        # A described subject agrees in gender ("La police ... Il" is not the police); a medium is seldom
        # who the article goes on about ("Le quotidien rapporte ... Il a été placé en garde à vue"): then
        # the one person named last, if there is one.
        found = ctx.subject_for(low)
        if found is not None:
            # "Selon Susie Stringfellow, une femme de militaire qui ..., la question ... Elle a répondu": an
            # indefinite description brings someone in, it does not say who they are
            return "" if found.lower().startswith(("un ", "une ", "des ")) else found
        if ctx.thing_before(low) or ctx.medium_before(low):
            return ""  # "Ce pack comprend des freins Brembo et il est proposé à 6 000 €": the pack, not a person
        if (subject := ctx.clause_subject_for(low)):
            return subject
        # The one person the last sentences named, only when the article gave their gender and it is the
        # pronoun's: with no gender to agree with, "Elle sera livrée en 2026" after "Dominique Kerbrat a
        # présenté la médiathèque" would make her the building (a name the tagger took for a person, "Porter",
        # is as often no one).
        recent = ctx.people[-3:]
        if recent and len(set(recent)) == 1 and ctx.genders.get(recent[-1]) and ctx.fits(recent[-1], low) \
                and not ctx.brought_in_unnamed(low):
            return recent[-1]
        return ""
    if low in ("ils", "elles", "they"):
        # No gender test in the plural: "Cinq personnes ... Ils risquent" is how French speaks of people. Not a
        # subject given with its number when the sentence gives how many they are: "Quelque 3.000 foyers sont privés de
        # courant. Selon le syndicat, ils seraient 8.000" would write both numbers of one set of homes.
        if ctx.last_subject_counted and _counts_them(subj):
            return ""
        return ctx.last_subject if ctx.last_subject and ctx.last_subject_plural else ""
    return ""


def _counts_them(pronoun: Token) -> bool:
    """Whether a plural pronoun's sentence gives a number that counts no noun ("ils seraient 8.000", "elles
    étaient 300 à manifester"): how many they are (not "ils risquent sept ans de prison", "mardi 6 août", nor the
    article "un")."""
    return any(t.pos_ == "NUM" and t.dep_ != "nummod" and not any(c.pos_ == "NOUN" and c.i == t.i + 1 for c in t.children)
               for t in pronoun.sent)


def _first_clause_subject(pronoun: Token, span: Span) -> str | None:
    """"Freddy Saquet tente de régler le souci depuis lors mais il a déjà dû payer 1.600 euros": in the
    second clause of a sentence, "il"/"elle" goes on about the person the first clause is about, when
    that clause names them as its subject, names no one else and they agree in gender (from how the
    article names them: "Paul a appelé Pierre mais il ..." may be either). "" when that subject is a noun
    of the pronoun's gender and number ("Ce pack comprend des freins Brembo, et il est proposé à 6 000
    €"): the pronoun is about it, not about anyone named before. None when the first clause has no
    subject for it (look further back)."""
    sent = span.sent
    first = sent.doc[sent.start : span.start]
    subject = next((c for c in sent.root.children if c.dep_.startswith("nsubj") and c.i < span.start), None)
    if subject is None or quoted(pronoun, sent) or not pronoun.is_lower:
        return None
    if subject.pos_ == "NOUN" and "Plur" not in morph_values(subject, "Number") and (
            gender := next(iter(subject.morph.get("Gender")), "")) and agrees(gender, pronoun.lower_):
        return _described(subject)
    ents = [e for e in span_ents(first) if e.label_ in ("PER", "PERSON")]
    if len(ents) != 1 or not ents[0].start <= subject.i < ents[0].end or quoted(ents[0][0], sent):
        return None
    name = person_name(ents[0])
    return name if name and agrees(gender_of(ents[0]), pronoun.lower_) and gender_of(ents[0]) else None


def _owner(owned: Token, ctx: Context) -> str:
    """Whose: the previous sentence's subject when the article named it (a person or an organisation)
    and it agrees in number, else the one person the last sentences name ("Denis Mukwege ... Sa
    candidature"); "" when uncertain. A described subject ("la période", "le journal") is too often
    not the owner to be put in a claim."""
    plural = _POSSESSIVES[owned.lower_] == "plur"
    named = ctx.last_subject in ctx.people or ctx.last_subject in ctx.orgs
    if owned.lower_ == "its":  # a thing's: never a person's
        return ctx.last_subject if ctx.last_subject in ctx.orgs and not ctx.last_subject_plural else ""
    if ctx.last_subject and named and ctx.last_subject_plural == plural:
        if owned.lower_ in ("his", "her") and ctx.last_subject not in ctx.people:
            return ""
        return ctx.last_subject
    recent = ctx.people[-3:]
    if not plural and not ctx.last_subject and recent and len(set(recent)) == 1:
        return recent[-1]
    return ""


_DE_ARTICLE = {"le": "du ", "les": "des ", "la": "de la ", "l'": "de l'", "l\u2019": "de l\u2019"}
_VOWEL_START = tuple("aeéèêiîoôuhyAEÉÈÊIÎOÔUHY")


def _of(owner: str) -> str:
    """ "de" + the owner, French-style: "du gouvernement", "de la mairie", "d'Emmanuel Macron"."""
    head, _, rest = owner.partition(" ")
    if rest and head.lower() in _DE_ARTICLE:
        return _DE_ARTICLE[head.lower()] + rest
    if owner[:2].lower() in ("l'", "l\u2019"):
        return "de l" + owner[1:]
    return ("d'" if owner.startswith(_VOWEL_START) else "de ") + owner


def _owned_phrase(subj: Token, owned: Token, owner: str) -> tuple[int, str] | None:
    """(last token of the subject phrase, the phrase with its owner named) for a possessive subject:
    "Sa candidature" -> "La candidature de Denis Mukwege", "Sa fille aînée" -> "La fille aînée de ...",
    "His lawyer" -> "John Smith's lawyer"; None when the article to use is unknown."""
    doc = subj.doc
    capital = owned.i == sentence_start(subj) or owned.is_sent_start
    if owned.lower_ in ("his", "her", "its", "their"):
        return subj.i, owner + ("'" if owner.endswith("s") else "'s") + " " + doc[owned.i + 1 : subj.i + 1].text
    last = subj  # the adjectives right after the noun stay with it
    while last.i + 1 < len(doc) and doc[last.i + 1].pos_ == "ADJ" and doc[last.i + 1].head == subj:
        last = doc[last.i + 1]
    # so does a bare noun after "de" that makes one noun with it: "Son coup de gueule" -> "Le coup de gueule de X"
    if last.i + 2 < len(doc) and doc[last.i + 1].lower_.replace("\u2019", "'") in ("de", "d'") and (
            bare := doc[last.i + 2]).pos_ == "NOUN" and bare.head == subj and not any(
            c.dep_ == "det" for c in bare.children):
        last = bare
    words = doc[owned.i + 1 : last.i + 1].text
    if "Plur" in morph_values(subj, "Number") or owned.lower_ in ("ses", "leurs"):
        article = "les "
    elif words.startswith(_VOWEL_START):
        article = "l'"
    elif subj.morph.get("Gender") in (["Fem"], ["Masc"]):
        article = "la " if subj.morph.get("Gender") == ["Fem"] else "le "
    else:
        return None  # a gender the parser does not know: no article to guess
    if capital:
        article = article[0].upper() + article[1:]
    return last.i, article + words + " " + _of(owner)


def _named_before(subj: Token, kept: list[Token]) -> bool:
    """Whether the leading clause the claim keeps before a pronoun subject names the people it stands
    for: a person for "il"/"elle", two for "ils"/"elles" ("Si Macron et Philippe sortent de l'ENA, ils
    ...")."""
    # Only the subject of that clause: "Interrogée par Thierry Ardisson, elle ..." is not about him, nor is
    # "Baptisée Halomonas titanicae, elle ..." about a person.
    people = {t.i for t in kept[: kept.index(subj)] if t.ent_type_ in ("PER", "PERSON") and (
        t.dep_.startswith("nsubj") or t.dep_ == "conj" and t.head.dep_.startswith("nsubj"))}
    # "Quant à Paul Roux, il ...": the pronoun takes up the person the topic names, whatever the parse
    about = topic(subj, kept)
    people |= {t.i for t in about if t.ent_type_ in ("PER", "PERSON") and t.ent_iob_ == "B"}
    return len(people) >= (2 if "Plur" in morph_values(subj, "Number") else 1) or _topic_noun(subj, about)


def _topic_noun(subj: Token, about: list[Token]) -> bool:
    """"Quant aux voitures électriques, elles peuvent se passer de boîte": the pronoun takes up the noun the topic
    opens with, of its gender and number (not "Quant au projet de loi, elle ...": someone else), when that noun says
    what it is about itself: a thing, not a person or a body (not "Quant au septuagénaire, il ...", "Quant à
    l'entreprise, elle ...": who, the sentences before say), nor a demonstrative one ("Quant à ce projet")."""
    noun = next((t for t in about[2:4] if t.pos_ == "NOUN"), None)  # ("Quant" "aux" [det] noun)
    if noun is None or person_noun(noun.lower_) or noun.lower_ in DESCRIBED_BODIES or demonstrative(noun):
        return False
    return all(not morph_values(subj, field) or not morph_values(noun, field)
               or bool(set(morph_values(subj, field)) & set(morph_values(noun, field))) for field in ("Gender", "Number"))


def _continues_quotation(tok: Token, span: Span) -> bool:
    """Whether a token lies inside a quotation that opened before its sentence: no quotation mark before
    it in the sentence, and the first one after it closes ('Il est aussi à la méditation de ce crime",
    ont regretté les avocats' after '"L'heure est au recueillement.')."""
    doc = tok.doc
    if any(t.text == '"' for t in doc[span.start : tok.i]):
        return False
    mark = next((t for t in doc[tok.i + 1 : span.end] if t.text == '"'), None)
    return mark is not None and not opening(mark)


def _subject_position(subj: Token, kept: list[Token], span: Span) -> str:
    """Where the main clause's subject stands in the claim as kept: "first" among its first words,
    "after" a leading phrase that stays ("Outre cette question, elle affirme ...", "À cette occasion,
    elle s'est confiée ...", before the main verb and outside any quotation), else ""."""
    if subj in kept[:3] or subj in kept[:6] and all(  # "L'ancien Premier ministre": its article and adjectives first
            t.head == subj and t.dep_ in ("det", "amod", "nummod") for t in kept[: kept.index(subj)]):
        return "first"
    after = subj in kept[:16] and subj.i < subj.head.i and any(t.text == "," for t in kept[: kept.index(subj)])
    # Not after a clause of its own ("Marion poursuit le combat, elle contribue ..."): its subject is the antecedent.
    return "after" if after and not quoted(subj, span) and not _own_clause(kept[: kept.index(subj)]) else ""


# Participles that give a name: "Nommé Oural, l'oiseau ...", "Baptisée Halomonas titanicae, la bactérie ...".
_NAMING = ("nommé", "baptisé", "surnommé", "appelé", "prénommé", "dénommé")


def _lead_names(subj: Token, kept: list[Token]) -> bool:
    """Whether the leading phrase the claim keeps before its subject names it ("Nommé Oural, l'oiseau
    ...", an office in the place it names: "En Caroline du Sud, le gouverneur ...") or, for a possessive
    subject, names who it may belong to ("Après la mort de Jean Dupont, sa veuve ..."); False for a
    subject among the claim's first words."""
    if subj not in kept or kept.index(subj) < 3:
        return False
    lead = kept[: kept.index(subj)]
    if lead[0].lower_.startswith(_NAMING):
        return True
    if _office(subj.lower_) and any(t.ent_type_ in ("LOC", "GPE") for t in lead):
        return True
    if "Plur" in morph_values(subj, "Number") and _named_before(subj, kept):
        return True  # "Si Macron et Philippe sortent de l'ENA, les deux hommes ..."
    return possessive(subj) is not None and any(t.ent_type_ in ("PER", "PERSON", "ORG") for t in lead)


def _speaker_it_describes(subj: Token, described: str, attribution: Attribution, ctx: Context, language: str) -> str:
    """The person a description subject stands for when it is who speaks: "Paul Martin a défendu la baisse des
    droits. Le ministre s'est dit favorable à une baisse de 20%": the attribution read "le ministre" as the
    speaker and the claimant's one rule (claimants._resolve) named them; the text says who as the claimant
    does ("Le ministre Paul Martin s'est dit favorable ..."). Only a person the article named, and called by the
    description's noun somewhere (Context.called): the claimant's rule may guess ("Fin 2017, le même avocat
    général avait estimé ..." after the victim's widower is quoted gave the widower), and a guess written into
    the text is a statement the article never made. Only when the description is the subject of the speech
    verb (not "le ministre" of a sentence someone else says)."""
    claimant = attribution.claimant
    if attribution.how != f"description:{subj.lower_}" or claimant not in ctx.people or not ctx.called(
            claimant, described):
        return ""
    return claimant if speech_verb(subj.head, language) or any(
        speech_verb(c, language) for c in subj.head.children if c.dep_ in ("xcomp", "ccomp")) else ""


def _office_holder(description: str, ctx: Context) -> str:
    """The person the article named with the office a description gives (Context.person_for). A bare "le
    président" shortens a head of state's office ("le président brésilien Jair Bolsonaro", "le président du
    Brésil"), not the head of a body ("François Baroin, président de l'Association des maires de France"): a
    story names the head of state without a role as often as not."""
    key = role_key(description)
    if key in ("president", "presidente") and key not in ctx.roles:
        heads = {name for role, name in ctx.roles.items() if role.startswith(key + " ") and not (
            _BODIES & set(role.replace("'", " ").split()))}
        return heads.pop() if len(heads) == 1 else ""
    return ctx.person_for(description)


# Bodies a president may head besides a state ("président de l'association", "président de la région").
_BODIES = frozenset(role_key(word) for word in (*lx.INSTITUTION_NOUNS, *lx.COMPANY_NOUNS, "club", "fédération",
                                               "association", "région", "ong"))


def _source_named(kept: list[Token], subj: Token | None, attribution: Attribution, ctx: Context) -> dict[int, str]:
    """"La fermeture rappelle selon lui celle de 2012": a "selon lui"/"selon elle" the text keeps (it is not
    set off by commas) whose pronoun the attribution resolved to a person the article named, of that
    gender, gets their name ("selon Paul Durand"); not when the claim names a person before it or its subject
    is one (the pronoun is theirs, read in the sentence). Token index -> name, or none."""
    claimant = attribution.claimant
    if not attribution.how.startswith("pronoun:") or claimant not in ctx.people:
        return {}
    out: dict[int, str] = {}
    for k, t in enumerate(kept):
        pronoun = {"lui": "il", "elle": "elle"}.get(t.lower_)
        if pronoun is None or not k or kept[k - 1].lower_.replace("\u2019", "'") not in ("selon", "d'après"):
            continue
        before = kept[:k]
        if any(b.ent_type_ in ("PER", "PERSON") for b in before) or subj is not None and subj in before and (
                subj.pos_ == "PROPN" or person_noun(subj.lower_)):
            continue  # "Le sénateur a dit que la décision était selon lui une erreur": the subject's own view
        if ctx.fits(claimant, pronoun) and attribution.how == f"pronoun:{pronoun}":
            out[t.i] = claimant
    return out


# The demonstrative pronouns, with the gender and number their form gives (the tagger's own reading of them is
# often wrong: "Celui" taken for a feminine).
DEMONSTRATIVE_FORMS = {"celui": ("Masc", "Sing"), "celle": ("Fem", "Sing"), "ceux": ("Masc", "Plur"),
                       "celles": ("Fem", "Plur")}
_DEFINITE = frozenset({"le", "la", "l'", "les"})
# Nouns of when, and of how long, that are no antecedent of a demonstrative pronoun ("le 12 mai", "cinq ans").
_NO_ANTECEDENT = lx.TIME_NOUNS | lx.DURATION_NOUNS


def _demonstrative_form(pronoun: Token) -> tuple[str, str, int, bool] | None:
    """(gender, number, index of its last token, whether it is "-ci") of a demonstrative pronoun: "celle-ci" as one
    token or cut in three ("Celui" "-" "ci"), or a bare "celle" (of "Celle de Paul Roux"); None for any other word."""
    low = pronoun.lower_
    if low in DEMONSTRATIVE_FORMS:
        doc = pronoun.doc
        after = [t.lower_ for t in doc[pronoun.i + 1 : pronoun.i + 3]]
        if after[:1] == ["-ci"]:
            return (*DEMONSTRATIVE_FORMS[low], pronoun.i + 1, True)
        if after == ["-", "ci"]:
            return (*DEMONSTRATIVE_FORMS[low], pronoun.i + 2, True)
        return (*DEMONSTRATIVE_FORMS[low], pronoun.i, False)
    stem, _, ci = low.partition("-")
    return (*DEMONSTRATIVE_FORMS[stem], pronoun.i, True) if stem in DEMONSTRATIVE_FORMS and ci == "ci" else None


def _opens_sentence(pronoun: Token) -> Span | None:
    """The sentence before a pronoun that opens its own, a conjunction aside ("Mais celui-ci ..."); None when words
    come before it ("Selon le Premier ministre, celui-ci ...": "le Premier ministre" would be the last one named),
    the document opens with it, or what comes before ends on no full stop: a heading glued to the text ("La police
    a empêché les manifestants d'entrer dans le marchéCelle-ci avait été prévenue"), not the sentence it goes on."""
    start = sentence_start(pronoun)
    if start == 0 or any(t.pos_ != "CCONJ" and t.text != '"' for t in pronoun.doc[start : pronoun.i]):
        return None
    before = pronoun.doc[start - 1].sent
    end = next((t for t in reversed(before) if t.text not in ('"', "»", ")") and not t.is_space), None)
    return before if end is not None and end.text.endswith((".", "!", "?", "…")) else None


def _definite_det(noun: Token) -> Token | None:
    """The definite article a noun opens with ("la jeune femme", "l'agresseur"), only adjectives between them; not
    an article glued to a preposition ("au pouvoir", "du ministre": as often a set phrase as a thing spoken of)."""
    det = next((c for c in noun.children if c.dep_ == "det" and c.i < noun.i), None)
    if det is None or det.lower_.replace("\u2019", "'") not in _DEFINITE or "Art" not in morph_values(det, "PronType"):
        return None
    return det if all(t.pos_ == "ADJ" for t in noun.doc[det.i + 1 : noun.i]) else None


@dataclass
class _Mention:
    """A noun phrase of a sentence that a demonstrative pronoun may stand for: its head, gender and number ("" when
    unknown), and how a claim names it ("" when it cannot: an indefinite "une clause", a place, "au pouvoir")."""

    head: Token
    gender: str
    number: str
    text: str
    person: bool = False
    whole: bool = True  # the text holds all the words that said which ("les conclusions" cut from "de l'audit ...")


def _mentions(sent: Span, ctx: Context) -> list[_Mention]:
    """The noun phrases of a sentence in their order: a name the tagger found (a person's by the gender the article
    gave them; an organisation's, not a medium's; a place's names nothing a claim could put for "celui-ci"), each
    noun outside a name (not one of time: "le 12 mai", "cinq ans"), with the words that name it when it is definite
    (article_context._subject_phrase: "l'ancien président de la région")."""
    out: list[_Mention] = []
    ents = {e.start: e for e in span_ents(sent)}
    inside: set[int] = set()
    for tok in sent:
        if tok.i in inside or tok.is_punct:
            continue
        ent = ents.get(tok.i)
        if ent is not None:
            inside.update(range(ent.start, ent.end))
            gender = next(iter(ent.root.morph.get("Gender")), "")
            if ent.label_ in ("PER", "PERSON"):
                name = person_name(ent)
                out.append(_Mention(ent.root, ctx.genders.get(name, ""), "Sing", name if len(name) > 2 else "", True))
            elif ent.label_ == "ORG" and ent.root.pos_ == "PROPN" and not any(c.dep_ == "det" for c in ent.root.children):
                name = span_text(ent)
                out.append(_Mention(ent.root, gender, "Sing", "" if name in ctx.outlets else name))
            else:
                out.append(_Mention(ent.root, gender, next(iter(ent.root.morph.get("Number")), ""), ""))
            continue
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in _NO_ANTECEDENT or tok.dep_ in ("flat:name", "fixed"):
            continue
        det = _definite_det(tok) if tok.pos_ == "NOUN" else None
        phrase = tok.doc[det.i : _subject_phrase(tok).end] if det is not None else None
        text = span_text(phrase) if phrase is not None and not any(
            t.is_punct or t.pos_ == "PRON" or {"Dem", "Prs"} & set(morph_values(t, "PronType"))
            or "Yes" in morph_values(t, "Poss") for t in phrase) else ""
        whole = phrase is None or not any(c.i >= phrase.end and c.dep_ in ("nmod", "amod", "acl") for c in tok.rights)
        out.append(_Mention(tok, next(iter(tok.morph.get("Gender")), ""), next(iter(tok.morph.get("Number")), ""), text,
                            person_noun(tok.lower_), whole))
    return out


def the_latter(pronoun: Token, ctx: Context, language: str) -> tuple[int, str, bool] | None:
    """"L'homme a frappé la jeune femme. Celle-ci a porté plainte": "celui-ci", "celle-ci", "ceux-ci", "celles-ci"
    opening its sentence stands, by the grammar of French, for the last noun phrase of its gender and number in the
    sentence before (the latter). (index of the pronoun's last token, how the claim names that phrase, whether
    those words say all the sentence said of which it is: not "les conclusions" of "les conclusions de l'audit
    commandé en 2018 par la mairie") when that is certain: the phrase is a person the article named or a definite noun phrase ("la jeune femme", "le rapport"),
    not inside a quotation; no noun after it whose gender or number the parse leaves open could be it; the
    sentence names nothing else of that gender and number a claim could put there (a second definite phrase or a
    name: "celle-ci" after "Catherine Deneuve ... à la radio" may be either); and, before a verb of saying, it is a
    person or an organisation (not "la radio" it was said on). None otherwise: the claim needs context."""
    form = _demonstrative_form(pronoun)
    if form is None or not form[3] or (before := _opens_sentence(pronoun)) is None:
        return None
    gender, number, last, _ = form
    mentions = _mentions(before, ctx)
    latest = None
    for mention in reversed(mentions):
        if mention.gender == gender and mention.number == number:
            latest = mention
            break
        if mention.gender in ("", gender) and mention.number in ("", number):
            return None  # "le Journal officiel" (of no gender the parse gives) may be "celui-ci"
    if latest is None or not latest.text or quoted(latest.head, before):
        return None
    if any(m is not latest and m.text and m.gender == gender and m.number == number for m in mentions):
        return None
    if speech_verb(pronoun.head, language) and not (latest.person or latest.head.ent_type_ == "ORG"):
        return None
    return last, latest.text, latest.whole


# The prepositions a demonstrative pronoun's complement opens with ("Celle de Paul Roux", "Ceux avec violence",
# "Celle en cours"), each with those of a complement it may stand beside ("avec" beside "sans").
_COMPLEMENT_KINDS = {"de": "de", "d'": "de", "du": "de", "des": "de", "avec": "avec", "sans": "avec", "en": "en"}


def _complement(noun: Token) -> tuple[str, Token] | None:
    """(kind of preposition, head) of the first complement of a noun or a pronoun right after it that opens with a
    preposition of _COMPLEMENT_KINDS ("la peine [de M. Jung]", "les vols [sans violence]"); None when there is none."""
    for child in noun.rights:
        case = next((c for c in child.children if c.dep_ == "case" and c.i < child.i), None)
        if child.dep_ in ("nmod", "obl", "obl:mod", "obl:arg") and case is not None:
            kind = _COMPLEMENT_KINDS.get(case.lower_.replace("\u2019", "'"))
            if kind is not None:
                return kind, child
    return None


def noun_it_stands_for(pronoun: Token) -> str | None:
    """"La cour a réduit la peine de Paul Roux. Celle de Jean Martin a été confirmée": "celui", "celle", "ceux",
    "celles" opening its sentence with a complement ("de Jean Martin", "avec violence", "en cours") stands for the
    head noun of a noun phrase of the sentence before, of its gender and number, with a new complement. The words
    that put that noun in its place ("La peine") when it is certain: a definite noun phrase, its article right before
    its noun (not "la Haute Cour": which adjectives go with the noun, the new complement may say), the only one of the
    sentence with a complement of the same kind ("de" and a person's name beside "de" and a person's name: "la peine
    de M. Jung", not "la Cour de Séoul"; "sans violence" beside "avec violence"), or, when none has one, the only
    definite noun phrase of its gender and number in the sentence, as the subject or the object of its main verb
    ("L'État déplore 7.000 décès. Celui de Rio en déplore 5.000"). None otherwise: the claim needs context."""
    form = _demonstrative_form(pronoun)
    if form is None or form[3] or (before := _opens_sentence(pronoun)) is None:
        return None
    gender, number, _, _ = form
    ours = _complement(pronoun)
    if ours is None or ours[1].i != pronoun.i + 2 and not (ours[1].i > pronoun.i + 2 and all(
            t.pos_ in ("DET", "ADJ", "NUM") for t in pronoun.doc[pronoun.i + 2 : ours[1].i])):
        return None  # (the complement right after the pronoun: "Celle de la veille", not "Celle qui ... de")
    kind, head = ours
    nouns = [t for t in before if t.pos_ == "NOUN" and t.lower_ not in _NO_ANTECEDENT and not quoted(t, before)
             and morph_values(t, "Gender") == (gender,) and morph_values(t, "Number") == (number,)
             and (det := _definite_det(t)) is not None and det.i == t.i - 1]
    named = head.ent_type_
    parallel = [t for t in nouns if (theirs := _complement(t)) is not None and theirs[0] == kind and (
        not named or (theirs[1].ent_type_ == named if named in ("PER", "PERSON") else bool(theirs[1].ent_type_))
    ) and (kind != "avec" or theirs[1].lower_ == head.lower_)]
    if len(parallel) == 1:
        found = parallel[0]
    elif not parallel and len(nouns) == 1 and nouns[0].dep_ in ("nsubj", "nsubj:pass", "obj") \
            and nouns[0].head == before.root:
        found = nouns[0]
    else:
        return None
    det = found.doc[found.i - 1]
    article = det.text.lower()
    words = article + found.text if article.endswith(("'", "\u2019")) else f"{article} {found.text}"
    return words[:1].upper() + words[1:]
