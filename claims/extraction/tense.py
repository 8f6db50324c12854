"""The tense of the verb a date depends on (past, present or future), read from the parse and the
morphology the small models give and, where they miss it, from verb endings: conditionals, compound
pasts, pronominal verbs, plans ("a prévu de"), completed acts and the narrative present. It decides
on which side of publication a date with no year or a weekday lies; the pipeline reads a claim's main
verb with tense_at too."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.doccache import morph_values, sentence_start

_FUTURE_ENDING = re.compile(r"[^ ]{2}(?:er|ir|r)(?:a|ai|as|ons|ez|ont|ait|aient)$")
# A conditional the model tagged as an imperfect ("a annoncé qu'elle irait mercredi"): the future stem of
# an "-er" verb ("lancerait", not "déclarait" nor "espérait") or of an irregular verb ("viendrait" with any prefix:
# "interviendrait", "obtiendrait").
_CONDITIONAL = re.compile(r"(?:[^éèer]erai(?:t|ent)|^(?:ir|aur|ser|fer|pourr|devr|voudr|faudr|saur|verr"
                          r"|enverr|courr|vaudr)ai(?:t|ent)|(?:viendr|tiendr)ai(?:t|ent))$")
# "à paraître fin octobre", "un match à jouer samedi": "à" and an infinitive describing a noun (or after
# "est") tell what is to come; after a verb ("a commencé à construire") they do not.
_PROSPECTIVE_BE = {"est", "sont", "reste", "restent", "était", "étaient"}
# English words of what is expected to happen, and the present of "be" that keeps the expectation now:
# "Next week is expected to be colder, with frost on Monday night", "Talks are likely to resume on Friday".
_EXPECTING_EN = frozenset({"expected", "likely", "unlikely", "due", "set", "forecast", "predicted", "scheduled",
                           "planned", "poised", "bound"})
_PRESENT_BE_EN = frozenset({"is", "are", "'s", "'re", "am", "remains", "remain", "seems", "seem", "looks", "look"})


# The present of "avoir" and "être", the auxiliaries of a compound past (the lemmatizer is not loaded).
# Verbs whose object is an event to come ("a annoncé une réunion lundi", "avait promis une réponse mardi",
# "a programmé un concert samedi"): told in the past, the event may still lie ahead of publication (the stems of
# their forms: the models give no lemmas).
_ANNOUNCING = ("annonc", "promi", "promet", "programm", "planifi", "prévu", "prévoi", "prévoy", "convoqu")
_HAVE_BE_PRESENT = frozenset({"ai", "as", "a", "avons", "avez", "ont", "suis", "es", "est", "sommes", "êtes", "sont"})
# Verbs whose infinitive is a plan: "a prévu de se rendre", "envisage de fermer", "compte partir" (the stems of
# their forms: the models give no lemmas).
_PLANNING = ("prévu", "prévoi", "prévoy", "envisag", "projet", "projett", "compt", "promi", "promet", "planifi",
             "plan", "intend")


# The reflexive clitic of a pronominal verb ("se serait fâché", "s'est emportée") and the dependencies the parser
# gives it.
_REFLEXIVE = frozenset({"se", "s'", "s\u2019"})
_CLITIC_DEPS = frozenset({"expl:comp", "expl:pv", "expl:pass", "obj", "iobj"})


def pronominal(tok: Token) -> bool:
    """Whether a participle, or what the parser took for an adjective, has a reflexive clitic: "se serait fâché",
    "se seraient disputés", "s'est emportée". Its "être" is then the auxiliary of a compound tense, neither a
    passive's nor a copula ("serait furieux"): "se" goes with no adjective after "être"."""
    return any(c.lower_ in _REFLEXIVE and c.dep_ in _CLITIC_DEPS and c.i < tok.i for c in tok.children)


def conditional(verb: Token) -> bool:
    """Whether a verb or auxiliary is in the conditional ("aurait", "seraient"), by its mood or, where the
    small models miss it, its ending."""
    return "Cnd" in morph_values(verb, "Mood") or _CONDITIONAL.search(verb.lower_) is not None


def tense_at(doc: Doc, i: int) -> str:
    """past, future or present: the tense of the verb a date depends on ("lundi" in "aura lieu lundi")."""
    tok = doc[i]
    opener = _participle_clause_opener(doc, i)
    if opener is not None:
        return "past" if "Past" in morph_values(opener, "Tense") else "present"
    # Up to the nearest finite verb ("il sera possible de circuler à partir du 11 mai": "sera"), else the
    # nearest verb.
    nearest = None
    scheduled = False
    announced = False  # the date belongs to what a verb of announcing has for object
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            nearest = nearest or tok
            if _expected_infinitive(tok):
                return "future"
            if "Inf" in morph_values(tok, "VerbForm") and tok.lower_ != "partir" and any(
                    c.dep_ == "mark" and c.lower_ == "à" for c in tok.children) and (
                    tok.head.pos_ in ("NOUN", "PROPN") or tok.head.dep_ == "acl" or tok.head.lower_ in _PROSPECTIVE_BE) \
                    and not _caused_act(tok):
                return "future"
            if "Inf" in morph_values(tok, "VerbForm") and not any(c.dep_.startswith("aux") for c in tok.children) and (
                    any(c.dep_ == "mark" and c.lower_ in ("pour", "afin") for c in tok.children)
                    or tok.head.lower_ == "afin"):
                # "a saisi la justice afin d'empêcher la sortie, mercredi, du livre", "s'est rendu à Lyon pour
                # rencontrer le maire mardi": what was done for it comes after the main verb, on either side of
                # publication (not "pour avoir volé": a past infinitive)
                return "present"
            if "Fin" in morph_values(tok, "VerbForm") or any(c.dep_.startswith("aux") for c in tok.children):
                break
            cop = [c for c in tok.children if c.dep_ == "cop"]
            if cop:
                tok = cop[0]
                break
            # A participle describing a noun, or opening the sentence's clause ("Arrivé en tête ce week-end, il
            # reconnaît..."), has its own time, not the main verb's: a past one ("la réforme, promise le 3
            # juillet, fera...") mostly tells what is done, a present one ("un arrêté interdisant la baignade le 2
            # septembre") may point either side. "prévu" and the like follow the main verb.
            past = "Past" in morph_values(tok, "Tense")
            if tok.dep_ in ("acl", "advcl") and "Part" in morph_values(tok, "VerbForm") \
                    and not tok.lower_.startswith(lx.SCHEDULED) and not _FUTURE_ENDING.search(tok.lower_):  # "votera"
                return "past" if past else "present"
            if _trailing_present_participle(tok):
                return "present"
            scheduled = scheduled or tok.dep_ == "acl" and tok.lower_.startswith(lx.SCHEDULED)
        elif tok.dep_ == "obj" and tok.i != i and tok.pos_ in ("NOUN", "PROPN") and tok.head.lower_.startswith(_ANNOUNCING):
            announced = True
        if tok.pos_ == "ADJ" and any(c.dep_ == "cop" for c in tok.children):
            cop = next(c for c in tok.children if c.dep_ == "cop")
            # "il s'est fâché", "il se serait fâché", parsed as an adjective: the compound past of a pronominal
            # verb (its conditional an alleged past act, as below).
            if pronominal(tok) and (cop.lower_ in _HAVE_BE_PRESENT or conditional(cop)):
                return "past"
            tok = cop
            break
        if tok.head.i == tok.i:
            tok = nearest or tok
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return "present"
    # "le maire va présenter mardi son budget": the walk stops at "va", the infinitive it governs is to come.
    if tok.lower_ in lx.GOING_TO and nearest is not None and nearest.head.i == tok.i and nearest.i != tok.i \
            and "Inf" in morph_values(nearest, "VerbForm"):
        return "future"
    aux = [c for c in tok.children if c.dep_.startswith("aux")]
    forms = [tok, *aux]
    # "a de nouveau fait parler de lui ce week-end": a tense auxiliary on an infinitive is a compound past whose
    # participle the parser took for something else.
    if "Inf" in morph_values(tok, "VerbForm") and any(
            a.dep_ == "aux:tense" and a.lower_ in _HAVE_BE_PRESENT for a in aux):
        return "past"
    # A passive ("est prévue", "est interdit") has the tense of its auxiliary, not of its participle.
    if aux and all(a.dep_ == "aux:pass" for a in aux) and "Part" in morph_values(tok, "VerbForm"):
        forms = aux
        if doc[max(0, i - 1)].lower_ in ("jusqu'", "jusqu'au", "jusqu'en") or doc[i].lower_ in ("jusqu'au",):
            return "future"
    # "le suspect aurait tué sa femme mardi", "il serait arrivé le 3 mars": a past conditional reports an
    # alleged (or missed) past act, not a future one.
    # "serait arrivé" (a verb of motion, its subject an agent) is a past; "serait construit" (a passive, its
    # subject "nsubj:pass") is not.
    # So is a pronominal verb ("la ministre se serait emportée"), whatever the parser took its subject for.
    active = any(c.dep_ == "nsubj" for c in tok.children) or pronominal(tok)
    if "Part" in morph_values(tok, "VerbForm") and "Past" in morph_values(tok, "Tense") and any(
            (a.dep_ == "aux:tense" or a.dep_ == "aux:pass" and active)
            and conditional(a) for a in aux):
        return "past"
    if any("Fut" in morph_values(t, "Tense") or "Cnd" in morph_values(t, "Mood") for t in forms):
        return "future"
    # The small French models often tag "votera" as a participle: the ending says future. An imperfect
    # the model did recognise ("déplorait", "déclarait") only shares the ending.
    if any(_FUTURE_ENDING.search(t.lower_) for t in forms
           if t.pos_ in ("VERB", "AUX") and "Imp" not in morph_values(t, "Tense")):
        return "future"
    if any(_CONDITIONAL.search(t.lower_) for t in forms if t.pos_ in ("VERB", "AUX")):
        return "future"
    if tok.lower_ in ("doit", "doivent") and any(c.dep_ == "xcomp" and "Inf" in morph_values(c, "VerbForm")
                                                 for c in tok.children):
        return "future"  # "Les ministres doivent participer à la réunion": what is due lies ahead
    # "il va signer lundi", "le texte va être voté mardi"; not a verb with a tense of its own under "va" ("va devoir
    # affronter un procès: la cour a ordonné mardi [...]", a compound past the parser hung on it).
    own_tense = any(a.dep_ == "aux:tense" and "Fin" in morph_values(a, "VerbForm") for a in aux)
    if tok.head.i != tok.i and not own_tense and tok.head.lower_ in (*lx.GOING_TO, "devrait", "devraient", "doit", "doivent"):
        return "future"
    if "Inf" in morph_values(tok, "VerbForm") and tok.head.lemma_ == "aller" or tok.head.lower_ in ("will", "shall"):
        return "future"
    if tok.tag_ == "MD" or any(a.lower_ in ("will", "shall") for a in aux):
        return "future"
    if any("Past" in morph_values(t, "Tense") or "Imp" in morph_values(t, "Tense") for t in forms) or tok.tag_ in ("VBD", "VBN"):
        # "la hausse attendue en janvier", told in a past sentence: what was expected then may still lie
        # ahead of publication; the nearest such date.
        return "present" if scheduled or announced else "past"
    return "present"


# Verbs that bring someone to an act ("amener quelqu'un à faire"): the act follows them in time, on their side.
_CAUSING = ("amen", "pouss", "condui", "incit", "contraign", "contraint", "forc", "oblig")


def _caused_act(infinitive: Token) -> bool:
    """"Ces révélations ont amené le parquet à ouvrir une enquête mercredi": an infinitive after "à" that the parser
    hung on the object of a verb that brings someone to act tells the act that followed, not one still to come (as
    "des mesures à prendre mardi" does)."""
    noun = infinitive.head
    return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("obj", "nsubj:pass") \
        and noun.head.lower_.startswith(_CAUSING)


def _expected_infinitive(tok: Token) -> bool:
    """An English infinitive with "to" under a word of expectation in the present ("is expected to be colder",
    "are likely to resume", "is set to open"): what it says lies ahead of publication, and so do its dates (a
    weekday is the next one, not the last)."""
    if "Inf" not in morph_values(tok, "VerbForm") or not any(c.tag_ == "TO" for c in tok.children):
        return False
    head = tok.head
    if head.lower_ not in _EXPECTING_EN or head.i == tok.i:
        return False
    be = [c for c in head.children if c.dep_ in ("auxpass", "aux", "cop")]
    if head.pos_ == "ADJ" and not be:
        be = [head.head] if head.head.pos_ in ("AUX", "VERB") else []
    return bool(be) and all(b.lower_ in _PRESENT_BE_EN for b in be)


def _trailing_present_participle(tok: Token) -> bool:
    """A present participle the parser hung on a verb as its complement ("a écarté sa candidature, donnant le
    coup d'envoi d'un mois de campagne avant le vote du 12 mars"): a clause of its own after the main one, which
    tells what follows from it, its dates on either side of publication, like a participle describing a noun."""
    return tok.dep_ == "xcomp" and morph_values(tok, "VerbForm") == ("Part",) and morph_values(tok, "Tense") == ("Pres",)


_SUDDEN = {"quand", "lorsque", "lorsqu'", "when"}


def _verb_above(doc: Doc, i: int) -> Token | None:
    """The nearest verb up the parse from token i (within eight steps), if any."""
    tok = doc[i]
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _planned_at(doc: Doc, i: int) -> bool:
    """Whether a date depends on a plan: a verb of planning with an infinitive ("elle a prévu de se rendre au
    Chili en décembre", "il compte partir lundi"), whose date lies ahead whatever the planning verb's tense."""
    verb = _verb_above(doc, i)
    if verb is None:
        return False
    if "Inf" in morph_values(verb, "VerbForm") and verb.head.i != verb.i:
        verb = verb.head
    return verb.lower_.startswith(_PLANNING) and any(
        c.dep_ == "xcomp" and "Inf" in morph_values(c, "VerbForm") for c in verb.children)


def arranged_at(doc: Doc, i: int) -> bool:
    """Whether a date hangs right on an English present progressive ("The senator is seeking a second term in
    November", "Junior doctors are striking on Monday"): the progressive with a time that is not now tells an
    arrangement, so the date lies ahead of publication, where the present alone would take the nearest such
    day or month (last November in a March paper). Only the date of the verb itself (through its preposition or
    as its adverb), not of a noun it governs ("are investigating a fire on Monday")."""
    tok = doc[i]
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        tok = tok.head
    if tok.dep_ not in ("prep", "npadvmod"):
        return False
    verb = tok.head
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in _PRESENT_BE_EN for c in verb.children)


def _completed_at(doc: Doc, i: int) -> bool:
    """Whether the verb a date depends on tells a completed act: a compound past ("avait été interpellé le 6
    mars", "a voté le 2 octobre") or a simple past ("signa le 3 mai"), not an imperfect expectation ("était
    attendu avant le 23 mai") nor an infinitive or a participle ("devant rendre leurs propositions le 28
    octobre")."""
    tok = _verb_above(doc, i)
    if tok is None or tok.lower_.startswith(lx.SCHEDULED):
        return False  # "une audience a été fixée au 3 avril": what was scheduled may still lie ahead
    aux = [c for c in tok.children if c.dep_ == "aux:tense"]
    if "Part" in morph_values(tok, "VerbForm") and "Past" in morph_values(tok, "Tense"):
        return bool(aux) or any(c.dep_ == "aux:pass" and "Imp" not in morph_values(c, "Tense") for c in tok.children)
    return "Fin" in morph_values(tok, "VerbForm") and "Past" in morph_values(tok, "Tense")


def _narrative_present(span: Span) -> bool:
    """"Samedi soir, il rentre chez lui quand deux individus l'agressent": a scene in the present
    followed by "quand" and what broke into it (the "quand" of narration) tells past events in the
    present; an agenda ("Samedi, la mairie organise une fête") has no such turn."""
    sent = span.sent
    turn = next((t.i for t in sent if t.i >= span.end and t.lower_ in _SUDDEN), None)
    # The scene comes first: "Samedi, quand il fait beau, le marché ouvre" is a habit.
    if turn is None or sum(t.is_alpha for t in span.doc[span.end : turn]) < 2:
        return False
    # What breaks in is told in the present too ("quand deux individus l'agressent"), not in the imperfect
    # of a background ("lorsqu'il les salariait").
    broke = next((t for t in span.doc[turn : sent.end] if t.pos_ in ("VERB", "AUX") and "Fin" in morph_values(t, "VerbForm")),
                 None)
    return broke is None or "Pres" in morph_values(broke, "Tense")


def _participle_clause_opener(doc: Doc, i: int) -> Token | None:
    """"La réforme, promise par Emmanuel Macron devant le Congrès le 3 juillet, fera ...": a date inside a
    participle clause set off by a comma has the participle's time, wherever the parser hung the date (here on
    "réforme"). The participle opens the clause right after the comma, describes a noun (acl) or the sentence
    (advcl), and no finite verb comes between it and the date; not "prévu" and the like, which follow the main
    verb."""
    sent_start = sentence_start(doc[i])
    comma = next((k for k in range(i - 1, max(sent_start, i - 15) - 1, -1) if doc[k].text == ","), None)
    if comma is None or comma + 1 >= i:
        return None
    opener = doc[comma + 1]
    if opener.pos_ != "VERB" or opener.dep_ not in ("acl", "advcl") or "Part" not in morph_values(opener, "VerbForm") \
            or opener.lower_.startswith(lx.SCHEDULED) or _FUTURE_ENDING.search(opener.lower_):
        return None
    if any("Fin" in morph_values(t, "VerbForm") for t in doc[comma + 2 : i]):
        return None
    return opener
