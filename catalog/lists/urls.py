"""Saved lists (DESIGN §10, second wave): the owner's pages, and the read-only share link."""

from django.urls import path

from ..competencies import views as competency_views
from . import views

app_name = "lists"

EXPORTS = ("ris", "bib", "json")

urlpatterns = [
    path("", views.list_index, name="index"),
    path("save/", views.save, name="save"),
    path("shared/<str:token>/", views.shared, name="shared"),
    path("shared/<str:token>/print/", views.shared_print, name="shared-print"),
    *[
        path(
            f"shared/<str:token>/export.{fmt}",
            views.shared_export,
            {"fmt": fmt},
            name=f"shared-export-{fmt}",
        )
        for fmt in EXPORTS
    ],
    path("shared/<str:token>/curriculum-map/", competency_views.shared_map, name="shared-map"),
    path(
        "shared/<str:token>/curriculum-map.csv",
        competency_views.shared_map_csv,
        name="shared-map-csv",
    ),
    path("<uuid:uuid>/", views.list_detail, name="detail"),
    path("<uuid:uuid>/curriculum-map/", competency_views.list_map, name="map"),
    path("<uuid:uuid>/curriculum-map.csv", competency_views.list_map_csv, name="map-csv"),
    path("<uuid:uuid>/settings/", views.list_settings, name="settings"),
    path("<uuid:uuid>/delete/", views.list_delete, name="delete"),
    path("<uuid:uuid>/share/", views.list_share, name="share"),
    path("<uuid:uuid>/print/", views.list_print, name="print"),
    *[
        path(f"<uuid:uuid>/export.{fmt}", views.list_export, {"fmt": fmt}, name=f"export-{fmt}")
        for fmt in EXPORTS
    ],
    path("<uuid:uuid>/items/<slug:slug>/note/", views.item_note, name="item-note"),
    path("<uuid:uuid>/items/<slug:slug>/move/", views.item_move, name="item-move"),
    path("<uuid:uuid>/items/<slug:slug>/remove/", views.item_remove, name="item-remove"),
]
