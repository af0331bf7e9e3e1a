from django.urls import URLPattern, URLResolver

app_name = "passports"
urlpatterns: list[URLPattern | URLResolver] = []
