"""Claim extraction (DESIGN.md §6): pure functions over text, no ORM."""

from claims.extraction.pipeline import (
    ClaimCandidate,
    Extraction,
    candidate_dict,
    extract_claims,
    extract_texts,
)

__all__ = ["ClaimCandidate", "Extraction", "candidate_dict", "extract_claims", "extract_texts"]
