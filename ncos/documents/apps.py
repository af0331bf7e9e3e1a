from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "ncos.documents"
    label = "documents"
    verbose_name = "PDF documents: notices, receipts, letters"
