"""Parse features of a span, named alike in English and French (extraction/syntax.py)."""

from __future__ import annotations

import pytest

from claims.extraction.nlp import nlp_for
from claims.extraction.syntax import span_features
from claims.extraction.training import sentence_signals

# The same statements in both languages: the features a model learns on one must fire on the other.
PAIRS = [
    # (English, French, features both must have)
    ("The government sent 25 tonnes of flour to Lebanon.", "Le gouvernement a envoyé 25 tonnes de farine au Liban.",
     {"tense=past", "root_tense=past", "root_subj=noun", "number", "number_counts_noun", "ent=LOC", "dep=obj"}),
    ("I think we will lower taxes.", "Je pense que nous allons baisser les impôts.",
     {"pron_person=1", "root_subj=pron1", "root_tense=present", "dep=ccomp"}),
    ("Prices could rise next year.", "Les prix pourraient augmenter l'année prochaine.",
     {"tense=conditional", "modal", "root_subj=noun"}),
    ("Taxes will rise in 2025.", "Les impôts augmenteront en 2025.", {"tense=future", "root_tense=future"}),
    ("Why did you not vote for it?", "Pourquoi n'avez-vous pas voté pour cela ?",
     {"question_mark", "negation", "pron_person=2"}),
    ("Emmanuel Macron met Joe Biden.", "Emmanuel Macron a rencontré Joe Biden.", {"ent=PER", "root_subj=ent_PER"}),
]


def parsed(text: str, language: str):  # type: ignore[no-untyped-def]
    nlp, _ = nlp_for(language)
    return nlp(text)[:]


@pytest.mark.parametrize(("english", "french", "shared"), PAIRS)
def test_it_names_the_same_structure_alike_in_english_and_french(english: str, french: str, shared: set[str]) -> None:
    en = span_features(parsed(english, "en"), "en")
    fr = span_features(parsed(french, "fr"), "fr")
    assert shared <= set(en), sorted(en)
    assert shared <= set(fr), sorted(fr)


def test_it_reads_commands_and_judgements() -> None:
    assert "imperative" in span_features(parsed("Vote for change on Tuesday.", "en"), "en")
    assert "imperative" in span_features(parsed("Réservez vos places dès maintenant.", "fr"), "fr")
    assert "predicate_adjective" in span_features(parsed("C'est formidable.", "fr"), "fr")
    assert "predicate_adjective" in span_features(parsed("That is terrible.", "en"), "en")


@pytest.mark.parametrize(("text", "imperative"), [
    # the tagger reads these verbs as a present indicative: the imperative is their place and person
    ("Ne lui prêtez pas des intentions qu'elle n'a pas.", True),
    ("N'oubliez pas de voter dimanche à Lyon.", True),
    ("Prenez vos précautions avant de partir en vacances.", True),
    ("Ne vous inquiétez pas pour la rentrée scolaire.", True),
    # a subject before the verb, or a verb not in the first or second person plural: a statement
    ("Nous prenons nos précautions depuis le mois de janvier.", False),
    ("Vous prenez le train de 8 heures pour Lyon.", False),
    ("Prenez-vous le train de 8 heures pour Lyon ?", False),  # a question
    ("Le maire a annoncé que les travaux commençaient lundi.", False),
])
def test_a_french_verb_that_opens_its_sentence_in_the_plural_persons_is_an_imperative(text: str,
                                                                                       imperative: bool) -> None:
    assert ("imperative" in span_features(parsed(text, "fr"), "fr")) is imperative


def test_the_pipeline_attaches_them_to_every_candidates_signals() -> None:
    [fr] = sentence_signals(["Réservez vos places pour le concert de samedi."], "fr")
    assert fr.imperative and fr.syntax.get("imperative") == 1.0
    [en] = sentence_signals(["Did you see what you did to them?"], "en")
    assert en.second_person and "pron_person=2" in en.syntax
    assert not en.imperative


def test_an_empty_span_has_a_length_and_nothing_else() -> None:
    nlp, _ = nlp_for("en")
    assert span_features(nlp("   ")[:], "en") == {"len=0": 1.0}
