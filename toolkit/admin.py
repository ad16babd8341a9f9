"""The admin's shared base: every ModelAdmin of the project derives from these."""

from django.contrib import admin

from toolkit.forms import ModelMultipleChoiceField


class SafeChoicesMixin:
    """Many-to-many fields that refuse a number too large for the database (toolkit.forms),
    as Django's own refuse "abc": a bad POST is a form error, never an OverflowError."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", ModelMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ModelAdmin(SafeChoicesMixin, admin.ModelAdmin):
    pass
