from django.urls import path

from ncos.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.search, name="search"),
    path("export.csv", views.export, name="export"),
    path("anomalies/", views.anomalies, name="anomalies"),
]
