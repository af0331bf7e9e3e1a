from django.urls import path

from ncos.search.api.views import PersonSearchView

urlpatterns = [
    path("persons/search", PersonSearchView.as_view(), name="person-search"),
]
