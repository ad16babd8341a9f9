"""Public catalog URLs (DESIGN §10), included at the site root."""

urlpatterns = []
