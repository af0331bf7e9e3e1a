from django.urls import path

from ncos.web.views import calculator, home

app_name = "web"
urlpatterns = [
    path("", home.home, name="home"),
    path("account/", home.account, name="account"),
    path("calculator/", calculator.calculator, name="calculator"),
]
