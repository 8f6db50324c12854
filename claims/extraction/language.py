"""Offline language detection with lingua, built once per process from a short list of languages.

A detector built from every language takes 1.3 GB; one built from a handful takes ~150 MB
(DESIGN.md §10). We add a few neighbours of the configured languages so that an article in,
say, German is recognised as unsupported instead of being forced into French.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

# Languages recognised only to be reported as unsupported.
_NEIGHBOURS = ("de", "es")
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


@functools.lru_cache(maxsize=4)
def _detector(codes: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    languages = []
    for code in codes:
        try:
            languages.append(IsoCode639_1.from_str(code))
        except ValueError:
            continue
    if len(languages) < 2:  # lingua needs at least two candidates
        languages.append(IsoCode639_1.EN if IsoCode639_1.EN not in languages else IsoCode639_1.FR)
    return LanguageDetectorBuilder.from_iso_codes_639_1(*languages).build()


def detect_language(text: str, supported: Iterable[str]) -> str:
    """ISO 639-1 code of the text's language, or "" when there is too little text to tell."""
    sample = text[:5000]
    if len(_LETTERS.findall(sample[:2000])) < 12:
        return ""
    codes = tuple(sorted(set(supported) | set(_NEIGHBOURS)))
    language = _detector(codes).detect_language_of(sample)
    if language is None:
        return ""
    return language.iso_code_639_1.name.lower()
