"""The article's title tells which of its first statements is its lead (lead_choice._echoed_lead, titles)."""

from __future__ import annotations

from typing import Any

import pytest

from claims.extraction import extract_claims, extract_texts
from claims.extraction.titles import echo, title_stems
from tests.extraction.test_pipeline import claim_with


def lead_of(extraction: Any) -> str | None:
    return next((c.quote for c in [*extraction.claims, *extraction.recoverable] if c.signals.lead), None)


def test_a_sites_boilerplate_and_name_are_no_words_of_the_title() -> None:
    assert title_stems("Renault Mégane : la version hybride : actualité automobile, infos, scoop") == {
        "renau", "mégan", "versi", "hybri"}
    assert title_stems("Grève des éboueurs à Marseille - Le Parisien") == {"grève", "éboue", "marse"}
    # a boilerplate word alone in a part of the title goes, the news word beside it stays
    assert title_stems("VIDÉO. Belgique : un boulanger piège ses cambrioleurs") == {"belgi", "boula", "piège",
                                                                                    "cambr"}
    assert title_stems("") == frozenset()


def test_a_statement_echoes_the_title_in_another_tense_or_number() -> None:
    stems = title_stems("Alcoolisme : la justice suspend la vente du Lucidor")
    assert echo("Le tribunal a suspendu mardi la vente du médicament Lucidor.", stems) == 3
    assert echo("Les patients attendent une décision sur le fond.", stems) == 0


def test_the_statement_the_title_echoes_is_the_lead_over_a_past_hook() -> None:
    text = ("La mairie de Carnac avait déjà tout essayé l'été dernier contre les incendies. Le maire de Carnac, "
            "Pierre Le Goff, interdit désormais les barbecues sur les plages de la commune. Les contrevenants "
            "risquent une amende de 135 euros. La mesure vaut jusqu'au 31 août.")
    assert "essayé" in (lead_of(extract_claims(text, language="fr")) or "")
    titled = extract_claims(text, language="fr", title="Carnac : le maire interdit les barbecues sur les plages")
    assert "interdit" in (lead_of(titled) or "")
    # the lead is kept first in the short list
    assert any("interdit" in c.quote for c in titled.claims)


def test_news_told_in_the_present_is_the_lead_when_the_title_echoes_it() -> None:
    text = ("La CGT accuse la direction de Renault de mentir sur les salaires des ouvriers de Flins. Selon le "
            "syndicat, les primes promises en janvier n'ont jamais été versées. La direction n'a pas souhaité "
            "répondre à nos questions.")
    assert lead_of(extract_claims(text, language="fr")) is None or "accuse" not in lead_of(
        extract_claims(text, language="fr"))
    titled = extract_claims(text, language="fr", title="Salaires : la CGT accuse la direction de Renault de mentir")
    assert "accuse" in (lead_of(titled) or "")


def test_a_future_the_title_announces_is_the_lead() -> None:
    text = ("Fermée depuis mars pour des travaux, la piscine municipale de Quimper rouvrira lundi ses bassins au "
            "public. Les travaux ont coûté 2 millions d'euros à la ville de Quimper. Les horaires restent les mêmes "
            "qu'avant la fermeture.")
    assert "rouvrira" not in (lead_of(extract_claims(text, language="fr")) or "")
    titled = extract_claims(text, language="fr", title="Quimper : la piscine municipale rouvre lundi")
    assert "rouvrira" in (lead_of(titled) or "")


@pytest.mark.parametrize("opening", [
    # a hypothesis under a condition
    "Si la météo le permet, la mairie de Quimper rouvre la piscine municipale lundi.",
    # a presentation of what follows
    "Voici les horaires d'été de la piscine municipale de Quimper, qui rouvre lundi.",
])
def test_a_condition_or_a_presentation_is_no_lead_however_it_echoes_the_title(opening: str) -> None:
    text = opening + " Les travaux ont coûté 2 millions d'euros à la ville de Quimper."
    titled = extract_claims(text, language="fr", title="Quimper : la piscine municipale rouvre lundi")
    assert "piscine" not in (lead_of(titled) or "")


def test_a_title_that_shares_too_few_words_leaves_the_first_news_the_lead() -> None:
    text = ("Le maire de Nantes, Paul Vidal, a démissionné lundi après dix ans de mandat. Paul Vidal reste "
            "conseiller municipal de Nantes jusqu'en mars.")
    titled = extract_claims(text, language="fr", title="Nantes : coup de tonnerre à la mairie de Paul Vidal")
    assert claim_with(titled, "démissionné").signals.lead


def test_an_empty_title_changes_nothing() -> None:
    texts = ["La mairie de Carnac avait déjà tout essayé l'été dernier contre les incendies. Le maire de Carnac, "
             "Pierre Le Goff, interdit désormais les barbecues sur les plages de la commune."]
    plain, empty = extract_texts(texts, languages=["fr"])[0], extract_texts(texts, languages=["fr"], titles=[""])[0]
    assert [(c.quote, c.signals.lead, c.checkworthiness) for c in [*plain.claims, *plain.recoverable]] == [
        (c.quote, c.signals.lead, c.checkworthiness) for c in [*empty.claims, *empty.recoverable]]


def test_one_more_shared_word_does_not_take_the_lead_from_the_first_news() -> None:
    # the past news shares 3 words of the title (Paul, Vidal, dément), the present background after it 4 (Lyon and
    # mairie too): the first news counts one more and keeps the lead
    text = ("Le maire Paul Vidal a démenti mardi les informations du journal local. Paul Vidal reçoit chaque "
            "semaine les élus à la mairie de Lyon. Son premier adjoint a refusé de commenter.")
    titled = extract_claims(text, language="fr", title="Lyon : Paul Vidal dément les rumeurs de démission à la mairie")
    assert claim_with(titled, "démenti").signals.lead
    assert not claim_with(titled, "reçoit").signals.lead


def test_words_quoted_with_no_telling_are_not_the_lead_the_title_echoes() -> None:
    # The second sentence repeats the title's quotation, but no verb outside its quotation marks tells who said it
    # or what happened: the lead stays the first statement that tells what happened.
    text = ("La ministre de la Santé Claire Morel a présenté jeudi à Lyon les chiffres de la vaccination des enfants. "
            "\"La confiance des familles revient enfin\", Claire Morel au cours d'une conférence de presse à Lyon. "
            "La couverture a atteint 92% en 2021, contre 84% en 2019.")
    titled = extract_claims(text, language="fr", title="Vaccination : \"la confiance des familles revient\", "
                                                        "se félicite Claire Morel")
    assert "a présenté jeudi" in (lead_of(titled) or "")


def test_a_title_gives_its_words_to_the_person_after_a_speech_verb() -> None:
    from claims.extraction.titles import speaker

    assert speaker('Justice : "Aucun tribunal ne fermera", assure Claire Morel sur RTL', "fr") == "Claire Morel"
    assert speaker('Le maire est "un vieux dans un corps de jeune", selon Paul Le Roux', "fr") == "Paul Le Roux"
    assert speaker("Grève : les syndicats appellent à manifester jeudi", "fr") == ""
    assert speaker('Municipales : "Paris se vide", Anne Dubois candidate', "fr") == ""  # no speech verb


# Two women named: the rule for an office subject alone (Context.article_holder) names no one.
TITLED = ("La ministre de la Culture a annoncé lundi 40 millions d'euros pour les musées de province. "
          "Mme Léa Dumas, conservatrice à Lille, a salué l'annonce. Selon les syndicats, la somme reste insuffisante. "
          "Mme Claire Morel doit présenter le détail du plan en mars.")


def first_text(text: str, title: str) -> str:
    [extraction] = extract_texts([text], languages=["fr"], titles=[title], min_score=0.0, selective=False)
    return min(extraction.claims, key=lambda c: c.start).text


def test_the_office_an_article_opens_on_is_the_person_its_title_quotes() -> None:
    quoted = 'Musées : "40 millions pour la province", annonce Claire Morel'
    assert first_text(TITLED, quoted).startswith("La ministre de la Culture Claire Morel a annoncé lundi 40 millions")
    # Not without a title that gives its words to someone; not a man for "La ministre".
    assert "Morel" not in first_text(TITLED, "Musées : 40 millions pour la province")
    man = TITLED + " M. Paul Girard, député du Nord, a salué la mesure."
    assert first_text(man, 'Musées : "40 millions pour la province", annonce Paul Girard').startswith(
        "La ministre de la Culture a annoncé lundi")


def test_the_title_names_only_an_office_of_the_articles_first_statements() -> None:
    text = ("Les musées de province attendaient un geste. Mme Léa Dumas, conservatrice à Lille, réclame des moyens. "
            "Lundi, la ministre de la Culture a annoncé 40 millions d'euros pour eux. Mme Claire Morel présentera le plan.")
    [extraction] = extract_texts([text], languages=["fr"], titles=['Musées : "40 millions", annonce Claire Morel'],
                                 min_score=0.0, selective=False)
    third = next(c for c in extraction.claims if "40 millions" in c.text)
    assert "Claire Morel" not in third.text


def test_a_title_opens_on_the_name_it_goes_on_about() -> None:
    from claims.extraction.titles import subject

    assert subject("Paul Girard hospitalisé à Lyon après un malaise") == "Paul Girard"
    assert subject('Claire Morel "confiante" avant son procès') == "Claire Morel"
    assert subject("Jean-Paul Le Roux, maire de Dax, est mort à 81 ans") == "Jean-Paul Le Roux"
    assert subject("Grève : les syndicats appellent à manifester jeudi") == ""
    assert subject("Ski : Paul Girard remporte la descente") == ""  # not what the title opens on


# Two men named, and the lead describes the one the title is about by who he is or by what he does.
ABOUT = ("L'homme a dirigé la mairie de Dax pendant 31 ans et siégé 12 ans au Sénat. Le sénateur Paul Girard est mort "
         "lundi à l'hôpital de Dax, a annoncé son successeur Marc Roux. Il avait 81 ans.")


def test_a_person_the_lead_describes_is_the_one_the_title_opens_on() -> None:
    assert first_text(ABOUT, "Paul Girard, ancien maire de Dax, est mort à 81 ans").startswith(
        "Paul Girard a dirigé la mairie de Dax pendant 31 ans")
    # an occupation keeps its words, the name follows it
    singer = ABOUT.replace("L'homme a dirigé la mairie de Dax", "Le chanteur a donné des concerts à Dax")
    assert first_text(singer, "Paul Girard, ancien maire de Dax, est mort à 81 ans").startswith(
        "Le chanteur Paul Girard a donné des concerts à Dax")
    # Not without a title that opens on him, nor a title on a name the article gives no one ("Affaire Girard"),
    # nor for a woman.
    assert first_text(ABOUT, "Dax : l'ancien maire est mort à 81 ans").startswith("L'homme a dirigé")
    assert first_text(ABOUT, "Affaire Girard : l'ancien maire est mort").startswith("L'homme a dirigé")
    woman = ABOUT.replace("L'homme a dirigé", "La femme a dirigé")
    assert first_text(woman, "Paul Girard, ancien maire de Dax, est mort à 81 ans").startswith("La femme a dirigé")
