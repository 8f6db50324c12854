"""A claim's text as a person reads it (readable): without links, @handles, emoji, hashtag runs and signs
(_without_noise, what the faithfulness check compares a text with; a handle or link a word governs stays),
footnote marks, quotation marks, a trailing "a-t-il déclaré", or the copies of a post pasted back to back
(_single_copy)."""

from __future__ import annotations

import functools
import re

from claims.extraction.normalise import EMOJI, plain_letters

# The handle's "@" is matched before the test of the character before it ("(?<!\w)@" would be the same), so
# that every alternative opens on a character the regex engine can look for: it skips the rest of the text.
# An Instagram handle has dots inside it ("Follow @discover.algeria.dz"), in lower case: all of it goes, not
# "@discover" alone; a full stop after a handle ends the sentence ("écrit à @BGriveaux.").
_NOISE = re.compile(
    r"https?://\S+|www\.\S+|@(?<!\w@)\w+(?:\.[a-z0-9_]+)*|" + EMOJI + "+", re.UNICODE
)


_GOVERNS = frozenset({"à", "a", "de", "du", "des", "d'", "sur", "avec", "par", "pour", "contre", "chez", "le",
                      "la", "les", "l'", "site", "compte", "adresse", "to", "at", "on", "by", "with", "from", "via",
                      "account", "website"})


def _noise_or_content(m: re.Match[str]) -> str:
    before = m.string[: m.start()].split()
    word = before[-1].lower() if before else ""
    return m.group(0) if word in _GOVERNS or word.endswith("'") else " "


_TRAILING_ATTRIBUTION = re.compile(
    r"""\s*(?:,\s*["»”]|["»”]\s*,|,)\s*(?:(?:a|ont|avait|avaient)-t-(?:il|elle|ils|elles)\s+\w+|\w+-t-(?:il|elle)"""
    r"""|\w+-(?:il|elle)|(?:he|she|they)\s+(?:said|added|told\s+\w+)|said\s+[^,.!?"]{1,60})"""
    r"""(?:,(?!\s*(?:que\b|qu'|that\b))[^.!?,]{0,30})?[.!?]?\s*$""",
    re.IGNORECASE,
)


def _single_copy(text: str) -> str:
    """"X X X Y" -> "X Y": posts shared several times are often pasted back to back; whatever follows
    the copies is kept."""
    words = text.split()
    if len(words) < 8:
        return text
    for period in range(4, len(words) // 2 + 1):
        if words[:period] == words[period : 2 * period]:
            i = period
            while words[i : i + period] == words[:period]:
                i += period
            return _single_copy(" ".join(words[:period] + words[i:]))  # until no copy is left
    return text


# A run of hashtags that opens or closes a post's sentence labels it ("#Covid19 #Santé Le ministre a
# ..."); a single one inside it is a word of the sentence ("le docteur #Mukwege"): only its sign goes.
_TAG_RUN = re.compile(r"^\W*(?:#\w+[\s,]*){2,}(?=\w)|(?<=[.!?…])\s*(?:#\w+\s*){1,}$|\s(?:#\w+\s*){2,}$")


@functools.lru_cache(maxsize=32)  # readable() and the faithfulness reference read the same text
def _without_noise(text: str) -> str:
    """What a post pasted into a sentence, gone: links, handles, emoji, runs of hashtags and hashtag signs
    (one the sentence governs stays). What readable() leaves out, and so what the faithfulness check
    compares its text with."""
    text = _NOISE.sub(_noise_or_content, text)
    text = plain_letters(text)  # bold or italic letters of a post read as plain ones
    return _TAG_RUN.sub(" ", text).replace("#", "") if "#" in text else text  # (every run has a "#")


_SPACE_BEFORE_STOP = re.compile(r"\s+(?=[.,!?…])")
_FOOTNOTE = re.compile(r"(?<=[^\W\d_])\*+(?=[\s,.;:!?)]|$)")


def readable(text: str, keep_tail: bool = False) -> str:
    """The claim as a person reads it: no links, @handles, hashtag signs or runs, emoji, footnote marks,
    quotation marks or trailing "a-t-il déclaré" (the quote keeps them all; `keep_tail` keeps the last)."""
    # (Each pattern is tried only where the character it needs is: a comma, an asterisk.)
    text = _without_noise(_TRAILING_ATTRIBUTION.sub("", text) if "," in text and not keep_tail else text)
    text = _FOOTNOTE.sub("", text) if "*" in text else text  # "une enquête* Harris"
    text = re.sub(r"[«»“”\"]", " ", text)
    text = _SPACE_BEFORE_STOP.sub("", text)
    text = _single_copy(" ".join(text.split()).strip(" ,;:-"))
    return text + "." if text and text[-1].isalnum() and len(text.split()) > 3 else text
