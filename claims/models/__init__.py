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
from claims.models.claims import TRANSITIONS, Claim
from claims.models.evidence import (
    Evidence,
    EvidenceRun,
    LibraryDocument,
    LibraryPassage,
    PriorFactCheck,
    PriorTerm,
)
from claims.models.operations import (
    API_SCOPES,
    WEBHOOK_EVENTS,
    ApiClient,
    AuditEvent,
    Webhook,
    WebhookDelivery,
    hash_api_key,
)
from claims.models.verdicts import CLAIMREVIEW_SUMMARY_MAX, Comment, Rating, Verdict

__all__ = [
    "API_SCOPES",
    "CLAIMREVIEW_SUMMARY_MAX",
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
    "PriorTerm",
    "Rating",
    "RunStatus",
    "Stance",
    "Verdict",
    "VerdictStatus",
    "Webhook",
    "WebhookDelivery",
    "content_hash",
    "hash_api_key",
]
