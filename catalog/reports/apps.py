from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "catalog.reports"
    label = "reports"
    verbose_name = "Implementation reports"
