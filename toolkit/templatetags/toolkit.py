"""Template helpers: accessible widgets, sanitized Markdown, query-string edits."""

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import mark_safe

from toolkit import forms as toolkit_forms

register = template.Library()

MARKDOWN_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}


def render_markdown(text: str) -> str:
    """Markdown to HTML, sanitized with nh3: the only way user text becomes markup."""
    html = markdown_lib.markdown(text or "", extensions=["extra", "sane_lists"])
    return nh3.clean(
        html,
        tags=MARKDOWN_TAGS,
        attributes={"a": {"href", "title"}, "th": {"scope"}, "td": set()},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )


@register.filter
def markdown(text):
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitized by nh3 above


@register.filter
def is_group(bound_field):
    return toolkit_forms.is_group(bound_field)


@register.filter
def field_anchor(bound_field):
    return toolkit_forms.field_anchor(bound_field)


@register.simple_tag
def widget(bound_field, **attrs):
    """Render a widget with aria-describedby pointing at its hint and error message.

    Never with autofocus (Django sets it on the sign-in and sign-up user names): a page starts
    at its top, so the skip link, the heading and the intro come first; after an error, the
    error summary has the focus instead (includes/error_summary.html).
    """
    attrs.setdefault("autofocus", False)
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def query(context, **changes):
    """The current query string with some parameters replaced (None removes them).

    A view may give the parameters it read as `query_params` (the catalog: each value once).
    """
    params = (context.get("query_params") or context["request"].GET).copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None and value != "":
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
