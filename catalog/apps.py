from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = "Catalog"

    def ready(self) -> None:
        # Signal receivers that keep the search index and the facet index fresh.
        from . import facets, search  # noqa: F401
        from .oai import datestamps

        datestamps.connect()
        from .curation import signals

        signals.connect()
