"""Statements clearly attributed in their sentence that used to lose their claimant: a view given by "Pour X,"
when X is an organisation or someone described, a speech verb brought in by a verb of meaning to say ("a tenu
à préciser"), and a document whose author is named after a noun the lists lacked ("les calculs de ...")."""

from __future__ import annotations

from tests.extraction.test_attribution import claim


def test_a_point_of_view_given_by_pour_names_an_organisation_as_claimant() -> None:
    text = ("La mairie de Roquebelle a lancé un label d'hygiène l'an dernier. Pour l'association de locataires "
            "Habitat Juste, le label Propre-Table doit être revu en profondeur. Pour l'UNRC, ce dispositif "
            "reste une bonne idée. Pour le syndicat, la réforme est une erreur.")
    view = claim(text, "Propre-Table")
    assert view.claimant == "l'association de locataires Habitat Juste"
    assert view.text.startswith("Pour l'association de locataires Habitat Juste,")  # the phrase stays
    assert claim(text, "Pour l'UNRC").claimant == "UNRC"
    assert claim(text, "Pour le syndicat").claimant == "le syndicat"


def test_pour_before_a_time_a_place_a_beneficiary_or_a_figure_gives_no_claimant() -> None:
    text = ("La ligne de tramway de Roquebelle a rouvert lundi. Pour la première fois, les rames circulent la nuit. "
            "Pour les usagers de la ligne, les abonnements baisseront à la rentrée. Pour la région, la saison "
            "touristique est mauvaise. Pour l'UNRC, la grève a coûté 3 millions d'euros.")
    assert claim(text, "Pour la première fois").claimant == ""
    assert claim(text, "Pour les usagers").claimant == ""
    assert claim(text, "Pour la région").claimant == ""
    assert claim(text, "a coûté 3 millions").claimant == ""  # what it cost the federation, not its view


def test_pour_before_a_titled_name_or_investigators_names_them() -> None:
    text = ("Un incendie a détruit un entrepôt de Roquebelle dans la nuit. Pour le philosophe Paul Mirande, cette "
            "affaire est révélatrice. Pour les enquêteurs, la piste criminelle est privilégiée.")
    assert claim(text, "cette affaire").claimant == "Paul Mirande"
    assert claim(text, "la piste criminelle").claimant == "les enquêteurs"


def test_a_speech_verb_after_a_verb_of_meaning_to_say_attributes_the_statement() -> None:
    text = ("Le centre aquatique de Roquebelle restera fermé tout l'été pour travaux, a tenu à préciser jeudi 4 mai "
            "la maire de la commune, Sophie Dubreuil. Paul Verdier a voulu rappeler que la piscine avait coûté "
            "12 millions d'euros.")
    pool = claim(text, "tout l'été")
    assert pool.claimant == "Sophie Dubreuil"
    assert pool.text == "Le centre aquatique de Roquebelle restera fermé tout l'été pour travaux."
    assert claim(text, "12 millions").claimant == "Paul Verdier"


def test_a_verb_of_meaning_to_say_denied_or_with_an_act_attributes_nothing() -> None:
    text = ("Le maire Paul Verdier n'a pas souhaité préciser que le centre de Roquebelle serait fermé en 2024. "
            "Élu en 2014, l'ancien adjoint, Marc Rivière, a finalement préféré reprendre son métier de notaire dans "
            "le cabinet Dubois Frères.")
    assert claim(text, "serait fermé").claimant == ""
    act = claim(text, "métier de notaire")
    assert "a finalement préféré reprendre son métier de notaire dans le cabinet Dubois Frères" in act.text


def test_the_author_of_calculations_or_of_a_press_release_is_the_claimant() -> None:
    text = ("Les ménages de Roquebelle ont payé 1.200 euros de taxe foncière en 2023, selon les calculs de "
            "l'Observatoire Verdier. Les forêts de la vallée stockent moins de carbone qu'en 1990, selon un "
            "communiqué de presse du Cirval.")
    assert claim(text, "taxe foncière").claimant == "Observatoire Verdier"
    assert claim(text, "carbone").claimant == "Cirval"


def test_a_source_described_by_a_preposition_and_a_relative_pronoun_leaves_the_text_with_it() -> None:
    cand = claim("Le nombre de cambriolages a baissé de 12 % en mars, selon les chiffres de l'Observatoire Verdier, "
                 "pour qui la tendance devrait durer.", "cambriolages")
    assert cand.claimant == "Observatoire Verdier"
    assert cand.text == "Le nombre de cambriolages a baissé de 12 % en mars."  # not a dangling "pour qui ..."


def test_a_second_author_of_a_document_stays_with_the_first_as_claimant() -> None:
    cand = claim("Les ménages de Roquebelle travaillent pour l'État jusqu'au 27 juillet, selon les calculs de "
                 "l'Ifrel et du cabinet Dubois.", "27 juillet")
    assert cand.claimant == "Ifrel et cabinet Dubois"  # the phrase left out, neither author lost
