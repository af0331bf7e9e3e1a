"""/api/v1/: wiring only. Domain apps add their routes with one include line each."""

from django.urls import include, path

from ncos.api import views
from ncos.api.assessments import AssessmentView

app_name = "api"
urlpatterns = [
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("docs/", views.DocsView.as_view(url_name="api:schema"), name="docs"),
    path("me", views.MeView.as_view(), name="me"),
    path("jurisdictions", views.JurisdictionListView.as_view(), name="jurisdiction-list"),
    path("assessments", AssessmentView.as_view(), name="assessments"),
    path("", include("ncos.registry.api.urls")),
    path("", include("ncos.search.api.urls")),
    path("", include("ncos.compliance.api.urls")),
    path("", include("ncos.cases.api.urls")),
    path("", include("ncos.documents.api.urls")),
    path("", include("ncos.sharing.api.urls")),
    path("", include("ncos.passports.api.urls")),
]
