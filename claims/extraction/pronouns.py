"""Pronoun subjects: the personal, demonstrative and speaker's pronouns the rewrite tells apart, and when
one stands for no one ("il faut", "il y a", "il est prévu que", "It is likely that", "cela fait deux ans
que"), so that it is neither replaced by an antecedent nor taken to point back."""

from __future__ import annotations

import re

from spacy.tokens import Token

from claims.extraction import lexicon as lx
from claims.extraction.doccache import morph_values, sentence_end, sentence_start

_IMPERSONAL_NEXT = {"y", "faut", "s'agit", "agit", "pleut", "neige", "arrive"}
_DEMONSTRATIVE_PRONOUNS = {"cela", "ça", "ceci", "celui-ci", "celle-ci", "ceux-ci", "celles-ci", "this", "that",
                           "these", "those"}
SPEAKER_PRONOUNS = {"je", "j'", "nous", "i", "we"}
_LATTER = {"dernier", "dernière", "derniers", "dernières", "celui-ci", "celle-ci", "ceux-ci", "celles-ci"}


_PERSONAL_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "he", "she", "they"})


_CLITICS = frozenset({"ne", "n'", "se", "s'", "en", "me", "m'", "te", "t'", "nous", "vous", "lui", "leur"})
_IMPERSONAL_PREDICATES = frozenset({"temps", "question", "hors", "tôt", "tard", "l'heure", "dommage"})
_BE = frozenset({"est", "était", "sera", "serait", "devient", "semble", "fut"})


def _impersonal(subj: Token) -> bool:
    """ "Il faut", "il n'y a", "il s'agit", "il est possible de", "il est trop tôt pour", "il est hors de
    question de", "il pourrait s'agir", "il fera 8 degrés", "il est 19h15": an "il" that stands for no one."""
    if subj.lower_ != "il":
        return False
    following = [t for t in subj.doc[subj.i + 1 : subj.i + 7]]
    words = [t.lower_.replace("\u2019", "'") for t in following]
    if "y" in words[:2]:
        # "il y a", "il n'y avait", "il y en aura"; not "Il y purgeait une peine" (he was serving it there)
        after_y = [w for w in words[words.index("y") + 1 :] if w not in ("en", "pas")]
        if not after_y or after_y[0] not in _THERE_IS:
            return False
        # "Il y a déjà travaillé entre 2012 et 2015": "avoir" is the auxiliary of a participle (he worked
        # there); "il y a eu un échange de coups" is still "il y a"
        k = words.index("y") + 1 + words[words.index("y") + 1 :].index(after_y[0])
        participle = next((t for t in following[k + 1 :] if t.pos_ != "ADV" and t.lower_ not in ("pas", "plus", "jamais")), None)
        return participle is None or participle.lower_ == "eu" or not (
            participle.pos_ == "VERB" and "Part" in morph_values(participle, "VerbForm"))
    rest = [t for t, w in zip(following, words, strict=True) if w not in _CLITICS]
    if not rest:
        return False
    verb = rest[0].lower_.replace("\u2019", "'")
    reflexive = any(w in ("se", "s'") for w in words[: words.index(verb)]) if verb in words else False
    if verb in _IMPERSONAL_NEXT or verb in ("agit", "agissait", "agira", "agirait") or verb in _MUST:
        return True
    if verb in _MODALS and _modal_impersonal(rest):
        return True  # "il pourrait s'agir", "il va falloir", "il doit y avoir", "il peut être utile de"
    if reflexive and verb in _MAY_BE_THAT and len(rest) > 1 and rest[1].lower_.replace("\u2019", "'") in ("que", "qu'"):
        return True  # "il se peut que", "il se pourrait que", "il se trouve que"
    if verb in ("va", "allait", "ira", "irait") and "en" in words[: words.index(verb)] and len(rest) > 1 and (
            rest[1].lower_.replace("\u2019", "'") in ("de", "d'", "du", "des")):
        return True  # "il en va de même", "il en va du respect du droit"
    if verb in _IMPERSONAL_VERBS:
        return _impersonal_complement(verb, rest[1:])
    if verb in _WEATHER_MAKES and _weather(rest[1:]):
        return True  # "il fait beau", "il fera entre 8 et 10 degrés"
    if verb in _THERE_IS and len(rest) > 1 and rest[1].lower_ == "fallu":
        return True  # "Il avait fallu trois tentatives pour le réveiller"
    if verb in _THERE_IS and len(rest) > 1 and rest[1].lower_ in _IMPERSONAL_PARTICIPLES:
        # "il ne nous a manqué que deux voix", "il lui a suffi de présenter une facture"
        return _impersonal_complement(_IMPERSONAL_PARTICIPLES[rest[1].lower_], rest[2:])
    been = next((k for k, t in enumerate(rest[1:5], 1) if t.lower_ == "été"), None)
    if verb in _THERE_IS and been is not None and not any(t.pos_ in ("VERB", "AUX", "PRON") for t in rest[1:been]):
        # "Il avait (en effet) été prouvé que ...", "il a été décidé que ...", "il a été demandé aux voyagistes de
        # limiter ...": a compound passive whose subject is the "que" clause after it, or the infinitive after a
        # verb whose passive takes one (_IMPERSONAL_PASSIVES; not "Il a été accusé d'avoir menti": about him)
        after = next((t for t in rest[been + 1 : been + 4] if t.pos_ != "ADV"), None)
        return after is not None and after.pos_ == "VERB" and "Part" in morph_values(after, "VerbForm") and (any(
            c.dep_ in ("ccomp", "csubj", "csubj:pass") and any(
                m.dep_ == "mark" and m.lower_.replace("\u2019", "'") in ("que", "qu'") for m in c.children)
            for c in after.children) or after.lower_.startswith(_IMPERSONAL_PASSIVES) and _impersonal_passive(after))
    if verb in _BE:
        return _impersonal_be(rest[1:], reflexive)
    return False


def _impersonal_be(after_be: list[Token], reflexive: bool) -> bool:
    """What follows "il est" (or "il peut être") when "il" is no one: an adjective ("il est possible de"), a
    predicate ("il est temps"), a passive with the clause or the things it introduces ("il est conseillé de", "il
    est attendu 5 cm de neige"; not "il s'est chargé de"), a time of day ("il est un peu plus de 19h15")."""
    if _clock(after_be):
        return True
    # (past the adverbs and an adverbial phrase the clitics left a noun of: "il était en effet impossible de")
    after = [t for t in after_be[:3] if (t.pos_ != "ADV" or t.lower_ in _IMPERSONAL_PREDICATES) and not (
        t.dep_ == "obl:mod" and t.i > 0 and t.doc[t.i - 1].lower_ == "en" and t.doc[t.i - 1].head == t)]
    return bool(after) and (after[0].pos_ == "ADJ" or after[0].lower_ in _IMPERSONAL_PREDICATES
                            or not reflexive and (_impersonal_passive(after[0]) or _expected(after[0])))


# Verbs that take an infinitive after an impersonal "il" as after a person's: "il pourrait s'agir", "il va
# falloir", "il doit y avoir", "il commence à y avoir", "il risque d'y avoir".
_MODALS = frozenset({"peut", "pouvait", "pourra", "pourrait", "puisse", "doit", "devait", "devra", "devrait",
                     "va", "allait", "ira", "irait", "commence", "commençait", "risque", "risquait", "semble",
                     "semblait", "semblerait"})


def _modal_impersonal(rest: list[Token]) -> bool:
    """Whether the infinitive after a modal (_MODALS) is one whose "il" is no one: "s'agir", "falloir", "y
    avoir", or "être" with what makes "il est" impersonal (_impersonal_be)."""
    doc = rest[0].doc
    inf = next((t for t in rest[1:5] if (t.pos_ != "ADV" or t.lower_ == "falloir") and t.lower_.replace(
        "\u2019", "'") not in ("à", "de", "d'", "y", "pas", "plus", "jamais")), None)
    if inf is None or "Inf" not in morph_values(inf, "VerbForm") and inf.lower_ not in ("agir", "falloir", "avoir", "être"):
        return False
    before = doc[inf.i - 1].lower_.replace("\u2019", "'") if inf.i else ""
    if inf.lower_ == "falloir" or inf.lower_ == "agir" and before in ("s'", "se"):
        return True
    if inf.lower_ == "avoir":
        return before == "y"
    return inf.lower_ == "être" and _impersonal_be(rest[rest.index(inf) + 1 :], False)


# "se pouvoir", "se trouver" before "que": "il se peut que", "il se trouvait que".
_MAY_BE_THAT = frozenset({"peut", "pourrait", "pouvait", "pourra", "trouve", "trouvait"})


# "faire" in the weather's tenses, and what it makes the weather: "il fait beau", "il faisait nuit".
_WEATHER_MAKES = frozenset({"fait", "faisait", "fera", "ferait", "fit"})
_WEATHER_WORDS = frozenset({"beau", "froid", "chaud", "doux", "frais", "gris", "lourd", "sec", "humide", "nuit",
                            "jour", "soleil", "bon", "mauvais", "orageux", "nuageux", "sombre"})
# What may stand between "il fera" and its degrees: "entre 8 et 10 degrés", "jusqu'à 35 °C", "moins 5 degrés".
_AROUND_FIGURE = frozenset({"entre", "et", "à", "de", "d'", "jusqu'à", "jusqu'", "moins", "plus", "environ", "près",
                            "au", "maximum", "minimum", "-", "quelque", "quelques"})


def _weather(after: list[Token]) -> bool:
    """Whether what follows "il fait" is weather: a word of it ("beau", "froid", "nuit") or a temperature."""
    words = [t for t in after if t.pos_ != "ADV" or t.lower_ in _WEATHER_WORDS]
    if words and words[0].lower_ in _WEATHER_WORDS:
        return True
    for t in after[:8]:
        low = t.lower_.replace("\u2019", "'")
        if low in ("degrés", "degré", "°", "°c") or "°" in low and any(c.isdigit() for c in low):
            return any(x.like_num for x in after[: after.index(t)]) or any(c.isdigit() for c in low)
        if not (t.like_num or low in _AROUND_FIGURE or t.pos_ == "ADV"):
            return False
    return False


# Words that may stand between "il est" and the time of day: "il est un peu plus de 19h15", "il était presque minuit".
_ABOUT_TIME = frozenset({"un", "peu", "plus", "moins", "de", "d'", "environ", "près", "presque", "à", "peine", "déjà",
                         "bientôt", "tout", "juste", "exactement", "pile"})
_CLOCK = re.compile(r"\d{1,2}\s?h(?:\d{2})?")


def _clock(after: list[Token]) -> bool:
    """Whether what follows "il est" is a time of day: "19h15", "22 h", "8 heures", "midi", "minuit"."""
    for k, t in enumerate(after[:7]):
        low = t.lower_
        if _CLOCK.fullmatch(low) or low in ("midi", "minuit") or t.like_num and k + 1 < len(after) and (
                after[k + 1].lower_ in ("h", "heures", "heure")):
            return True
        if low not in _ABOUT_TIME and t.pos_ != "ADV":
            return False
    return False


# Verbs whose "il" stands for no one when what follows is what there is, lacks or seems, in any tense: "il
# manquait deux signatures", "il existait deux types", "il restera quelques exceptions", "il semblerait que",
# "il suffira de présenter", "il vaudrait mieux", "il paraissait possible de"; but "il restait introuvable",
# "il resterait au Kremlin", "il manquait à l'appel", "il semblait dire": a person. Each verb with what must
# follow it: a determiner or number ("det"), "que" ("que"), "de" ("de"), an adjective then "de"/"que" ("adj").
_IMPERSONAL_VERBS: dict[str, frozenset[str]] = {
    **{form: frozenset({"det", "adj", "que"}) for form in (  # ("il ne reste que", "il n'existe que")
        "manque", "manquait", "manquera", "manquerait", "manqua", "reste", "restait", "restera", "resterait",
        "resta", "existe", "existait", "existera", "existerait", "exista")},
    **{form: frozenset({"det", "de", "que"}) for form in (
        "suffit", "suffisait", "suffira", "suffirait")},
    **{form: frozenset({"que", "adj"}) for form in (
        "semble", "semblait", "semblera", "semblerait", "sembla", "paraît", "parait", "paraissait", "paraîtrait",
        "paraitrait")},
    **{form: frozenset({"que", "de", "adj"}) for form in ("importe", "importait")},
    **{form: frozenset({"mieux"}) for form in ("vaut", "valait", "vaudra", "vaudrait")},
    **{form: frozenset({"de", "que"}) for form in ("convient", "convenait", "conviendra", "conviendrait")},
    # "il s'avère que", "il s'avère nécessaire de", "il apparaît que", "il ne m'apparaît pas utile de" (not "il
    # s'avère être un escroc", "il apparaît fatigué")
    **{form: frozenset({"que", "adj"}) for form in (
        "avère", "avérait", "avérera", "avérerait", "apparaît", "apparait", "apparaissait", "apparaîtra")},
    # "il en ressort que", "il ressort de l'enquête que ..."; "il vous appartient de choisir", "il appartient au
    # juge de trancher" (not "il en ressort le soir même", "il appartient à un réseau")
    **{form: frozenset({"que", "later"}) for form in ("ressort", "ressortait", "ressortira")},
    **{form: frozenset({"de", "later"}) for form in ("appartient", "appartenait", "appartiendra", "appartiendrait")},
}
# Participles of those verbs after "avoir": "il a manqué deux voix", "il a suffi de", "il a semblé que".
_IMPERSONAL_PARTICIPLES = {"manqué": "manque", "suffi": "suffit", "semblé": "semble", "paru": "paraît",
                           "importé": "importe", "valu": "vaut", "convenu": "convient", "existé": "existe"}
_LINKING_ADVERBS = frozenset({"donc", "cependant", "toutefois", "pourtant", "alors", "encore", "toujours", "bien",
                              "plus", "pas", "aussi", "également", "désormais", "ainsi", "néanmoins", "enfin",
                              "peut-être", "visiblement", "apparemment", "parfois", "souvent", "même"})


def _impersonal_complement(verb: str, after: list[Token]) -> bool:
    """Whether what follows an impersonal verb (_IMPERSONAL_VERBS) is what its "il" introduces."""
    words = [t for t in after if (t.pos_ != "ADV" or t.lower_ in ("mieux", "que", "qu'", "qu\u2019"))
             and t.lower_ not in _LINKING_ADVERBS and not t.is_punct]
    if not words:
        return False
    first, kinds = words[0], _IMPERSONAL_VERBS[verb]
    low = first.lower_.replace("\u2019", "'")
    if "det" in kinds and (first.pos_ in ("DET", "NUM") or first.like_num or low in ("aucun", "aucune")) and (
            low not in ("au", "aux")):
        return True
    if "que" in kinds and low in ("que", "qu'"):
        return True
    if "de" in kinds and low in ("de", "d'", "du", "des"):
        return True
    if "mieux" in kinds and low == "mieux":
        return True
    if "later" in kinds and low in ("de", "d'", "du", "des", "à", "au", "aux") and any(
            t.dep_ == "mark" and t.lower_.replace("\u2019", "'") in ("de", "d'", "que", "qu'") and t.head.pos_ in ("VERB", "AUX")
            for t in first.doc[first.i + 1 : sentence_end(first)]):
        return True  # "il ressort de cette décision que", "il appartient au juge de trancher"
    return "adj" in kinds and first.pos_ == "ADJ" and len(words) > 1 and (
        words[1].lower_.replace("\u2019", "'") in ("de", "d'", "que", "qu'"))


# "avoir" after "il y": "il y a", "il y avait", "il n'y aura", "qu'il y ait"
_THERE_IS = frozenset({"a", "avait", "aura", "aurait", "eut", "ait", "eût", "avoir", "aurai", "ont"})
# "falloir", whose "il" is never anyone: "il faut", "il fallait", "il faudra", "il faudrait"
_MUST = frozenset({"faut", "fallait", "fallut", "faudra", "faudrait", "faille", "fallût"})


# English verbs whose "it" may stand for the clause that follows ("It is likely that ...", "It seems that",
# "It took three days to ...").
_DUMMY_IT_VERBS = frozenset({"is", "was", "'s", "be", "been", "being", "are", "were", "seems", "seemed", "seem",
                             "appears", "appeared", "remains", "remained", "became", "becomes", "takes", "took",
                             "take", "makes", "made"})


def _dummy_it(subj: Token) -> bool:
    """An English "it" that stands for no antecedent: the parser's expletive, or the subject of "be", "seem",
    "take" or a passive ("It was reported that ...", "It is expected to ...") with a "that", "to" or
    "whether" clause after the verb."""
    if subj.dep_ == "expl":
        return True
    verb = subj.head
    if verb.lower_ not in _DUMMY_IT_VERBS and not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return any(t.lower_ in ("that", "to", "whether", "if") and t.dep_ in ("mark", "aux")
               for t in subj.doc[verb.i + 1 : sentence_end(subj)])


def _impersonal_passive(participle: Token) -> bool:
    """"Il est conseillé aux plus de 80 ans de ...", "il est prévu que ...": a passive participle whose
    subject is the clause after it."""
    if participle.pos_ != "VERB" or "Part" not in morph_values(participle, "VerbForm") and not (
            participle.lower_.startswith(_IMPERSONAL_PASSIVES) and participle.lower_.endswith(("é", "u", "is", "it"))):
        return False  # (the tagger may read "interdit" after "il est" as "il interdit": a participle all the same)
    if any(c.dep_ in ("xcomp", "ccomp", "csubj", "csubj:pass") and any(
            m.dep_ == "mark" and m.lower_.replace("\u2019", "'") in ("de", "d'", "que", "qu'") for m in c.children)
           for c in participle.children):
        return True
    # The parser may hang the clause elsewhere after a long complement ("Il est conseillé aux plus de 80 ans
    # et aux patients atteints de ... de bien suivre les consignes"): a verb that takes one, and a "de" or
    # "que" opening an infinitive or a clause further on.
    return participle.lower_.startswith(_IMPERSONAL_PASSIVES) and any(
        t.dep_ == "mark" and t.lower_.replace("\u2019", "'") in ("de", "d'", "que", "qu'") and t.head.pos_ in (
            "VERB", "AUX") for t in participle.doc[participle.i + 1 : sentence_end(participle)])


def _expected(participle: Token) -> bool:
    """"Il est attendu 5 à 10 cm de neige", "il est prévu une hausse de 3 %": a participle of what is expected or
    planned whose subject is the number or the indefinite noun phrase right after it (not "il est attendu le 5
    mars", "il est attendu demain": he is; nor a length of time, "il est prévu trois jours à Lyon")."""
    if participle.pos_ not in ("VERB", "ADJ") or not participle.lower_.startswith(_EXPECTED):
        return False
    doc = participle.doc
    nxt = next((t for t in doc[participle.i + 1 : participle.i + 4] if t.pos_ != "ADV" and t.text != '"'), None)
    if nxt is None or not (nxt.like_num or nxt.lower_ in ("un", "une", "des", "du", "jusqu'à")):
        return False
    noun = next((t for t in doc[nxt.i + 1 : nxt.i + 6] if t.pos_ == "NOUN"), None)
    return noun is not None and noun.lower_ not in lx.DURATION_NOUNS


_EXPECTED = ("attendu", "prévu", "annoncé", "programmé", "envisagé")


# Verbs whose passive takes an impersonal "il" and a clause ("il est conseillé de", "il est prévu que"), by
# the stem of their participles (the pipeline runs no lemmatizer).
_IMPERSONAL_PASSIVES = ("conseill", "recommand", "déconseill", "demand", "prévu", "permis", "autoris", "interdit",
                        "exig", "propos", "décid", "envisag")


def _it_has_been(pronoun: Token) -> bool:
    """"Cela fait quatre fois que ...", "ça faisait deux ans que ...": a measure of time, no antecedent."""
    doc = pronoun.doc
    return pronoun.i + 1 < len(doc) and doc[pronoun.i + 1].lower_ in ("fait", "faisait", "fera") and any(
        t.lower_ in ("que", "qu'", "qu\u2019") for t in doc[pronoun.i + 2 : sentence_end(pronoun)])


_REFERRING_CE = frozenset({"c'", "ce", "cela", "ça", "ceci"})


# The stressed pronouns that take up a subject put first: "Les démissions, elles, ont grimpé", "Le maire, lui, a
# refusé".
_DOUBLING_PRONOUNS = frozenset({"lui", "elle", "eux", "elles"})
# Words a predicate may open with before its verb: the negation and the clitics ("Les prix, eux, ne baissent pas",
# "Le maire, lui, s'est tu").
_BEFORE_VERB = frozenset({"ne", "n'", "se", "s'", "y", "en", "l'", "le", "la", "les", "lui", "leur"})


def doubles_subject(pronoun: Token) -> bool:
    """Whether a stressed pronoun set off by commas between a noun phrase and its verb takes up that noun phrase
    ("Les démissions, elles, ont grimpé de 24 %", "Le maire, lui, a refusé"): it repeats the subject, it points
    back to nothing before the sentence. Not after a clause ("Le maire a parlé, elle, a refusé") nor before
    anything but the predicate."""
    doc = pronoun.doc
    i = pronoun.i
    if pronoun.lower_ not in _DOUBLING_PRONOUNS or i < 2 or i + 2 >= len(doc) or doc[i - 1].text != "," \
            or doc[i + 1].text != ",":
        return False
    before = doc[i - 2]
    if before.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") and not before.ent_type_:
        return False
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in morph_values(t, "VerbForm") for t in doc[sentence_start(pronoun) : i]):
        return False  # after a clause of its own, the pronoun may be someone else's
    verb = next((t for t in doc[i + 2 : min(i + 5, sentence_end(pronoun))] if t.lower_.replace("\u2019", "'") not in _BEFORE_VERB), None)
    return verb is not None and verb.pos_ in ("VERB", "AUX") and verb.i > i + 1 and (
        "Fin" in morph_values(verb, "VerbForm") or verb.dep_.startswith("aux"))


def taken_up(pronoun: Token) -> Token:
    """The noun phrase a doubling pronoun takes up (doubles_subject), the parser having hung it elsewhere
    ("Le maire, lui, a refusé" on "maire" as a modifier): the head of the words right before its comma; the
    pronoun itself when that head is no noun."""
    doc = pronoun.doc
    head = doc[pronoun.i - 2]
    start = sentence_start(pronoun)
    while head.head != head and start <= head.head.i < pronoun.i - 1:
        head = head.head
    return head if head.pos_ in ("NOUN", "PROPN") else pronoun
