"""Views that fail on purpose, for the error-page tests."""

from django.db import connection
from django.urls import include, path


def boom(request):  # noqa: ANN001, ANN201
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM table_that_does_not_exist_xyz")
    raise AssertionError("unreachable")


urlpatterns = [
    path("boom/", boom),
    path("api/v1/boom", boom),
    path("", include("config.urls")),
]

handler500 = "ncos.web.views.errors.server_error"
