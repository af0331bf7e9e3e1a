from django.apps import AppConfig


class PassportsConfig(AppConfig):
    name = "ncos.passports"
    label = "passports"
    verbose_name = "Passport requests and overseas-travel permission"
