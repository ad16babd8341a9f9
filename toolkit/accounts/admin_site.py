"""The admin site: Django's, with every password it checks going through the sign-in throttle."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse

from .forms import AdminLoginForm
from .permissions import is_editor
from .views import AdminPasswordChangeView


class AdminSite(admin.AdminSite):
    # /admin/login/ checks passwords through the same backend and lock as /accounts/login/.
    login_form = AdminLoginForm

    def has_permission(self, request: HttpRequest) -> bool:
        """Staff, and editors: they manage curated collections here (and see nothing else,
        holding no model permissions)."""
        return super().has_permission(request) or is_editor(request.user)

    # The stubs say TemplateResponse; a successful change answers with a redirect.
    def password_change(  # type: ignore[override]
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponseBase:
        """Django's view, with the current password checked like a sign-in."""
        request.current_app = self.name
        view = AdminPasswordChangeView.as_view(
            success_url=reverse("admin:password_change_done", current_app=self.name),
            extra_context={**self.each_context(request), **(extra_context or {})},
        )
        return view(request)
