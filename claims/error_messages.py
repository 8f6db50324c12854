"""Every refusal's message in the reader's language, keyed by its stable code.

The services raise DomainErrors with a code and an English message (audit rows and logs keep that
English text). What a person reads is chosen here, once, for the review pages and the API alike:
`error_text()` looks the code up and fills in the details the error carries (status names are
translated too), so a French reader never gets an English sentence beside French ones. The API
keeps the service's own, more specific English message when it answers in English.

A code missing here falls back to a generic sentence of its HTTP family, never to English text in
a French answer; `tests/review/test_error_messages.py` checks that every code raised in `claims/`
has an entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from claims.models import ClaimStatus

# code -> message; %(name)s placeholders are filled from the error's details when they are all there,
# otherwise the entry's second form (without placeholders) is used.
MESSAGES: dict[str, Any] = {
    # roles and workflow (claims.services.rules)
    "role_required": _("Only reviewers and editors can change claims."),
    "editor_required": _("Only an editor can do this."),
    "comment_required": _("Say why in a comment."),
    "own_verdict": _("Whoever wrote part of a verdict cannot approve it: ask another editor."),
    "claim_locked": _("A claim under review or published cannot be edited: send it back or reopen it "
                      "as a correction first."),
    "transition_not_allowed": (_("A claim cannot go from %(from)s to %(to)s."),
                               _("This change is not possible in the claim's current state.")),
    "already_there": _("The claim is already in this state."),
    "needs_original": _("Use “mark as duplicate” and choose the original claim."),
    "unknown_status": _("Unknown status."),
    "not_editable": _("These fields cannot be edited."),
    "not_reshapeable": _("A claim under review or published cannot be split or merged."),
    "assignee_not_reviewer": _("This person is not a reviewer."),
    "self_duplicate": _("A claim cannot be a duplicate of itself."),
    "verdict_incomplete": _("Write a verdict with a rating and a summary before submitting."),
    "verdict_locked": _("The verdict cannot be edited in this state."),
    "no_submitted_verdict": _("There is no submitted verdict to approve."),
    "nothing_to_correct": _("This claim has no published verdict to correct."),
    "invalid_claimreview": _("This verdict would publish invalid ClaimReview markup: check its rating, summary "
                             "and sources."),
    "evidence_locked": _("Only an editor can gather evidence for a published claim: reopen it as a correction."),
    "evidence_closed": _("This claim is not being checked: restore it first (a duplicate's evidence goes to its "
                         "original)."),
    "stale_version": _("Not saved: this claim was changed since you opened it."),
    "article_exists": _("An article with this address or this text was submitted by another account."),
    "out_of_range": _("A value is out of range: check the numbers and the dates."),
    "invalid_kind": _("Unknown kind of claim."),
    "invalid_offsets": _("The offsets do not match the article text."),
    "empty_text": _("The text cannot be empty."),
    "inactive_rating": _("This rating is retired."),
    "unknown_stance": _("Unknown stance."),
    "invalid_stance": _("Unknown stance."),
    # the review pages' own forms
    "empty_selection": _("Select some text of the article first."),
    "bad_offsets": _("The selection does not match the article text."),
    "untrimmed_selection": _("The selection must not begin or end with spaces."),
    "empty_comment": _("A comment cannot be empty."),
    "comment_too_long": _("This comment is too long."),
    "bad_split": _("Choose a split point inside the claim's text."),
    "no_offsets": _("Only a claim with a place in an article can be split."),
    "nothing_to_merge": _("Choose at least one other claim of this article to merge."),
    "different_articles": _("Only claims placed in the same article can be merged."),
    "unknown_user": _("No such person."),
    "stale_item": _("This item is gone: reload the page."),
    "unknown_claim": (_("There is no claim number %(id)s."), _("There is no such claim.")),
    # evidence
    "unknown_provider": _("Unknown evidence provider."),
    "run_in_progress": _("This provider is working on the claim now; try again in a moment."),
    "no_url": _("Add a web address first."),
    "invalid_source": (_("Not a web address: %(url)s"), _("Not a web address.")),
    # articles, fetching and ingestion
    "empty": _("The text is empty."),
    "no_content": _("Send the article's text, its HTML or its web address."),
    "empty_article": _("Send the article's text, its HTML or its web address."),
    "binary_content": _("This looks like a binary file, not text."),
    "invalid_utf8": _("The text is not valid UTF-8: convert it to UTF-8 first."),
    "too_large": _("This is too large to process."),
    "no_article_body": _("No article text was found (only navigation or boilerplate)."),
    "duplicate_text": _("This page has the same text as an article already stored."),
    "invalid_date": _("Give a date or a date and time in ISO format."),
    "unsupported_language": _("This language is not supported."),
    "invalid_url": _("Give a full web address starting with http:// or https://."),
    "dns_error": _("The host name could not be resolved."),
    "private_address": _("Refusing to connect to a private or reserved address."),
    "timeout": _("The other server took too long to answer."),
    "connect_error": _("Could not connect to the other server."),
    "http_error": (_("The other server answered %(status)s."), _("The other server answered with an error.")),
    "bad_content_type": _("The other server sent a kind of document that cannot be read."),
    "too_many_redirects": _("Too many redirects."),
    "too_deep": _("The JSON is nested too deeply."),
    # alerts and sources
    "not_found": _("Not found."),
    "alert_transition_not_allowed": _("This alert cannot make that change in its current state."),
    "invalid_state": _("Unknown alert state."),
    "reason_required": _("Say why the alert is dismissed."),
    "duplicate_source": _("This feed is already watched."),
    "invalid_interval": _("The polling interval must be a whole number of minutes within the allowed range."),
    "file_not_allowed": _("This file is not under a folder allowed for file sources."),
    # API keys, webhooks
    "empty_name": _("A name is required."),
    "invalid_scopes": _("Unknown scope: use read, write or publish."),
    "invalid_role": _("Unknown role."),
    "not_key_owner": _("Only the account itself or a superuser can create or change keys acting as it."),
    "invalid_events": _("Unknown webhook event."),
    # the API's own refusals (claims.api)
    "invalid_api_key": _("Invalid API key: send it as “Authorization: Api-Key <key>”."),
    "revoked_api_key": _("This API key has been revoked."),
    "inactive_user": _("The account of this API key is disabled."),
    "scope_required": _("This API key lacks the scope this call needs."),
    "no_verdict": _("This claim has no verdict yet."),
    "not_published": _("This claim has no published verdict."),
    "empty_patch": _("Nothing to change."),
    "invalid_cursor": _("Invalid cursor."),
    "invalid_ordering": _("Unknown ordering."),
    "invalid_if_match": _("Send the claim's ETag in If-Match, e.g. \"claim-12-v3\"."),
    "unknown_fields": _("Unknown fields."),
    "precondition_required": _("Send the claim's ETag in an If-Match header to change it."),
    "request_too_large": _("The request body is too large."),
    "unavailable": _("This feature is not available on this server."),
    "database_unavailable": _("The database is unavailable for a moment; nothing was saved. Please try again "
                              "shortly."),
    "no_endpoint": _("No such endpoint."),
    # pulling up a candidate the extractor ranked below the article's short list (claims.services.candidates)
    "unknown_article": _("The article no longer exists."),
    "unknown_candidate": _("That candidate is no longer available: the article may have been extracted again."),
    "already_claimed": _("That sentence is already a claim."),
}

# By HTTP status, for a code this catalogue does not know (never English text in another language).
BY_STATUS: dict[int, Any] = {
    400: _("The request is invalid."),
    403: _("You are not allowed to do this."),
    404: _("Not found."),
    409: _("This change is not possible in the current state."),
    412: _("Not saved: this was changed since you opened it."),
}


def _fill(entry: Any, details: Mapping[str, Any]) -> str:
    if not isinstance(entry, tuple):
        return str(entry)
    with_params, without = entry
    params = {k: _param(k, v) for k, v in details.items()}
    try:
        return str(with_params) % params
    except (KeyError, TypeError, ValueError):
        return str(without)


def _param(key: str, value: Any) -> Any:
    if key in ("from", "to") and value in ClaimStatus.values:
        return str(ClaimStatus(value).label).lower()
    return value


def english() -> bool:
    return (get_language() or "en").startswith("en")


def error_text(code: str, message: str = "", *, details: Mapping[str, Any] | None = None,
               status: int = 400, own_in_english: bool = False) -> str:
    """The message a person reads for the refusal `code` in the active language.

    `own_in_english`: in English, keep the caller's own (more specific) `message`: the API does this
    so its English answers stay as precise as the service wrote them."""
    if own_in_english and message and english():
        return message
    if code in MESSAGES:
        return _fill(MESSAGES[code], details or {})
    if message and english():
        return message
    return str(BY_STATUS.get(status, BY_STATUS[400 if status < 500 else 409]))
