"""A sentence that only says someone reacted has no claimant, though its subject is who the quotations after it
are from; sources given by a description the lists lacked ("selon l'enseigne", "selon le gestionnaire", "selon
cet artisan"), by a medium's name written without its space ("selon 20Minutes") or by "croit savoir"."""

from __future__ import annotations

from tests.extraction.test_attribution import claim


def test_a_sentence_that_only_says_someone_reacted_has_no_claimant() -> None:
    text = ("Un incendie a détruit la médiathèque de Roquebelle dans la nuit de vendredi. Le maire Paul Verdier a "
            "réagi à l'incendie de la médiathèque samedi matin. \"Nous reconstruirons ce bâtiment en deux ans, "
            "avec l'aide de la région et de l'État\", a-t-il assuré.")
    assert claim(text, "a réagi à l'incendie").claimant == ""
    assert claim(text, "Nous reconstruirons").claimant == "Paul Verdier"


def test_who_reacted_is_still_the_speaker_of_the_quotation_after_it() -> None:
    text = ("Une romancière a été retenue dix heures par la police de Vestrie. La romancière Julie Mardel a "
            "rapidement réagi au journal Le Courrier. \"C'est ma première garde à vue alors que j'ai enquêté dans "
            "des pays beaucoup moins démocratiques que la Vestrie.\"")
    assert claim(text, "rapidement réagi").claimant == ""
    assert claim(text, "première garde à vue").claimant == "Julie Mardel"


def test_a_reaction_that_says_something_keeps_its_claimant() -> None:
    text = ("La cour administrative a annulé l'arrêté du maire de Roquebelle. Dans un communiqué, la société "
            "Hydrelia a réagi à la décision de la cour, affirmant que les données des clients restent protégées. "
            "\"Le projet ne tient pas la route\", a réagi Paul Verdier, avocat des riverains, auprès de l'AFP.")
    assert claim(text, "affirmant que").claimant == "la société Hydrelia"  # (the company noun says what the name is)
    assert claim(text, "ne tient pas la route").claimant == "Paul Verdier"


def test_a_source_described_by_a_shop_chain_a_network_manager_or_a_craftsman() -> None:
    text = ("La chaîne Primadis ouvrira son magasin de Roquebelle le dimanche après-midi. Il s'agit d'une première "
            "pour un hypermarché de la région, selon l'enseigne. La tempête a privé 42.000 foyers d'électricité "
            "vendredi soir. Il en restait 28.000 samedi matin, selon le gestionnaire du réseau. La défense de "
            "Marc Tolvin a plaidé l'acquittement. Le montant des travaux, selon cet artisan, serait de 100.000 "
            "euros.")
    assert claim(text, "une première").claimant == "l'enseigne"
    assert claim(text, "28.000").claimant == "le gestionnaire du réseau"
    assert claim(text, "100.000").claimant != ""


def test_a_medium_written_without_its_space_and_croit_savoir() -> None:
    text = ("Un avion de tourisme a disparu au-dessus de la Manche lundi soir. Un joueur du club de Roquebelle se "
            "trouvait à bord, selon 20Minutes. Le conseiller municipal se trouvait dans les locaux de la mairie de "
            "Vestrie, croit savoir le quotidien Le Courrier.")
    assert claim(text, "se trouvait à bord").claimant == "20 Minutes"
    assert claim(text, "dans les locaux").claimant != ""


def test_the_garde_des_sceaux_is_the_justice_minister_the_article_named() -> None:
    text = ("La ministre de la Justice, Anne Dupont, s'est rendue à la prison de Lyon lundi. "
            "\"Les 3 surveillants n'ont commis aucune erreur\", a affirmé la garde des Sceaux.")
    assert claim(text, "3 surveillants").claimant == "Anne Dupont"
