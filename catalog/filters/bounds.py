"""Bounded work per request: the chips and links of a page repeat every parameter, so their
size grows with the square of the number of values. Repeated values count once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.http import QueryDict

MAX_VALUES_PER_PARAMETER = 50
MAX_PARAMETER_VALUES = 150  # every checkbox of every facet ticked is about 100
ParameterErrors = list[tuple[str | None, str]]


def _shown_name(name: str) -> str:
    return name if len(name) <= 40 else f"{name[:40]}…"


def bounded_parameters(data: Mapping) -> tuple[QueryDict, ParameterErrors]:
    """The parameters with each repeated value once, cut to the caps, and what was cut.

    Each error is (parameter name or None for the whole request, message). Whatever
    the request holds, what the filters, chips and links work on is bounded.
    """
    params, errors, total = QueryDict(mutable=True), [], 0
    lists = data.lists() if hasattr(data, "lists") else data.items()
    for name, values in lists:
        values = values if isinstance(values, list | tuple) else [values]
        distinct = list(dict.fromkeys(str(v) for v in values))
        if len(distinct) > MAX_VALUES_PER_PARAMETER:
            message = (
                f"{len(distinct)} different values given: "
                f"choose at most {MAX_VALUES_PER_PARAMETER}."
            )
            errors.append((name, message))
            distinct = distinct[:MAX_VALUES_PER_PARAMETER]
        room = MAX_PARAMETER_VALUES - total
        total += len(distinct)
        if room > 0:
            params.setlist(name, distinct[:room])
    if total > MAX_PARAMETER_VALUES:
        errors.append(
            (
                None,
                f"{total} parameter values given: choose at most {MAX_PARAMETER_VALUES} in all.",
            )
        )
    return params, errors


class BoundedForm(forms.Form):
    """The FilterSet's form: invalid when the parameters went beyond the caps."""

    parameter_errors: tuple | list = ()

    def clean(self) -> dict[str, Any] | None:
        for name, message in self.parameter_errors:
            if name is None or name in self.fields:
                self.add_error(name, message)
            else:
                self.add_error(None, f"“{_shown_name(name)}”: {message}")
        return super().clean()
