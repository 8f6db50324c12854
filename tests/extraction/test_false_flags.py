"""Claims a reader understands on their own are not flagged as needing context: the referent the flag looks for
is named in the claim itself (a name after an office, a dated cleft, the group of "d'entre elles", the speaker of
"je", the topic of "Quant aux ...", a pair of nations). Each with its counterpart that still needs context."""

from __future__ import annotations

from tests.extraction.test_rewrite import one


def test_an_office_of_a_place_with_a_name_after_it_says_who() -> None:
    # (the parser hangs the name on the place: "de Guadeloupe Ibrahim Soilihi")
    text = ("La situation reste tendue. Le député LR de Guadeloupe Ibrahim "
            "Soilihi a plaidé jeudi de son côté pour un déconfinement en même temps que la métropole.")
    assert not one(text, "Soilihi").needs_context
    text = ("La situation reste tendue. Le député LR de Guadeloupe "
            "a plaidé jeudi de son côté pour un déconfinement en même temps que la métropole.")
    assert one(text, "déconfinement").needs_context


def test_a_cleft_dated_by_a_demonstrative_of_a_day_says_when() -> None:
    text = ("La tournée passera par douze villes. "
            "C'est ce vendredi 14 mars à Nantes que Paul Rivière lancera la tournée des Grands Classiques.")
    assert not one(text, "Nantes").needs_context
    text = ("La police a été appelée vers minuit. "
            "C'est à ce moment que Paul Rivière a quitté la salle des fêtes de Nantes.")
    assert one(text, "salle des fêtes").needs_context


def test_some_of_a_group_the_claim_names_before_need_no_context() -> None:
    text = ("Le classement a été publié mardi. "
            "Parmi les 300 meilleures écoles européennes, 12 d'entre elles sont belges.")
    assert not one(text, "12 d'entre elles").needs_context
    text = "Le classement a été publié mardi. Au total, 12 d'entre elles sont belges."
    assert one(text, "12 d'entre elles").needs_context


def test_a_first_person_whose_speaker_the_text_keeps_is_understood() -> None:
    text = ('Le député de Gironde s\'insurge contre la réforme des loyers.\n\n'
            '"Il y aura des gagnants, il y aura des perdants. Je pense que la majorité des locataires vont y '
            'perdre", a estimé Paul Rivière jeudi 11 octobre, au lendemain de l\'ouverture des discussions entre '
            'le ministère et les associations sur la réforme des loyers.')
    claim = one(text, "Je pense")
    assert "Paul Rivière" in claim.text
    assert not claim.needs_context


def test_a_pronoun_takes_up_the_noun_of_its_quant_a_topic() -> None:
    text = ("Les constructeurs préparent la voiture de sport de demain. "
            "Quant aux berlines 100% électriques, elles peuvent très bien se passer de boîte de vitesses.")
    assert not one(text, "berlines").needs_context


def test_a_pair_named_by_its_two_nations_needs_no_context() -> None:
    text = ("Les dirigeants européens se sont réunis lundi. "
            "Le couple franco-italien a proposé un fonds de 300 milliards d'euros pour soutenir l'industrie.")
    assert not one(text, "300 milliards").needs_context
    text = ("Les dirigeants européens se sont réunis lundi. "
            "Le couple a proposé un fonds de 300 milliards d'euros pour soutenir l'industrie.")
    assert one(text, "300 milliards").needs_context
