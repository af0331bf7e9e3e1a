from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "ncos.compliance"
    label = "compliance"
    verbose_name = "Reports, receipts, notices and compliance"
