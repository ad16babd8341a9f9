"""Highlighted snippets of the shown results: the only place search text becomes markup."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import postgres, sqlite
from .matching import vendor
from .query import START, STOP, ParsedQuery, parsed

# Line breaks in a snippet (between the summary and each objective): a separator on the
# one line a snippet is shown on, or just a space after a sentence's end.
_BREAK_AFTER_SENTENCE = re.compile(r"(?<=[.!?:;…])[ \t]*\n\s*")
_BREAK = re.compile(r"[ \t]*\n\s*")


def _one_line(text: str) -> str:
    return _BREAK.sub(" · ", _BREAK_AFTER_SENTENCE.sub(" ", text.strip()))


def highlight(marked: str) -> SafeString:
    """Escape `marked` and turn our START/STOP markers into balanced <mark> elements.

    Everything else is escaped, and a stray or unbalanced marker can never produce an
    unclosed element. Line breaks become separators, so that listed objectives do not
    run together.
    """
    out, open_ = [], False
    for piece in re.split(f"([{START}{STOP}])", _one_line(marked)):
        if piece == START:
            if not open_:
                out.append("<mark>")
                open_ = True
        elif piece == STOP:
            if open_:
                out.append("</mark>")
                open_ = False
        elif piece:
            out.append(str(escape(piece)))
    if open_:
        out.append("</mark>")
    return mark_safe("".join(out))  # noqa: S308 - built from escaped text and our own tags


def snippets(query: str | ParsedQuery, resource_ids: Iterable) -> dict[int, SafeString]:
    """Highlighted snippets of the given resources (the page slice only); absent if no match."""
    query = parsed(query)
    resource_ids = [int(pk) for pk in resource_ids]
    if not query or not resource_ids:
        return {}
    backend = postgres if vendor() == "postgresql" else sqlite
    rows = backend.snippet_rows(query, resource_ids)
    return {pk: highlight(marked) for pk, marked in rows if marked and START in marked}
