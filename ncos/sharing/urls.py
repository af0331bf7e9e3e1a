from django.urls import URLPattern, URLResolver

app_name = "sharing"
urlpatterns: list[URLPattern | URLResolver] = []
