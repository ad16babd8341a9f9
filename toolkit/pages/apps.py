from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "toolkit.pages"
    label = "pages"
    verbose_name = "Site pages"
