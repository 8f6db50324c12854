"""Claimants judges found wrong or missing: a pronominal verb that tells of an event ("un incendie s'est
déclaré"), a party's view after "Pour", a park as a source, a firm named after its class noun, a news site
written as its web address, the issuer of a communiqué the article goes on quoting."""

from __future__ import annotations

import pytest

from tests.extraction.test_attribution import claim


# A speech verb with "se" that tells what happened: its subject is a thing, no claimant.
@pytest.mark.parametrize(("text", "words"), [
    ("Un violent incendie s'est déclaré vers 3 heures dans un entrepôt de Lisieux.", "entrepôt"),
    ("Le public applaudissait lorsqu'un incendie s'est déclaré dans la salle, en présence de 300 spectateurs.", "300"),
    ("Au 12e jour de grève, le trafic s'annonce encore très perturbé lundi sur les lignes de RER.", "RER"),
    ("La reprise se confirme dans l'industrie avec 4 % de commandes en plus en mars.", "4 %"),
])
def test_a_pronominal_verb_of_an_event_makes_no_claimant(text: str, words: str) -> None:
    assert claim(text, words).claimant == ""


@pytest.mark.parametrize("text", [
    "Le sénateur s'était déclaré contre la fermeture des trois maternités du département en 2018.",
    "Le sénateur s'était déclaré favorable à la fermeture des trois maternités du département en 2018.",
])
def test_declaring_oneself_for_or_against_is_a_statement(text: str) -> None:
    assert claim(text, "maternités").claimant == "Le sénateur"


@pytest.mark.parametrize(("text", "claimant"), [
    ("Pour le Parti radical, une hausse de 15 % du budget des écoles est indispensable.", "le Parti radical"),
    ("Pour le PRG, une hausse de 15 % du budget des écoles est indispensable.", "PRG"),
])
def test_a_partys_judgement_with_a_figure_after_pour_is_its_view(text: str, claimant: str) -> None:
    assert claim(text, "15 %").claimant == claimant


def test_a_figure_for_an_organisation_is_still_not_its_view() -> None:
    assert claim("Pour l'entreprise, le coût du chantier est de 4 millions d'euros.", "4 millions").claimant == ""


@pytest.mark.parametrize(("text", "claimant"), [
    ("Trois louves ont été aperçues dans la vallée la semaine dernière, selon le parc.", "le parc"),
    ("Douze chamois ont été retrouvés morts au pied de la falaise, selon les agents du parc.", "les agents du parc"),
])
def test_a_park_and_its_staff_are_sources(text: str, claimant: str) -> None:
    assert claim(text, "ont été").claimant == claimant


def test_the_director_of_a_park_named_after_it_is_the_claimant() -> None:
    text = "Quatre ours vont arriver au parc animalier l'an prochain, a annoncé le directeur du parc Julien Marchal."
    assert claim(text, "Quatre ours").claimant == "Julien Marchal"


@pytest.mark.parametrize(("text", "claimant"), [
    ("Le prix moyen d'une trottinette est de 480 euros, selon une étude du bureau d'études 7K.", "bureau d'études 7K"),
    ("Le prix moyen d'une trottinette est de 480 euros, selon une note de l'institut 4C.", "institut 4C"),
])
def test_a_firm_named_after_its_class_noun_is_the_claimant(text: str, claimant: str) -> None:
    assert claim(text, "480 euros").claimant == claimant


def test_a_news_site_written_as_its_address_is_the_outlet() -> None:
    cand = claim("Une centaine de maisons ont été privées d'électricité à Namur, rapportait lundi infonamur.be.",
                 "centaine")
    assert cand.outlet == "infonamur.be"
    assert "infonamur" not in cand.text


def test_a_communique_the_article_goes_on_quoting_is_its_issuers() -> None:
    text = ("Le contrôle des cantines doit être renforcé, estime l'association Vigie Conso lundi dans un communiqué. "
            "Plus de 60 % des contrôles ont eu lieu dans trois régions, ajoute le communiqué.")
    assert claim(text, "60 %").claimant == "l'association Vigie Conso"


def test_a_communique_no_one_was_said_to_issue_stays_in_the_text() -> None:
    cand = claim("Le ciel était dégagé. Plus de 60 % des contrôles ont eu lieu dans trois régions, ajoute le communiqué.",
                 "60 %")
    assert cand.claimant == ""
    assert "ajoute le communiqué" in cand.text


# A name after a title inside the source phrase: the person's circle speaks for them; what they produced is theirs.
@pytest.mark.parametrize(("text", "claimant"), [
    ("La commune va fermer deux écoles en 2026, selon un proche du maire Antoine Berthier.",
     "un proche du maire Antoine Berthier"),
    ("La tournée a rapporté 3 millions d'euros, selon un ami de la chanteuse Lise Garnier.",
     "un ami de la chanteuse Lise Garnier"),
    ("Le vaccin réduit de 40 % les hospitalisations, selon les conclusions du professeur Henri Vasseur.",
     "Henri Vasseur"),
    ("Le vaccin réduit de 40 % les hospitalisations, selon les travaux du docteur Claire Aubin.", "Claire Aubin"),
])
def test_a_name_after_a_title_is_the_source_unless_someone_of_their_circle_speaks(text: str, claimant: str) -> None:
    assert claim(text, text.split()[2]).claimant == claimant


@pytest.mark.parametrize(("text", "claimant"), [
    ('"Le maire a menti sur les 300 emplois promis", affirme l\'une de ses proches.', "l'une de ses proches"),
    ('"Le club a perdu 2 millions d\'euros cette saison", confie un de ses dirigeants.', "un de ses dirigeants"),
])
def test_one_of_a_group_speaks_not_the_whole_group(text: str, claimant: str) -> None:
    assert claim(text, "emplois" if "emplois" in text else "saison").claimant == claimant


# Media the article did not name, or several, are the claimant as written; a definite description of one with its kind
# ("le site d'informations") is the medium named before.
@pytest.mark.parametrize(("text", "words", "claimant"), [
    ("Les trains ont repris lundi avec 300 liaisons prévues, selon les médias d'État.", "liaisons", "les médias d'État"),
    ("Le barrage a cédé dans la nuit, faisant 14 morts, selon plusieurs médias.", "barrage", "plusieurs médias"),
    ("Le Monde a révélé l'affaire mardi. Selon plusieurs médias, le barrage a cédé, faisant 14 morts.", "barrage",
     "plusieurs médias"),
    ("La production a atteint 3 millions de barils par jour en mars, selon l'agence de presse officielle.", "barils",
     "l'agence de presse officielle"),
    ("Le site Reporterre a publié des documents. Selon le site d'informations, 40 sites industriels ont été "
     "contrôlés en 2023.", "contrôlés", "Reporterre"),
])
def test_media_not_named_or_several_are_the_claimant_as_written(text: str, words: str, claimant: str) -> None:
    assert claim(text, words).claimant == claimant


# A time set off after an opening "Selon X," is the statement's circumstance, not part of the source.
@pytest.mark.parametrize(("text", "medium", "kept"), [
    ("Selon Le Télégramme, lors du conseil municipal du 4 mars, le maire a annoncé la fermeture de 3 écoles.",
     "Le Télégramme", "Lors du conseil municipal du 4 mars"),
    ("Selon Ouest-France, mardi, la préfecture a interdit 12 rassemblements dans le département.", "Ouest-France",
     "Mardi"),
])
def test_a_time_after_an_opening_source_stays_in_the_text(text: str, medium: str, kept: str) -> None:
    cand = claim(text, "préfecture" if "préfecture" in text else "écoles")
    assert (cand.claimant, cand.outlet) == (medium, medium)
    assert cand.text.startswith(kept)
