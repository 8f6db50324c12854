from __future__ import annotations

import pytest

from claims.extraction.segment import chunks, segment


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in segment(text)]


def test_it_tells_furniture_from_prose(article_fr: str) -> None:
    found = kinds(article_fr.replace("’", "'"))
    assert ("title", "Pékin et Moscou : une alliance fragilisée par l'Asie centrale ?") in found
    assert ("heading", "Les ports et les céréales") in found
    assert ("byline", "(AF)") in found
    assert ("teaser", "Plus") in found
    prose = [text for kind, text in found if kind == "prose"]
    assert any(text.startswith("Le gouvernement") or "25 tonnes" in text for text in prose)


@pytest.mark.parametrize(
    "line,kind",
    [
        ("Photo : le lac asséché, le 12 août. © Ouest Images", "caption"),
        ("Par Sophie Lambert", "byline"),
        ("(AFP)", "byline"),
        ("Lire aussi", "teaser"),
        ("Read more", "teaser"),
    ],
)
def test_it_recognises_bylines_captions_and_teasers(line: str, kind: str) -> None:
    text = f"Le texte commence ici et dit quelque chose de précis.\n\n{line}\n\nEt il continue ensuite normalement."
    assert (kind, line) in kinds(text)


def test_it_joins_hard_wrapped_lines_into_one_paragraph() -> None:
    text = ("Le gouvernement a annoncé mardi une hausse de 12 % du budget de la\n"
            "santé, soit 3 milliards d'euros supplémentaires pour les hôpitaux.")
    found = kinds(text)
    assert found == [("prose", text)]


def test_it_splits_short_list_lines() -> None:
    found = kinds("Probatoire : 25-28 août 2020\nBac : 27-31 juillet 2020")
    assert len(found) == 2


def test_it_cuts_huge_paragraphs_at_sentence_ends() -> None:
    text = "Une phrase courte. " * 2000
    parts = chunks(0, len(text), text, 1000)
    assert all(e - s <= 1000 for s, e in parts)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(text[e - 2 : e] == ". " for _, e in parts[:-1])


@pytest.mark.parametrize(
    "text",
    [
        "Contrairement à son rival, le général DE\nGAULLE a dirigé le pays pendant quatorze ans.",
        "La ministre a présenté la\nRéforme des retraites devant les députés mardi.",
        "The minister said the\nGovernment would cut the budget by 3 per cent.",
    ],
)
def test_a_line_ending_on_an_article_or_preposition_is_a_hard_wrap(text: str) -> None:
    assert kinds(text) == [("prose", text)]


def test_it_reads_an_open_line_end_as_the_whole_line_regex_does() -> None:
    """segment._open_end looks for _OPEN_END only near the end of the line, where a match starts."""
    from claims.extraction import segment as sg

    words = sorted(sg.lx.FUNCTION_WORDS)
    for word in [*words, *(w.upper() for w in words)]:
        for before in ("", " ", "a ", "a" * 40 + " ", "a" * 40, "b\t"):
            for after in ("", "\n", " ", "\n\n", "x"):
                line = before + word + after
                assert sg._open_end(line) == (sg._OPEN_END.search(line) is not None), line


def test_shouted_lines_hard_wrapped_from_an_image_are_one_paragraph() -> None:
    text = ("ATTENTION AUX PARENTS DONT LES\nENFANTS ONT UNE TABLETTE, UN JEU\nDEMANDE LEUR ADRESSE ET LE NOM\n"
            "DE LEUR ÉCOLE. PARTAGEZ!")
    assert kinds(text) == [("prose", text)]
    # A shouted heading over a sentence in sentence case stays a heading; so does a short shouted label.
    assert kinds("LA RÉFORME DES RETRAITES\nLe gouvernement présente son texte mardi.")[0] == (
        "title", "LA RÉFORME DES RETRAITES")
    assert kinds("RDC\nKINSHASA SOUS LA PLUIE DEPUIS TROIS JOURS")[0] == ("byline", "RDC")


def test_a_lower_case_word_alone_on_a_line_is_a_hard_wrap_not_an_agency_byline() -> None:
    text = "Le couvre-feu est prolongé de 72\nheures\net les écoles restent fermées."
    assert kinds(text) == [("prose", text)]
    assert ("byline", "AFP") in kinds("Le texte commence ici et dit quelque chose.\n\nAFP\n\nEt il continue ensuite.")


def test_a_wrapped_line_that_opens_like_a_teaser_goes_on_with_its_sentence() -> None:
    """"publié la nouvelle étude ..." after "l'institut de Lyon a": the rest of a sentence cut by a hard wrap,
    not a publication date ("Publié le 3 mars")."""
    text = ("Hier soir, vers 20h00, l'institut de Lyon a\npublié la nouvelle étude du professeur Martin qui\n"
            "porte cette fois sur 80 malades.")
    assert kinds(text) == [("prose", text)]
    # A teaser on its own line after a finished sentence stays furniture.
    assert ("teaser", "Publié le 3 mars à 10h") in kinds("Le maire a démissionné mardi.\nPublié le 3 mars à 10h")
