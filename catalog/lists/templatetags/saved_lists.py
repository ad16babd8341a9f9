"""{% save_to_list slug %}: the "Save to a list" form of the catalog and resource pages."""

from __future__ import annotations

from typing import Any

from django import template

from ..services import owned_lists

register = template.Library()

CACHE = "_saved_lists"  # the user's lists, read once per request however many forms


@register.inclusion_tag("includes/lists_save.html", takes_context=True)
def save_to_list(
    context: template.Context, slug: str, title: str = "", compact: bool = False
) -> dict[str, Any]:
    """The form for a signed-in person; for a visitor, a sign-in link (unless compact)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    lists = []
    if signed_in and request is not None and user is not None:
        if not hasattr(request, CACHE):
            setattr(request, CACHE, owned_lists(user))
        lists = getattr(request, CACHE)
    return {
        "slug": slug,
        "title": title,
        "signed_in": signed_in,
        "lists": lists,
        "compact": compact,
        "next": request.get_full_path() if request is not None else "",
        "csrf_token": context.get("csrf_token"),
    }
