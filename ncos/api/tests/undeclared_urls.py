"""An API view that forgot to declare its action, for the default-deny test."""

from django.urls import include, path
from rest_framework.response import Response
from rest_framework.views import APIView


class Forgetful(APIView):
    def get(self, request):  # noqa: ANN001, ANN201
        return Response({"secret": "should never be served"})


urlpatterns = [
    path("api/v1/forgetful", Forgetful.as_view()),
    path("", include("config.urls")),
]
