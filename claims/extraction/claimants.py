"""Who a candidate's claimant is once its attribution is read: the poll or study whose figures a sentence
goes on giving (_survey_figures), the speaker a closing quotation or a pronoun stands for, the full name of a
person named in part, and the person or organisation a description ('le ministre', 'l'élu', 'des sources')
stands for in the article (_resolve, _described_speaker, _source); and whether a quotation mark opens a
quotation or closes the one open (_opens)."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span

from claims.extraction import attribution as at
from claims.extraction import lexicon as lx
from claims.extraction import rewrite as rw
from claims.extraction.body_speakers import BODIES_EN
from claims.extraction.candidates import Article
from claims.extraction.doccache import column
from claims.extraction.people import CIVILITY_GENDER


def _opens(text: str, at_mark: int) -> bool:
    """Whether a quotation mark opens a quotation by how it is written: at the sentence start, after
    a colon ('a-t-il ajouté : "...', ': " Nous ...'), or after a space and glued to the next word
    (' "une petite centaine'). Otherwise it is read as closing the one open."""
    if not text[at_mark + 1 :].strip():
        return False  # '"' alone: the parser cut the closing mark of '... sans précédent."' into a sentence of its own
    before = text[:at_mark].rstrip()
    if not before and text[at_mark + 1 : at_mark + 2].isspace() and text[at_mark + 1 :].lstrip()[:1].islower():
        return False  # '" a-t-il confié au Parisien.': the parser started the sentence at the closing mark
    if not before or before.endswith((":", "(")):
        return True
    after = text[at_mark + 1 : at_mark + 2]
    return text[at_mark - 1].isspace() and bool(after) and not after.isspace() and after not in ",.;:!?)"


# Nouns of a poll or a study whose figures the next sentences may go on giving.
_SURVEY_STEMS = frozenset({"sondage", "enquête", "étude", "baromètre", "rapport"})
# "note l'institut", "selon l'étude": the poll or study just named, by its description.
_SURVEY_DESCRIPTIONS = frozenset({*_SURVEY_STEMS, "institut"})


def _survey_figures(art: Article, sent: Span, attrib: at.Attribution, quantities: list[dict[str, Any]]) -> None:
    """"Selon un sondage Elabe publié jeudi, 43 % des Français ... Un total de 48 % des personnes interrogées
    disent ...": the sentences after a poll or a study's figures that give percentages of their own, with
    no source of their own, are the pollster's too (as a fact-checker reads the paragraph): within
    _SURVEY_REACH sentences of its last figure, or further when they speak of its respondents. Another
    source ends the run; "ce sondage", "l'institut" is the pollster."""
    if not art.survey and not attrib.claimant:
        return  # most sentences: no poll running, none named
    percent = any(q.get("unit") in ("%", "points") for q in quantities)
    words = column(sent.doc, "lower_")[sent.start : sent.end]
    respondents = any(w in _RESPONDENTS for w in words)
    how = attrib.how
    near = art.sentences - art.survey_at <= _SURVEY_REACH
    if how.startswith("description:") and how.split(":", 1)[1].rstrip("s") in _SURVEY_DESCRIPTIONS \
            and art.survey and near:
        attrib.claimant = art.survey  # "selon ce sondage pour Radio Classique", "note l'institut"
    if attrib.claimant:
        # (a figure of its own, unless the sentence only says where its figures come from: "..., selon la
        # dernière vague du baromètre BVA pour Orange")
        survey = how in ("according_to", "speech") and any(
            w.rstrip("s") in _SURVEY_STEMS for w in words) and (percent or respondents or _according_to_survey(words))
        if survey or attrib.claimant == art.survey:
            art.survey, art.survey_at = attrib.claimant, art.sentences
        else:
            art.survey = ""  # another source: the figures after it are not the poll's
        return
    if art.survey and not how and (percent and near or respondents) and not any(
            t.ent_type_ in ("PER", "PERSON") and t.dep_.startswith("nsubj") for t in sent):
        attrib.claimant, art.survey_at = art.survey, art.sentences


# The words that say where a sentence's facts come from ("selon un sondage ..."), with no figure of its own.
_SOURCE_MARKERS = frozenset({"selon", "according"})


def _according_to_survey(words: list[str]) -> bool:
    """"..., selon la dernière vague du baromètre BVA", "Selon un sondage Ifop, ...": a sentence that names a poll or
    a study as its source, a few words after "selon" (not "des études qui, selon lui, montrent")."""
    return any(w in _SOURCE_MARKERS and any(v.rstrip("s") in _SURVEY_STEMS for v in words[k + 1 : k + 6])
               for k, w in enumerate(words))
# How many sentences after a poll's last figure a sentence with a percentage still gives its figures.
_SURVEY_REACH = 2
# Words for a poll's respondents: a sentence about them gives the poll's figures.
_RESPONDENTS = frozenset({"sondés", "sondées", "interrogés", "interrogées", "répondants", "respondents"})


# How many sentences after a speaker's statement "il"/"elle" still reads as that speaker.
_SPEAKER_REACH = 3


def _closing_claimant(art: Article, attrib: at.Attribution) -> str:
    """'Le ministre Franck Riester a eu quelques mots pour le chanteur. "Ses mots ... Avec la disparition de
    Christophe, ... Je pense à sa femme", a-t-il tweeté.': a pronoun speaker in a sentence of an open quotation
    of several sentences stands for whom the article spoke of when the quotation began, not for someone the
    quotation named (its sentences without a quotation mark read as narrative). A person or an organisation
    only: a description then ("l'homme d'affaires") is as likely an epithet of the person named before."""
    resolved = _resolve_claimant(art, attrib)
    text = art.sentence_text
    if not attrib.how.startswith("pronoun:") or art.before_quotation is None or '"' not in text \
            or _opens(text, text.index('"')):
        return resolved
    now, art.context = art.context, art.before_quotation
    try:
        before = _resolve_claimant(art, attrib)
    finally:
        art.context = now
    return before if before in art.before_quotation.people or before in art.before_quotation.orgs else resolved


def _resolve_claimant(art: Article, attrib: at.Attribution) -> str:
    """The claimant of a sentence as the article names them (_resolve), in full (_full_name)."""
    return _full_name(art.context, _resolve(art, attrib))


# Words after a name that make another person of it ("Neymar Sr", "Dumas fils"), not a longer name.
_KIN = {"sr", "sr.", "jr", "jr.", "senior", "junior", "fils", "père", "mère", "fille"}


# "M. Castaner", "Mme Voynet", "Me Seban" (a lawyer), "Dr Pauti": a title before a surname (the gender it says:
# people.CIVILITY_GENDER).
_CIVILITY = re.compile(r"^(M\.|Mme|Mlle|Me|Dr|Pr|Mr\.?|Mrs\.?|Ms\.?) (?=[A-ZÀ-Þ])")


def _full_name(ctx: rw.Context, claimant: str) -> str:
    """"Christophe" or "Bruno Le" when the article named "Christophe Dechavanne" or "Bruno Le Maire": a
    claimant that is the start of exactly one person's name the article gave is that person; so is a surname
    that ends exactly one ("Mélenchon", "Le Pen" after "Jean-Luc Mélenchon", "Marine Le Pen")."""
    civility = _CIVILITY.match(claimant or "")
    if civility:
        # "a expliqué Mme Voynet" after "Dominique Voynet": the one person of that name (and gender) the article named
        # (named before the title was first used: "M. Roux, fils du souverainiste Philippe Roux" is another Roux)
        surname, gender = claimant[civility.end() :], CIVILITY_GENDER.get(civility.group(1).lower(), "")
        before = ctx.people[: ctx.people.index(claimant)] if claimant in ctx.people else ctx.people
        named = {p for p in before if p.endswith(" " + surname)
                 and not _CIVILITY.match(p) and (not gender or ctx.genders.get(p, gender) == gender)}
        return named.pop() if len(named) == 1 else claimant
    if not claimant or not claimant[:1].isupper() or len(claimant.split()) > 2:
        return claimant
    longer = {p for p in ctx.people if p.startswith(claimant + " ") and p.split()[-1].lower() not in _KIN}
    if not longer:  # (not a day the tagger took into the name: "Vendredi Ségolène Royal")
        longer = {p for p in ctx.people if p.endswith(" " + claimant) and p.split()[0].lower() not in lx.WHEN_WORDS}
    return longer.pop() if len(longer) == 1 else claimant


def _resolve(art: Article, attrib: at.Attribution) -> str:
    """A pronoun speaker ("a-t-il déclaré") or a bare description ("le quotidien", "la même source",
    "le ministre de l'Éducation") becomes the person, outlet or source the article named before; a
    description it cannot resolve stays as written when it names an agent ("le parquet d'Ajaccio"), an
    anonymous source ("plusieurs sources concordantes") gives no claimant."""
    ctx = art.context
    how = attrib.how
    if how.startswith("pronoun:"):
        if how.split()[-1] in at.LATTER:
            # "ce dernier": the person named last (of that gender), never a speaker further back.
            pronoun = at.latter_gender(how.split(":", 1)[1])
            people = [p for p in ctx.people[-1:] if ctx.fits(p, pronoun)]
            return people[-1] if people else ""
        if how in ("pronoun:il", "pronoun:elle", "pronoun:he", "pronoun:she"):
            # The previous sentence's subject when it is a person, or who the article said holds the
            # office it names ("le ministre"); else the last person named. Either of the pronoun's gender
            # when the article gave theirs ("la chanteuse ..., elle ajoute"); none: an organisation.
            pronoun = how.split(":", 1)[1]
            subject = ctx.subject_for(pronoun)
            if subject and subject in ctx.people:
                return subject
            # '"...", a-t-il ajouté' goes on with the speaker of the sentences just before, not with a
            # person they mentioned ("explique M. de Villiers, fils de Philippe de Villiers").
            if art.sentences - art.last_claimant_at <= _SPEAKER_REACH and (
                    art.last_claimant in ctx.people and ctx.fits(art.last_claimant, pronoun)
                    or at.is_role(art.last_claimant) and at.agrees(rw.description_gender(art.last_claimant), pronoun)):
                # a role left unnamed ("le chef de file de LFI") stays as written; "elle" is not "le président"
                return art.last_claimant
            if art.sentences - art.last_claimant_at <= _SPEAKER_REACH and _described_person(art.last_claimant, pronoun):
                # '"...", raconte l'infirmière. [...] "...", poursuit-elle': the speaker the article described and
                # quoted just before, not a person named since in a sentence that quoted no one
                return art.last_claimant
            if art.sentences - art.last_claimant_at <= _SPEAKER_REACH and art.last_claimant_at and (
                    not art.last_claimant or rw.without_article(art.last_claimant) in ctx.orgs):
                # the speaker just quoted, unnamed ("a déclaré un enquêteur") or an organisation ("a indiqué
                # la Banque de France ... développe-t-elle"), not someone named before them
                return art.last_claimant
            described = _described_agent(ctx, pronoun)
            if described:
                return described  # "L'infirmier a été suspendu. Il affirme avoir ...": the nurse, unnamed
            if ctx.brought_in_unnamed(pronoun):
                return ""  # "Un passant a été blessé. ..., a-t-il raconté": him, unnamed
            # (someone named only in a complement, "le soutien de Mme May à M. Darroch", is what was talked about)
            # (a first name alone is the person the article named in full: "Tony" after "son époux Tony Rossi"
            # is a man, not who "elle" is)
            people = [p for p in ctx.people if ctx.fits(_full_name(ctx, p), pronoun) and p in ctx.agents] \
                or [p for p in ctx.people if ctx.fits(_full_name(ctx, p), pronoun)]
            return people[-1] if people else (ctx.orgs[-1] if ctx.orgs else "")
        if how == "pronoun:it":
            return _organisation_it(art)
        return ctx.last_subject if ctx.last_subject_plural else ""
    aged = _AGED.match(attrib.claimant) if art.language == "en" else None
    if aged:
        # "the 29-year-old said", "the 52-year-old minister said": the one person named with that age, else
        # the description without it ("the minister", as the article's roles resolve it), else as written
        named = _aged_person(art, aged.group(1))
        if not named and aged.group(2):
            plain = f"the {aged.group(2)}"
            named = _resolve(art, at.Attribution(plain, "", f"description:{aged.group(2).split()[-1].lower()}"))
            named = "" if named == plain else named
        return named or attrib.claimant
    named = ctx.person_for(attrib.claimant) if at.is_role(attrib.claimant) else _tied_to_possessed(ctx, attrib.claimant)
    if named:
        return named
    if art.language == "en" and (named := _owner_named(art, attrib.claimant)):
        return named
    named = _speaker_described(art, attrib.claimant) if how.startswith("description:") or at.is_role(
        attrib.claimant) else ""
    if named:
        return named
    if how.startswith("description:"):
        noun = how.split(":", 1)[1]
        if "même" in attrib.claimant.lower():  # "la même source", "le même responsable"
            if noun in ("source", "sources") and art.last_source is not None:
                return art.last_source  # the last source named, not a speaker quoted since
            return art.last_claimant or attrib.claimant
        if noun in ("source", "sources"):
            return _source(art, attrib.claimant)
        if noun in lx.ISSUED_NOUNS:
            return art.issuers.get(noun, "")  # "ajoute le communiqué": who the article said issued it
        if noun in lx.OUTLET_NOUNS or noun in at.PRESS_FELLOWS:
            if ctx.outlets and (noun in at.PRESS_FELLOWS or _one_named(attrib.claimant, noun)):
                medium = _medium_of_kind(ctx.outlets, noun)
                attrib.outlet = attrib.outlet or medium
                return medium
            return attrib.claimant  # "selon le quotidien régional" left out of the text: kept as written
        named = (art.language == "en" and (_indefinite_taken_up(art, attrib.claimant, noun)
                                          or _body_described_en(art, attrib.claimant, noun))) \
            or _organisation_described(ctx, attrib.claimant, noun)
        if named:
            return named
    return attrib.claimant if _names_someone(attrib.claimant) else ""


# Words of a broadcaster's name ("France Bleu Béarn", "Sud Radio", "RTL", "BFMTV"), and the nouns that describe one.
_BROADCAST_NAME = re.compile(r"Radio|Bleu|Inter\b|Info\b|info\b|RTL|RMC|Europe 1|TV\b|BFM|TF1|LCI|M6|C8|CNews|"
                             r"France [2345]|France 24|Arte|LCP|CNN|BBC|Fox News|RTBF|Euronews")


def remember_issuer(art: Article, sent: Span, attrib: at.Attribution) -> None:
    """"estime l'association lundi dans un communiqué", "indique un communiqué de la préfecture": the claimant of a
    sentence that speaks of a document of lexicon.ISSUED_NOUNS issued it, for an "ajoute le communiqué" after it. A
    description of one the article names no issuer for leaves the text as it was (no source is better than
    none said)."""
    if attrib.claimant:
        for noun in set(column(sent.doc, "lower_")[sent.start : sent.end]) & lx.ISSUED_NOUNS:
            art.issuers[noun] = attrib.claimant
    elif attrib.how.split(":", 1)[-1] in lx.ISSUED_NOUNS:
        attrib.drop, attrib.how, attrib.said = [], "", None


# Determiners of media the article did not name, or of several: "plusieurs médias", "des médias américains", "un
# site local", "les médias".
_NOT_ONE_NAMED = frozenset({"des", "les", "plusieurs", "certains", "certaines", "différents", "différentes", "d'autres",
                            "de", "nombreux", "quelques", "un", "une", "several", "some", "other", "a", "an"})


def _one_named(description: str, noun: str) -> bool:
    """"le quotidien régional", "ce site", "la radio": a description of one medium, which stands for the one the article
    named; not "plusieurs médias", "des médias américains", "un site local", nor any plural ("une partie des
    médias")."""
    words = description.lower().replace("\u2019", "'").split()
    return not noun.endswith("s") and (not words or words[0] not in _NOT_ONE_NAMED)


def _medium_of_kind(outlets: list[str], noun: str) -> str:
    """The medium a description stands for: the last one the article named, of the kind its noun says when the
    article named one ("la radio locale" is France Bleu Béarn, not the daily named after it); else the last."""
    broadcast = noun in lx.BROADCAST_OUTLET_NOUNS
    return next((o for o in reversed(outlets) if bool(_BROADCAST_NAME.search(o)) == broadcast), outlets[-1]) \
        if broadcast or noun in lx.PRINT_OUTLET_NOUNS else outlets[-1]


_AGENTS = frozenset(lx.AGENT_NOUNS | lx.PERSON_NOUNS | lx.PERSON_ROLES)


def _described_person(description: str, pronoun: str) -> bool:
    """"l'infirmière", "la maman", "le gérant": a speaker the article described with a definite article and a
    gender, the pronoun's, not a name nor a plural ("elle" is not "le gérant", "il" not "les habitants")."""
    low = description.lower().replace("\u2019", "'")
    gender = rw.description_gender(description)
    return low.startswith(("le ", "la ", "l'")) and bool(gender) and at.agrees(gender, pronoun) \
        and not any(w[:1].isupper() for w in description.split()[1:])


def _described_agent(ctx: rw.Context, pronoun: str) -> str:
    """The previous sentence's subject when it is a singular description of someone who can speak ("l'infirmier",
    "la préfecture") of the pronoun's gender, which the article names no further: who "il affirme" is."""
    subject = ctx.last_subject
    words = subject.lower().replace("\u2019", "'").replace("'", "' ").split()
    if not words or ctx.last_subject_plural or ctx.last_subject_outlet or subject in ctx.people \
            or not at.agrees(ctx.last_subject_gender, pronoun):
        return ""
    if words[0] not in ("le", "la", "l'") or len(words) > 6:
        return ""
    head = next((w for w in words[1:] if w not in at.ROLE_ADJECTIVES), "")
    return subject if head in _AGENTS else ""


def _organisation_described(ctx: rw.Context, description: str, noun: str) -> str:
    """"le ministère", "la préfecture" after the article named "le ministère du Travail": a bare noun with
    a definite article is the one organisation the article named with it; "le syndicat" after "SUD-Rail, le
    troisième syndicat du groupe,", the one name the article described with it (Context.described_as)."""
    words = at.role_key(description).split()
    if words == [at.role_key(noun)] and description.lower().startswith("the ") and noun not in lx.PERSON_ROLES:
        # English names the organisation before its noun: "the department" after "the Labor Department"
        named = {org for org in ctx.orgs if at.role_key(org).split()[-1:] == words and len(org.split()) > 1}
        # ("the company said" after "Apple opened a factory.": _body_described_en, tried first)
        return named.pop() if len(named) == 1 else ""
    if words != [at.role_key(noun)] or not description.lower().startswith(("le ", "la ", "l'")) \
            or noun in lx.PERSON_ROLES:  # "le ministre" is a person (Context.person_for)
        return ""
    named = {org for org in ctx.orgs if at.role_key(org).split()[0] == words[0] and len(org.split()) > 1}
    return named.pop() if len(named) == 1 else ctx.described_as(description) if not named else ""


# An English description of a person by their age: "the 29-year-old", "the 52-year-old minister" (the age, the rest).
_AGED = re.compile(r"^[Tt]he (\d{1,3})-year-old(?: ([a-z][a-z -]*))?$")


def _aged_person(art: Article, age: str) -> str:
    """The one person the article named with this age, as English gives it beside a name ("Tom Reed, 29,", "Tom
    Reed (29)", "Tom Reed, aged 29", "29-year-old Tom Reed", "the 29-year-old striker Tom Reed"); "" when none
    or several (then "the 29-year-old" is who it says, as written)."""
    text = art.original
    found = set()
    for person in dict.fromkeys(art.context.people):
        name = re.escape(person)
        if re.search(rf"{name}(?:, (?:aged )?| \(){age}\b|\b{age}-year-old (?:[a-z-]+ ){{0,3}}{name}\b", text):
            found.add(person)
    return found.pop() if len(found) == 1 else ""


# Words of an English organisation's name that say it is of the kind a description names, besides the noun
# itself: "the force" is "West Yorkshire Police", "the club" is "Hartlepool United FC".
_KIND_WORDS_EN = {"force": frozenset({"police", "constabulary"}), "club": frozenset({"fc", "afc"})}


# Head words of an organisation's name that say it is of a kind of its own: "the club" is not the "Premier League"
# nor the "Football Association" the sentence before spoke of.
_OTHER_KINDS_EN = frozenset(lx.AGENT_NOUNS_EN | BODIES_EN | {"league", "police", "constabulary", "fc", "afc"})


def _english_head(org: str) -> str:
    """The head word of an English organisation's name: the last word before its complement ("Royal College of
    Nursing": "college", "Office for National Statistics": "office"), else its last ("West Yorkshire Police")."""
    words = at.role_key(org).split()
    cut = next((k for k, w in enumerate(words) if k and w in ("of", "for")), len(words))
    return words[cut - 1] if cut else ""


def _body_described_en(art: Article, description: str, noun: str) -> str:
    """"The college said" after "the Royal College of Nursing", "the force said" after "West Yorkshire Police",
    "the club said" again after it was found to be Manchester United: an English definite description of a body
    (body_speakers.BODIES_EN), its noun last and no name in it ("the supermarket supplier"), is the one
    organisation the article named whose name's head is that noun (or a word of that kind, _KIND_WORDS_EN), else
    the one the same description stood for before in the article (art.bodies), else the organisation the
    sentence before had for its subject (Context.previous_organisation); "" when none or several, the
    description then stays as written."""
    words = description.replace("\u2019", "'").split()
    if noun not in BODIES_EN or len(words) < 2 or words[0].lower() != "the" or words[-1].lower() != noun \
            or any(w[:1].isupper() for w in words[1:]):
        return ""
    ctx = art.context
    kinds = {noun} | _KIND_WORDS_EN.get(noun, frozenset())
    named = {org for org in ctx.orgs if len(org.split()) > 1 and _english_head(org) in kinds}
    found = named.pop() if len(named) == 1 else "" if named else art.bodies.get(noun) or ctx.previous_organisation()
    if found and not named and _english_head(found) in _OTHER_KINDS_EN - kinds:
        return ""  # "The Premier League said ... , the club said": a league is not the club
    if found:
        art.bodies[noun] = found
    return found


def _indefinite_taken_up(art: Article, description: str, noun: str) -> str:
    """"The spokesman said" after "A spokesman for the council said": an English definite description that is only
    its noun takes up the speaker the article brought in just before (within _SPEAKER_REACH sentences) with an
    indefinite description of that noun ("A spokesman for the council", "a council spokeswoman"): the same
    person, whom the earlier description says more fully. None such: ""."""
    words = description.lower().split()
    last = art.last_claimant
    if words != ["the", noun] or not last or art.sentences - art.last_claimant_at > _SPEAKER_REACH:
        return ""
    before = last.lower().split()
    if before[0] not in ("a", "an") or noun not in before[1:] or not (
            before[-1] == noun or before[1] == noun and before[2:3] in (["for"], ["of"], ["at"], ["to"])):
        return ""
    return last


def _organisation_it(art: Article) -> str:
    """"Sales rose by 4%, it said": an English "it" that speaks is the organisation quoted in the sentence just
    before (an organisation the article named, or a body described), else the organisation the sentence before
    had for its subject (Context.previous_organisation); "" when neither."""
    ctx = art.context
    last = art.last_claimant
    if art.sentences - art.last_claimant_at <= 1 and last and last not in ctx.people and (
            rw.without_article(last) in ctx.orgs or last in art.bodies.values()
            or last.lower().startswith("the ") and last.split()[-1].lower() in BODIES_EN):
        return last
    return ctx.previous_organisation()


# A claimant made only of function words ("de la": the tagger's broken phrase) names nobody.
def _names_someone(claimant: str) -> bool:
    return any(w not in lx.FUNCTION_WORDS for w in claimant.lower().replace("'", "' ").split())


# Descriptions that fit any office a speaker may hold: "a ajouté l'élu" after the deputy was quoted.
_ANY_OFFICE = {at.role_key(word) for word in ("élu", "élue", "responsable", "dirigeant", "dirigeante", "intéressé",
                                                "intéressée", "homme", "femme", "official", "politician")}


# Descriptions of what a speaker knows, not of an office they hold: "note le spécialiste" after the president
# of an association was quoted is still him.
_EXPERTISE = frozenset(at.role_key(word) for word in ("spécialiste", "expert", "experte"))


# An occupation ("la chanteuse", "l'animateur", roles.FOLDED_JOBS) fits the person just quoted as
# any office does, unless they are known to hold another office.
_PERSON_OFFICES = at.FOLDED_ROLES | _ANY_OFFICE | at.FOLDED_JOBS


def _qualified(description: str) -> bool:
    """"l'acteur franco-tunisien", "le président d'extrême droite": an office or occupation with words that
    describe its holder, no named organisation or place ("le patron de la SNCF", "le maire de Lyon"), no
    other office ("le président de la région") and no title ("le Premier ministre")."""
    words = description.replace("\u2019", "'").split()
    rest = words[1:]
    return 1 <= len(rest) <= 3 and not any(w[:1].isupper() or "'" in w and w.split("'", 1)[1][:1].isupper()
                                           for w in words) \
        and not any(at.role_key(w) in _PERSON_OFFICES or w in ("de", "du", "des") for w in rest)


def _speaker_described(art: Article, description: str) -> str:
    """The person a definite description speaker stands for (_described_speaker), else the one person of
    its gender the article named (Context.sole_holder)."""
    return _described_speaker(art, description) or art.context.sole_holder(description, art.sentence_text)


def _described_speaker(art: Article, description: str) -> str:
    """ '"...", a ajouté l'élu' / 'estime la ministre': a description with a definite article that no
    role of the article resolves is the person just quoted (within _SPEAKER_REACH sentences) when
    they fit it: a person's office, the same gender, and no other office known for them ("le
    ministre" is not the deputy quoted before); an office with more words ("le chef de l'État", "le
    patron de la SNCF") only when the article gave it to them. "Un porte-parole" (someone new), an
    organisation ("le syndicat") or no recent speaker: the description stays as written."""
    ctx = art.context
    words = at.role_key(description).split()
    first = description.lower().replace("\u2019", "'").split()[:1]
    speaker = art.last_claimant
    if not words or not first:
        return ""
    gender = {"Masc": "il", "Fem": "elle"}.get(rw.description_gender(description), "")
    holder = _job_holder(ctx, description, words, first[0], gender)
    if holder and (not gender or ctx.fits(holder, gender)):
        return holder
    if not (first[0] in ("le", "la", "the") or first[0].startswith("l'")):
        return ""
    if art.sentences - art.last_claimant_at > _SPEAKER_REACH or speaker not in ctx.people:
        return ""
    if gender and not ctx.fits(speaker, gender):
        return ""
    head = next((w for w in words if w not in at.ROLE_ADJECTIVES), words[0])
    if head not in _PERSON_OFFICES:
        return ""  # "le gouvernement", "le syndicat": an organisation, not the person just quoted
    if head in _EXPERTISE and not any(w[:1].isupper() for w in description.split()[1:]):
        return speaker  # "le spécialiste en addictologie": knowledge the person just quoted has, whatever their office
    held = [role.split() for role, name in ctx.roles.items() if name == speaker]
    same = any(head.rstrip("e") in (w.rstrip("e") for w in role) for role in held)
    if len(words) > 1 and not same and not _qualified(description):
        return ""  # "le Premier ministre", "le patron de la SNCF": an office the speaker must be known to hold
    offices = [role for role in held if role[0] not in at.FOLDED_JOBS]  # a singer may also host a show
    if (offices or held and head not in at.FOLDED_JOBS) and head not in _ANY_OFFICE and not same:
        return ""  # the deputy quoted before is not "le ministre"
    return speaker


_POSSESSIVES = frozenset({"son", "sa", "leur", "his", "her", "their"})


def _tied_to_possessed(ctx: rw.Context, description: str) -> str:
    """"précise son avocat" after "son avocat Olivier Morice": an office with a possessive is the person the
    article tied to that office alone, without a complement; "l'avocat de l'accusé Marc Roy" may be another
    one's (the possessive's owner is not known here), so is no one's "son avocat"."""
    first, _, rest = description.partition(" ")
    if first.lower() not in _POSSESSIVES or not at.is_role(rest):
        return ""
    return ctx.roles.get(at.role_key(rest), "")


# English possessive determiners that say their owner's gender.
_GENDERED_POSSESSIVES = {"his": "he", "her": "she"}


def _owner_named(art: Article, description: str) -> str:
    """"Her husband said", "His lawyer said" right after "Public health minister Jenni Minto told the BBC ...": an
    English possessive says its owner's gender, and the owner is the one person of that gender the sentence or the
    one before it named ("Jenni Minto's husband"), as the text's own rewrite of the subject says. Someone of unknown
    gender counts as either; two such people, or none: "" (the description stays as written)."""
    first, _, rest = description.partition(" ")
    pronoun = _GENDERED_POSSESSIVES.get(first.lower(), "")
    if not pronoun or not rest or not rest[:1].islower():
        return ""
    ctx = art.context
    near = [*ctx.previous_people, *(p for p in ctx.people if p in art.sentence_text)]
    owners = {_full_name(ctx, p) for p in near if ctx.fits(_full_name(ctx, p), pronoun)}
    if len(owners) != 1:
        return ""
    owner = owners.pop()
    return owner + ("'" if owner.endswith("s") else "'s") + " " + rest


def _job_holder(ctx: rw.Context, description: str, words: list[str], article: str, pronoun: str) -> str:
    """"la journaliste", "ce propriétaire", "l'acteur": the one person the article tied to that occupation
    ("la journaliste Claire Chazal", "Hugo Clément, journaliste de France 2,"), wherever they were named.
    "Ce professeur de collège regrette ..." right after the sentence about Grégory Benjamin: him
    (Context.demonstrated). A definite or demonstrative article only: "une journaliste" is someone new."""
    if article in ("ce", "cet", "cette"):
        description, words = description.partition(" ")[2], words[1:]  # role_key keeps a demonstrative
    elif not (article in ("le", "la") or article.startswith("l'")):
        return ""
    if not words or words[0] not in at.FOLDED_JOBS:
        return ""
    named = ctx.person_for(description)
    if not named and article in ("ce", "cet", "cette"):
        named = ctx.demonstrated(words[0], pronoun)
    return named


# Words that say how much a source is to be trusted, not who it is.
_VAGUE_SOURCE = {"source", "sources", "plusieurs", "des", "de", "d'", "une", "certaines", "nombreuses", "concordante",
                 "concordantes", "sûre", "sûres", "bien", "informée", "informées", "autorisée", "autorisées", "anonyme",
                 "anonymes", "fiable", "fiables", "proche", "proches", "du", "dossier", "l'enquête", "enquête"}


def _source(art: Article, description: str) -> str:
    """"cette source", "la source": the source named before; "plusieurs sources concordantes",
    "une source proche du dossier": anonymous, no claimant; "une source policière": as written."""
    words = description.lower().split()
    if words and words[0] in ("cette", "ces", "la", "les"):
        return art.last_source if art.last_source is not None else (art.last_claimant or description)
    if all(w in _VAGUE_SOURCE for w in words):
        return ""
    return description
