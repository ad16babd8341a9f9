from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Peer review"

    def ready(self) -> None:
        from . import authorship
        from .views import signed_out  # noqa: F401 - connects its sign-in receiver

        authorship.connect()
