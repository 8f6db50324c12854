"""spaCy models: loaded lazily, once per process, from settings.FACTCHECK_SPACY_MODELS."""

from __future__ import annotations

import functools
import gc
import importlib
import threading
from collections.abc import Mapping

import spacy
from spacy.language import Language

# We read no lemmas: the lemmatizer and the attribute ruler cost ~15% of parse time (DESIGN.md §10).
# The attribute ruler is only dropped where a morphologizer already sets POS (French); English
# models derive POS from tags through it.
EXCLUDED_PIPES = ("lemmatizer",)
OPTIONAL_PIPES = ("attribute_ruler",)
# Longer chunks are split before parsing: the parser's memory grows with document length.
MAX_CHUNK_CHARS = 20_000

_lock = threading.Lock()


def configured_models() -> Mapping[str, str]:
    from django.conf import settings

    return getattr(settings, "FACTCHECK_SPACY_MODELS", {})


@functools.lru_cache(maxsize=8)
def _load(package: str) -> Language:
    with _lock:
        try:
            module = importlib.import_module(package)
            nlp = module.load(exclude=list(EXCLUDED_PIPES))
        except ModuleNotFoundError:
            nlp = spacy.load(package, exclude=list(EXCLUDED_PIPES))
    if "morphologizer" in nlp.pipe_names:
        for name in OPTIONAL_PIPES:
            if name in nlp.pipe_names:
                nlp.remove_pipe(name)
    nlp.max_length = max(nlp.max_length, MAX_CHUNK_CHARS * 2)
    # The model's hundreds of thousands of long-lived objects would otherwise be re-scanned by
    # every full garbage collection while documents are parsed.
    gc.collect()
    gc.freeze()
    return nlp


@functools.lru_cache(maxsize=8)
def _fallback(language: str) -> Language:
    """Tokenizer and punctuation sentencizer only: for languages without a configured model."""
    try:
        nlp = spacy.blank(language)
    except Exception:  # spaCy has no tokenizer rules for it: language-neutral ones
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def nlp_for(language: str, models: Mapping[str, str] | None = None) -> tuple[Language, bool]:
    """The pipeline for a language and whether it is a full model (False: sentence-level fallback)."""
    models = configured_models() if models is None else models
    package = models.get(language)
    if package:
        return _load(package), True
    return _fallback(language or "xx"), False
