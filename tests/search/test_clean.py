"""Query understanding: what of a tweet or a post is the claim."""

from __future__ import annotations

from claims.search.clean import clean_query, split_compound
from claims.search.terms import detect_language, index_terms, query_weights


def test_it_strips_links_picture_stubs_and_the_signature_but_keeps_the_author_name():
    tweet = ("The US drone attack on #Soleimani caught on camera.#IranUsapic.twitter.com/TvRkHvlgby "
             "https://t.co/AbC — Olaudah Equiano® (@RealOlaudah) January 6, 2020")
    cleaned = clean_query(tweet)
    assert "twitter" not in cleaned and "t.co" not in cleaned and "@" not in cleaned and "2020" not in cleaned
    assert "RealOlaudah" not in cleaned and "January" not in cleaned
    assert cleaned.startswith("The US drone attack on Soleimani caught on camera.")
    assert "Olaudah Equiano" in cleaned


def test_it_turns_hashtags_and_handles_into_words():
    cleaned = clean_query("@HillaryClinton wants #DraftOurDaughters in #Tokyo2020")
    assert cleaned == "Hillary Clinton wants Draft Our Daughters in Tokyo 2020"
    assert split_compound("COVID19") == "COVID 19"


def test_it_removes_emoji_and_shouted_boilerplate_but_not_content_words():
    cleaned = clean_query("BREAKING: URGENT ‼️🚨 Le Kazakhstan a envoyé 40 tonnes d'aide 🇺🇦 — à partager")
    assert cleaned == "Le Kazakhstan a envoyé 40 tonnes d'aide — à partager"
    assert clean_query("FAITES TOURNER !! Le vaccin contient des puces") == "Le vaccin contient des puces"
    assert "a video shows" in clean_query("a video shows the WATCH tower")  # lowercase words stay


def test_it_handles_long_posts_without_emptying_them():
    post = ("Le gouvernement a caché 12 000 morts du Covid-19 selon un rapport de l'Insee publié en 2021. " * 25)[:2000]
    cleaned = clean_query(post)
    assert len(cleaned) > 1500
    weights = query_weights(cleaned, detect_language(cleaned))
    assert {"12000", "2021", *index_terms("Insee Covid", "fr")} <= set(weights)
    # Repetition raises a term's weight, but saturates (k3 = 3): at most 4x a single mention.
    assert max(weights.values()) <= 4.0


def test_it_detects_the_language_from_stop_words():
    assert detect_language("Le gouvernement a envoyé des courriers aux maires") == "fr"
    assert detect_language("The government sent letters to the mayors") == "en"
    assert detect_language("anything", "fr") == "fr"
