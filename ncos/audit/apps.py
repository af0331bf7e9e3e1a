from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "ncos.audit"
    label = "audit"
    verbose_name = "Audit trail"
