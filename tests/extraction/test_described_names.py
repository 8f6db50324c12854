"""A definite description that points back to a name the article set beside that description earlier ("FO-Santé,
le deuxième syndicat de l'hôpital," then "selon le syndicat"; "le défenseur du Stade rennais Julien Morel" then
"Le défenseur avait signé ...") is that name, in the claimant and in the text's subject."""

from __future__ import annotations

from tests.extraction.test_attribution import claim


def test_a_bare_description_claimant_is_the_one_body_the_article_described_so() -> None:
    text = ("Le climat social se dégrade à l'hôpital de Brest, a dénoncé FO-Santé, le deuxième syndicat de "
            "l'établissement, dans un communiqué diffusé lundi. Selon le syndicat, en 2019, l'hôpital a supprimé "
            "140 postes d'infirmiers.")
    assert claim(text, "140 postes").claimant == "FO-Santé"


def test_a_bare_description_claimant_stays_when_two_bodies_were_described_so() -> None:
    text = ("Le climat social se dégrade à l'hôpital de Brest, a dénoncé FO-Santé, le deuxième syndicat de "
            "l'établissement, dans un communiqué diffusé lundi. La CFDT, le premier syndicat de l'hôpital, n'a pas "
            "réagi. Le texte a été relayé par l'association France Assos Santé. Selon le syndicat, en 2019, l'hôpital a "
            "supprimé 140 postes d'infirmiers. D'après l'association, 30 lits ont fermé en 2019.")
    assert claim(text, "140 postes").claimant == "le syndicat"  # which of the two, the article does not say
    assert claim(text, "30 lits").claimant == "France Assos Santé"


def test_a_body_named_up_to_its_acronym_is_named_whole_and_by_its_description() -> None:
    text = ("Les contrôles sont encore trop rares, estime l'association Familles, santé et logement (FSL) jeudi "
            "dans un communiqué. Près de 60 % des magasins n'ont jamais été visités, d'après l'association. Au "
            "total, 4.000 boulangeries ont été contrôlées en 2019, ajoute le communiqué.")
    assert claim(text, "60 %").claimant == "FSL"
    assert claim(text, "4.000 boulangeries").claimant == "l'association Familles, santé et logement (FSL)"


def test_a_person_described_beside_their_name_is_named_when_the_description_comes_back() -> None:
    text = ("Le club a confirmé mardi le départ du défenseur français du Stade rennais (Ligue 1) Julien Morel. "
            "Samedi, le Stade rennais avait annoncé le transfert de Julien Morel à Everton. Le défenseur a signé "
            "pour quatre ans pour 22 millions d'euros.")
    cand = claim(text, "22 millions")
    assert cand.text.startswith("Le défenseur Julien Morel a signé")
    assert not cand.needs_context


def test_a_description_of_another_gender_is_not_the_person_described() -> None:
    text = ("Le club a confirmé mardi le départ du défenseur français du Stade rennais (Ligue 1) Julien Morel. "
            "Samedi, le Stade rennais avait annoncé le transfert de Julien Morel à Everton. La défenseuse a signé "
            "pour quatre ans pour 22 millions d'euros. Le défenseur a été payé 40.000 euros par mois.")
    assert "Julien Morel" not in claim(text, "22 millions").text
    assert claim(text, "40.000 euros").text.startswith("Le défenseur Julien Morel a été payé")
