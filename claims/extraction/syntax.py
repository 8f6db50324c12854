"""Language-independent features of a parsed span, for the check-worthiness scorers.

Everything here reads what any spaCy pipeline with a tagger/morphologizer, a parser and NER
provides, mapped to one vocabulary: Universal POS tags, Universal Features morphology (tense,
mood, person, verb form, polarity), dependency relations mapped from English ClearNLP labels and
French UD labels to shared names, and entity types mapped to PER/ORG/LOC/MISC (what the French
models tag). A model trained on English debates with these features scores French news with the
same weights: "a named organisation as subject of a past-tense finite verb with a number" means
the same thing in both languages.

It costs one walk over the span's tokens: no second parse, no lemmas (the lemmatizer is not
loaded, see nlp.py).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.checkworthiness import Signals
from claims.extraction.doccache import column, morph_column, morph_dict_at, morph_values, span_ents, span_text

# English (ClearNLP) and French (UD) relation labels -> one name. Relations left out carry no
# signal we could measure on the folds (det, case, punct...) or have no counterpart.
_DEP = {
    "nsubj": "subj", "nsubjpass": "subj_pass", "nsubj:pass": "subj_pass", "csubj": "csubj",
    "csubjpass": "csubj", "csubj:pass": "csubj", "expl": "expl", "expl:subj": "expl", "expl:pass": "expl",
    "dobj": "obj", "obj": "obj", "iobj": "iobj", "dative": "iobj", "ccomp": "ccomp", "xcomp": "xcomp",
    "advcl": "advcl", "relcl": "relcl", "acl:relcl": "relcl", "acl": "acl", "appos": "appos",
    "conj": "conj", "parataxis": "parataxis", "nummod": "nummod", "amod": "amod",
    "auxpass": "aux_pass", "aux:pass": "aux_pass", "agent": "agent", "obl:agent": "agent",
    "neg": "neg", "intj": "intj", "discourse": "intj", "mark": "mark", "poss": "poss", "nmod:poss": "poss",
    "compound": "compound", "flat:name": "compound", "attr": "cop_pred", "acomp": "cop_pred", "cop": "cop",
}
_ENTITY = {
    "PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
    "NORP": "MISC", "MISC": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "LAW": "MISC", "WORK_OF_ART": "MISC",
    "LANGUAGE": "MISC",
}
_POS = ("NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "PRON", "NUM", "ADP", "DET", "CCONJ", "SCONJ",
        "PART", "INTJ", "SYM", "X")
# Only these parts of speech carry the morphology read here (reading it costs; most tokens skip it).
_MORPH_POS = frozenset({"PRON", "VERB", "AUX", "ADJ", "ADV", "PART"})
_AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "auxpass", "cop"})
# Entity types of a number that counts or measures something (spaCy's English NER); DATE and TIME
# ("four years ago", "at 8:30") are not figures. "one"/"two" alone are mostly pronouns or articles
# ("one of the things", "the two go hand in hand"), "number two" an enumeration.
_FIGURE_ENTITIES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_NOT_A_FIGURE = re.compile(r"(?:number )?(?:one|two)|number (?:three|four|five|six|seven|eight|nine|ten)")
# Modal and future auxiliaries where the morphology does not say it: English tags them MD; French
# conditional and future are in the morphology, "pouvoir"/"devoir"/"falloir" are not (no lemmas).
_EN_FUTURE = frozenset({"will", "'ll", "shall", "wo", "gonna"})
_EN_CONDITIONAL = frozenset({"would", "could", "might", "should", "'d", "ought"})
_FR_MODAL_PREFIXES = ("peu", "pouv", "pourr", "puiss", "doi", "dev", "devr", "faut", "faudr", "fallai")
# The French morphologizer tags some simple futures as present or conditional ("augmenteront",
# "pleuvra"): their ending says it.
_FR_FUTURE = re.compile(r"\w{2,}r(?:ai|as|a|ons|ez|ont)$")


def _morph(tok: Token, key: str) -> set[str]:
    return set(morph_values(tok, key))


def _verb_group(tok: Token) -> list[Token]:
    """A verb with its auxiliaries: the tense of "has cut" / "a baissé" is read on both."""
    return [tok, *(c for c in tok.children if c.dep_ in _AUX_DEPS)]


def _tense_columns(doc: Doc) -> tuple[list[Any], ...]:
    """The columns _tense reads (Mood, Tense, VerbForm, lower_, tag_), fetched once per span."""
    return (morph_column(doc, "Mood"), morph_column(doc, "Tense"), morph_column(doc, "VerbForm"),
            column(doc, "lower_"), column(doc, "tag_"))


def _tense(group: list[Token], language: str, columns: tuple[list[Any], ...]) -> str:
    """past / present / future / conditional / nonfinite for a verb group (`columns`: _tense_columns)."""
    mood_of, tense_of, form_of, lower_of, tag_of = columns
    at = [t.i for t in group]
    forms = {lower_of[i] for i in at}
    moods = set().union(*(mood_of[i] for i in at))
    tenses = set().union(*(tense_of[i] for i in at))
    verb_forms = set().union(*(form_of[i] for i in at))
    if forms & _EN_FUTURE or "Fut" in tenses or language == "fr" and any(
            "Fin" in form_of[i] and _FR_FUTURE.match(lower_of[i]) for i in at):
        return "future"
    if forms & _EN_CONDITIONAL or "Cnd" in moods:
        return "conditional"
    if "Imp" in moods:
        return "imperative"
    # "a baissé" (aux present + past participle), "has fallen", "fell", "baissait".
    if "Past" in tenses or "Imp" in tenses or any(tag_of[i] in ("VBD", "VBN") for i in at):
        return "past"
    if "Pres" in tenses or any(tag_of[i] in ("VBZ", "VBP") for i in at):
        return "present"
    if "Fin" not in verb_forms and verb_forms:
        return "nonfinite"
    return "other"


def _subject_kind(verb: Token, children: list[Token]) -> str:
    subjects = [c for c in children if _DEP.get(c.dep_) in ("subj", "subj_pass", "csubj", "expl")]
    if not subjects:
        return "none"
    subj = subjects[0]
    if subj.pos_ == "PRON":
        person = _morph(subj, "Person")
        return "pron" + (min(person) if person else "3")
    if subj.ent_type_ in _ENTITY:
        return "ent_" + _ENTITY[subj.ent_type_]
    if _DEP.get(subj.dep_) == "csubj":
        return "clause"
    return subj.pos_.lower() if subj.pos_ in ("NOUN", "PROPN", "NUM") else "other"


def span_features(span: Span, language: str) -> dict[str, float]:
    """Features of one parsed sentence or clause, named identically in every language.

    One pass over the tokens, morphology read only where it matters: it runs for every candidate
    claim of every article (extraction throughput is measured against bare spaCy)."""
    feats: dict[str, float] = {}
    doc = span.doc
    # The token attributes as columns of the document (doccache.column): a Token only where one is needed.
    pos_of, dep_of, iob_of, type_of = column(doc, "pos_"), column(doc, "dep_"), column(doc, "ent_iob_"), column(
        doc, "ent_type_")
    punct, space, like_num, tag_of = column(doc, "is_punct"), column(doc, "is_space"), column(doc, "like_num"), column(
        doc, "tag_")
    lower_of = column(doc, "lower_")
    indices = range(span.start, span.end)
    words = [i for i in indices if not (punct[i] or space[i])]
    n = len(words)
    if not n:
        return {"len=0": 1.0}
    bucket = "1-5" if n < 6 else "6-11" if n < 12 else "12-24" if n < 25 else "25-39" if n < 40 else "40+"
    feats[f"len={bucket}"] = 1.0
    pos_counts: dict[str, int] = {}
    verbs: list[Token] = []
    for i in indices:
        pos = pos_of[i]
        if not (punct[i] or space[i]):
            pos_counts[pos] = pos_counts.get(pos, 0) + 1
        dep = _DEP.get(dep_of[i])
        if dep:
            feats[f"dep={dep}"] = 1.0
        if iob_of[i] == "B" and type_of[i] in _ENTITY:
            key = f"ent={_ENTITY[type_of[i]]}"
            feats[key] = min(2.0, feats.get(key, 0.0) + 1.0)
        if pos == "NUM" or like_num[i]:
            feats["number"] = 1.0
            if dep_of[i] == "nummod" and doc[i].head.pos_ == "NOUN":
                feats["number_counts_noun"] = 1.0
        if pos not in _MORPH_POS:
            continue
        morph = morph_dict_at(doc, i)
        if pos == "PRON":
            if "Person" in morph:
                feats[f"pron_person={morph['Person']}"] = 1.0
            if "Int" in morph.get("PronType", ""):
                feats["pron_interrogative"] = 1.0
        if morph.get("Polarity") == "Neg":
            feats["negation"] = 1.0
        if morph.get("Degree") in ("Cmp", "Sup"):
            feats[f"degree={morph['Degree']}"] = 1.0
        if tag_of[i] == "MD" or pos in ("VERB", "AUX") and language == "fr" and lower_of[i].startswith(
                _FR_MODAL_PREFIXES):
            feats["modal"] = 1.0
        if pos in ("VERB", "AUX") and dep_of[i] not in _AUX_DEPS:
            verbs.append(doc[i])
    for pos in _POS:
        if pos in pos_counts:
            feats[f"pos={pos}"] = min(1.0, pos_counts[pos] / n * 4)  # a quarter of the words saturates
    root = span.root
    children = list(root.children)
    feats[f"root_pos={root.pos_}"] = 1.0
    finite = 0
    tense_columns = _tense_columns(doc)
    for verb in verbs:
        tense = _tense(_verb_group(verb), language, tense_columns)
        feats[f"tense={tense}"] = 1.0
        finite += tense not in ("nonfinite", "other")
    if root.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in children):
        feats[f"root_tense={_tense(_verb_group(root), language, tense_columns)}"] = 1.0
    subject = _subject_kind(root, children)
    feats[f"root_subj={subject}"] = 1.0
    if root.pos_ == "VERB" and (subject == "none" and (
        "Imp" in _morph(root, "Mood") or root.tag_ == "VB" and root.i == words[0]
    ) or language == "fr" and _french_imperative(root, words, lower_of)):
        feats["imperative"] = 1.0  # "Let me...", "Vote for...", "Réservez..."
    if root.pos_ == "ADJ" or any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in children):
        feats["predicate_adjective"] = 1.0  # "it is terrible", "c'est formidable"
    feats["finite_clauses"] = min(finite, 4) / 4
    if not finite:
        feats["no_finite_verb"] = 1.0
    text = span_text(span).rstrip()
    if text.endswith("?"):
        feats["question_mark"] = 1.0
    if text.endswith("!"):
        feats["exclamation"] = 1.0
    text_of = column(doc, "text")
    if any(text_of[i] in ('"', "«", "»", "“", "”") for i in indices):
        feats["quotation_marks"] = 1.0
    return feats


# Object pronouns that may come before a French imperative's verb once "ne" opens it ("Ne lui prêtez pas",
# "N'en parlez pas"); "nous" and "vous" only after "ne" ("Ne vous inquiétez pas"): first, they are subjects.
_FR_IMPERATIVE_CLITICS = frozenset({"me", "m'", "te", "t'", "lui", "leur", "le", "la", "les", "l'", "en", "y"})


def _french_imperative(root: Token, words: list[int], lower_of: list[str]) -> bool:
    """Whether a French sentence is in the imperative: its main verb, in the first or second person plural
    ("-ons", "-ez"), opens it after nothing but "ne" and object pronouns ("Prenez vos précautions", "N'oubliez
    pas de voter", "Ne lui prêtez pas des intentions", "Ne vous inquiétez pas"), with no subject after it
    ("Avez-vous voté ?"). The tagger often reads such a verb as a present indicative of the third person,
    and the parser "vous" after "ne" as its subject, so neither the mood nor the subject tells."""
    after = root.i + 1
    if not lower_of[root.i].endswith(("ez", "ons")) or after < len(lower_of) and lower_of[after].startswith("-") or any(
            c.dep_.startswith("nsubj") and c.i > root.i for c in root.children):
        return False
    before = [lower_of[i].replace("\u2019", "'") for i in words if i < root.i]
    clitics = _FR_IMPERATIVE_CLITICS
    if before[:1] in (["ne"], ["n'"]):
        before, clitics = before[1:], clitics | {"nous", "vous"}
    return all(word in clitics for word in before)


def attach_parse(signals: Signals, span: Span, language: str) -> Signals:
    """Add the parse-derived features of `span` to the signals built for it (the one call the
    extraction pipeline makes): the trained scorer's features and the rule signals read on them."""
    feats = span_features(span, language)
    signals.syntax = feats
    signals.second_person = "pron_person=2" in feats
    signals.imperative = "imperative" in feats
    signals.evaluative = "predicate_adjective" in feats
    signals.future_tense = "root_tense=future" in feats or "root_tense=conditional" in feats
    if language == "en":  # fitted on English debates; French keeps the signals checked on its dev set
        signals.main_past = "root_tense=past" in feats
        signals.figure = any(e.label_ in _FIGURE_ENTITIES and not _NOT_A_FIGURE.fullmatch(e.text.lower())
                             for e in span.ents)
        _english_statement(signals, span)
    return signals


# Entity types of spaCy's English NER -> the Signals flag naming them.
NAMED = {"PERSON": "names_person", "ORG": "names_org", "GPE": "names_place", "NORP": "names_group",
          "LAW": "names_law"}
_DEGREE_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})
_QUANTIFIER_DEPS = frozenset({"det", "amod", "nsubj", "dobj", "pobj"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "'s"})
_PAST_AUX = frozenset({"did", "has", "have", "had"})


def _past_act(verb: Token) -> bool:
    """A verb in the past, or with an auxiliary that puts it there ("did not vote", "has not met")."""
    return verb.tag_ in ("VBD", "VBN") or any(
        c.dep_ == "aux" and (c.tag_ == "VBD" or c.lower_ in _PAST_AUX) for c in verb.children)


def _english_statement(signals: Signals, span: Span) -> None:
    """The general English signals (Signals.degree ... quantifier): the statement's grammar, the kinds
    of names it holds and who its main verb's subject is, read on the English parse (ClearNLP labels,
    Penn tags)."""
    doc = span.doc
    tag_of, dep_of, lower_of = column(doc, "tag_"), column(doc, "dep_"), column(doc, "lower_")
    indices = range(span.start, span.end)
    tags = {tag_of[i] for i in indices}
    deps = {dep_of[i] for i in indices}
    signals.degree = bool(tags & _DEGREE_TAGS)
    signals.modal = "MD" in tags
    signals.passive = "nsubjpass" in deps or "auxpass" in deps
    signals.existential = "expl" in deps
    signals.wh_adverb = "WRB" in tags
    signals.negated_past = any(lower_of[i] == "never" for i in indices) or any(
        dep_of[i] == "neg" and _past_act(doc[i].head) for i in indices)
    quantifiers = lx.QUANTIFIERS["en"]
    signals.quantifier = any(lower_of[i] in quantifiers and dep_of[i] in _QUANTIFIER_DEPS for i in indices)
    for ent in span_ents(span):
        if ent.label_ in NAMED:
            setattr(signals, NAMED[ent.label_], True)
    root = span.root
    children = [c for c in root.children if span.start <= c.i < span.end]
    signals.perfect = root.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in _PERFECT_AUX
                                                 for c in children)
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")), None)
    if subject is not None:
        word = subject.lower_
        signals.subject_i, signals.subject_we, signals.subject_you = word == "i", word == "we", word == "you"
        signals.subject_third = (word in ("he", "she", "they", "it") if subject.pos_ == "PRON"
                                 else subject.pos_ in ("NOUN", "PROPN"))
    signals.third_person_past = signals.main_past and signals.subject_third
    signals.i_past = signals.main_past and signals.subject_i
