"""Project-wide form rendering (accessible field groups, error summaries) and safe fields."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Renders every form with templates/includes/form.html and field.html."""

    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"


GROUP_WIDGETS = (forms.CheckboxSelectMultiple, forms.RadioSelect)


def is_group(bound_field: forms.BoundField) -> bool:
    """True for widgets that render several inputs (checkbox lists, radios)."""
    return isinstance(bound_field.field.widget, GROUP_WIDGETS)


def field_anchor(bound_field: forms.BoundField) -> str:
    """The id an error summary links to: the control itself, or a group's first option."""
    if is_group(bound_field):
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label or bound_field.auto_id


# The largest integer SQLite (and a PostgreSQL bigint) can hold.
MAX_DATABASE_INTEGER = 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, refusing a number too large for the database as it refuses "abc".

    Django keeps `pk=` lookups safe from integer overflow but not `pk__in=`: on SQLite,
    ?levels=99999999999999999999 crashed the query with an OverflowError (a 500).
    """

    def _check_values(self, value: Iterable[Any]) -> QuerySet[Any]:
        meta = self.queryset.model._meta  # type: ignore[union-attr]  # always set on this field
        key = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        if isinstance(key, models.IntegerField):
            for pk in value:
                try:
                    number = int(pk)
                except (TypeError, ValueError):
                    continue  # Django's own check refuses it
                if abs(number) > MAX_DATABASE_INTEGER:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super()._check_values(value)  # type: ignore[misc]  # private: not in the stubs
