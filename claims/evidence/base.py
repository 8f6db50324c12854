"""The provider interface (DESIGN.md §7): search(claim) -> list[Candidate], a name, a timeout and
whether it needs the network. Providers read; they never write rows (claims.services.evidence does).
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ClassVar

from django.conf import settings
from django.utils.dateparse import parse_datetime

from claims.netfetch import FetchError, FetchResult, fetch_url
from claims.search.text import STOPWORDS, Analysis, analyse, fold, stem, tokens

# JSON APIs answer small documents; a multi-megabyte answer is a misconfigured endpoint.
API_MAX_BYTES = 2 * 1024 * 1024


@dataclass
class Candidate:
    """One source a provider found. `url` is unique per (claim, provider) and keeps reruns idempotent."""

    url: str
    title: str = ""
    publisher: str = ""
    excerpt: str = ""
    published_at: datetime | None = None
    relevance: float = 0.0
    match_tier: str = ""
    content_hash: str = ""
    prior_factcheck_id: int | None = None
    # A ClaimReview to upsert as a PriorFactCheck (factcheck_tools), in priors_import's row format.
    prior: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class ProviderError(Exception):
    """A provider could not answer. `retryable` failures (429, 5xx, timeouts) are retried with backoff."""

    def __init__(self, message: str, *, retryable: bool = False, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retryable = retryable
        self.retry_after = retry_after

    @classmethod
    def from_fetch(cls, exc: FetchError, *, what: str) -> ProviderError:
        return cls(f"{what}: {exc.message}", retryable=exc.retryable, retry_after=exc.retry_after)


class Provider:
    name: ClassVar[str] = ""
    label: ClassVar[str] = ""
    # Seconds per request (FACTCHECK_PROVIDER_TIMEOUTS overrides by name).
    timeout: ClassVar[float] = 10.0
    needs_network: ClassVar[bool] = False
    # Requests per second per worker process; 0 = unlimited. Overridable in FACTCHECK_PROVIDER_RATES.
    rate: ClassVar[float] = 0.0
    max_results: ClassVar[int] = 5

    def search(self, claim: Any, *, options: dict[str, Any] | None = None) -> list[Candidate]:
        raise NotImplementedError

    # --- helpers for network providers ----------------------------------------------------------
    def fetch_json(self, url: str, *, params: dict[str, str]) -> Any:
        """GET a JSON API through claims.netfetch (size cap, timeout, no private targets)."""
        throttle(self.name, self.effective_rate())
        try:
            result = fetch_url(url, params=params, timeout=self.effective_timeout(), max_bytes=API_MAX_BYTES,
                               allowed_types=("application/json",), headers={"Accept": "application/json"})
        except FetchError as exc:
            raise ProviderError.from_fetch(exc, what=self.label or self.name) from exc
        try:
            return json.loads(result.text())
        except ValueError as exc:
            raise ProviderError(f"{self.label or self.name}: the answer is not valid JSON.") from exc

    def fetch_page(self, url: str) -> FetchResult:
        throttle(self.name, self.effective_rate())
        try:
            return fetch_url(url, timeout=self.effective_timeout())
        except FetchError as exc:
            raise ProviderError.from_fetch(exc, what=url) from exc

    def effective_timeout(self) -> float:
        return float(getattr(settings, "FACTCHECK_PROVIDER_TIMEOUTS", {}).get(self.name, self.timeout))

    def effective_rate(self) -> float:
        return float(getattr(settings, "FACTCHECK_PROVIDER_RATES", {}).get(self.name, self.rate))


_last_call: dict[str, float] = {}
_throttle_lock = threading.Lock()


def throttle(name: str, rate: float) -> None:
    """Space calls to one provider at least 1/rate seconds apart in this process."""
    if rate <= 0:
        return
    interval = 1.0 / rate
    with _throttle_lock:
        now = time.monotonic()
        wait = _last_call.get(name, 0.0) + interval - now
        _last_call[name] = max(now, _last_call.get(name, 0.0) + interval)
    if wait > 0:
        time.sleep(wait)


def claim_analysis(claim: Any) -> Analysis:
    return analyse(claim.text, entities=claim.entities or (), quantities=claim.quantities or ())


def build_query(claim: Any, *, max_terms: int = 6) -> str:
    """Search words for a claim: its named entities, its figures, then its longest content words.

    The raw sentence makes poor queries (search engines AND every word, stopwords included), so a
    provider gets the few words that identify the claim, in the claim's language.
    """
    terms: list[str] = []
    seen: set[str] = set()

    def add(term: str) -> None:
        term = " ".join(term.split())
        key = fold(term)
        if term and key not in seen and key not in STOPWORDS and len(terms) < max_terms:
            seen.add(key)
            seen.update(fold(part) for part in term.split())
            terms.append(term)

    for entity in claim.entities or []:
        add(entity.get("text", "") if isinstance(entity, dict) else str(entity))
    for quantity in claim.quantities or []:
        if isinstance(quantity, dict):
            add(str(quantity.get("text") or quantity.get("value") or ""))
    analysis = analyse(claim.text)
    # Names found by capitalisation, then numbers, then the longest remaining content words.
    words = tokens(claim.text)
    names = [w for w in words if fold(w) in analysis.entities]
    numbers = [w for w in words if w[:1].isdigit()]
    content = sorted(
        (w for w in words if fold(w) not in STOPWORDS and w.isalpha() and len(w) > 3),
        key=lambda w: -len(w),
    )
    for word in [*names, *numbers, *content]:
        if fold(word) not in seen and stem(fold(word)) not in {stem(s) for s in seen}:
            add(word)
    return " ".join(terms)


_SENTENCES = re.compile(r"(?<=[.!?])\s+")


def best_excerpt(text: str, query: Analysis, *, size: int = 500) -> str:
    """The sentence window of `text` that shares the most words with the query."""
    sentences = [s.strip() for s in _SENTENCES.split(text) if s.strip()]
    if not sentences:
        return text[:size]
    best_index, best_score = 0, -1.0
    for index, sentence in enumerate(sentences):
        score = len(analyse(sentence).stems & query.stems)
        if score > best_score:
            best_index, best_score = index, score
    excerpt = sentences[best_index]
    after = best_index + 1
    before = best_index - 1
    while len(excerpt) < size and (after < len(sentences) or before >= 0):
        if after < len(sentences):
            excerpt = f"{excerpt} {sentences[after]}"
            after += 1
        if before >= 0 and len(excerpt) < size:
            excerpt = f"{sentences[before]} {excerpt}"
            before -= 1
    return excerpt[:size].rstrip() + ("…" if len(excerpt) > size else "")


def parse_date(value: Any) -> datetime | None:
    if not value or not isinstance(value, str):
        return None
    try:
        parsed = parse_datetime(value.strip().replace(" ", "T", 1) if "T" not in value else value.strip())
    except ValueError:
        parsed = None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed
