"""What stored codes read as for a person, in the active language: check-worthiness reasons, match
tiers, evidence providers, audit actions (history lines) and the dashboard's duration buckets.

The database keeps stable codes and English message ids (the scorer's reasons, `claim.transition`,
`prior_factchecks`); pages translate them here, at display, through the `review_labels` template
filters. Nothing here decides anything: it only names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from claims.models import AlertState, Channel, ClaimStatus, Stance

# The scorer marks its own reasons for translation (claims/extraction/checkworthiness.py, _RULES).
# These are reasons earlier scorers stored, still on rows extracted before: marked here so
# makemessages keeps them; reason_label() translates any reason the catalogue knows.
LEGACY_REASONS = [
    gettext_noop("future/hypothetical"), gettext_noop("scheduled event with a date"),
    gettext_noop("long sentence: several statements"), gettext_noop("in the lead"), gettext_noop("needs context"),
    gettext_noop("fragment without a verb"),
]
_SCORED_BY = re.compile(r"^scored by (?P<name>.+)$")


def reason_label(reason: Any) -> str:
    text = str(reason)
    scored = _SCORED_BY.match(text)
    if scored:
        return gettext("scored by the model %(name)s") % {"name": scored.group("name")}
    return gettext(text)


def reasons_for_and_against(reasons: Any) -> dict[str, list[str]]:
    """A claim's stored reasons, translated, in two lists: what raised its check-worthiness ("for") and what
    lowered it ("against": a question, the first person), each in the scorer's order (most telling first)."""
    from claims.extraction.checkworthiness import counts_against

    sides: dict[str, list[str]] = {"for": [], "against": []}
    for reason in reasons or ():
        sides["against" if counts_against(str(reason)) else "for"].append(reason_label(reason))
    return sides


TIER_LABELS: dict[str, Any] = {
    "strong": _("strong match"),
    "possible": _("possible match"),
    "related": _("related"),
}


def tier_label(tier: Any) -> str:
    return str(TIER_LABELS.get(str(tier), tier or ""))


PROVIDER_LABELS: dict[str, Any] = {
    "prior_factchecks": _("Prior fact-checks"),
    "library": _("Newsroom library"),
    "mediawiki": _("Wikipedia"),
    "factcheck_tools": _("Google Fact Check Tools"),
    "url_snapshot": _("Web page added by hand"),
}


def provider_label(name: Any) -> str:
    return str(PROVIDER_LABELS.get(str(name), name or ""))


# Quantity qualifiers (claims/extraction/lexicon.py APPROX values).
QUALIFIERS: dict[str, Any] = {
    "": _("exactly"),
    "approx": _("about"),
    "more_than": _("more than"),
    "less_than": _("less than"),
    "at_least": _("at least"),
    "at_most": _("at most"),
}
# Entity types of the spaCy models (French: PER/LOC/ORG/MISC; English: OntoNotes labels).
ENTITY_TYPES: dict[str, Any] = {
    "PER": _("Person"), "PERSON": _("Person"), "LOC": _("Place"), "GPE": _("Place"), "FAC": _("Place"),
    "ORG": _("Organisation"), "NORP": _("Group"), "MISC": _("Other name"), "EVENT": _("Event"),
    "PRODUCT": _("Product"), "WORK_OF_ART": _("Work"), "LAW": _("Law"), "LANGUAGE": _("Language"),
}
ENTITY_CHOICES = [("PER", _("Person")), ("ORG", _("Organisation")), ("LOC", _("Place")),
                  ("MISC", _("Other name"))]


def entity_type_label(label: Any) -> str:
    return str(ENTITY_TYPES.get(str(label or "").upper(), _("Name")))


# Duration buckets of the dashboard (claims/review/stats.py).
BUCKET_LABELS = [_("< 1 h"), _("< 1 d"), _("< 3 d"), _("< 7 d"), _("≥ 7 d")]


# --- history lines -------------------------------------------------------------------------------

def _status(value: Any) -> str:
    return str(ClaimStatus(value).label).lower() if value in ClaimStatus.values else str(value or "")


FIELD_NAMES: dict[str, Any] = {
    "text": _("text"), "claimant": _("claimant"), "kind": _("kind"), "language": _("language"),
    "entities": _("entities"), "quantities": _("quantities"), "dates": _("dates"),
    "rating": _("rating"), "summary": _("summary"),
}


def history_line(action: str, after: Mapping[str, Any] | None, before: Mapping[str, Any] | None = None,
                 *, people: Mapping[int, str] | None = None) -> str:
    """One audit event as a sentence (the actor, time and channel are shown beside it)."""
    after = after or {}
    before = before or {}
    people = people or {}
    if action.endswith(".refused"):
        return gettext("tried to save over a newer version: refused, nothing was overwritten")
    if action == "claim.transition":
        status = _status(after.get("status"))
        if before.get("status") == ClaimStatus.PUBLISHED:
            return gettext("reopened the claim as a correction (now %(status)s)") % {"status": status}
        return gettext("moved the claim to “%(status)s”") % {"status": status}
    if action == "claim.assign":
        who = after.get("assignee")
        if who is None:
            return gettext("unassigned the claim")
        return gettext("assigned the claim to %(who)s") % {"who": people.get(who, f"#{who}")}
    if action == "claim.update":
        fields = [str(FIELD_NAMES.get(k, k)) for k in after if k != "version"]
        return gettext("edited the %(fields)s") % {"fields": ", ".join(fields)} if fields else gettext("edited the claim")
    if action == "claim.duplicate":
        original = after.get("duplicate_of")
        if original:
            return gettext("marked the claim as a duplicate of claim %(n)s") % {"n": original}
        return gettext("marked the claim as a duplicate")
    if action == "evidence.stance":
        stance = after.get("stance")
        label = Stance(stance).label if stance in Stance.values else stance
        return gettext("marked a source as “%(stance)s”") % {"stance": str(label).lower()}
    if action.startswith("alert."):
        state = action.split(".", 1)[1]
        label = AlertState(state).label if state in AlertState.values else state
        return gettext("set the repeated-claim alert to “%(state)s”") % {"state": str(label).lower()}
    simple = SIMPLE_ACTIONS.get(action)
    if simple is not None:
        return str(simple)
    return gettext("recorded “%(action)s”") % {"action": action}


SIMPLE_ACTIONS: dict[str, Any] = {
    "claim.create": _("created the claim"),
    "claim.split": _("split the claim in two"),
    "claim.merge": _("merged other claims into this one"),
    "comment.add": _("added a comment"),
    "evidence.url_added": _("added a web page as evidence"),
    "evidence.run_retry": _("ran an evidence provider again"),
    "evidence.rerun": _("asked every evidence provider again"),
    "evidence.merge": _("received the evidence of a duplicate"),
    "verdict.create": _("wrote a draft verdict"),
    "verdict.update": _("edited the draft verdict"),
    "article.extract": _("extracted the claims of the article"),
    "article.reextract": _("extracted the article again"),
}


def channel_label(channel: Any) -> str:
    return str(Channel(channel).label) if channel in Channel.values else str(channel or "")
