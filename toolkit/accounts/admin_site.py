"""The admin site: Django's, with every password it checks going through the sign-in throttle."""

from django.contrib import admin
from django.urls import reverse

from .forms import AdminLoginForm
from .views import AdminPasswordChangeView


class AdminSite(admin.AdminSite):
    # /admin/login/ checks passwords through the same backend and lock as /accounts/login/.
    login_form = AdminLoginForm

    def password_change(self, request, extra_context=None):
        """Django's view, with the current password checked like a sign-in."""
        request.current_app = self.name
        view = AdminPasswordChangeView.as_view(
            success_url=reverse("admin:password_change_done", current_app=self.name),
            extra_context={**self.each_context(request), **(extra_context or {})},
        )
        return view(request)
