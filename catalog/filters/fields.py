"""The form fields of the catalog's parameters: every error names the value it refuses."""

from __future__ import annotations

from django import forms

from .. import facets, search

MAX_MINUTES = 100_000
YEARS = (1900, 2999)


class QueryField(forms.Field):
    """Free text, never invalid: parsed once, here (control characters dropped, cut to a
    sane length); the ParsedQuery goes on to the search, its snippets and the sort."""

    widget = forms.TextInput

    def to_python(self, value: object) -> search.ParsedQuery:
        return search.parse_query("" if value in self.empty_values else str(value))


class MinutesField(forms.IntegerField):
    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_MINUTES)
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.error_messages.update(
            {
                "min_value": "“%(show_value)s” is too short: enter at least %(limit_value)s.",
                "max_value": "“%(show_value)s” is too long: enter at most %(limit_value)s.",
            }
        )

    def to_python(self, value: object) -> int | None:
        try:
            return super().to_python(value)
        except forms.ValidationError:
            raise forms.ValidationError(
                "“%(value)s” is not a whole number of minutes.",
                code="invalid",
                params={"value": value},
            ) from None


class TermsField(forms.Field):
    """Repeated vocabulary values (slugs), checked against the terms of the facet index.

    Not a ChoiceField: its choices would be deep-copied with every form (a hundred
    terms a request); the index holds them once per catalog generation.
    """

    widget = forms.SelectMultiple
    default_error_messages = {"invalid_choice": "“%(value)s” is not a known value."}

    def __init__(self, *, facet: str, **kwargs: object) -> None:
        self.facet = facet
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def to_python(self, value: object) -> list[str]:
        if not value:
            return []
        return [str(v) for v in (value if isinstance(value, list | tuple) else [value])]

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        known = facets.current_index().known[self.facet]
        for item in value:
            if item not in known:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )


class YearsField(forms.Field):
    """Repeated years, such as ?year=2023&year=2024."""

    widget = forms.SelectMultiple

    def to_python(self, value: object) -> list[int]:
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        years = []
        for item in values:
            try:
                year = int(str(item).strip())
            except ValueError:
                year = None
            if year is None or not YEARS[0] <= year <= YEARS[1]:
                raise forms.ValidationError(
                    "“%(value)s” is not a year.", code="invalid", params={"value": item}
                )
            years.append(year)
        return years
