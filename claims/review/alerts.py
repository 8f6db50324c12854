"""The alerts inbox (/review/alerts/): repeated claims, newest first, each beside the rating of
the fact-check it repeats; one click to acknowledge, dismiss or open the claim for checking.
State changes go through claims.services.alerts.alert_transition, like the API and the admin."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from claims.models import Alert, AlertState, Channel, Source
from claims.review.views import _nav, error_message, reviewer_required, web_link
from claims.search import POSSIBLE, STRONG
from claims.services.alerts import alert_transition, matched_factcheck
from claims.services.errors import DomainError

PER_PAGE = 50
# One click: the dismiss button carries the most common reason; the menu offers the others.
DISMISS_REASONS = [
    gettext_lazy("Not the same claim"),
    gettext_lazy("Already handled"),
    gettext_lazy("Not worth checking again"),
]
TABS = [
    ("new", gettext_lazy("New")),
    ("acknowledged", gettext_lazy("Acknowledged")),
    ("dismissed", gettext_lazy("Dismissed")),
    ("opened", gettext_lazy("Opened")),
    ("possible", gettext_lazy("Possible matches")),
]


def _rows(alerts: list[Alert]) -> list[dict[str, Any]]:
    rows = []
    for alert in alerts:
        fact = matched_factcheck(alert)
        colour = alert.verdict.rating.colour if alert.verdict_id and alert.verdict.rating else ""
        rows.append({"alert": alert, "fact": fact, "fact_link": web_link(fact["url"] or ""), "colour": colour,
                     "article_link": web_link(alert.claim.article.url or "") if alert.claim.article else ""})
    return rows


@reviewer_required
def inbox(request: HttpRequest) -> HttpResponse:
    tab = request.GET.get("tab", "new")
    if tab not in dict(TABS):
        tab = "new"
    source = request.GET.get("source", "")
    alerts = Alert.objects.select_related("claim__article", "source", "prior_factcheck", "verdict__rating",
                                          "acted_by")
    if tab == "possible":
        alerts = alerts.filter(tier=POSSIBLE, state=AlertState.NEW)
    else:
        alerts = alerts.filter(tier=STRONG, state=tab)
    if source.isdigit():
        alerts = alerts.filter(source_id=int(source))
    try:
        before = int(request.GET.get("before", "0"))
    except ValueError:
        before = 0
    if before:
        alerts = alerts.filter(pk__lt=before)  # ids grow with time: a stable "older" page
    page = list(alerts.order_by("-created_at", "-id")[: PER_PAGE + 1])
    older = page[PER_PAGE].pk + 1 if len(page) > PER_PAGE else None
    base = reverse("review:alerts")
    return render(request, "review/alerts.html", {
        **_nav(request, "alerts"),
        "tab": tab,
        "tabs": [{"value": value, "label": label, "url": f"{base}?tab={value}" + (f"&source={source}" if source else "")}
                 for value, label in TABS],
        "rows": _rows(page[:PER_PAGE]),
        "sources": list(Source.objects.order_by("name").values_list("pk", "name")),
        "source": int(source) if source.isdigit() else None,
        "older_url": f"{base}?tab={tab}&before={older}" + (f"&source={source}" if source else "") if older else "",
        "reasons": DISMISS_REASONS,
        "has_sources": Source.objects.exists(),
    })


@reviewer_required
@require_POST
def transition(request: HttpRequest, alert_id: int) -> HttpResponse:
    to = request.POST.get("to", "")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("review:alerts")
    try:
        alert = alert_transition(alert=alert_id, to=to, reason=request.POST.get("reason", ""), actor=request.user,
                                 channel=Channel.UI)
    except DomainError as exc:
        messages.error(request, error_message(exc))
        return redirect(back)
    if to == AlertState.OPENED:
        messages.success(request, _("The claim is selected for checking."))
        return redirect("review:claim", claim_id=alert.claim_id)
    done = {AlertState.ACKNOWLEDGED: _("Alert acknowledged."), AlertState.DISMISSED: _("Alert dismissed."),
            AlertState.NEW: _("Alert moved back to new.")}
    messages.success(request, done.get(to, _("Alert updated.")))
    return redirect(back)
