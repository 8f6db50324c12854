"""Speech verbs: whether a word reports speech ("a déclaré", "s'alarme de", "a fait état de"), with
the tests its place in the sentence needs (finite, negated, right after a quotation or a comma, its
subjects), whether it reports what was said ("assure que ...") and whether it is an appeal ("a appelé
à voter"). `fold` compares French stems without their accents."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from claims.extraction import lexicon as lx
from claims.extraction.doccache import column, morph_values, sentence_end, sentence_start

PRONOUN_VERB = re.compile(r"-t-(il|elle|ils|elles|on)\b|\b\w+-(il|elle|ils|elles|on)\b", re.IGNORECASE)


def fold(word: str) -> str:
    """French stems change their accent with the ending (révéler, il révèle; répéter, il répète): prefixes
    are compared without it."""
    return word.replace("é", "e").replace("è", "e").replace("ê", "e")


# (id of a lexicon, language) -> its prefixes folded. The lexicons are module constants, never freed: keyed by
# the prefixes themselves, the cache would hash the whole tuple on every call, for most words of a tail.
_FOLDED: dict[tuple[int, str], tuple[str, ...]] = {}


def _folded(lexicon: dict[str, tuple[str, ...]], language: str) -> tuple[str, ...]:
    """A lexicon's prefixes for a language, folded (fold)."""
    key = (id(lexicon), language)
    folded = _FOLDED.get(key)
    if folded is None:
        folded = _FOLDED[key] = tuple(fold(p) for p in lexicon.get(language, ()))
    return folded


def says(word: str, language: str) -> bool:
    """Whether a word, read alone (a title has no parse), is a speech verb's form: "assure", "Déclare", "estime"."""
    return fold(word.lower()).startswith(_folded(lx.SPEECH_PREFIXES, language))


def _speech_verb(tok: Token, language: str, lexicon: dict[str, tuple[str, ...]] = lx.SPEECH_PREFIXES) -> bool:
    prefixes = _folded(lexicon, language)
    word = fold(tok.lower_.lstrip("-"))
    if lexicon is lx.SPEECH_PREFIXES and word.startswith(_folded(lx.REPORTING_VERBS, language)) \
            and (tok.pos_ == "VERB" or after_quotation(tok)):
        # "se serait plaint le président": a verb only, never the noun ("une plainte", "un souhait"); right
        # after '"...",' the word is the verb however it was tagged ("tempère", "analyse" read as adjective, noun)
        return True
    if _locution(tok, language) or lexicon is lx.SPEECH_PREFIXES and _reflexive_report(tok, language):
        return True
    if _pronominal_event(tok, word, language):
        return False
    # (the prefixes first: most words have none, and _before_inverted_pronoun reads the words after)
    return word.startswith(prefixes) and (tok.pos_ in ("VERB", "AUX", "NOUN", "ADJ") or _before_inverted_pronoun(tok)) \
        and tok.is_alpha


def _locution(tok: Token, language: str) -> bool:
    """"a fait état de 49 nouveaux cas", "a mis en garde contre": a verb whose next words make a locution of
    saying (lexicon.SPEECH_LOCUTIONS), which states what follows as a speech verb does; or the locution's
    last word when the parser made it the head ("a déjà fait savoir que": "savoir" the root, "fait" its
    auxiliary)."""
    if tok.pos_ not in ("VERB", "AUX", "NOUN"):
        return False
    lower = column(tok.doc, "lower_")
    i = tok.i
    return any(tok.pos_ != "NOUN" and lower[i].startswith(forms) and tuple(lower[i + 1 : i + 1 + len(words)]) == words
               or lower[i] == words[-1] and i >= len(words) and tuple(lower[i - len(words) + 1 : i + 1]) == words
               and lower[i - len(words)].startswith(forms) and tok.doc[i - len(words)].pos_ in ("VERB", "AUX")
               for forms, words in lx.SPEECH_LOCUTIONS.get(language, ()))


_REFLEXIVE_PRONOUNS = frozenset({"se", "s'", "s\u2019", "me", "m'", "m\u2019", "te", "t'", "nous", "vous"})


def _reflexive_report(tok: Token, language: str) -> bool:
    """"La maire s'alarme de la fermeture de trois classes", "les élus se demandent si la ligne rouvrira": a
    verb of lexicon.REFLEXIVE_REPORTING_VERBS with its reflexive pronoun reports what its subject states or
    asks, with "de" and a noun as with a clause; without the pronoun it is an act ("a demandé un prêt")."""
    return tok.pos_ == "VERB" and fold(tok.lower_).startswith(_folded(lx.REFLEXIVE_REPORTING_VERBS, language)) \
        and any(c.lower_ in _REFLEXIVE_PRONOUNS and c.i < tok.i and c.dep_.startswith(("expl", "obj", "iobj"))
                for c in tok.children)


_THIRD_PERSON_REFLEXIVES = frozenset({"se", "s'", "s\u2019"})


def _pronominal_event(tok: Token, word: str, language: str) -> bool:
    """"Un incendie s'est déclaré dans la nuit", "le trafic s'annonce perturbé", "la hausse se confirme": a speech
    verb of lexicon.PRONOMINAL_EVENT_VERBS with "se" before it tells what happened, its subject says nothing
    ("déclarer" with an attribute or a side does: "il s'est déclaré favorable", "s'est déclaré contre"). Not right after a quotation, where any
    verb introduces it. `word` is the verb folded."""
    if not word.startswith(_folded(lx.PRONOMINAL_EVENT_VERBS, language)) or after_quotation(tok):
        return False
    if not any(c.lower_ in _THIRD_PERSON_REFLEXIVES and c.i < tok.i and c.dep_.startswith(("expl", "obj", "iobj"))
               for c in tok.children):
        return False
    return not (word.startswith("declar") and any(
        c.dep_ in ("xcomp", "obj") or c.dep_.startswith("obl") and any(
            m.dep_ == "case" and (m.lower_ in ("contre", "pour") or m.lower_ == "en" and c.lower_ == "faveur")
            for m in c.children) for c in tok.children))


# Whether a verb reports speech ("déclare", "a affirmé", "révèle"), for the claims that only attribute (needs_context._only_attributes).
speech_verb = _speech_verb


def _before_inverted_pronoun(tok: Token) -> bool:
    """'Carton rouge", lance-t-elle.': a word right before an inverted subject pronoun is a verb, however the
    tagger read it (here a proper noun)."""
    doc = tok.doc
    return tok.i + 1 < len(doc) and _INVERTED_PRONOUN.fullmatch(column(doc, "lower_")[tok.i + 1]) is not None \
        and bool(PRONOUN_VERB.search(doc[tok.i : tok.i + 3].text))


# The word after a verb whose subject pronoun is inverted ("lance-t-elle", "dit-il").
_INVERTED_PRONOUN = re.compile(r"-(t-?)?(il|elle|ils|elles|on)?")


def negated(tok: Token) -> bool:
    """"Voltaire n'a jamais écrit cette phrase": a denied statement attributes nothing to its subject."""
    return any(c.lower_ in ("ne", "n'", "not", "n't", "never") for c in tok.children)


def after_quotation(tok: Token) -> bool:
    """'"...", a jugé dimanche X', '"...", s'est-il vanté', '"...", a d'abord proposé X': the verb comes right
    after a closing quotation mark and a comma (past its auxiliary, reflexive, inverted pronoun, adverbs)."""
    i = _before_verb_group(tok)
    return i > 0 and tok.doc[i].text == "," and tok.doc[i - 1].text == '"'


def _after_comma(tok: Token) -> bool:
    """"Les ventes ont baissé, précise la fédération, qui réclame des aides": the verb comes right after a
    comma (past its auxiliary, reflexive, inverted pronoun, adverbs), its subject after it."""
    i = _before_verb_group(tok)
    return i > 0 and tok.doc[i].text == ","


def _before_verb_group(tok: Token) -> int:
    """The index of the word before the verb's group (its auxiliary, reflexive, inverted pronoun, adverbs)."""
    i = tok.i - 1  # the parser may have started a sentence at the verb: look back in the document
    while i > 0 and tok.i - i <= 5 and (tok.doc[i].pos_ == "AUX" or tok.doc[i].lower_ in ("a", "ont", "avait", "se", "s'")
                                        or tok.doc[i].text.startswith("-") or _adverb_before_verb(tok.doc[i])):
        i -= 1
    return i


def _adverb_before_verb(tok: Token) -> bool:
    """"a notamment déclaré", "a d'abord proposé", "a encore plaidé": an adverb between the auxiliary and the
    verb (not a negation: "n'a pas dit" is no attribution)."""
    if _before_inverted_pronoun(tok):
        return False  # '", estime-t-il': the verb, whatever its tag
    return (tok.pos_ == "ADV" or tok.dep_ == "advmod") and tok.lower_ not in lx.NEGATIONS and tok.is_alpha or \
        tok.lower_ == "d'" and tok.dep_ == "advmod" or _adverbial_locution_word(tok)


def _adverbial_locution_word(tok: Token) -> bool:
    """"a-t-il par ailleurs révélé", "a-t-elle en outre déclaré", "a-t-il de nouveau affirmé": a preposition
    and the adverb or fixed word it opens, in lower case, form an adverb between the auxiliary and the verb (the
    parser reads them every way after an inverted pronoun: a case, a fixed expression, an adverbial). Either
    word of the pair."""
    doc = tok.doc
    if not (tok.is_alpha and tok.is_lower):
        return False
    if tok.i > 0 and (tok.dep_ == "fixed" or tok.pos_ == "ADV") and _opens_adverbial_locution(doc[tok.i - 1]):
        return True
    return _opens_adverbial_locution(tok)


def _opens_adverbial_locution(tok: Token) -> bool:
    """Whether a lower-case preposition opens a two-word adverb with the next word: "par ailleurs", "en outre"."""
    doc = tok.doc
    if tok.pos_ != "ADP" or not (tok.is_alpha and tok.is_lower) or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    return nxt.is_alpha and nxt.is_lower and (nxt.dep_ == "fixed" and nxt.head.i == tok.i
                                              or nxt.pos_ == "ADV" and tok.head.i == nxt.i)


def finite_word(tok: Token) -> bool:
    """Whether a word is a finite verb or auxiliary."""
    return tok.pos_ in ("VERB", "AUX") and "Fin" in morph_values(tok, "VerbForm")


def finite_in(tokens: Iterable[Token]) -> bool:
    """Whether some words hold a finite verb or auxiliary: a clause of their own."""
    return any(finite_word(t) for t in tokens)


def finite(verb: Token) -> bool:
    """A finite verb, or a participle with its finite auxiliary ("a répondu", "s'est défendue"): a clause of
    its own, with a subject; a verb before its inverted pronoun is finite however it was tagged ("fait-il")."""
    return "Fin" in morph_values(verb, "VerbForm") or verb.i > 0 and verb.doc[verb.i - 1].pos_ == "AUX" or any(
        c.dep_.startswith("aux") and "Fin" in morph_values(c, "VerbForm") for c in verb.children) \
        or _before_inverted_pronoun(verb)


# Verbs of meaning to say something, with the word that brings in the infinitive said ("" for none): "a tenu
# à préciser", "a voulu rappeler", "a souhaité souligner", "a préféré nuancer", "s'est empressé de démentir".
# The infinitive is what was said, the verb's subject who said it.
_INTENT_VERBS = ((("tenu", "tenue", "tenus", "tenues", "tient", "tiennent", "tenait", "tenaient"), ("à",)),
                 (("voulu", "voulue", "veut", "veulent", "voulait", "voulaient"), ("",)),
                 (("souhait",), ("",)), (("préfér", "préfèr"), ("",)),
                 (("empress",), ("de", "d'")))


def intended_saying(verb: Token, after: Token | None, then: Token | None, language: str) -> Token | None:
    """"La ministre a tenu à préciser que ...", "..., a-t-il voulu rappeler": a verb of meaning to say, then
    (past "à"/"de" when it takes one) a speech verb's infinitive: that infinitive, which reports the statement
    (`after` and `then` are the two words after the verb); None otherwise. Not in the conditional nor the
    future ("voudrait préciser", "souhaitera annoncer": what is not said yet), nor denied ("n'a pas souhaité
    réagir": nothing said)."""
    if language != "fr" or after is None or negated(verb) \
            or {"Cnd"} & set(morph_values(verb, "Mood")) or {"Fut"} & set(morph_values(verb, "Tense")):
        return None
    word = verb.lower_
    for forms, markers in _INTENT_VERBS:
        if not word.startswith(forms) or word.endswith(("rait", "raient", "ra", "ront")):
            continue
        said = after if "" in markers else then if after.lower_ in markers else None
        if said is not None and "Inf" in morph_values(said, "VerbForm") and speech_verb(said, language):
            return said
    return None


def intent_before(verb: Token) -> Token | None:
    """The verb of meaning to say whose infinitive a speech verb is ("tenu" of "a tenu à préciser", "voulu" of
    "a-t-il voulu rappeler"), read by position (one or two words before it), else None."""
    doc = verb.doc
    for k in (verb.i - 1, verb.i - 2):
        if k > sentence_start(verb):
            said = intended_saying(doc[k], doc[k + 1], doc[k + 2] if k + 2 < len(doc) else None, "fr")
            if said is not None and said.i == verb.i:
                return doc[k]
    return None


def _subject_holders(verb: Token) -> list[Token]:
    """The children a speech verb's subject may hang from: the verb's own, and its auxiliary's when the parser
    hung the subject there ("La chanteuse a assuré": "chanteuse" the subject of "a", tagged a verb)."""
    aux = [c for c in verb.children if c.dep_ == "aux:tense" and c.i < verb.i]
    # "Le ministère a d'ailleurs fait savoir que": the locution's verb tagged an auxiliary and made the head,
    # with the subject, of its last word
    if verb.dep_ == "xcomp" and verb.head.pos_ == "AUX" and verb.head.i < verb.i:
        aux.append(verb.head)
    intent = intent_before(verb)  # "La ministre a tenu à préciser que": the subject is the intent verb's
    if intent is not None:
        return [*verb.children, *(c for c in intent.children if c.dep_.startswith("nsubj") and c.i < intent.i)]
    # (not a pronoun: one hung there, "Il a par ailleurs rappelé que", stays unattributed as before;
    # read from the context it was someone else than the speaker in the sentences tried)
    return [*verb.children, *(c for a in aux for c in a.children if c.i < a.i and c.pos_ not in ("PRON", "DET", "ADV")),
            *_shared_subjects(verb)]


def _shared_subjects(verb: Token) -> list[Token]:
    """"Il met en vente sa villa et assure qu'il quittera la France": a verb coordinated to an earlier one with
    no subject of its own has that verb's subject (the parser hangs it on the first verb only). Only with a
    conjunction: after a bare comma the verb closes the clause before it ("Le magasin a fermé, a confirmé ...")."""
    if verb.dep_ != "conj" or verb.head.i >= verb.i or any(c.dep_.startswith("nsubj") for c in verb.children) \
            or not any(c.dep_ == "cc" for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ == "nsubj" and c.i < verb.head.i]


# Words that make a conjunction of "que" ("alors que", "pour que", "bien que"): the clause after it is a
# circumstance of the verb, not what was said.
_QUE_LOCUTIONS = frozenset({"alors", "pour", "bien", "avant", "sans", "afin", "tandis", "dès", "parce", "ainsi",
                            "après", "depuis", "pendant", "même", "si", "encore", "tant", "lors", "à", "de", "jusqu'"})


def _que_clause(verb: Token) -> bool:
    """'a assuré vendredi lors du 75e anniversaire ... que l'Amérique "triompherait"': a clause opened by
    "que" that the parser hung on the verb as a circumstance (advcl), however far after it: what was said."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i:
            continue
        mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ in ("que", "qu'")), None)
        if mark is not None and mark.i > verb.i and doc[mark.i - 1].lower_ not in _QUE_LOCUTIONS \
                and doc[mark.i - 1].pos_ not in ("ADV", "SCONJ", "CCONJ", "PUNCT"):
            return True
    return False


# Verbs that call something by the words quoted after "de" or "comme".
_CALLING = ("qualifi", "decri", "described", "called")


def _quoted_clause_in(noun: Token) -> bool:
    """Whether a noun's relative clause quotes a verb: "une décision qui « valide l'intégralité du texte »" (not
    a term quoted, "les « mensonges » du traité")."""
    doc = noun.doc
    for clause in (c for c in noun.children if c.dep_ == "acl:relcl"):
        # (the parser may hang the marks on the main verb: the clause's words and one word on either side)
        words = list(doc[max(0, clause.left_edge.i - 1) : min(len(doc), clause.right_edge.i + 2)])
        marks = [k for k, t in enumerate(words) if t.text in lx.QUOTE_MARKS]
        if len(marks) >= 2 and any(t.i == clause.i or t.pos_ in ("VERB", "AUX") for t in words[marks[0] + 1 : marks[-1]]):
            return True  # (the clause's head quoted, whatever the tagger made of it: "valide" read as an adjective)
    return False


def _reports_content(tok: Token, language: str, by_verb: bool = True) -> bool:
    """Whether a speech verb with a subject reports what was said: a verb whose object is the statement
    ("a annoncé la fermeture"), an inverted subject after the clause said, or any other verb followed by
    a clause ("a lancé que ..."), an infinitive ("a promis de ..."), a colon or a quotation ("a écrit sur
    Twitter : « ... »"). Without them it is an act ("a lancé un appel", "a écrit un livre"). Without
    `by_verb`, a statement verb too needs them (reaction_only)."""
    if by_verb and (_speech_verb(tok, language, lx.STATEMENT_VERBS) or _reflexive_report(tok, language)):
        return True
    if any(c.dep_.startswith("nsubj") and c.i > tok.i for c in tok.children) or after_quotation(tok):
        return True  # "..., a assuré le ministre": an inverted subject reports the clause before it
    if language == "en" and tok.lower_.startswith("report") and any(
            c.dep_ == "dobj" and any(g.dep_ == "nummod" or g.like_num for g in c.children) for c in tok.children):
        return True  # "the health ministry reported 810 deaths": figures reported are a statement
    if any(c.dep_ in ("ccomp", "parataxis") for c in tok.children) or _que_clause(tok):
        return True
    if any(c.dep_ == "xcomp" and c.pos_ == "VERB" and any(m.lower_ in ("de", "d'", "to") for m in c.children)
           for c in tok.children):
        return True
    if any(c.dep_ == "xcomp" and c.pos_ == "VERB" and any(m.lower_ in ("avoir", "être") and m.dep_.startswith("aux")
                                                          for m in c.children) for c in tok.children):
        return True  # "assure avoir récolté 1,5 million", "affirme être innocent": a past infinitive states
    if _speech_verb(tok, language, lx.CONTENT_ONLY_VERBS) and any(
            c.dep_ == "xcomp" and c.i > tok.i and "Inf" in morph_values(c, "VerbForm")
            and not any(m.dep_ in ("case", "mark") for m in c.children) for c in tok.children):
        # "assure ce vendredi ne pas vouloir se présenter": after a verb that reports only a content, a bare
        # infinitive is what was said (not after a wish: "souhaite partir en vacances" is no statement)
        return True
    if fold(tok.lower_).startswith(_CALLING) and any(
            t.lower_ in ("de", "d'", "comme", "as") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in lx.QUOTE_MARKS
            for t in tok.doc[tok.i + 1 : min(tok.i + 12, sentence_end(tok))]):
        return True  # "a qualifié ce cambriolage de « classique »", "avait décrit X comme « le seul homme d'Etat »"
    if any(c.dep_ == "obj" and c.i > tok.i and _quoted_clause_in(c) for c in tok.children):
        return True  # "a salué une décision qui « valide l'intégralité du texte »": what it says, in their words
    after = tok.doc[tok.i + 1 : min(tok.i + 6, sentence_end(tok))]
    term = False  # inside 'a poursuivi pour "escroquerie"', 'dans "Le Monde"': a term or a title quoted, not what was said
    for t in after:
        if t.text in ('"', "«", "“", "»", "”") and (term or tok.doc[t.i - 1].pos_ == "ADP"):
            term = not term
            continue
        if term:
            continue
        if t.lower_ in ("que", "qu'", "that", ":", '"', "«", "“"):
            return True
        if t.dep_ == "obj" or t.text in (",", "."):
            return _que_after_circumstances(tok)
    return _que_after_circumstances(tok)


# What may stand between a speech verb and the "que" of what was said: when, where, to whom, through what.
_CIRCUMSTANCE_POS = frozenset({"ADP", "DET", "NOUN", "PROPN", "ADJ", "ADV", "NUM", "PUNCT"})


def _que_after_circumstances(verb: Token) -> bool:
    """'a confié, en mai, sur le plateau de TF1 qu'il allait quitter l'émission': a "que" after the verb's
    circumstances set off by commas (a date, a place, a medium; no object, no other verb, no conjunction)
    opens what was said, however the parser hung it ("qu'" read as a relative pronoun of "TF1")."""
    doc = verb.doc
    for t in doc[verb.i + 1 : min(verb.i + 20, sentence_end(verb))]:
        if t.lower_ in ("que", "qu'", "qu\u2019"):
            if t.dep_ == "obj" and not any(c.dep_ == "obj" and c.i != t.i or c.dep_ == "xcomp" and any(
                    g.dep_ == "obj" for g in c.children) for c in t.head.children):
                return False  # "dans l'entretien qu'il a accordé": the object of a relative clause
            before = doc[t.i - 1]
            # (a title in quotation marks on the way, 'sur le plateau de "TV Mag"', is closed before it)
            return before.i > verb.i and before.lower_ not in _QUE_LOCUTIONS and before.pos_ not in (
                "ADV", "SCONJ", "CCONJ") and before.text not in (".", ";", ":") \
                and doc[verb.i + 1 : t.i].text.count('"') % 2 == 0
        if t.pos_ not in _CIRCUMSTANCE_POS or t.dep_ == "obj" or t.text in (".", ";", ":", "«", "(") \
                or t.lower_ in ("qui", "dont", "où"):
            return False
    return False


# Verbs of an appeal: "a appelé tout le monde à participer", "a exhorté les élus à voter", "a invité les
# habitants à rester chez eux": a public statement of what others should do.
_APPEAL_STEMS = {"fr": ("appel", "appell", "exhort", "incit", "invit", "encourag", "enjoi"), "en": ("urg", "call")}


def _appeal(verb: Token, language: str) -> bool:
    """An appeal verb with an infinitive after "à" ("to"): a statement, whose subject makes it."""
    if not verb.lower_.startswith(_APPEAL_STEMS.get(language, ())) or verb.dep_ in ("acl", "acl:relcl", "advcl") \
            or any(c.dep_ == "aux:pass" for c in verb.children):
        return False  # (an appeal in a clause about someone is not the sentence's statement; "X a été invitée à
        # se produire" is who was asked)
    if _appeal_for(verb, language):
        return True
    # (the infinitive may hang on whom the verb urges: "a incité les habitants à rester" read "habitants à rester")
    urged = [g for c in verb.children if c.dep_ == "obj" for g in c.children]
    return any(c.pos_ == "VERB" and "Inf" in morph_values(c, "VerbForm") and c.i > verb.i
               and any(m.lower_ in ("à", "to") for m in c.children if m.dep_ == "mark")
               for c in [*verb.children, *urged])


# The verbs whose appeal may name what is called for by a noun: "a appelé à la grève", "appelle au calme".
_APPEAL_FOR_STEMS = {"fr": ("appel", "appell"), "en": ()}


def _appeal_for(verb: Token, language: str) -> bool:
    """'Le député a appelé à un « sursaut »', "la CGT appelle à la grève": "appeler à" with a noun calls for
    something in public as with an infinitive; not a time nor a figure ("a appelé à 8 heures": a call made)."""
    return verb.lower_.startswith(_APPEAL_FOR_STEMS.get(language, ())) and any(
        c.dep_ == "obl:arg" and c.pos_ == "NOUN" and c.i > verb.i and c.lower_ not in lx.TIME_NOUNS
        and not any(g.pos_ == "NUM" for g in c.children)
        and any(g.dep_ == "case" and g.lower_ in ("à", "au", "aux") for g in c.children) for c in verb.children)


def reaction_only(words: Iterable[Token], language: str, drop: list[tuple[int, int]]) -> bool:
    """"Le maire a réagi à l'incendie", "La ministre réagissait à l'annonce": a sentence whose only speech verb
    tells that its subject reacted (lexicon.REACTION_VERBS), with no clause, quotation or colon after it, says
    that they spoke, not what: it has no claimant, though its subject is who the quotations after it are from.
    Not when another speech verb says what ("a réagi sur Twitter pour dénoncer ...", "a réagi, affirmant que
    ..."), nor a quotation or a tail left out of the text (`drop`: '"...", a réagi le maire')."""
    if drop:
        return False
    words = list(words)
    if any(t.text in ('"', "«", "»", ":") for t in words):
        return False
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX") and speech_verb(t, language)]
    reacting = _folded(lx.REACTION_VERBS, language)  # (the verb itself: not a locution, "a fait état de")
    return bool(verbs) and all(fold(t.lower_).startswith(reacting) and finite(t)
                               and not _reports_content(t, language, by_verb=False) for t in verbs)
