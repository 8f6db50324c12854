"""Reviewer web interface: the pages (GET). Actions (POST) live in claims.review.actions.

Every page needs a reviewer or an editor; each page loads its rows in a fixed number of queries
whatever the number of rows shown (tests pin the counts).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.models import (
    CLAIMREVIEW_SUMMARY_MAX,
    Article,
    Claim,
    ClaimKind,
    ClaimStatus,
    Rating,
    Stance,
    Verdict,
    VerdictStatus,
)
from claims.review.queue import OPEN, PER_PAGE, QueueFilters, queue_page
from claims.review.stats import dashboard
from claims.search import match_claim
from claims.services.candidates import article_candidates
from claims.services.errors import DomainError, StaleVersion
from claims.services.roles import EDITOR, REVIEWER, is_editor, is_reviewer
from claims.services.workflow import RULES, Rule, claim_allowed_transitions

View = Callable[..., HttpResponse]

# What each workflow button says, by (from, to). Unlisted pairs use the target status's label.
TRANSITION_LABELS: dict[tuple[str, str], Any] = {
    ("new", "selected"): gettext_lazy("Select for checking"),
    ("dismissed", "selected"): gettext_lazy("Select for checking"),
    ("selected", "in_progress"): gettext_lazy("Start checking"),
    ("in_progress", "in_review"): gettext_lazy("Submit for review"),
    ("in_review", "published"): gettext_lazy("Approve and publish"),
    ("in_review", "in_progress"): gettext_lazy("Send back"),
    ("published", "in_progress"): gettext_lazy("Reopen as correction"),
    ("dismissed", "new"): gettext_lazy("Restore"),
    ("new", "dismissed"): gettext_lazy("Dismiss"),
    ("selected", "dismissed"): gettext_lazy("Dismiss"),
    ("in_progress", "dismissed"): gettext_lazy("Dismiss"),
    ("duplicate", "new"): gettext_lazy("Not a duplicate"),
}
# What the required comment is for, by target status.
COMMENT_LABELS: dict[str, Any] = {
    "dismissed": gettext_lazy("Reason for dismissing (required)"),
    "in_progress": gettext_lazy("What needs to change (required)"),
}
# Domain error codes -> translated messages; unknown codes fall back to the service's own message.
ERROR_MESSAGES: dict[str, Any] = {
    "role_required": gettext_lazy("Only reviewers and editors can change claims."),
    "editor_required": gettext_lazy("Only an editor can do this."),
    "comment_required": gettext_lazy("Say why in a comment."),
    "own_verdict": gettext_lazy("The author of a verdict cannot approve it: ask another editor."),
    "verdict_incomplete": gettext_lazy("Write a verdict with a rating and a summary before submitting."),
    "verdict_locked": gettext_lazy("The verdict cannot be edited in this state."),
    "transition_not_allowed": gettext_lazy("This change is not possible in the claim's current state."),
    "no_submitted_verdict": gettext_lazy("There is no submitted verdict to approve."),
    "self_duplicate": gettext_lazy("A claim cannot be a duplicate of itself."),
    "empty_selection": gettext_lazy("Select some text of the article first."),
    "bad_offsets": gettext_lazy("The selection does not match the article text."),
    "untrimmed_selection": gettext_lazy("The selection must not begin or end with spaces."),
    "empty_comment": gettext_lazy("A comment cannot be empty."),
    "bad_split": gettext_lazy("Choose a split point inside the claim's text."),
    "not_reshapeable": gettext_lazy("A claim under review or published cannot be split or merged."),
    "nothing_to_merge": gettext_lazy("Choose at least one other claim of this article to merge."),
    "different_articles": gettext_lazy("Only claims placed in the same article can be merged."),
    "assignee_not_reviewer": gettext_lazy("This person is not a reviewer."),
}


def error_message(exc: DomainError) -> str:
    if exc.code in ERROR_MESSAGES:
        return str(ERROR_MESSAGES[exc.code])
    return exc.message


def web_link(url: str) -> str:
    """The URL when it is safe to put in an href (http/https only: never javascript: or data:)."""
    return url if url.lower().startswith(("http://", "https://")) else ""


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "review/forbidden.html", {"message": message}, status=403)


def reviewer_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_reviewer(request.user):
            return forbidden(request, _("Your account has no reviewer or editor role yet: ask an editor."))
        return view(request, *args, **kwargs)

    return wrapper


def editor_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_editor(request.user):
            return forbidden(request, _("Only editors can see this page."))
        return view(request, *args, **kwargs)

    return wrapper


def _nav(request: HttpRequest, active: str) -> dict[str, Any]:
    return {"active": active, "user_is_editor": is_editor(request.user)}


@reviewer_required
def queue(request: HttpRequest) -> HttpResponse:
    filters = QueueFilters.from_query(request.GET)
    page = queue_page(filters, request.user)
    status_tabs = [
        {"value": OPEN, "label": _("Open"), "count": page.total_shown_status, "url": filters.url(status="", page="")},
        *[
            {"value": value, "label": label, "count": page.counts.get(value, 0), "url": filters.url(status=value)}
            for value, label in ClaimStatus.choices
        ],
    ]
    sort_links = {
        key: filters.url(sort=(f"-{key}" if filters.sort == key and f"-{key}" in ("-score", "-age") else key))
        for key in ("score", "age", "article", "language", "status", "assignee", "evidence")
    }
    return render(request, "review/queue.html", {
        **_nav(request, "queue"),
        "filters": filters,
        "rows": page.rows,
        "first_index": (filters.page - 1) * PER_PAGE,
        "status_tabs": status_tabs,
        "statuses": ClaimStatus.choices,
        "sort_links": sort_links,
        "prev_url": filters.url(page=filters.page - 1) if filters.page > 1 else "",
        "next_url": filters.url(page=filters.page + 1) if page.has_next else "",
        "languages": [("fr", _("French")), ("en", _("English"))],
        # Row links from a prefix: reversing three URLs per row was a third of the page's render time.
        "claim_prefix": reverse("review:claim", args=[0])[:-2],
        "article_prefix": reverse("review:article", args=[0])[:-2],
    })


@editor_required
def awaiting(request: HttpRequest) -> HttpResponse:
    """Submitted verdicts waiting for a second pair of eyes, oldest first."""
    claims = list(
        Claim.objects.filter(status=ClaimStatus.IN_REVIEW)
        .select_related("article", "assignee")
        .order_by("updated_at", "id")[:200]
    )
    verdicts = {
        v.claim_id: v
        for v in Verdict.objects.filter(
            claim__in=claims, status=VerdictStatus.SUBMITTED
        ).select_related("rating", "author")
    }
    rows = [(c, verdicts.get(c.pk)) for c in claims]
    return render(request, "review/awaiting.html", {**_nav(request, "awaiting"), "rows": rows})


@dataclass
class Segment:
    text: str
    claim: Claim | None = None


def article_segments(text: str, claims: list[Claim]) -> list[Segment]:
    """The article cut into plain runs and claim spans. Overlapping spans: the first one wins the
    highlight, the other stays in the side list (the rendered text must equal article.text)."""
    segments: list[Segment] = []
    pos = 0
    for claim in sorted((c for c in claims if c.start is not None), key=lambda c: (c.start, -(c.end or 0))):
        if claim.start < pos or claim.end is None or claim.end > len(text):  # type: ignore[operator]
            continue
        if claim.start > pos:  # type: ignore[operator]
            segments.append(Segment(text[pos:claim.start]))
        segments.append(Segment(text[claim.start:claim.end], claim))
        pos = claim.end
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return segments


def article_context(request: HttpRequest, article_id: int, **extra: Any) -> dict[str, Any]:
    article = Article.objects.filter(pk=article_id).select_related("submitted_by").first()
    if article is None:
        raise Http404(_("No such article."))
    claims = list(article.claims.select_related("assignee").order_by("start", "id"))
    return {
        **_nav(request, "queue"),
        "article": article,
        "article_link": web_link(article.url or ""),
        "claims": claims,
        "segments": article_segments(article.text, claims),
        "open_claims": [c for c in claims if c.status not in (ClaimStatus.DUPLICATE,)],
        "candidates": article_candidates(article),
        **extra,
    }


@reviewer_required
def article_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    return render(request, "review/article.html", article_context(request, article_id))


def _context_excerpt(claim: Claim) -> tuple[str, str, str]:
    """The claim's sentence in its paragraph: (before, quote, after), each a slice of article.text."""
    if claim.article_id is None or claim.start is None or claim.end is None:
        return "", claim.quote or "", ""
    text = claim.article.text
    para_start = text.rfind("\n\n", 0, claim.start)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", claim.end)
    para_end = len(text) if para_end < 0 else para_end
    para_start = max(para_start, claim.start - 400)
    para_end = min(para_end, claim.end + 400)
    return text[para_start:claim.start], text[claim.start:claim.end], text[claim.end:para_end]


TIER_LABELS: dict[str, Any] = {"strong": gettext_lazy("strong match"), "possible": gettext_lazy("possible match")}


def prior_matches(claim: Claim) -> list[dict[str, Any]]:
    """Prior fact-checks and published verdicts that look like this claim (claims.search)."""
    return [
        {
            "text": m.claim_reviewed, "url": web_link(m.url), "rating": m.rating, "publisher": m.publisher,
            "tier": m.tier, "tier_label": TIER_LABELS.get(m.tier, m.tier), "score": m.score,
            "claim_id": m.claim_id if m.kind == "verdict" else None,
        }
        for m in match_claim(claim=claim, limit=5)
    ]


def claim_context(request: HttpRequest, claim_id: int, **extra: Any) -> dict[str, Any]:
    claim = (
        Claim.objects.filter(pk=claim_id)
        .select_related("article", "assignee", "duplicate_of", "created_by")
        .first()
    )
    if claim is None:
        raise Http404(_("No such claim."))
    user = request.user
    verdicts = list(claim.verdicts.select_related("rating", "author", "approver").order_by("-created_at", "-id"))
    open_verdict = next((v for v in verdicts if v.status in ("draft", "submitted", "approved")), None)
    allowed = claim_allowed_transitions(claim, user)
    buttons = []
    for to in allowed:
        rule = RULES.get((claim.status, to), Rule())
        own = to == ClaimStatus.PUBLISHED and open_verdict is not None and open_verdict.author_id == user.pk
        buttons.append({
            "to": to,
            "label": TRANSITION_LABELS.get((claim.status, to), ClaimStatus(to).label),
            "needs_comment": rule.needs_comment,
            "comment_label": COMMENT_LABELS.get(to, gettext_lazy("Comment (required)")),
            "blocked": _("You wrote this verdict: another editor must approve it.") if own else "",
            "danger": to == ClaimStatus.DISMISSED or (claim.status, to) == ("in_review", "in_progress"),
        })
    before, quote, after = _context_excerpt(claim)
    editor = is_editor(user)
    runs = list(claim.evidence_runs.all())
    evidence = list(claim.evidence.select_related("stance_by"))
    for item in evidence:
        item.link = web_link(item.url)  # type: ignore[attr-defined]
    # After a refusal the form shows what the person typed (their work is never lost); otherwise
    # the stored values.
    posted = extra.pop("posted", None)
    form_name = extra.pop("form_name", "")
    edit_values: Any = {
        "text": claim.text, "claimant": claim.claimant, "kind": claim.kind, "language": claim.language,
        **{k: json.dumps(getattr(claim, k), ensure_ascii=False) for k in ("entities", "quantities", "dates")},
    }
    verdict_values: Any = {
        "rating": open_verdict.rating.slug if open_verdict and open_verdict.rating else "",
        "summary": open_verdict.summary if open_verdict else "",
        "explanation": open_verdict.explanation if open_verdict else "",
        "sources": "\n".join(open_verdict.sources) if open_verdict else "",
    }
    if posted is not None and form_name == "edit":
        edit_values = posted
    elif posted is not None and form_name == "verdict":
        verdict_values = posted
    return {
        **_nav(request, "queue"),
        "claim": claim,
        "ctx_before": before,
        "ctx_quote": quote,
        "ctx_after": after,
        "evidence": evidence,
        "runs": runs,
        "runs_pending": any(r.status in ("queued", "running") for r in runs),
        "comments": list(claim.comments.select_related("author")),
        "verdicts": verdicts,
        "open_verdict": open_verdict,
        "verdict_editable": claim.status in ("selected", "in_progress")
        and (open_verdict is None or open_verdict.status == VerdictStatus.DRAFT),
        "history": list(claim.audit_events.select_related("actor").order_by("-created_at", "-id")[:200]),
        "ratings": list(Rating.objects.filter(is_active=True)),
        "buttons": buttons,
        "matches": prior_matches(claim),
        "stances": [(v, lbl) for v, lbl in Stance.choices if v != Stance.UNASSESSED],
        "kinds": ClaimKind.choices,
        "summary_max": CLAIMREVIEW_SUMMARY_MAX,
        "can_edit": claim.status not in (ClaimStatus.PUBLISHED, ClaimStatus.IN_REVIEW),
        "edit_values": edit_values,
        "verdict_values": verdict_values,
        "assignees": list(
            User.objects.filter(groups__name__in=[REVIEWER, EDITOR], is_active=True).distinct().order_by("username")
        ) if editor else [],
        **extra,
    }


@reviewer_required
def claim_detail(request: HttpRequest, claim_id: int) -> HttpResponse:
    return render(request, "review/claim.html", claim_context(request, claim_id))


def conflict_context(exc: StaleVersion) -> dict[str, Any]:
    return {"conflict": {"by": exc.changed_by, "at": exc.changed_at, "current": exc.current}}


@reviewer_required
def stats(request: HttpRequest) -> HttpResponse:
    return render(request, "review/stats.html", {**_nav(request, "stats"), **dashboard()})
