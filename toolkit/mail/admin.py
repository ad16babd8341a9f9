"""The outbox in the admin: read-only, by state, with a "resend" action for dead letters."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from toolkit.admin import ModelAdmin
from toolkit.errors import Conflict

from . import services
from .models import OutboundMessage


@admin.action(description="Resend the selected undelivered e-mails")
def resend(
    modeladmin: admin.ModelAdmin[Any], request: HttpRequest, queryset: QuerySet[OutboundMessage]
) -> None:
    done = 0
    for message in queryset:
        try:
            services.resend(message, request.user)
            done += 1
        except (Conflict, PermissionDenied) as error:
            text = getattr(error, "detail", None) or str(error)
            modeladmin.message_user(request, f"{message}: {text}", messages.ERROR)
    if done:
        modeladmin.message_user(request, f"{done} e-mail(s) queued again.")


@admin.register(OutboundMessage)
class OutboundMessageAdmin(ModelAdmin):
    list_display = (
        "created_at",
        "event",
        "recipient",
        "subject",
        "state",
        "attempts",
        "next_attempt_at",
        "sent_at",
    )
    list_filter = ("state", "event")
    search_fields = ("recipient", "subject", "uuid")
    date_hierarchy = "created_at"
    actions = [resend]
    readonly_fields = [field.name for field in OutboundMessage._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
