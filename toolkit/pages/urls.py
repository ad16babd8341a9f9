"""/about/ and the pages under it (DESIGN §10 "Site pages"): "pages:about", "pages:board", …"""

from django.urls import path

from . import views
from .models import PAGES

app_name = "pages"

urlpatterns = [
    path("" if slug == "about" else f"{slug}/", views.page, {"slug": slug}, name=slug)
    for slug in PAGES
]
