"""An article written for these tests, with the behaviours of a real French news piece:
typographic apostrophes, headings, a byline, a teaser, quantities, dates and attributions."""

from __future__ import annotations

import pytest

ARTICLE_FR = """Pékin et Moscou : une alliance fragilisée par l’Asie centrale ?

Le président ouzbek s’est rendu à Pékin mardi pour sa première visite officielle depuis son élection. Il y a rencontré le Premier ministre chinois, Li Qiang.

Les ports et les céréales

Selon Anna Volkova, une économiste qui a quitté la Russie en 2022, l’Ouzbékistan a autorisé l’Union européenne à contrôler ses exportations vers la Russie afin d’éviter des sanctions. Le gouvernement ouzbek a envoyé près de 25 tonnes de farine au Liban. Il a également offert cinq camions de pompiers à la Moldavie.

Le pays a refusé d’envoyer des soldats en Ukraine et a surtout accusé Moscou de fragiliser la région.

Le président Chavkat Mirziyoyev a défendu cette ligne devant le Parlement. « Nous ne serons jamais le jouet d’une grande puissance. Notre pays commerce avec 40 partenaires », a-t-il déclaré.

Les dirigeants se retrouveront ces 12 et 13 octobre à Tachkent, lors d’un sommet qui réunit 11 pays d’Asie.

(AF)

Plus
"""

ARTICLE_EN = """Port strike enters second week

Dock workers in Rotterdam have been on strike since Monday, halting about 40 percent of container traffic, according to the Port Authority. "We lost 12 million euros in five days," said harbour director Pieter de Vries.
"""


@pytest.fixture(scope="session")
def article_fr() -> str:
    return ARTICLE_FR


@pytest.fixture(scope="session")
def extraction_fr(article_fr: str):  # type: ignore[no-untyped-def]
    from claims.extraction import extract_claims

    return extract_claims(article_fr, language="fr")
