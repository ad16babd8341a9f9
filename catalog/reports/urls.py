"""Implementation reports' pages, included at the site root."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("catalog/<slug:slug>/reports/new/", views.report_new, name="new"),
    path("reports/", views.my_reports, name="mine"),
    path("reports/<uuid:uuid>/", views.report_detail, name="detail"),
    path("reports/<uuid:uuid>/edit/", views.report_edit, name="edit"),
    path("reports/<uuid:uuid>/withdraw/", views.report_withdraw, name="withdraw"),
    path("reports/<uuid:uuid>/approve/", views.report_approve, name="approve"),
    path("reports/<uuid:uuid>/reject/", views.report_reject, name="reject"),
    path("reports/<uuid:uuid>/hide/", views.report_hide, name="hide"),
    path("reports/<uuid:uuid>/answer/", views.report_answer, name="answer"),
]
