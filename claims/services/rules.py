"""The rulebook: every workflow rule as ONE side-effect-free decision (DESIGN.md §5).

The single-claim services (claims.services.workflow), the bulk services (claims.services.bulk), the
imports, the review pages, the API and the admin all ask these functions; none restates a rule.
A decision returns the DomainError to raise (or to count, in bulk) or None when the change is
allowed, so every path refuses the same input with the same code and HTTP status.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from claims.models import EDIT_LOCKED, TRANSITIONS, Article, Claim, ClaimStatus, Verdict, VerdictStatus
from claims.services.errors import Conflict, DomainError, InvalidInput, InvalidTransition, NotAllowed
from claims.services.roles import is_editor, is_reviewer


def status_words(value: str) -> str:
    """A status as plain words ("in_review" -> "in review"): messages stay in one language."""
    return str(value).replace("_", " ")


# --- transitions --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    needs_editor: bool = False
    needs_comment: bool = False


# Extra rules per (from, to). Every transition needs at least the reviewer role, and leaving
# `published` needs an editor whatever the edge (may_leave_published).
RULES: dict[tuple[str, str], Rule] = {
    (ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED): Rule(needs_editor=True),
    (ClaimStatus.IN_REVIEW, ClaimStatus.IN_PROGRESS): Rule(needs_editor=True, needs_comment=True),
    (ClaimStatus.PUBLISHED, ClaimStatus.IN_PROGRESS): Rule(needs_editor=True, needs_comment=True),
    (ClaimStatus.NEW, ClaimStatus.DISMISSED): Rule(needs_comment=True),
    (ClaimStatus.SELECTED, ClaimStatus.DISMISSED): Rule(needs_comment=True),
    (ClaimStatus.IN_PROGRESS, ClaimStatus.DISMISSED): Rule(needs_comment=True),
}

# Moves with side effects on a verdict (submit, publish, send back, correct): the per-claim service
# runs them, also in bulk.
VERDICT_MOVES = frozenset({
    (ClaimStatus.IN_PROGRESS, ClaimStatus.IN_REVIEW),
    (ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED),
    (ClaimStatus.IN_REVIEW, ClaimStatus.IN_PROGRESS),
    (ClaimStatus.PUBLISHED, ClaimStatus.IN_PROGRESS),
})


def rule_for(source: str, to: str) -> Rule:
    return RULES.get((source, to), Rule())


def may_leave_published(actor: Any) -> bool:
    """A published verdict is public: taking its claim out of `published`, by any edge and through
    any channel (a move, a duplicate, a bulk action), is an editor's act."""
    return is_editor(actor)


def target_refusal(to: str) -> DomainError | None:
    """Targets no claim can be moved to with a plain transition."""
    if to == ClaimStatus.DUPLICATE:
        return InvalidInput("Use 'mark as duplicate' and choose the original claim.", code="needs_original")
    if to not in ClaimStatus.values:
        return InvalidInput(f"Unknown status {to!r}.", code="unknown_status")
    return None


def transition_refusal(source: str, to: str, *, actor: Any, comment: str = "") -> DomainError | None:
    """Why a claim in `source` cannot move to `to` for this actor (with this comment), or None.

    The verdict-side checks of a move (a complete verdict to submit, a submitted one to approve and
    who may approve it) belong to the move itself: see approval_refusal and submission_refusal."""
    if not is_reviewer(actor):
        return NotAllowed("Only reviewers and editors can change claims.", code="role_required")
    refused = target_refusal(to)
    if refused is not None:
        return refused
    if source == to:
        return InvalidTransition(f"The claim is already {status_words(to)}.", code="already_there",
                                 short=f"already {status_words(to)}")
    if to not in TRANSITIONS.get(source, frozenset()):
        return InvalidTransition(
            f"A claim cannot go from {ClaimStatus(source).label} to {ClaimStatus(to).label}.",
            code="transition_not_allowed",
            details={"from": source, "to": to},
            short=f"cannot go from {status_words(source)} to {status_words(to)}",
        )
    if source == ClaimStatus.PUBLISHED and not may_leave_published(actor):
        return NotAllowed("Only an editor can take a claim out of published.", code="editor_required",
                          short="need an editor to go from published")
    rule = rule_for(source, to)
    if rule.needs_editor and not is_editor(actor):
        return NotAllowed("Only an editor can do this.", code="editor_required",
                          short=f"need an editor to go from {status_words(source)}")
    if rule.needs_comment and not comment.strip():
        return InvalidInput("Say why in a comment.", code="comment_required", short="need a comment saying why")
    return None


def allowed_targets(claim: Claim, actor: Any) -> list[str]:
    """The statuses this actor may move the claim to now, a comment given where one is needed
    (what the UI offers as buttons)."""
    return [
        to for to in sorted(TRANSITIONS.get(claim.status, frozenset()) - {ClaimStatus.DUPLICATE})
        if transition_refusal(claim.status, to, actor=actor, comment="(a comment)") is None
    ]


def starts_work(source: str, to: str, assignee_id: int | None) -> bool:
    """Starting work on an unassigned selected claim assigns it to whoever starts it."""
    return source == ClaimStatus.SELECTED and to == ClaimStatus.IN_PROGRESS and assignee_id is None


def reason_kept(source: str, to: str) -> bool:
    """The comment of a dismissal or a send-back is the claim's status_reason."""
    return to == ClaimStatus.DISMISSED or (source, to) == (ClaimStatus.IN_REVIEW, ClaimStatus.IN_PROGRESS)


# --- the claim's own fields ---------------------------------------------------------------------

EDITABLE_CLAIM_FIELDS = ("text", "claimant", "kind", "entities", "quantities", "dates", "language")


def edit_refusal(status: str, *, actor: Any, fields: Iterable[str] = ()) -> DomainError | None:
    """Why the claim's own fields cannot change now, or None (Claim.is_editable for the state)."""
    if not is_reviewer(actor):
        return NotAllowed("Only reviewers and editors can change claims.", code="role_required")
    unknown = set(fields) - set(EDITABLE_CLAIM_FIELDS)
    if unknown:
        return InvalidInput(f"These fields cannot be edited: {', '.join(sorted(unknown))}.", code="not_editable")
    if status in EDIT_LOCKED:
        return InvalidTransition(
            f"A claim {status_words(status)} cannot be edited: send it back or reopen it as a correction first.",
            code="claim_locked", short=f"locked while {status_words(status)}",
        )
    return None


# Claims that already carry a verdict under review or published keep their span: splitting or
# merging them would change what was reviewed.
RESHAPEABLE = frozenset({ClaimStatus.NEW, ClaimStatus.SELECTED, ClaimStatus.IN_PROGRESS, ClaimStatus.DISMISSED})


def reshape_refusal(status: str, *, actor: Any, doing: str = "split or merged") -> DomainError | None:
    """Why a claim in `status` cannot be split or merged now, or None."""
    if not is_reviewer(actor):
        return NotAllowed("Only reviewers and editors can change claims.", code="role_required")
    if status not in RESHAPEABLE:
        return InvalidTransition(f"A claim under review or published cannot be {doing}.", code="not_reshapeable")
    return None


# --- assignment ---------------------------------------------------------------------------------


def may_assign_others(actor: Any) -> bool:
    return is_editor(actor)


def assignment_refusal(*, actor: Any, assignee: Any) -> DomainError | None:
    """Reviewers take claims for themselves; only an editor assigns someone else; only to reviewers."""
    if not is_reviewer(actor):
        return NotAllowed("Only reviewers and editors can change claims.", code="role_required")
    if assignee is not None and not is_reviewer(assignee):
        return InvalidInput(f"{assignee.get_username()} is not a reviewer.", code="assignee_not_reviewer")
    if assignee is not None and assignee.pk != getattr(actor, "pk", None) and not may_assign_others(actor):
        return NotAllowed("Only an editor can assign claims to someone else.", code="editor_required")
    return None


# --- duplicates ---------------------------------------------------------------------------------


def duplicate_root(original: Claim) -> Claim:
    """The claim a duplicate points at: the original, or what it is itself a duplicate of (a chain
    is a few rows, followed once per request, not per selected claim). A cycle stops where it closes."""
    root = original
    seen: set[int] = set()
    while root.duplicate_of_id is not None and root.pk not in seen:
        seen.add(root.pk)
        root = Claim.objects.get(pk=root.duplicate_of_id)
    return root


def duplicate_source_refusal(status: str, *, actor: Any) -> DomainError | None:
    """Why a claim in `status` cannot be marked a duplicate of anything (a duplicate may be re-pointed)."""
    if not is_reviewer(actor):
        return NotAllowed("Only reviewers and editors can change claims.", code="role_required")
    if status != ClaimStatus.DUPLICATE and ClaimStatus.DUPLICATE not in TRANSITIONS.get(status, frozenset()):
        return InvalidTransition(
            f"A {status_words(status)} claim cannot become a duplicate: reopen it as a correction first.",
            code="transition_not_allowed", details={"from": status, "to": ClaimStatus.DUPLICATE},
            short=f"cannot go from {status_words(status)} to duplicate",
        )
    return None


def duplicate_refusal(*, pk: int, status: str, root: Claim, actor: Any) -> DomainError | None:
    """Why claim `pk` in `status` cannot become a duplicate of `root` (the end of its chain), or None."""
    refusal = duplicate_source_refusal(status, actor=actor)
    if refusal is not None:
        return refusal
    if pk == root.pk:
        return InvalidInput("A claim cannot be a duplicate of itself.", code="self_duplicate",
                            short="are the original itself")
    return None


def already_duplicate_of(*, status: str, duplicate_of_id: int | None, root: Claim) -> bool:
    return status == ClaimStatus.DUPLICATE and duplicate_of_id == root.pk


# --- evidence -----------------------------------------------------------------------------------


# Claims nobody is checking: a dismissed one is not worth it (restore it first); a duplicate shares
# its original's verdict, and its evidence was copied onto the original when it was marked.
EVIDENCE_CLOSED = frozenset({ClaimStatus.DISMISSED, ClaimStatus.DUPLICATE})


def evidence_refusal(status: str, *, actor: Any) -> DomainError | None:
    """Why this actor cannot work on a claim's evidence (re-run a provider, add a web page, set a
    stance) in `status` now, or None; the single-claim services, the bulk actions, the review pages,
    the API and the admin all ask this. Evidence is for claims being checked: not a dismissed claim
    or a duplicate. A published verdict is public: more research on it belongs to a correction,
    which is an editor's act (may_leave_published)."""
    if not is_reviewer(actor):
        return NotAllowed("Only reviewers and editors can work on evidence.", code="role_required")
    if status in EVIDENCE_CLOSED:
        return InvalidTransition(
            f"A {status_words(status)} claim is not being checked: restore it first (a duplicate's evidence "
            "goes to its original).", code="evidence_closed", short=f"are {status_words(status)}",
        )
    if status == ClaimStatus.PUBLISHED and not may_leave_published(actor):
        return NotAllowed("Only an editor can gather evidence for a published claim: reopen it as a correction.",
                          code="evidence_locked", short="need an editor while published")
    return None


# --- verdicts -----------------------------------------------------------------------------------

VERDICT_WRITABLE = (ClaimStatus.SELECTED, ClaimStatus.IN_PROGRESS)


def verdict_edit_refusal(claim_status: str, verdict_status: str | None, *, actor: Any) -> DomainError | None:
    """Why the claim's working verdict cannot be written now (verdict_status None: there is none yet)."""
    if not is_reviewer(actor):
        return NotAllowed("Only reviewers and editors can change claims.", code="role_required")
    if claim_status not in VERDICT_WRITABLE:
        return InvalidTransition(
            "A verdict can be written only while the claim is selected or in progress.", code="verdict_locked",
            short=f"verdict locked while {status_words(claim_status)}",
        )
    if verdict_status is not None and verdict_status != VerdictStatus.DRAFT:
        return InvalidTransition("This verdict is waiting for review and cannot be edited.", code="verdict_locked",
                                 short="verdict waiting for review")
    return None


def submission_refusal(verdict: Verdict | None) -> DomainError | None:
    if verdict is None or verdict.rating_id is None or not verdict.summary.strip():
        return InvalidTransition("Write a verdict with a rating and a summary before submitting.",
                                 code="verdict_incomplete")
    return None


def approval_refusal(verdict: Verdict | None, actor: Any, *, contributor_ids: Iterable[int] | None = None
                     ) -> DomainError | None:
    """Who may approve this verdict: an editor who wrote no part of it (the two-person rule).

    `contributor_ids` may be passed when already loaded (a page showing the verdict); otherwise it is read."""
    if verdict is None or verdict.status != VerdictStatus.SUBMITTED:
        return InvalidTransition("There is no submitted verdict to approve.", code="no_submitted_verdict")
    if not is_editor(actor):
        return NotAllowed("Only an editor can do this.", code="editor_required")
    if contributor_ids is None:
        contributor_ids = verdict.contributions.values_list("user_id", flat=True)
    writers = {verdict.author_id, *contributor_ids}
    if getattr(actor, "pk", None) in writers:
        return NotAllowed("Whoever wrote part of a verdict cannot approve it: ask another editor.",
                          code="own_verdict")
    return None


# --- articles -----------------------------------------------------------------------------------


def _operator(actor: Any) -> bool:
    """No account: a command run on the server by whoever operates it (manage.py ingest, demo)."""
    return getattr(actor, "pk", None) is None


def article_visible_to(article: Article, actor: Any) -> bool:
    """Reviewers see every article; an account without a role (a newsroom tool) sees its own."""
    return _operator(actor) or is_reviewer(actor) or article.submitted_by_id == actor.pk


def article_exists_refusal() -> Conflict:
    # Neutral on purpose: neither the id nor the title of an article the caller cannot see.
    return Conflict("An article with this address or this text was submitted by another account: "
                    "ask an editor to ingest it again.", code="article_exists")


def article_reingest_refusal(article: Article, actor: Any) -> DomainError | None:
    """Who may replace an article's text (same URL, new text) or queue it again: the account that
    submitted it, an editor, or the server's operator. Anyone else gets the neutral 409."""
    if _operator(actor) or article.submitted_by_id == actor.pk or is_editor(actor):
        return None
    return article_exists_refusal()
