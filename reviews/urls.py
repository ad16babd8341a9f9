"""Workflow pages (DESIGN §10). Transitions are POST-only."""

from django.urls import path

from .views import common

urlpatterns = [
    path(
        "submissions/<uuid:uuid>/files/<uuid:file_uuid>/",
        common.download,
        name="submission-file",
    ),
    # --- contributor: /submissions/
    # --- reviewer: /reviews/
    # --- editor: /editor/
]
