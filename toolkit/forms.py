"""Project-wide form rendering: accessible field groups and error summaries."""

from django import forms
from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Renders every form with templates/includes/form.html and field.html."""

    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"


GROUP_WIDGETS = (forms.CheckboxSelectMultiple, forms.RadioSelect)


def is_group(bound_field) -> bool:
    """True for widgets that render several inputs (checkbox lists, radios)."""
    return isinstance(bound_field.field.widget, GROUP_WIDGETS)


def field_anchor(bound_field) -> str:
    """The id an error summary links to: the control itself, or a group's first option."""
    if is_group(bound_field):
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label or bound_field.auto_id
