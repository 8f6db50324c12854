"""What a candidate's words and parse say for its rule signals (pipeline._candidate, span_signals): whether
it opens a quotation, reports a judgement or a feeling, asks a question or says nothing of what was said,
is past, near, ahead or alleged, is hypothetical, or is in a name or a title; and the word lists its text is
looked up in."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from claims.extraction import attribution as at
from claims.extraction import features as ft
from claims.extraction import lexicon as lx
from claims.extraction import tense as tn
from claims.extraction.checkworthiness import Signals, markers_in
from claims.extraction.doccache import column, morph_column, morph_values, sentence_start, span_text

# Quotation marks (straight, French and English curly), as the normaliser may leave them.


def _opens_quotation(quote: str) -> bool:
    """Whether a sentence is all a speaker's words: it opens a quotation that goes on past it ('« Nous avons
    rencontré les soignants.' before '« Ils nous ont dit ... », raconte X.'), with no other quotation mark."""
    return quote.lstrip()[:1] in ('"', "«", "\u201c") and sum(ch in lx.QUOTE_MARKS for ch in quote) == 1


_CLOCK_TIME = re.compile(r"\b(?:à|vers|dès|at)\s+\d{1,2}\s?(?:h\d{0,2}|heures?)\b|\b\d{1,2}h\d{2}\b", re.IGNORECASE)


@functools.lru_cache(maxsize=32)
def _marker_pattern(markers: tuple[str, ...]) -> re.Pattern[str]:
    """One regex per word list; a marker matches at a word start ("prévu" matches "prévue")."""
    parts = sorted((re.escape(m.strip()) + (r"(?!\w)" if m.endswith(" ") else "") for m in markers if m.strip()),
                   key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + ")" if parts else r"(?!x)x")


# A verb after its subject pronoun: not an imperative ("nous soutenons", "vous signez").
_WITH_SUBJECT = re.compile(r"\b(?:nous|vous|on)(?: ne| n')? \w+")


def _has(lower: str, markers: tuple[str, ...]) -> bool:
    return bool(markers) and _marker_pattern(markers).search(lower) is not None


# A participle of what was planned or awaited: a forecast's word only when the sentence looks ahead. Not a
# plan ("a prévu de se rendre au Canada") nor what is planned now ("l'autopsie est prévue lundi").
_PLANNED = re.compile(r"(?<!\best )(?<!\bsont )\b(?:prévu|attendu)e?s?\b(?!\s+d[e'])")


@functools.lru_cache(maxsize=8)
def _marker_lists(language: str) -> tuple[tuple[str, ...], ...]:
    """The word lists a candidate's text is looked up in (markers_in), in the order _candidate unpacks them."""
    return tuple(tuple(words.get(language, ())) for words in (
        lx.RECORD_MARKERS, lx.FORECAST_MARKERS, lx.SCHEDULE_MARKERS, lx.ADVICE_MARKERS, lx.PROMOTIONAL_MARKERS,
        lx.TRIBUTE_MARKERS))


def _appraisal(span: Span, root: Token, attrib: at.Attribution, language: str) -> bool:
    """Whether the sentence's main verb or its speech verb reports a judgement ("a salué", "a dénoncé",
    "estime", or one it sets out to make: "tient à saluer", _wanted_acts): what someone thinks of a thing, not
    what happened (lexicon.APPRAISAL_VERBS). Not in the
    passive: "Il a été jugé en appel" is a trial. Or a feeling (lexicon.FEELING_WORDS), the main verb's
    ("se sont inquiétés", "a rassuré la population", "a été soulagée"; a fear or a liking, lexicon.FEELING_VERBS:
    "redoutent une fermeture", "n'a pas apprécié") or what it says or shows ("a dit sa joie", "s'est dit choqué",
    "s'est montré ému")."""
    starts = lx.APPRAISAL_VERBS.get(language, ())
    if not starts:
        return False
    pos_of, lower = column(span.doc, "pos_"), column(span.doc, "lower_")
    verbs = [root.i] + [i for s, e in attrib.drop for i in range(s, e) if pos_of[i] == "VERB"] + _wanted_acts(root)
    if any(pos_of[i] == "VERB" and lower[i].startswith(starts)
           and not any(c.dep_ == "aux:pass" for c in span.doc[i].children) for i in verbs):
        return True
    feelings = lx.FEELING_WORDS.get(language, ())
    return bool(feelings) and (root.pos_ == "VERB" and root.lower_.startswith(
        feelings + lx.FEELING_VERBS.get(language, ())) or any(
        c.dep_ in ("obj", "xcomp") and c.lower_.startswith(feelings) for c in root.children))


def _wanted_acts(root: Token) -> list[int]:
    """The infinitives a main verb governs, what its subject sets out to do: "Le président tient à saluer le courage
    des soldats", "La ministre a voulu féliciter les enseignants" judge as "a salué" and "a félicité" do."""
    return [c.i for c in root.children if c.dep_ == "xcomp" and "Inf" in morph_values(c, "VerbForm")]


def _named_question(span: Span) -> bool:
    """Whether the span's only question is quoted at its end after a noun or a participle ("la petite phrase
    \"Qui paiera ?\"", "une pétition intitulée \"Pourquoi fermer l'école ?\""), its main verb before the quotation:
    the statement tells of the words, it does not ask them. After a colon or a verb the quoted words are what
    was said ("a lancé : \"Qui paiera ?\""), and a question quoted first is the claim ('"Et si ... ?", a réagi')."""
    marks = [t.i for t in span if t.text in lx.QUOTE_MARKS]
    if not marks:
        return False
    # the closing mark may fall outside the sentence the parser cut ('... "Qui paiera ?" .')
    opening, closing = (marks[-2], marks[-1]) if len(marks) % 2 == 0 else (marks[-1], span.end)
    doc = span.doc
    after = doc[closing + 1 : span.end]
    # nothing but punctuation after it, or a clause of its own after a comma (', qui visait le président.')
    if any(not t.is_punct for t in after) and not (after[0].text == "," and "?" not in after.text) \
            or "?" in doc[span.start : opening].text:
        return False
    before = doc[opening - 1] if opening > span.start else None
    named = before is not None and (before.pos_ in ("NOUN", "PROPN") or before.pos_ in ("VERB", "ADJ") and (
        "Part" in morph_values(before, "VerbForm") and before.dep_ in ("acl", "amod")))
    return named and span.root.i < opening and "?" in doc[opening:closing].text


def _inverted_question(span: Span, language: str) -> bool:
    """A question asked by inverting its subject, whatever it ends with: "Jean-François Copé aurait-il un peu
    trop regardé le JT ?", "Pourquoi le gouvernement a-t-il renoncé à la taxe.". Only before the first comma,
    colon or quotation mark, and not after a speech verb ('"...", a-t-il dit' attributes)."""
    if language != "fr":
        return False
    doc = span.doc
    lower, pos_of = column(doc, "lower_"), column(doc, "pos_")
    if span_text(span).lower().startswith(_INVERTING_OPENERS):
        return False  # "Ainsi a-t-il renoncé", "Peut-être sait-on enfin pourquoi": an inversion that asks nothing
    for i in range(span.start, span.end):
        if lower[i] in (",", ":", '"', "«", "»", "\u201c") or lower[i] in _INVERTED_SUBJECTS and i > span.start and (
                pos_of[i - 1] in ("VERB", "AUX") and not at.speech_verb(doc[i - 1], language)
                or lower[i - 1] == "-t" and i - 1 > span.start and pos_of[i - 2] in ("VERB", "AUX")
                and not at.speech_verb(doc[i - 2], language)):
            return lower[i] in _INVERTED_SUBJECTS
    return False


_INVERTED_SUBJECTS = frozenset({"-il", "-elle", "-ils", "-elles", "-on"})
# Adverbs after which French inverts its subject in a statement.
_INVERTING_OPENERS = ("ainsi ", "aussi ", "peut-être ", "sans doute ", "à peine ", "du moins ", "encore ",
                      "tout au plus ", "toujours est-il", "en vain ", "rarement ")


def _contentless(span: Span, root: Token, quote: str, language: str) -> bool:
    """Whether the sentence only tells that someone spoke, not what they said: "La mère du bébé a raconté la
    terrible scène au Parisien", "Il s'est confié à Télé 7 Jours", "L'humoriste est revenu sur l'épisode". A
    narrative speech verb (lexicon.TELLING_VERBS) or an outlet at work (_outlet_at_work) heads it, active, with
    no clause, quotation or colon giving the words (the caller asks for no figure either)."""
    starts = lx.TELLING_VERBS.get(language, ())
    if not starts or root.pos_ != "VERB":
        return False
    doc = span.doc
    again = language == "fr" and root.lower_ in lx.TELLING_AGAIN and root.i + 1 < len(doc) \
        and doc[root.i + 1].lower_ == "sur"
    named = _names_what_was_said(root, language)
    if not (again or named or root.lower_.startswith(starts) or _outlet_at_work(root)):
        return False
    if any(mark in quote for mark in ('"', "«", "»", ":", "\u201c")):
        return False
    lower = column(doc, "lower_")
    if any(lower[i] in _WHAT_WAS_SAID for i in range(root.i + 1, span.end)):
        return False  # "confie que le gouvernement réfléchit ...", "raconte comment elle s'est séparée ..."
    if named:
        return True
    deps = {c.dep_ for c in root.children}
    # "Les investigations ont été confiées à la police" is an act; "est revenu sur", "s'est confiée" are not
    # passives, whatever the parser makes of their auxiliary.
    passive = "aux:pass" in deps and not again and not any(c.lower_ in ("se", "s'", "s\u2019") for c in root.children)
    return not passive and not deps & {"ccomp", "xcomp", "parataxis", "csubj", "advcl"}


def _names_what_was_said(root: Token, language: str) -> bool:
    """Whether the main verb (or the verb it leads to: "vient de révéler") has for object or passive subject a
    noun for what someone said, not what they said (lexicon.SAID_NOUNS): "a livré son point de vue sur le
    Brexit", "Une hypothèse a été avancée par le maire"."""
    nouns = lx.SAID_NOUNS.get(language, frozenset())
    doc = root.doc
    for verb in (root, *(c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB")):
        for c in verb.children:
            if c.dep_ in ("obj", "nsubj:pass") and (c.lower_ in nouns or c.lower_ == "point" and c.i + 2 < len(doc)
                                                    and doc[c.i + 1].lower_ == "de" and doc[c.i + 2].lower_ == "vue"):
                return True
    return False


def _outlet_at_work(root: Token) -> bool:
    """Whether the main verb's subject is a news outlet doing its work ("Le Parisien a recueilli plusieurs
    témoignages de voisins", "France Bleu en a recensé certaines"): the article's sources, not a fact."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "PROPN"), None)
    if subject is None or "aux:pass" in {c.dep_ for c in root.children}:
        return False
    name = subject.doc[subject.left_edge.i : subject.right_edge.i + 1].text
    return at.is_outlet(name) or at.is_outlet(name.split(",")[0].strip())


_WHAT_WAS_SAID = frozenset({"que", "qu'", "qu\u2019", "comment", "pourquoi", "combien", "si"})


def _past_in(doc: Doc, indices: Iterable[int]) -> bool:
    """Whether a verb among these tokens is in the past: a past tense or participle, or a verb in a compound
    tense whatever the tagger made of it ("Les secours ont évacué 200 personnes", "évacué" tagged an
    infinitive)."""
    pos_of, tag_of, tense_of = column(doc, "pos_"), column(doc, "tag_"), morph_column(doc, "Tense")
    return any(pos_of[i] in ("VERB", "AUX") and (
        "Past" in tense_of[i] and not _infinitive_form(doc[i]) or tag_of[i] in ("VBD", "VBN") or (
            pos_of[i] == "VERB" and any(c.dep_ == "aux:tense" for c in doc[i].children)) or _recent_past(doc[i]))
        and not _ahead(doc[i]) or pos_of[i] == "ADJ" and _pronominal_past(doc[i]) for i in indices)


def _near_future(verb: Token) -> bool:
    """Whether a main verb is the near future, "aller" in the present before an infinitive: "Le gouvernement va
    présenter un projet de loi en mars", "Nous allons vendre 20 000 billets". What will happen, as the future
    tense tells it, whatever the parser hangs on what ("Nous allons être à 90 %", "va bientôt être rénové"). Not
    "aller" to a place ("Ils vont à Lyon pour manifester"): the verb after it is its infinitive, with only adverbs
    and pronouns between them ("ne va pas leur répondre")."""
    if verb.lower_ not in lx.GOING_TO:
        return False
    for tok in verb.doc[verb.i + 1: verb.i + 5]:
        if tok.pos_ in ("VERB", "AUX"):
            return "Inf" in morph_values(tok, "VerbForm")
        if tok.pos_ not in ("ADV", "PRON"):
            return False
    return False


# How a French infinitive ends; no past participle does ("travaillé", "fini", "pris", "mort", "ouvert").
_INFINITIVE_ENDING = re.compile(r"(?:er|ir|re)$")


def _infinitive_form(verb: Token) -> bool:
    """Whether a verb the tagger read as a past participle has an infinitive's form: "Travailler ensemble est une
    nécessité" (an opening infinitive, capitalised, is read "Tense=Past|VerbForm=Part")."""
    return _INFINITIVE_ENDING.search(verb.lower_) is not None and "Part" in morph_values(verb, "VerbForm")


def _past_aside(signals: Signals, tense: str) -> bool:
    """Whether the past a sentence holds is an aside to what its main clause tells: a forecast or a possibility
    ("La ville, frappée par les inondations en mars, pourrait recevoir une aide", "Le ministre a assuré que la
    réforme sera votée") or a judgement in the present ("Cette décision est injuste, car les habitants ont déjà
    payé"). What it tells is what will or may happen, or what someone thinks of it: not a past event. The
    conditional of an alleged past act ("Il aurait payé 26 000 euros") is a past (span_signals: no
    future_tense, tense_at "past")."""
    main = signals.syntax
    return (signals.future_tense or tense == "future") or signals.evaluative and "root_tense=present" in main


def _pronominal_past(tok: Token) -> bool:
    """Whether what the parser took for an adjective is the participle of a pronominal verb in a compound past:
    "Il s'est fâché", "Il se serait fâché" (tense.pronominal)."""
    return ft.pronominal(tok) and any(c.dep_ == "cop" and (c.lower_ in tn._HAVE_BE_PRESENT or ft.conditional(c))
                                      for c in tok.children)


def _recent_past(verb: Token) -> bool:
    """Whether a verb is the present of "venir de" before an infinitive, French's recent past: "World Mayor
    vient de publier la liste", "Le tournage vient de débuter"."""
    return verb.lower_.startswith(("vien", "vienn")) and "Pres" in morph_values(verb, "Tense") and any(
        c.dep_ == "xcomp" and "Inf" in morph_values(c, "VerbForm") and any(
            m.dep_ == "mark" and m.lower_ in ("de", "d'", "d\u2019") for m in c.children) for c in verb.children)


def _ahead(verb: Token) -> bool:
    """Whether a participle's auxiliaries put it ahead: a future ("seront lancés", "aura fermé") or a passive
    infinitive ("doit être livré"), not a perfect one ("après avoir été arrêté") nor the recent past of
    "venir de" ("viennent d'être révélés"). Or a passive in the subjunctive, what is wanted or feared ("Il
    redoute que la tournée ne soit annulée", "exige que la loi soit votée"), not a past one ("qu'il ait été
    arrêté")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux:tense", "aux:pass")]
    # (the parser reads the passive's "soit" as a copula as often)
    be = [c for c in verb.children if c.dep_ in ("aux:tense", "aux:pass", "cop")]
    if be and all(c.dep_ != "aux:tense" and "Sub" in morph_values(c, "Mood") for c in be):
        return True
    return any("Fut" in morph_values(c, "Tense") for c in auxes) or (
        any(c.dep_ == "aux:pass" and "Inf" in morph_values(c, "VerbForm") for c in auxes)
        and not any(c.dep_ == "aux:tense" for c in auxes) and not verb.head.lower_.startswith(("vien", "ven", "vin")))


# Participles a conditional makes a possibility or a duty, not an alleged act ("aurait pu", "aurait dû").
_MODAL_PARTICIPLES = frozenset({"pu", "dû", "du", "voulu", "fallu", "su"})


# The dependencies of an alleged past act's conditional auxiliary: the parser takes the "serait" of a pronominal
# verb read as an adjective ("se serait fâché") for a copula.
_ALLEGED_AUX = frozenset({"aux", "aux:tense", "aux:pass", "cop"})


def _alleged_past(span: Span) -> bool:
    """Whether the span's main verb is the conditional of an alleged past act, as news reports what is not
    confirmed ("Les enquêteurs auraient retrouvé la vidéo", "Il serait arrivé mardi": tense.tense_at reads
    it as a past); not a possibility or a duty ("aurait pu", "aurait dû") nor the outcome of a condition
    ("Si le match avait eu lieu, il aurait gagné")."""
    root = span.root
    if root.lower_ in _MODAL_PARTICIPLES or not (root.pos_ == "VERB" and "Part" in morph_values(root, "VerbForm")
                                                 or root.pos_ == "ADJ" and ft.pronominal(root)):
        return False  # an adjective with "se" is a pronominal verb's participle: "Il se serait fâché"
    if not any(c.dep_ in _ALLEGED_AUX and ft.conditional(c) for c in root.children):
        return False
    if any(t.lower_ in ("si", "s'") and t.dep_ == "mark" for t in span):
        return False
    return tn.tense_at(span.doc, root.i) == "past"


def _in_a_title(token: Token) -> bool:
    """Whether a word opens a title quoted without quotation marks: capitalised right after a word of the
    sentence ("dans On n'est pas couché", "le film Nous finirons ensemble"). After a quotation mark or a
    colon a capital opens quoted words ('a-t-il dit : "Nous avons signé"'), and the first word is any
    sentence's."""
    if token.i == 0 or not token.text[:1].isupper():
        return False
    before = token.doc[token.i - 1]
    return before.is_alpha and sentence_start(token) != token.i


def _in_a_name(doc: Doc) -> list[bool]:
    """Per token, whether it is a word of a name of several words ("Corriere della Sera"); the tagger's
    one-word entities include a sentence's first word ("Si"), which stays what it is. Read by every
    candidate's signals: worked out once per document."""
    named: list[bool] | None = doc.user_data.get(_IN_A_NAME)
    if named is None or len(named) != len(doc):
        iob = column(doc, "ent_iob_")
        n = len(iob)
        named = doc.user_data[_IN_A_NAME] = [
            iob[i] == "I" or iob[i] == "B" and i + 1 < n and iob[i + 1] == "I" for i in range(n)]
    return named


_IN_A_NAME = "claims.extraction.in_a_name"


def _goes_as_far(lower_of: list[str], i: int) -> bool:
    """Whether token i is the "va" of "va jusqu'à" ("une montre qui va jusqu'à reproduire le moteur"): going as far
    as, in the present, not the future of "aller" and an infinitive."""
    return lower_of[i] in lx.GOING_TO and i + 1 < len(lower_of) and lower_of[i + 1].startswith(("jusqu'", "jusqu\u2019"))


def _hypothetical_words(span: Span, pos_of: list[str], alleged: set[int], language: str) -> bool:
    """Whether a hypothesis's words are in the span as the words they are: a verb, a conjunction. A noun
    that spells one is no hypothesis ("son compte Facebook", "le risque de cancer", "the will of the
    people", "in May"), nor a name's word ("le Corriere della Sera"), nor "si" as an adverb of degree ("si
    grand"), nor the conditional auxiliary of an alleged past act ("auraient" in "ils auraient volé": `alleged`)."""
    lower_of, named = column(span.doc, "lower_"), _in_a_name(span.doc)
    words = " ".join(lower_of[i] for i in range(span.start, span.end) if i not in alleged and not (
        named[i] or pos_of[i] in ("NOUN", "PROPN") or pos_of[i] == "ADV" and lower_of[i] == "si"
        or _goes_as_far(lower_of, i)))
    return markers_in(words, (tuple(lx.HYPOTHETICAL_MARKERS.get(language, ())),))[0]
