"""Routes: pages, sign-in (allauth, selected views only: no sign-up, no email paths), /api/v1/."""

from allauth.account import views as allauth_views
from django.urls import include, path

from ncos.accounts.views import LoginView
from ncos.web.views import home

auth_patterns = [
    path("login/", LoginView.as_view(), name="account_login"),
    path("logout/", allauth_views.logout, name="account_logout"),
    path("inactive/", allauth_views.account_inactive, name="account_inactive"),
    path("reauthenticate/", allauth_views.reauthenticate, name="account_reauthenticate"),
    path("password/change/", allauth_views.password_change, name="account_change_password"),
    path("2fa/", include("allauth.mfa.urls")),
]

urlpatterns = [
    path("", include("ncos.web.urls")),
    path("accounts/", include(auth_patterns)),
    path("users/", include("ncos.accounts.urls")),
    path("audit/", include("ncos.audit.urls")),
    path("registries/", include("ncos.directory.urls")),
    path("persons/", include("ncos.registry.urls")),
    path("search/", include("ncos.search.urls")),
    path("compliance/", include("ncos.compliance.urls")),
    path("cases/", include("ncos.cases.urls")),
    path("documents/", include("ncos.documents.urls")),
    path("sharing/", include("ncos.sharing.urls")),
    path("passports/", include("ncos.passports.urls")),
    path("api/v1/", include("ncos.api.urls")),
    path("healthz", home.healthz, name="healthz"),
]

handler500 = "ncos.web.views.errors.server_error"
