from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from catalog import api as catalog_api
from catalog.lists import api as lists_api
from catalog.reports import api as reports_api
from reviews import api as reviews_api

from . import views

api_router = DefaultRouter()
catalog_api.register(api_router)
reviews_api.register(api_router)
lists_api.register(api_router)
reports_api.register(api_router)

# Everything under /api/ in the "api" namespace: "api:resource-list", "api:schema", …
api_urls: list[URLPattern | URLResolver] = [
    path("v1/metrics/", reviews_api.MetricsView.as_view(), name="metrics"),
    path("v1/", include(api_router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/docs.html"),
        name="docs",
    ),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("about/", include("toolkit.pages.urls")),
    path("accounts/", include("toolkit.accounts.urls")),
    path("editor/mail/", include("toolkit.mail.urls")),
    path("lists/", include("catalog.lists.urls")),
    # The catalog's routes before the other unprefixed ones: its pages are the most asked
    # for, and every route tried before the one that matches costs every request.
    path("", include("catalog.urls")),
    path("", include("catalog.reports.urls")),
    path("", include("reviews.urls")),
    path("admin/", admin.site.urls),
    path("api/", include((api_urls, "api"))),
]

handler400 = "toolkit.views.bad_request"
handler403 = "toolkit.views.permission_denied"
handler404 = "toolkit.views.page_not_found"
handler500 = "toolkit.views.server_error"

admin.site.site_header = "Health Disparities Toolkit administration"
admin.site.site_title = "Toolkit admin"
