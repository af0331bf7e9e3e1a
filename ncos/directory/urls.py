from django.urls import path

from ncos.directory import views

app_name = "directory"
urlpatterns = [path("", views.jurisdiction_list, name="list")]
