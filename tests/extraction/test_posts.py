"""Social-media posts: pasted copies, shouted headlines, posts of one line, the claim a post is about."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claims.extraction import extract_claims
from claims.extraction.checkworthiness import Signals
from claims.extraction.readable import readable
from claims.extraction.selection import top_claim


@dataclass
class Cand:
    start: int
    checkworthiness: float
    text: str = ""
    signals: Signals = field(default_factory=lambda: Signals(words=12))


@dataclass
class Ext:
    claims: list[Any]
    recoverable: list[Any]
    headlines: list[Any] = field(default_factory=list)


def test_the_first_candidate_is_the_top_claim_unless_a_later_one_is_far_more_checkworthy() -> None:
    first, second, third = Cand(0, 0.4), Cand(50, 0.8), Cand(90, 0.95)
    assert top_claim(Ext([second], [third, first])) is first
    far_better = Cand(50, 0.95)
    assert top_claim(Ext([far_better], [Cand(0, 0.2)])) is far_better
    assert top_claim(Ext([], [])) is None


def test_a_short_hook_or_a_forecast_does_not_take_the_first_place_of_a_post() -> None:
    hook = Cand(0, 0.4, "URGENT NOUVELLE MALADIE", Signals(words=3))
    forecast = Cand(0, 0.4, "Le pic sera atteint le 23 mars", Signals(words=7, forecast=True))
    claim = Cand(40, 0.3, "Une nouvelle maladie a été découverte au Japon")
    assert top_claim(Ext([], [hook, claim])) is claim
    assert top_claim(Ext([], [forecast, claim])) is claim
    # Alone, or far more check-worthy than the rest, they still are the top claim.
    assert top_claim(Ext([], [hook])) is hook
    assert top_claim(Ext([], [Cand(0, 0.95, "", Signals(words=3)), Cand(40, 0.1)])).checkworthiness == 0.95


def test_a_post_of_one_short_line_has_its_line_as_top_claim() -> None:
    post = "Un ministre équato-guinéen bastonne son directeur de cabinet"
    extraction = extract_claims(post, language="fr")
    top = top_claim(extraction)
    assert top is not None and post[top.start : top.end] == top.quote
    assert "bastonne son directeur de cabinet" in top.text


def test_a_post_pasted_three_times_gives_one_claim_per_sentence_without_the_scrapers_none() -> None:
    once = "La polygamie sera obligatoire en Érythrée à partir de juin 2021.\nLes hommes devront épouser 3 femmes. "
    post = once * 3 + "None"
    extraction = extract_claims(post, language="fr")
    everything = [*extraction.claims, *extraction.recoverable, *extraction.headlines]
    assert len(everything) == 2
    assert all(post[c.start : c.end] == c.quote and c.end <= len(once) for c in everything)
    assert not any("None" in c.text for c in everything)


def test_a_headline_is_a_candidate_but_never_stored_nor_offered_for_pulling_up() -> None:
    post = ("PLUS DE 400 MORTS DANS UNE EXPLOSION EN SIERRA LEONE\n\n"
            "Une citerne remplie d'essence a explosé vendredi soir à Freetown, selon la police. "
            "Les secours ont transporté 92 blessés vers les hôpitaux de la capitale.")
    extraction = extract_claims(post, language="fr")
    assert [c.quote for c in extraction.headlines] == ["PLUS DE 400 MORTS DANS UNE EXPLOSION EN SIERRA LEONE"]
    assert not any("400" in c.quote for c in [*extraction.claims, *extraction.recoverable])
    assert extraction.claims  # the body's claims are stored as before
    assert top_claim(extraction) in [*extraction.headlines, *extraction.claims, *extraction.recoverable]


def test_a_run_of_hashtags_around_a_post_sentence_is_left_out_of_its_text() -> None:
    assert readable("#Santé #Vaccins Le ministère a commandé 3 millions de doses.") == (
        "Le ministère a commandé 3 millions de doses.")
    assert readable("Le ministère a commandé 3 millions de doses. #Santé #Vaccins") == (
        "Le ministère a commandé 3 millions de doses.")
    assert readable("Le docteur #Mukwege a déposé sa candidature.") == "Le docteur Mukwege a déposé sa candidature."


def test_a_footnote_mark_is_left_out_of_the_claim_text() -> None:
    assert readable("Une enquête* Harris Interactive révèle que 69% des Français veulent un autre candidat.") == (
        "Une enquête Harris Interactive révèle que 69% des Français veulent un autre candidat.")


def test_a_line_whose_subject_is_a_pronoun_or_that_speaks_to_the_reader_yields_to_one_that_names_it() -> None:
    claim = Cand(60, 0.7, "Ce militaire s'est fait agresser par 5 personnes à l'arme blanche")
    leaning = Cand(0, 0.4, "Il a défendu sa famille contre 5 racailles", Signals(words=8, syntax={"root_subj=pron3": 1.0}))
    appeal = Cand(0, 0.4, "Ce que les médias n'oseront jamais vous dire", Signals(words=8, second_person=True))
    assert top_claim(Ext([claim], [leaning])) is claim
    assert top_claim(Ext([claim], [appeal])) is claim
    # Only by so much: a first line that names its subject keeps its place, and a far better one wins anyway.
    assert top_claim(Ext([claim], [Cand(0, 0.4, "Le ministre a défendu sa famille")])).start == 0
    assert top_claim(Ext([Cand(60, 0.3)], [leaning])) is leaning
    post = "Il a encore frappé, celui-là. Le maire de Béziers a supprimé les subventions des écoles privées."
    top = top_claim(extract_claims(post, language="fr"))
    assert top is not None and top.text.startswith("Le maire de Béziers a supprimé")


def test_a_line_where_the_poster_speaks_of_themselves_yields_to_the_claim() -> None:
    feeling = Cand(0, 0.4, "Cette vidéo m'a donné des frissons", Signals(words=6, first_person=True))
    claim = Cand(50, 0.7, "Des soldats ukrainiens défilent devant le parlement de Kiev")
    assert top_claim(Ext([claim], [feeling])) is claim
    post = "J'ai reçu ce message ce matin. Le gouvernement a supprimé la prime de rentrée scolaire en Wallonie."
    top = top_claim(extract_claims(post, language="fr"))
    assert top is not None and top.text.startswith("Le gouvernement a supprimé")


def test_a_short_line_that_names_someone_and_has_a_verb_keeps_its_first_place() -> None:
    statement = Cand(0, 0.3, "Le maire de Lyon démissionne", Signals(words=5, entities=1))
    later = Cand(40, 0.6, "Le conseil municipal se réunira en urgence lundi soir pour élire son successeur")
    assert top_claim(Ext([later], [statement])) is statement
    # Without a name, or without a verb, a short line is still a hook.
    assert top_claim(Ext([later], [Cand(0, 0.3, "Une triste nouvelle", Signals(words=3, has_verb=False, entities=1))])) is later
    assert top_claim(Ext([later], [Cand(0, 0.3, "Il démissionne enfin", Signals(words=3))])) is later


def test_a_question_that_names_nothing_is_a_hook_before_the_claim() -> None:
    teaser = Cand(0, 0.3, "Vous savez ce que vous mangez vraiment ?", Signals(words=7, question=True))
    claim = Cand(50, 0.6, "Le fabricant ajoute du sucre dans toutes ses soupes")
    assert top_claim(Ext([claim], [teaser])) is claim
    # A question that names something may be the claim asked: it keeps its place.
    named = Cand(0, 0.3, "Pourquoi l'OMS a-t-elle caché ce rapport ?", Signals(words=7, question=True, entities=1))
    assert top_claim(Ext([claim], [named])) is named


def test_a_line_the_post_states_again_in_other_words_is_its_claim() -> None:
    comment = Cand(0, 0.5, "Le gouvernement nous cache tout depuis le début de cette affaire")
    claim = Cand(70, 0.75, "La Suisse a retiré deux vaccins du marché après des malaises")
    caption = Cand(140, 0.3, "Deux vaccins retirés du marché en Suisse")
    assert top_claim(Ext([claim], [comment, caption])) is claim
    # Said once, the claim does not outrank the first line; a single word in common is not a restatement.
    assert top_claim(Ext([claim], [comment])) is comment
    other = Cand(140, 0.3, "Les vaccins ne sont pas obligatoires pour les enfants")
    assert top_claim(Ext([claim], [comment, other])) is comment


def test_a_post_in_bold_or_italic_letters_is_read_and_its_claim_written_in_plain_letters() -> None:
    post = "𝗟𝗲 𝗺𝗶𝗻𝗶𝘀𝘁𝗿𝗲 𝗱𝗲 𝗹𝗮 𝘀𝗮𝗻𝘁𝗲́ 𝗮 𝗱𝗲́𝗺𝗶𝘀𝘀𝗶𝗼𝗻𝗻𝗲́ 𝗰𝗲 𝗺𝗮𝘁𝗶𝗻.\nIncroyable mais vrai, partagez !"
    top = top_claim(extract_claims(post, language="fr"))
    assert top is not None and post[top.start : top.end] == top.quote  # the quote is the post as written
    assert top.text == "Le ministre de la santé a démissionné ce matin."
    assert readable("𝘓𝘢 𝘱𝘰𝘭𝘪𝘤𝘦 a arrêté ＤＥＵＸ suspects en 𝟮𝟬𝟮𝟭.") == "La police a arrêté DEUX suspects en 2021."
