from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "ncos.cases"
    label = "cases"
    verbose_name = "Case management: caseloads, tasks, notes, visits, requests"
