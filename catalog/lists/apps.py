from django.apps import AppConfig


class ListsConfig(AppConfig):
    name = "catalog.lists"
    label = "lists"
    verbose_name = "Saved lists"
