"""The admin's shared base: every ModelAdmin of the project derives from these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.db.models import ManyToManyField
from django.http import HttpRequest

from toolkit.forms import ModelMultipleChoiceField

if TYPE_CHECKING:  # the mixin's place among a ModelAdmin's bases, for the type checker only
    _Base = admin.options.BaseModelAdmin[Any]
else:
    _Base = object


class SafeChoicesMixin(_Base):
    """Many-to-many fields that refuse a number too large for the database (toolkit.forms),
    as Django's own refuse "abc": a bad POST is a form error, never an OverflowError."""

    def formfield_for_manytomany(
        self, db_field: ManyToManyField[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> forms.ModelMultipleChoiceField | None:
        kwargs.setdefault("form_class", ModelMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ModelAdmin(SafeChoicesMixin, admin.ModelAdmin):
    pass
