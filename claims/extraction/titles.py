"""What an article's title says, in words a statement can share: evidence for its lead (lead_choice._mark_lead).

A title restates the news its article reports ("La justice suspend la vente du Baclocur" / "La justice a suspendu
la vente du Baclocur, deux jours après ..."): the statement that shares its words is the one the article is about.
The words are compared as lowercase stems (their first STEM letters), so that a tense or a plural still matches
("suspend" / "suspendu", "rouvre" / "rouvrira"), without a parse of the title; function words
(spaCy's French stop words) and a site's boilerplate do not count.
"""

from __future__ import annotations

import re

from spacy.lang.fr.stop_words import STOP_WORDS

from claims.extraction.speech_verbs import says

# Letters of a word kept to compare it: enough to tell most words apart, few enough to match a word in another
# tense or number ("démission" / "démissionné", "ministre" / "ministres").
STEM = 5
# Shorter words (articles, "l'", "d'", "a") tell nothing of the news.
MIN_LETTERS = 3
_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*", re.UNICODE)
# What a site adds to every title, not the news: ": actualité automobile, infos, scoop", "VIDÉO.", "EN DIRECT".
TITLE_BOILERPLATE = frozenset({
    "actualité", "actualités", "actu", "info", "infos", "scoop", "scoops", "vidéo", "vidéos", "video", "videos",
    "photo", "photos", "direct", "exclusif", "exclusive", "exclu", "insolite", "images", "replay", "live",
})
# A site's name after the title: "... - Le Parisien", "... | Ouest-France" (a few capitalised words, with
# their articles and prepositions).
_SITE_NAME = re.compile(r"\s[-|–—]\s(?:(?:[A-ZÀ-Þ][\w'’.-]*|le|la|les|de|du|des|l'|d')\s?){1,4}$")
# Where a title's parts meet: "Alcoolisme: la justice ...", "... | Ouest-France", "... - Le Parisien".
_PARTS = re.compile(r"\s*[:|]\s+|\s[-–—]\s")


def title_stems(title: str) -> frozenset[str]:
    """The stems of a title's words that carry its news: "Alcoolisme: la justice suspend la vente du Baclocur"
    -> {alcoo, justi, suspe, vente, baclo}. A part that is mostly boilerplate goes whole: "McLaren BP23 : appelez-la
    Speedtail : actualité automobile, infos, scoop" keeps neither "actualité" nor "automobile" (the site's words,
    which any article about a car would share), but "VIDÉO. Un parieur gagne 134.700 euros" keeps "parieur"."""
    stems: set[str] = set()
    for part in _PARTS.split(_SITE_NAME.sub("", title.strip())):
        words = [word for word in _WORD.findall(part.lower()) if _stem(word)]
        boilerplate = [word for word in words if word in TITLE_BOILERPLATE]
        if len(boilerplate) * 2 <= len(words):  # a part mostly of boilerplate is the site's: all of it goes
            stems.update(_stem(word) for word in words if word not in TITLE_BOILERPLATE)
    return frozenset(stems)


def echo(text: str, stems: frozenset[str]) -> int:
    """How many of the title's stems a statement shares (each once): "La justice a suspendu la vente du
    Baclocur" shares 4 with the title above."""
    if not stems:
        return 0
    return len(stems.intersection(_stem(word) for word in _WORD.findall(text.lower())))


def _stem(word: str) -> str:
    """A word's stem, or "" for a function word or a word too short to tell anything (a number is kept whole:
    "483 décès")."""
    if word[0].isdigit():
        return word if len(word) >= 2 else ""
    if len(word) < MIN_LETTERS or word in STOP_WORDS:
        return ""
    return word[:STEM]


# A person's name in a title: two or more capitalised words, with a particle ("Bruno Le Maire", "Jean-Luc Mélenchon").
_NAME = r"((?:[A-ZÀ-Þ][\w'’-]+)(?:\s+(?:de\s+|d['’]|Le\s+|La\s+|Du\s+)?[A-ZÀ-Þ][\w'’-]+)+)"
# ..., <speech verb> <name> after a comma or a closing quotation mark: '"Aucun tribunal ne sera supprimé", assure
# Nicole Belloubet sur RTL', 'Emmanuel Macron est "un vieux dans un corps de jeune", selon Cécile Duflot'.
_SAID_BY = re.compile(r"(?:,|\"|»|”)\s*([\w'’-]+)\s+" + _NAME)


def speaker(title: str, language: str) -> str:
    """The person a title gives its words to ("..., assure Nicole Belloubet sur RTL": "Nicole Belloubet"), or "":
    after a speech verb of the language (speech_verbs.says) or "selon"."""
    for found in _SAID_BY.finditer(title):
        if found.group(1).lower() == "selon" or says(found.group(1), language):
            return found.group(2)
    return ""


# A title that opens on a person's name and goes on about them: "Paul Roux hospitalisé à Lyon", 'Paul Roux
# "confiant" avant son procès', "Paul Roux, maire de Dax, est mort", "Paul Roux : ses adieux".
_OPENS_ON_A_NAME = re.compile(r"^" + _NAME + r"(?=\s*[,:?!\"«“(]|\s+[a-zà-ÿ])")


def subject(title: str) -> str:
    """The name a title opens on when what follows is about that name ("Paul Roux hospitalisé à Lyon": "Paul
    Roux"), or "". Whether it is a person the article names, the article says (pipeline._name_offices)."""
    found = _OPENS_ON_A_NAME.match(title.strip())
    return found.group(1) if found else ""
