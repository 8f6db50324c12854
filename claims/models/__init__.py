from claims.models.articles import Article, content_hash
from claims.models.choices import (
    Channel,
    ClaimKind,
    ClaimStatus,
    ExtractionStatus,
    RunStatus,
    Stance,
    VerdictStatus,
)
from claims.models.claims import EDIT_LOCKED, TRANSITIONS, Claim
from claims.models.evidence import Evidence, EvidenceRun, LibraryDocument, LibraryPassage, PriorFactCheck
from claims.models.operations import (
    API_SCOPES,
    WEBHOOK_EVENTS,
    ApiClient,
    AuditEvent,
    Webhook,
    WebhookDelivery,
    hash_api_key,
)
from claims.models.verdicts import (
    CLAIMREVIEW_SUMMARY_MAX,
    OPEN_VERDICT_STATUSES,
    Comment,
    Rating,
    Verdict,
    VerdictContributor,
    current_verdict,
)

__all__ = [
    "API_SCOPES",
    "CLAIMREVIEW_SUMMARY_MAX",
    "EDIT_LOCKED",
    "OPEN_VERDICT_STATUSES",
    "TRANSITIONS",
    "WEBHOOK_EVENTS",
    "ApiClient",
    "Article",
    "AuditEvent",
    "Channel",
    "Claim",
    "ClaimKind",
    "ClaimStatus",
    "Comment",
    "Evidence",
    "EvidenceRun",
    "ExtractionStatus",
    "LibraryDocument",
    "LibraryPassage",
    "PriorFactCheck",
    "Rating",
    "RunStatus",
    "Stance",
    "Verdict",
    "VerdictContributor",
    "VerdictStatus",
    "Webhook",
    "WebhookDelivery",
    "content_hash",
    "current_verdict",
    "hash_api_key",
]
