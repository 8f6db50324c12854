"""What extraction hands back (ClaimCandidate, Extraction) and what it carries while it reads an article: its
parsed chunks (_Chunk) and the article itself with its candidates so far, who spoke last, the poll whose
figures it gives, and the context a subject is named from (Article)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claims.extraction import rewrite as rw
from claims.extraction.checkworthiness import Signals
from claims.extraction.normalise import Normalised


@dataclass
class ClaimCandidate:
    start: int
    end: int
    quote: str
    text: str
    language: str
    kind: str = "other"
    claimant: str = ""
    entities: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    checkworthiness: float = 0.0
    checkworthiness_reasons: list[str] = field(default_factory=list)
    outlet: str = ""
    needs_context: bool = False
    signals: Signals | None = None
    checkable: str = ""  # the quote without its attribution and repeated pastes: what `text` must stay faithful to
    usable: float = 1.0  # how likely its text is usable as written (usability.py; 1.0 without a model)

    @property
    def headline(self) -> bool:
        """Read from a title or a heading (never stored: an article's headings are furniture)."""
        return self.signals is not None and bool(self.signals.extra.get("headline"))


@dataclass
class Extraction:
    language: str
    claims: list[ClaimCandidate]
    skipped: list[dict[str, Any]]
    fallback: bool = False
    note: str = ""
    # Candidates below the threshold or past the article's short list: kept so a reviewer can pull one up.
    recoverable: list[ClaimCandidate] = field(default_factory=list)
    sentences: int = 0
    # Candidates read from titles and headings: never stored nor offered for pulling up (an article's
    # headings are furniture), but a post's first line is often its claim (selection.top_claim).
    headlines: list[ClaimCandidate] = field(default_factory=list)


@dataclass
class _Chunk:
    start: int  # normalised offsets of the parsed text
    end: int
    prose: list[tuple[int, int]]  # parsed blocks (prose and headlines), relative to the chunk
    starts: list[int]  # every block start, relative to the chunk: forced sentence starts
    headlines: list[tuple[int, int]] = field(default_factory=list)  # titles and headings among them


@dataclass
class Article:
    original: str
    norm: Normalised
    language: str
    skipped: list[dict[str, Any]]
    chunks: list[_Chunk]
    candidates: list[ClaimCandidate] = field(default_factory=list)
    context: rw.Context = field(default_factory=rw.Context)
    sentences: int = 0
    last_claimant: str = ""
    last_claimant_at: int = 0  # the sentence count when it was set
    last_claimant_alone: bool = False  # whether the sentence that set it named no other person outside quotation marks
    last_claimant_how: str = ""  # how that sentence attributed its statement ("speech", "pronoun:il", ...)
    last_claimant_asked: bool = False  # whether what it quoted was a question
    last_source: str | None = None  # what a "source" attribution resolved to ("" when anonymous), if any
    # lexicon.ISSUED_NOUNS -> who the last sentence that spoke of one ("dans un communiqué") attributed it to
    issuers: dict[str, str] = field(default_factory=dict)
    # an English body noun ("club") -> the organisation its bare description stood for (claimants._body_described_en)
    bodies: dict[str, str] = field(default_factory=dict)
    survey: str = ""  # who made the poll or study whose figures the last sentences gave ("Elabe")
    survey_at: int = 0  # the sentence count when its last figure was given
    sentence_text: str = ""  # the sentence whose claimant is being resolved
    # The context as it was when the open quotation of several sentences began: who a pronoun closing it is.
    before_quotation: rw.Context | None = None
    paired: dict[str, set[str]] = field(default_factory=dict)  # an office -> everyone the article named with it
    previous_text: str = ""  # the sentence before, of those long enough for a claim
