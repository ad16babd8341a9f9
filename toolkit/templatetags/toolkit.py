"""Template helpers: accessible widgets, sanitized Markdown, query-string edits."""

from __future__ import annotations

from typing import Any, SupportsIndex, SupportsInt
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.forms import BoundField
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe

from toolkit import forms as toolkit_forms
from toolkit.text import human_duration, iso_duration, render_markdown

register = template.Library()
_footers: dict[tuple[str, str], SafeString] = {}


@register.simple_tag
def site_footer() -> SafeString:
    """The site's footer (includes/site_footer.html): the same on every page, so rendered
    once per process (its dozen links took 0.6 ms of every page to reverse)."""
    key = (get_script_prefix(), settings.TOOLKIT_SITE_NAME)
    html = _footers.get(key)
    if html is None:
        context = {"site_name": settings.TOOLKIT_SITE_NAME}
        html = _footers[key] = SafeString(render_to_string("includes/site_footer.html", context))
    return html


# What every page's head and header link to, by name: views, then static files.
SITE_VIEWS = {
    "home": "home",
    "catalog": "catalog:resource-list",
    "feed": "catalog:resource-feed",
    "login": "accounts:login",
    "signup": "accounts:signup",
    # a signed-in person's header (and includes/nav_roles.html)
    "lists": "lists:index",
    "profile": "accounts:profile",
    "logout": "accounts:logout",
    "admin": "admin:index",
    "submissions": "reviews:submission-list",
    "reviewer_assignments": "reviews:reviewer-assignments",
    "reviewer_history": "reviews:reviewer-history",
    "editor_queue": "reviews:editor-queue",
}
SITE_FILES = {
    "favicon_svg": "toolkit/favicon.svg",
    "favicon_ico": "toolkit/favicon.ico",
    "stylesheet": "toolkit/site.css",
    "logo": "toolkit/logo.svg",
    "lists_js": "toolkit/lists.js",
}
_site_links: dict[tuple[str, str], dict[str, str]] = {}


@register.simple_tag
def site_links() -> dict[str, str]:
    """The addresses of SITE_VIEWS and SITE_FILES (base.html): the same on every page, so
    found once per process (reversing and looking them up in the static files' manifest
    took 0.15 ms of every page)."""
    key = (get_script_prefix(), settings.STATIC_URL)
    links = _site_links.get(key)
    if links is None:
        links = {name: reverse(view) for name, view in SITE_VIEWS.items()}
        links.update({name: static(path) for name, path in SITE_FILES.items()})
        _site_links[key] = links
    return links


@register.filter
def markdown(text: str) -> SafeString:
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitized by nh3 (toolkit.text)


@register.filter
def duration(minutes: object) -> str:
    """Minutes as people read them, the one format of every page: 90 → "1 h 30 min"."""
    return human_duration(_minutes(minutes))


@register.filter
def iso8601_duration(minutes: object) -> str:
    return iso_duration(_minutes(minutes))


def _minutes(value: object) -> int | None:
    """A number of minutes from a model (int) or the facet index's rows (text)."""
    if not isinstance(value, str | bytes | SupportsInt | SupportsIndex):
        return None  # int() would raise TypeError
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@register.filter
def startswith(text: object, prefix: object) -> bool:
    """Whether `text` begins with `prefix`: the main menu marks the section a page is in."""
    return str(text).startswith(str(prefix))


@register.filter
def is_group(bound_field: BoundField) -> bool:
    return toolkit_forms.is_group(bound_field)


@register.filter
def field_anchor(bound_field: BoundField) -> str:
    return toolkit_forms.field_anchor(bound_field)


@register.simple_tag
def widget(bound_field: BoundField, **attrs: Any) -> SafeString:
    """Render a widget with aria-describedby pointing at its hint and error message.

    Never with autofocus (Django sets it on the sign-in and sign-up user names): a page starts
    at its top, so the skip link, the heading and the intro come first; after an error, the
    error summary has the focus instead (includes/error_summary.html).
    """
    attrs.setdefault("autofocus", False)
    described: list[str] = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def query(context: template.Context, **changes: object) -> str:
    """The current query string with some parameters replaced (None removes them).

    A view may give the parameters it read as `query_params` (the catalog: each value once).
    """
    # The rest of the query string, encoded once per page (pagination asks for ten links).
    memo = "query-rest:" + ",".join(changes)
    rest = context.render_context.get(memo)
    if rest is None:
        params = (context.get("query_params") or context["request"].GET).copy()
        for key in changes:
            params.pop(key, None)
        rest = context.render_context[memo] = params.urlencode()
    changed = [
        urlencode({key: str(value)})  # as QueryDict.urlencode encodes
        for key, value in changes.items()
        if value is not None and value != ""
    ]
    encoded = "&".join(part for part in (rest, *changed) if part)
    return f"?{encoded}" if encoded else "?"
