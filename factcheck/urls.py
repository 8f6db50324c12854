from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from factcheck import health
from factcheck.login_throttle import throttled

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="review:queue", permanent=False)),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("accounts/login/", throttled(auth_views.LoginView.as_view()), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(success_url="/review/"),
        name="password_change",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    # The admin's own login page, with the same throttle (matched before the admin's URLs).
    path("admin/login/", throttled(admin.site.login)),
    path("admin/", admin.site.urls),
    path("review/", include("claims.review.urls")),
    path("api/v1/", include("claims.api.urls")),
]
