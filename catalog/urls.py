"""Public catalog URLs (DESIGN §10), included at the site root."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.generic import TemplateView

from . import views
from .competencies import views as competency_views
from .curation import views as collection_views
from .feeds import ResourceFeed
from .sitemaps import SITEMAPS

app_name = "catalog"

urlpatterns = []

# --- search and browse ------------------------------------------------------------
urlpatterns += [
    path("catalog/", views.ResourceListView.as_view(), name="resource-list"),
    path("catalog/feed/", ResourceFeed(), name="resource-feed"),
    path(
        "catalog/feed.xsl",
        TemplateView.as_view(template_name="catalog/feed.xsl", content_type="text/xsl"),
        name="feed-stylesheet",
    ),
    path("editor/searches/", views.SearchLogView.as_view(), name="search-log"),
    path("collections/", collection_views.collection_list, name="collection-list"),
    path("collections/<slug:slug>/", collection_views.collection_detail, name="collection-detail"),
    path(
        "collections/<slug:slug>/curriculum-map/",
        competency_views.collection_map,
        name="collection-map",
    ),
    path(
        "collections/<slug:slug>/curriculum-map.csv",
        competency_views.collection_map_csv,
        name="collection-map-csv",
    ),
]

# --- detail, versions, citations, harvesting ------------------------------------
# Appended AFTER the fixed catalog routes above: "catalog/feed/" (and any other
# fixed "catalog/<word>/" route) must be matched before "catalog/<slug>/", which
# would otherwise take "feed" for a slug. Add fixed catalog routes above this block.
urlpatterns += [
    path("catalog/<slug:slug>/", views.ResourceDetailView.as_view(), name="resource-detail"),
    path(
        "catalog/<slug:slug>/v<int:number>/",
        views.ResourceDetailView.as_view(),
        name="resource-version",
    ),
    path("catalog/<slug:slug>/files/<uuid:file_id>/", views.resource_file, name="resource-file"),
    path(
        "catalog/<slug:slug>/v<int:number>/share.png",
        views.resource_share_image,
        name="resource-share-image",
    ),
    *[
        path(f"{prefix}cite.{fmt}", views.resource_citation, {"fmt": fmt}, name=f"{name}-{fmt}")
        for fmt in ("ris", "bib", "json")
        for prefix, name in (
            ("catalog/<slug:slug>/", "resource-cite"),
            ("catalog/<slug:slug>/v<int:number>/", "resource-version-cite"),
        )
    ],
    *[
        path(f"{prefix}{tail}", view, name=f"{name}-{kind}")
        for tail, view, kind in (
            ("materials.zip", views.resource_materials, "materials"),
            ("facilitator-sheet/", views.resource_facilitator_sheet, "facilitator-sheet"),
        )
        for prefix, name in (
            ("catalog/<slug:slug>/", "resource"),
            ("catalog/<slug:slug>/v<int:number>/", "resource-version"),
        )
    ],
    path("oai", views.oai_pmh, name="oai"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
