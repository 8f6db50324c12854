"""A personal pronoun the parser labels impersonal ("expl:subj") goes through the antecedent rules, and the
previous subject a pronoun is replaced by is never a medium, the topic of a "Quant à" aside, nor an "il" that
is no one."""

from __future__ import annotations

from tests.extraction.test_rewrite import one


def test_a_personal_il_the_parser_read_as_impersonal_is_the_person_named_before() -> None:
    claim = one("Le maire Paul Roux a inauguré le pont lundi. Il s'est agacé des 12 recours déposés contre le projet.",
                "recours")
    assert claim.text.startswith("Paul Roux s'est agacé")


def test_a_medium_subject_is_never_what_a_later_il_is_replaced_by() -> None:
    claim = one("Le Parisien a publié mardi une enquête sur le chantier. Il s'est agacé des 12 recours déposés "
                "contre le projet.", "recours")
    assert claim.text.startswith("Il s'est agacé") and claim.needs_context


def test_the_il_after_quant_a_is_its_topic_not_the_person_named_before() -> None:
    claim = one("Le ministre Paul Roux a défendu le texte. Quant au député Marc Dupin, il s'est agacé des 12 recours "
                "déposés.", "recours")
    assert claim.text.startswith("Quant au député Marc Dupin, il") and "Paul Roux" not in claim.text


def test_il_est_interdit_de_read_as_a_finite_verb_is_still_impersonal() -> None:
    claim = one("La mairie a fermé le parc. Il est interdit de s'en servir pour arroser 3 jardins.", "jardins")
    assert claim.text.startswith("Il est interdit") and not claim.needs_context
