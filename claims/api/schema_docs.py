"""What the OpenAPI schema says about each operation, written for the people who integrate the API.

One entry per operationId: a one-line summary and a description. claims.api.schema puts them in
the schema (never a view's docstring, which is written for this code's maintainers), and the
contract tests fail when an operation has no entry.
"""

from __future__ import annotations

OPERATIONS: dict[str, tuple[str, str]] = {
    "articles_list": (
        "List articles",
        "Articles newest first, with their extraction status. Reviewers see every article; an account "
        "without a reviewer role sees the articles it submitted. Keyset pagination: follow `next` (or the "
        "`Link` header). The claims of an article are on its own page (`GET /articles/{id}/`).",
    ),
    "articles_create": (
        "Submit an article",
        "Send the article's `text`, its `html` page or its `url`. The article is stored and queued for "
        "extraction at once: 202 with `status_url` (also in `Location`) to follow; poll it until "
        "`extraction_status` is `done` or `failed`. The same text (or the same page) again answers 200 with "
        "the existing article and queues nothing. 409 when the URL or text belongs to another account's "
        "article: only that account or an editor may submit it again, and the answer names no article.",
    ),
    "articles_retrieve": (
        "Get an article and its claims",
        "The article's extraction status and, once extracted, the claims found in it in text order "
        "(`claims`, each with its offsets into the article text).",
    ),
    "claims_list": (
        "List claims",
        "Claims most check-worthy first by default (`ordering` changes it), filtered by status, language, "
        "article, assignee, check-worthiness, verdict, rating, update time or a text search. Keyset "
        "pagination: follow `next` (or the `Link` header); pages stay stable while claims are added. "
        "`fields=id,text,status` returns only those fields (a `SparseClaim`) and reads less.",
    ),
    "claims_create": (
        "Create a claim by hand",
        "A claim typed in by a person, optionally on a span of an article (`start`/`end` must cut the "
        "article text). Answers 201 with the claim, its `ETag` and its `Location`.",
    ),
    "claims_retrieve": (
        "Get a claim",
        "The claim with its current verdict. The `ETag` header carries its version: send it back as "
        "`If-None-Match` to get a 304 when nothing changed, or as `If-Match` to change the claim. "
        "`fields=` narrows the answer to a `SparseClaim`.",
    ),
    "claims_partial_update": (
        "Edit or assign a claim",
        "Change the claim's text, claimant, kind, language, entities, quantities or dates, or assign it "
        "(editors). `If-Match` with the claim's ETag is required (428 without it); 412 when the claim "
        "changed since, with its current state in `details.current`. A claim in review or published "
        "answers 409 `claim_locked`.",
    ),
    "claims_transition_create": (
        "Move a claim through the workflow",
        "Select, start, dismiss (with a `comment`), submit for review, send back, publish, reopen or mark "
        "as a duplicate (`duplicate_of`). A move the workflow does not allow is a 409; a stale `version` a "
        "412. Publishing or reopening a published claim also needs the `publish` scope.",
    ),
    "claims_evidence_list": (
        "List a claim's evidence",
        "What the evidence providers found for the claim (prior fact-checks, the newsroom's library, "
        "Wikipedia, URL snapshots), most relevant first, with each item's stance.",
    ),
    "claims_evidence_create": (
        "Add a URL as evidence",
        "The page is fetched and kept as a snapshot in the background: 202, then follow `status_url` (the "
        "claim's provider runs).",
    ),
    "claims_evidence_partial_update": (
        "Set the stance of an evidence item",
        "Whether the item supports or refutes the claim (or is mixed, unrelated, unassessed), with a note.",
    ),
    "claims_runs_list": (
        "List a claim's provider runs",
        "One run per evidence provider: status, attempts, error, timings and how many items it found.",
    ),
    "claims_runs_retry_create": (
        "Run a provider again",
        "Queues the provider again for this claim: 202. A run that is already queued or running is a 409.",
    ),
    "claims_verdict_retrieve": (
        "Get a claim's verdict",
        "The working verdict (draft, submitted or approved) if there is one, else the latest published one, "
        "with `claimreview_problems`: what would stop it from being published as ClaimReview. 404 "
        "`no_verdict` when the claim has none yet.",
    ),
    "claims_verdict_update": (
        "Save a draft verdict",
        "Creates the claim's working verdict (201) or updates it (200): rating slug, summary (under 75 "
        "characters for ClaimReview), explanation and source URLs. Send the `version` you edited: a stale "
        "one is a 412.",
    ),
    "match_list": (
        "Find fact-checks of a piece of text",
        "\"Was this already checked?\": prior fact-checks (imported ClaimReview) and this newsroom's "
        "published verdicts that match the text, best first, each `strong` (the same claim) or `possible`, "
        "with a score between 0 and 1.",
    ),
    "claimreview_retrieve": (
        "Get the ClaimReview of a claim",
        "The schema.org ClaimReview (JSON-LD) of the claim's published verdict, as embedded in the public "
        "fact-check page. 404 `not_published` until a verdict is published.",
    ),
    "claimreview_feed_retrieve": (
        "Follow published verdicts as a ClaimReview feed",
        "A schema.org DataFeed of published verdicts, oldest change first, for incremental sync: keep the "
        "`next` link, or pass `updated_since`.",
    ),
    "ratings_list": (
        "List the rating scale",
        "The ratings a verdict can carry: slug (what the API takes and returns), labels in French and "
        "English, position on the numeric scale (none for Misleading or Unverifiable) and colour.",
    ),
    "sources_list": (
        "List watched sources",
        "The RSS/Atom feeds and sitemaps this newsroom watches, with their health: last poll, last success, "
        "last error, consecutive failures and when the next poll is due.",
    ),
    "sources_create": (
        "Watch a new source",
        "Add an RSS/Atom feed or a (news) sitemap to watch (editors, write scope); its first poll is due at "
        "once.",
    ),
    "alerts_list": (
        "List repeated-claim alerts",
        "New claims that strongly match an existing fact-check, newest first, filtered by state, source, "
        "creation time and tier. Keyset pagination like the claims list.",
    ),
    "alerts_retrieve": (
        "Get an alert",
        "The alert with its claim, the fact-check it matched, the source and the score.",
    ),
    "alerts_transition_create": (
        "Acknowledge, dismiss or open an alert",
        "`opened` selects the claim for checking; dismissing needs a `reason`. A move the alert's state "
        "does not allow is a 409.",
    ),
    "users_list": (
        "List the team",
        "The people who can be assigned claims (reviewers and editors), with their roles.",
    ),
    "users_retrieve": (
        "Get a team member",
        "One reviewer or editor, with their roles.",
    ),
    "stats_retrieve": (
        "Get workload counts",
        "Claims per status, articles per extraction status, published verdicts, evidence items and webhook "
        "deliveries still pending: what a dashboard shows.",
    ),
}
