"""{% save_to_list slug %}: the "Save to a list" form of the catalog and resource pages.

Rendered with Jinja2 (jinja2/lists/save_form.html, autoescaped), as the facet checkboxes
are: a signed-in person's page of results has twenty of these forms, and Django's engine
(an inclusion tag per result) cost several milliseconds on the catalog page. The person's
lists, the CSRF token and the addresses are read once per request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import template
from django.template import engines
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import SafeString

from ..services import owned_list_choices

register = template.Library()

CACHE = "_save_to_list"


@dataclass(frozen=True)
class PageState:
    signed_in: bool
    lists: list[tuple[str, str]]
    csrf_token: str
    action: str
    next: str
    login_url: str
    # The page's form rendered once, with SLUG and TITLE where each result's go: the lists,
    # token and addresses are the same in the twenty forms of a page of results.
    forms: dict[tuple[bool, bool], str] = field(default_factory=dict, compare=False)


SLUG, TITLE = "\x00slug\x00", "\x00title\x00"  # never in a rendered form (clean text)


def _state(context: template.Context) -> PageState:
    request = context.get("request")
    cached = getattr(request, CACHE, None)
    if cached is not None:
        return cached
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    here = request.get_full_path() if request is not None else ""
    state = PageState(
        signed_in=signed_in,
        lists=owned_list_choices(user) if user is not None else [],
        csrf_token=str(context.get("csrf_token") or ""),
        action=reverse("lists:save"),
        next=here,
        login_url=f"{reverse('accounts:login')}?{urlencode({'next': here})}",
    )
    if request is not None:
        setattr(request, CACHE, state)
    return state


@register.simple_tag(takes_context=True)
def save_to_list(
    context: template.Context, slug: str, title: str = "", compact: bool = False
) -> SafeString:
    """The form for a signed-in person; for a visitor, a sign-in link (none if compact)."""
    state = _state(context)
    variant = (bool(title), compact)
    page_form = state.forms.get(variant)
    if page_form is None:
        values: dict[str, Any] = {
            **vars(state),
            "slug": SLUG,
            "title": TITLE if title else "",
            "compact": compact,
        }
        form = engines["jinja2"].get_template("lists/save_form.html")
        page_form = state.forms[variant] = form.render(values)
    return SafeString(page_form.replace(SLUG, escape(slug)).replace(TITLE, escape(title)))
