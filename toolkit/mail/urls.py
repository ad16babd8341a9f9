from django.urls import path

from . import views

urlpatterns = [
    path("", views.undelivered, name="mail-undelivered"),
    path("<uuid:uuid>/resend/", views.resend, name="mail-resend"),
]
