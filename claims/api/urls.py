from csp.decorators import csp_update
from django.urls import path, re_path
from drf_spectacular.views import SpectacularSwaggerSplitView

from claims.api.errors import not_found
from claims.api.permissions import Authenticated, ClientApi
from claims.api.schema import SchemaView
from claims.api.views import articles, claims, evidence, public, team, verdicts, watch

app_name = "api"
urlpatterns = [
    path("articles/", articles.ArticleList.as_view(), name="article-list"),
    path("articles/<int:pk>/", articles.ArticleDetail.as_view(), name="article-detail"),
    path("claims/", claims.ClaimList.as_view(), name="claim-list"),
    path("claims/<int:pk>/", claims.ClaimDetail.as_view(), name="claim-detail"),
    path("claims/<int:pk>/transition/", claims.ClaimTransition.as_view(), name="claim-transition"),
    path("claims/<int:pk>/evidence/", evidence.EvidenceList.as_view(), name="claim-evidence"),
    path("claims/<int:pk>/evidence/<int:evidence_id>/", evidence.EvidenceDetail.as_view(), name="evidence-detail"),
    path("claims/<int:pk>/runs/", evidence.RunList.as_view(), name="claim-runs"),
    re_path(r"^claims/(?P<pk>\d+)/runs/(?P<provider>[a-z0-9_]+)/retry/?$", evidence.RunRetry.as_view(),
            name="run-retry"),
    path("claims/<int:pk>/verdict/", verdicts.VerdictDetail.as_view(), name="claim-verdict"),
    path("match/", public.MatchView.as_view(), name="match"),
    path("sources/", watch.SourceList.as_view(), name="source-list"),
    path("alerts/", watch.AlertList.as_view(), name="alert-list"),
    path("alerts/<int:pk>/", watch.AlertDetail.as_view(), name="alert-detail"),
    path("alerts/<int:pk>/transition/", watch.AlertTransition.as_view(), name="alert-transition"),
    re_path(r"^claimreview/feed/?$", public.ClaimReviewFeed.as_view(), name="claimreview-feed"),
    re_path(r"^claimreview/(?P<claim_id>\d+)/?$", public.ClaimReviewDetail.as_view(), name="claimreview-detail"),
    path("ratings/", public.RatingList.as_view(), name="rating-list"),
    path("users/", team.UserList.as_view(), name="user-list"),
    path("users/<int:pk>/", team.UserDetail.as_view(), name="user-detail"),
    path("stats/", team.StatsView.as_view(), name="stats"),
    # The schema and docs describe internal endpoints: for signed-in people and read keys only.
    path("schema/", SchemaView.as_view(permission_classes=[ClientApi]), name="schema"),
    # Swagger UI under the Content-Security-Policy: the split view serves its start-up script as a file
    # (no inline script); its page and its widgets style with inline <style>, allowed on this view only.
    path("docs/", csp_update({"style-src": ["'unsafe-inline'"]})(
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", permission_classes=[Authenticated])
    ), name="docs"),
    re_path(r"^.*$", not_found),
]
