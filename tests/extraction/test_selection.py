"""The short list an article keeps (claims.extraction.selection)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claims.extraction import extract_claims
from claims.extraction.checkworthiness import Signals
from claims.extraction.selection import limit_for, select


@dataclass
class Cand:
    start: int
    checkworthiness: float
    text: str
    quantities: list[dict[str, Any]] = field(default_factory=list)
    signals: Signals = field(default_factory=Signals)
    usable: float = 1.0


def test_it_keeps_three_to_eight_claims_and_never_more_than_40_percent_of_sentences() -> None:
    assert [limit_for(n) for n in (1, 2, 5, 10, 15, 20, 40)] == [1, 1, 2, 4, 5, 7, 8]
    for n in range(1, 60):
        assert limit_for(n) <= max(1, int(0.4 * n))


def test_it_keeps_the_best_above_the_threshold_in_article_order_and_the_rest_recoverable() -> None:
    cands = [Cand(i, score, f"claim {i}") for i, score in enumerate([0.2, 0.9, 0.5, 0.8, 0.7, 0.6, 0.35, 0.1, 0.4, 0.3])]
    kept, rest = select(cands, sentences=10, min_score=0.3)
    assert [c.start for c in kept] == [1, 3, 4, 5]
    assert [c.checkworthiness for c in rest] == sorted((c.checkworthiness for c in rest), reverse=True)
    assert len(kept) + len(rest) == len(cands)


def test_an_article_with_a_figure_keeps_its_best_figure_even_below_the_threshold() -> None:
    cands = [Cand(0, 0.1, "a"), Cand(1, 0.2, "b", quantities=[{"value": 3.0}]), Cand(2, 0.25, "c")]
    kept, _ = select(cands, sentences=5, min_score=0.3)
    assert [c.start for c in kept] == [1]


def test_fragments_and_duplicates_are_never_kept() -> None:
    fragment = Cand(0, 0.95, "Incompréhensible", signals=Signals(fragment=True))
    kept, rest = select([fragment, Cand(1, 0.8, "Le PIB a baissé."), Cand(2, 0.7, "Le PIB a baissé.")],
                        sentences=10, min_score=0.3)
    assert [c.start for c in kept] == [1]
    assert fragment in rest


def test_past_two_claims_a_text_to_rewrite_stays_recoverable() -> None:
    # The usability model (usability.py) expects the fourth best to need rewriting: two claims are kept
    # before it whatever it is, but not a third; the fifth, usable, is kept.
    scores = [0.9, 0.85, 0.8, 0.75, 0.7]
    cands = [Cand(i, s, f"claim {i}", usable=0.2 if i in (0, 3) else 0.9) for i, s in enumerate(scores)]
    kept, rest = select(cands, sentences=20, min_score=0.3)
    assert [c.start for c in kept] == [0, 1, 2, 4]
    assert [c.start for c in rest] == [3]
    # ... unless it states a figure as a fact: long or leaning on the article, a figure is what gets checked.
    cands[3].quantities = [{"value": 8.8}]
    kept, _ = select(cands, sentences=20, min_score=0.3)
    assert [c.start for c in kept] == [0, 1, 2, 3, 4]


ARTICLE = """La tempête Eleanor a fait trois morts en France mercredi, selon le ministère de l'Intérieur.

Les rafales ont atteint 147 km/h au cap Corse, un record depuis février 2012. Météo-France prévoit que le vent devrait encore souffler jeudi à partir de 8 heures. Pensez à rentrer vos meubles de jardin. Quelque 200.000 foyers étaient privés d'électricité mercredi soir, a indiqué Enedis. Les trains reprendront demain matin. Découvrez notre sélection de bottes de pluie à prix de lancement. Le préfet a fermé 40 écoles dans le Finistère. Il faudra être prudent sur les routes. Les pompiers sont intervenus 1.200 fois dans la nuit.
"""


def test_verifiable_facts_rank_above_forecasts_schedules_advice_and_promotion() -> None:
    extraction = extract_claims(ARTICLE, language="fr")
    everything = sorted([*extraction.claims, *extraction.recoverable], key=lambda c: -c.checkworthiness)

    def rank(needle: str) -> int:
        return next(i for i, c in enumerate(everything) if needle in c.quote)

    facts = [rank("trois morts"), rank("147 km/h"), rank("200.000 foyers"), rank("1.200 fois")]
    others = [rank("devrait encore souffler"), rank("Pensez à rentrer"), rank("reprendront demain"),
              rank("Découvrez notre sélection"), rank("Il faudra être prudent")]
    assert max(facts) < min(others), [(c.checkworthiness, c.text) for c in everything]
    assert len(extraction.claims) <= 0.4 * extraction.sentences
    assert all("Découvrez" not in c.quote and "Pensez" not in c.quote for c in extraction.claims)


def test_two_sentences_alike_but_for_their_figures_are_two_claims() -> None:
    poll = [Cand(0, 0.9, "61 % des Français se disent pessimistes pour 2030."),
            Cand(60, 0.85, "33 % des Français se disent optimistes pour 2030."),
            Cand(120, 0.8, "Les Français se disent pessimistes pour 2030, à 61 %.")]
    kept, _ = select(poll, sentences=10, min_score=0.3)
    assert [c.start for c in kept] == [0, 60]


@dataclass
class Named(Cand):
    entities: list[dict[str, Any]] = field(default_factory=list)


def test_of_two_statements_of_one_fact_the_one_that_names_more_is_kept() -> None:
    # the lead restated by the body: the body's version names who called the strike, so it is the one kept
    lead = Named(0, 0.95, "Environ 400 grévistes ont bloqué lundi le dépôt de bus de Nantes.",
                 quantities=[{"value": 400.0}], entities=[{"text": "Nantes"}])
    body = Named(5, 0.9, "Lundi, environ 400 grévistes ont bloqué le dépôt de bus de Nantes à l'appel de la CGT.",
                 quantities=[{"value": 400.0}], entities=[{"text": "Nantes"}, {"text": "CGT"}])
    other = Named(9, 0.8, "La direction de la Semitan a porté plainte contre les syndicats mardi.",
                  entities=[{"text": "Semitan"}])
    kept, rest = select([lead, body, other], sentences=10, min_score=0.3)
    assert kept == [body, other] and rest == [lead]
    # naming as much: the better scored stays
    body.entities = body.entities[:1]
    kept, rest = select([lead, body, other], sentences=10, min_score=0.3)
    assert kept == [lead, other] and rest == [body]


def test_past_its_first_claims_an_article_keeps_only_candidates_well_above_the_threshold() -> None:
    # Three good candidates and two just above the threshold: the weak ones stay recoverable, not stored
    # to fill the list, unless they state a figure.
    cands = [Cand(0, 0.95, "Le conseil a voté la loi."), Cand(1, 0.9, "La loi a été publiée lundi."),
             Cand(2, 0.85, "Le Sénat avait rejeté le texte."), Cand(3, 0.55, "Elle s'est dite soulagée."),
             Cand(4, 0.56, "Le texte compte 12 articles.", quantities=[{"value": 12.0}]),
             Cand(5, 0.6, "Il est rentré chez lui.")]
    kept, rest = select(cands, sentences=20, min_score=0.5)
    assert [c.start for c in kept] == [0, 1, 2, 4]
    assert [c.start for c in rest] == [5, 3]


def test_the_first_claims_need_only_the_threshold() -> None:
    kept, _ = select([Cand(0, 0.55, "Le maire a démissionné."), Cand(1, 0.52, "Le conseil a élu son successeur.")],
                     sentences=20, min_score=0.5)
    assert [c.start for c in kept] == [0, 1]


def test_the_lead_is_kept_and_ranks_with_the_details_that_score_higher() -> None:
    lead = Cand(0, 0.7, "Un incendie a détruit l'usine de pâtes de la ville mardi soir.", signals=Signals(lead=True))
    details = [Cand(100 * k, score, text, quantities=[{"value": 1.0}]) for k, (score, text) in enumerate([
        (0.97, "Quarante pompiers ont lutté 6 heures contre les flammes."),
        (0.95, "Le bâtiment de 12.000 mètres carrés abritait 80 salariés."),
        (0.93, "La production de 30 tonnes par jour est arrêtée pour 3 mois."),
        (0.9, "Les dégâts sont estimés à 4 millions d'euros."),
    ], start=1)]
    kept, _ = select([lead, *details], sentences=10, min_score=0.5)
    assert lead in kept
    assert sorted(kept, key=lambda c: -c.checkworthiness)[0] is lead


def test_a_lead_below_the_threshold_or_speaking_to_the_reader_is_not_lifted() -> None:
    weak = Cand(0, 0.4, "Le chanteur a vécu une année riche en émotions.", signals=Signals(lead=True))
    teaser = Cand(1, 0.7, "Revivez en vidéo ce que vous avez manqué du concert de Johnny.",
                  signals=Signals(lead=True, second_person=True))
    other = Cand(100, 0.9, "Le concert a réuni 20.000 spectateurs au Stade de France.", quantities=[{"value": 1.0}])
    for lead in (weak, teaser):
        score = lead.checkworthiness
        kept, _ = select([lead, other], sentences=10, min_score=0.5)
        assert lead.checkworthiness == score
        assert lead not in kept or kept == [lead, other]


def test_past_the_first_three_a_forecast_figure_needs_the_margin_a_stated_figure_does_not() -> None:
    firm = [Cand(i, 0.9, f"Le conseil municipal a voté la mesure {i} lundi.") for i in range(3)]
    stated = Cand(3, 0.55, "La commune a perdu 300 habitants en 2023.", quantities=[{"value": 300.0}])
    forecast = Cand(4, 0.55, "La commune pourrait perdre 300 habitants d'ici 2030.", quantities=[{"value": 300.0}],
                    signals=Signals(forecast=True, hypothetical=True))
    kept, rest = select([*firm, stated, forecast], sentences=20, min_score=0.5)
    assert stated in kept and forecast in rest


def test_a_restatement_that_adds_a_date_to_the_figures_is_the_same_claim() -> None:
    lead = Named(0, 0.95, "La ministre a annoncé vendredi 3 mai que le dispositif d'aide aux libraires sera prolongé.",
                 entities=[{"text": "ministre"}])
    body = Named(90, 0.85, "La ministre a annoncé vendredi 3 mai que le dispositif d'aide, censé se terminer le 30 avril, "
                 "sera prolongé jusqu'en juin.", entities=[{"text": "ministre"}, {"text": "juin"}])
    other = Named(200, 0.8, "Près de 8.000 libraires ont demandé une aide depuis janvier.", quantities=[{"value": 8000.0}])
    kept, rest = select([lead, body, other], sentences=10, min_score=0.3)
    assert kept == [body, other] and rest == [lead]


def test_one_figure_of_a_list_is_not_the_list_restated() -> None:
    recall = Cand(0, 0.9, "Le fabricant a rappelé vendredi 29 mars des plateaux de charcuterie vendus en supermarché.")
    codes = Cand(90, 0.85, "Le fabricant a rappelé les plateaux de charcuterie des lots 2101, 2105, 2108 et 2110 vendus "
                 "le 29 mars en supermarché.")
    kept, _ = select([recall, codes], sentences=10, min_score=0.3)
    assert kept == [recall, codes]
