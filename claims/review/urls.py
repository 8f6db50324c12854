from django.urls import path

from claims.review import actions, alerts, views

app_name = "review"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("awaiting/", views.awaiting, name="awaiting"),
    path("claims/bulk/", actions.claims_bulk, name="claims_bulk"),
    path("stats/", views.stats, name="stats"),
    path("alerts/", alerts.inbox, name="alerts"),
    path("alerts/<int:alert_id>/transition/", alerts.transition, name="alert_transition"),
    path("articles/<int:article_id>/", views.article_detail, name="article"),
    path("articles/<int:article_id>/claims/", actions.article_claim_create, name="article_claim_create"),
    path("articles/<int:article_id>/candidates/", actions.article_candidate_pull_up, name="candidate_pull_up"),
    path("articles/<int:article_id>/claims/<int:claim_id>/split/", actions.article_claim_split, name="claim_split"),
    path("articles/<int:article_id>/claims/<int:claim_id>/merge/", actions.article_claim_merge, name="claim_merge"),
    path(
        "articles/<int:article_id>/claims/<int:claim_id>/dismiss/",
        actions.article_claim_dismiss,
        name="claim_dismiss",
    ),
    path("claims/<int:claim_id>/", views.claim_detail, name="claim"),
    path("claims/<int:claim_id>/edit/", actions.claim_edit, name="claim_edit"),
    path("claims/<int:claim_id>/fields/<slug:kind>/", actions.claim_item_view, name="claim_item"),
    path("claims/<int:claim_id>/transition/", actions.claim_transition_view, name="claim_transition"),
    path("claims/<int:claim_id>/assign/", actions.claim_assign_view, name="claim_assign"),
    path("claims/<int:claim_id>/duplicate/", actions.claim_duplicate_view, name="claim_duplicate"),
    path("claims/<int:claim_id>/verdict/", actions.verdict_save_view, name="verdict_save"),
    path("claims/<int:claim_id>/comments/", actions.comment_add_view, name="comment_add"),
    path("claims/<int:claim_id>/evidence/", actions.evidence_add_view, name="evidence_add"),
    path("claims/<int:claim_id>/runs/<slug:provider>/retry/", actions.evidence_retry_view, name="evidence_retry"),
    path("evidence/<int:evidence_id>/stance/", actions.evidence_stance_view, name="evidence_stance"),
]
