"""Reviewer web interface: the pages (GET). Actions (POST) live in claims.review.actions.

Every page needs a reviewer or an editor; each page loads its rows in a fixed number of queries
whatever the number of rows shown (tests pin the counts).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db.models import IntegerField, OuterRef, Subquery
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.error_messages import error_text
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
from claims.review import structured
from claims.review.labels import ENTITY_CHOICES, QUALIFIERS, tier_label
from claims.review.queue import OPEN, PER_PAGE, QueueFilters, QueuePage, date_text, queue_page
from claims.review.stats import dashboard
from claims.search import POSSIBLE, STRONG, match_claim
from claims.services import rules
from claims.services.candidates import article_candidates
from claims.services.errors import DomainError, StaleVersion
from claims.services.roles import is_editor, is_reviewer, team_members

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


def error_message(exc: DomainError) -> str:
    """The refusal in the reader's language (one catalogue for the pages and the API)."""
    return error_text(exc.code, exc.message, details=exc.details, status=exc.http_status)


def web_link(url: str) -> str:
    """The URL when it is safe to put in an href (http/https only: never javascript: or data:)."""
    return url if url.lower().startswith(("http://", "https://")) else ""


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "403.html", {"message": message}, status=403)


def not_found(request: HttpRequest, message: str = "") -> HttpResponse:
    """The translated 404 page inside the layout, also when DEBUG is on (Django's debug page is
    for developers, not for a reviewer following a stale link)."""
    return render(request, "404.html", {**_nav(request, ""), "message": message}, status=404)


def _http404_message(exc: Http404) -> str:
    # Our own 404s carry a translated sentence; get_object_or_404's is an English developer message.
    return str(exc.args[0]) if isinstance(exc, NotFound) and exc.args else ""


class NotFound(Http404):
    """A 404 whose message is written for the reader (translated)."""


def reviewer_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_reviewer(request.user):
            return forbidden(request, _("Your account has no reviewer or editor role yet: ask an editor."))
        try:
            return view(request, *args, **kwargs)
        except Http404 as exc:
            return not_found(request, _http404_message(exc))

    return wrapper


def editor_required(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_editor(request.user):
            return forbidden(request, _("Only editors can see this page."))
        try:
            return view(request, *args, **kwargs)
        except Http404 as exc:
            return not_found(request, _http404_message(exc))

    return wrapper


def _nav(request: HttpRequest, active: str) -> dict[str, Any]:
    return {"active": active, "user_is_editor": is_editor(request.user)}


@reviewer_required
def queue(request: HttpRequest) -> HttpResponse:
    filters = QueueFilters.from_query(request.GET)
    try:
        page = queue_page(filters, request.user)
        error, status = "", 200
    except DomainError as exc:  # a filter value the database cannot hold: say which, show nothing
        page = QueuePage(rows=[], has_next=False, counts={}, total_shown_status=0)
        error, status = error_message(exc), exc.http_status
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
        "error": error,
        "since_text": date_text(filters.since),
        "until_text": date_text(filters.until),
        # The format of the reader's language, spelt in its words ("jj/mm/aaaa").
        "date_placeholder": _("dd/mm/yyyy") if get_format("DATE_INPUT_FORMATS")[0] == "%d/%m/%Y" else _("yyyy-mm-dd"),
    }, status=status)


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
        ).select_related("rating", "author").prefetch_related("contributions")
    }
    rows = [(c, verdicts.get(c.pk), _wrote_part(verdicts.get(c.pk), request.user)) for c in claims]
    return render(request, "review/awaiting.html", {**_nav(request, "awaiting"), "rows": rows})


def _wrote_part(verdict: Verdict | None, user: Any) -> bool:
    """Did `user` write part of this verdict (so may not approve it)? The rulebook decides."""
    if verdict is None:
        return False
    refusal = rules.approval_refusal(verdict, user, contributor_ids=[c.user_id for c in verdict.contributions.all()])
    return refusal is not None and refusal.code == "own_verdict"


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
        raise NotFound(_("There is no article with this number."))
    claims = list(article.claims.select_related("assignee").order_by("start", "id"))
    for claim in claims:  # what each claim offers is the rulebook's answer for this person
        claim.can_reshape = rules.reshape_refusal(claim.status, actor=request.user) is None  # type: ignore[attr-defined]
        claim.can_dismiss = rules.transition_refusal(  # type: ignore[attr-defined]
            claim.status, ClaimStatus.DISMISSED, actor=request.user, comment="(a reason)") is None
    return {
        **_nav(request, "queue"),
        "article": article,
        "article_link": web_link(article.url or ""),
        "claims": claims,
        "segments": article_segments(article.text, claims),
        "open_claims": [c for c in claims if c.can_reshape],  # type: ignore[attr-defined]
        "candidates": article_candidates(article, claims=claims),
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


def prior_matches(claim: Claim) -> list[dict[str, Any]]:
    """Prior fact-checks and published verdicts that look like this claim (claims.search)."""
    return [
        {
            "text": m.claim_reviewed, "url": web_link(m.url), "rating": m.rating, "publisher": m.publisher,
            "tier": m.tier, "tier_label": tier_label(m.tier), "score": m.score,
            "claim_id": m.claim_id if m.kind == "verdict" else None,
        }
        # Reviewers see likely duplicates and paraphrases; merely related fact-checks stay in the API.
        for m in match_claim(claim=claim, limit=5, tiers=(STRONG, POSSIBLE))
    ]


def _with_links(verdicts: list[Verdict]) -> None:
    for verdict in verdicts:  # every source as text, linked only when it is a web address
        verdict.source_links = [(url, web_link(url)) for url in verdict.sources or []]  # type: ignore[attr-defined]


def _history(claim: Claim) -> list[Any]:
    """The claim's audit events, newest first, each with the username of the person it assigned
    (read in the same query: history lines name people without a query per line)."""
    assignee = User.objects.filter(pk=Cast(KeyTextTransform("assignee", OuterRef("after")), IntegerField()))
    return list(
        claim.audit_events.select_related("actor")
        .annotate(assignee_name=Subquery(assignee.values("username")[:1]))
        .order_by("-created_at", "-id")[:200]
    )


def _people(history: list[Any]) -> dict[int, str]:
    return {e.after["assignee"]: e.assignee_name for e in history
            if e.assignee_name and isinstance(e.after, dict) and e.after.get("assignee")}


def claim_context(request: HttpRequest, claim_id: int, **extra: Any) -> dict[str, Any]:
    claim = (
        Claim.objects.filter(pk=claim_id)
        .select_related("article", "assignee", "duplicate_of", "created_by")
        .first()
    )
    if claim is None:
        raise NotFound(_("There is no claim with this number."))
    user = request.user
    verdicts = list(
        claim.verdicts.select_related("rating", "author", "approver").prefetch_related("contributions")
        .order_by("-created_at", "-id")
    )
    _with_links(verdicts)
    open_verdict = next((v for v in verdicts if v.is_open), None)
    published_verdict = next((v for v in verdicts if v.status == VerdictStatus.PUBLISHED), None)
    buttons = []
    for to in rules.allowed_targets(claim, user):
        rule = rules.rule_for(claim.status, to)
        own = to == ClaimStatus.PUBLISHED and _wrote_part(open_verdict, user)
        buttons.append({
            "to": to,
            "label": TRANSITION_LABELS.get((claim.status, to), ClaimStatus(to).label),
            "needs_comment": rule.needs_comment,
            "comment_label": COMMENT_LABELS.get(to, gettext_lazy("Comment (required)")),
            "blocked": _("You wrote part of this verdict: another editor must approve it.") if own else "",
            "danger": to == ClaimStatus.DISMISSED or (claim.status, to) == ("in_review", "in_progress"),
            "correction": claim.status == ClaimStatus.PUBLISHED,
        })
    before, quote, after = _context_excerpt(claim)
    runs = list(claim.evidence_runs.all())
    evidence = list(claim.evidence.select_related("stance_by"))
    for item in evidence:
        item.link = web_link(item.url)  # type: ignore[attr-defined]
    history = _history(claim)
    # After a refusal the form shows what the person typed (their work is never lost); otherwise
    # the stored values.
    posted = extra.pop("posted", None)
    form_name = extra.pop("form_name", "")
    edit_values: Any = {"text": claim.text, "claimant": claim.claimant, "kind": claim.kind, "language": claim.language}
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
        "weighed": [e for e in evidence if e.stance != Stance.UNASSESSED],
        "runs": runs,
        "runs_pending": any(r.status in ("queued", "running") for r in runs),
        "comments": list(claim.comments.select_related("author")),
        "verdicts": verdicts,
        "open_verdict": open_verdict,
        "published_verdict": published_verdict,
        "verdict_editable": rules.verdict_edit_refusal(
            claim.status, open_verdict.status if open_verdict else None, actor=user) is None,
        "history": history,
        "people": _people(history),
        "ratings": list(Rating.objects.filter(is_active=True)),
        "buttons": [b for b in buttons if not b["correction"] and not b["needs_comment"]],
        "reason_buttons": [b for b in buttons if not b["correction"] and b["needs_comment"]],
        "correction_button": next((b for b in buttons if b["correction"]), None),
        "matches": prior_matches(claim),
        "stances": [(v, lbl) for v, lbl in Stance.choices if v != Stance.UNASSESSED],
        "kinds": ClaimKind.choices,
        "summary_max": CLAIMREVIEW_SUMMARY_MAX,
        "can_edit": rules.edit_refusal(claim.status, actor=user) is None,
        "can_mark_duplicate": rules.duplicate_source_refusal(claim.status, actor=user) is None,
        "can_gather_evidence": rules.evidence_refusal(claim.status, actor=user) is None,
        "edit_values": edit_values,
        "verdict_values": verdict_values,
        "structured": [
            ("entities", _("Entities"), structured.entity_rows(claim.entities)),
            ("quantities", _("Quantities"), structured.quantity_rows(claim.quantities)),
            ("dates", _("Dates"), structured.date_rows(claim.dates)),
        ],
        "entity_types": ENTITY_CHOICES,
        "entity_codes": [code for code, _label in ENTITY_CHOICES],
        "qualifiers": list(QUALIFIERS.items()),
        "assignees": list(team_members()) if rules.may_assign_others(user) else [],
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
