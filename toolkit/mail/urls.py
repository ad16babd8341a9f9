from django.urls import path

from . import views

app_name = "mail"

urlpatterns = [
    path("", views.undelivered, name="undelivered"),
    path("<uuid:uuid>/resend/", views.resend, name="resend"),
]
