"""Template tags of the catalog's pages."""

from __future__ import annotations

from html import escape
from typing import Any

from django import template
from django.core.paginator import Page
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from catalog.facets.index import MAX_FRAGMENTS, CatalogIndex
from catalog.filters.presenter import FacetGroup, FacetOption
from catalog.lists.templatetags.saved_lists import save_to_list
from toolkit.templatetags.toolkit import query
from toolkit.text import human_duration, iso_duration

register = template.Library()
# `escape` is the standard library's, which Django's wraps (the same text, without the
# wrapper's cost: these tags escape a few hundred values a page).


def _memo(index: CatalogIndex | Any, key: tuple, make: Any) -> Any:
    """`make()`, kept in the facet index's fragments: markup made only from the index's data
    is made once per index (a new index, after any change to the catalog, starts empty)."""
    fragments = getattr(index, "fragments", None)
    if fragments is None:
        return make()
    found = fragments.get(key)
    if found is None:
        found = make()
        if len(fragments) < MAX_FRAGMENTS:
            fragments[key] = found
    return found


def _card(row: dict) -> tuple[str, str]:
    """A result's title and facts, and its summary paragraph (every field escaped)."""
    minutes = int(row["minutes"]) if row["minutes"] else None  # digits or "" (the index's)
    time = (
        f'<div><dt>Time</dt><dd><time datetime="{iso_duration(minutes)}">'
        f"{human_duration(minutes)}</time></dd></div>"
        if row["minutes"]
        else ""
    )
    team = (
        '<div><dt class="visually-hidden">Team</dt><dd>Interprofessional</dd></div>'
        if row["interprofessional"]
        else ""
    )
    head = (
        f'\n    <h3 class="result__title"><a href="{escape(row["url"])}">{escape(row["title"])}'
        '</a></h3>\n    <dl class="result__meta">\n'
        f"      <div><dt>Type</dt><dd>{escape(row['type'])}</dd></div>\n"
        f"      <div><dt>Learner level</dt><dd>{escape(row['levels'])}</dd></div>\n"
        f"      {time}\n"
        f"      <div><dt>Published</dt><dd>{escape(row['year'])}</dd></div>\n"
        f"      {team}\n    </dl>\n    "
    )
    return head, f'<p class="result__summary">{escape(row["summary"])}</p>\n'


@register.simple_tag
def result_card(row: dict, index: CatalogIndex | None = None) -> SafeString:
    """A result's title, facts and summary, or its snippet when the search chose one.

    Made in Python (Django's engine took 0.64 ms for a page of 20 cards, this 0.1 ms) and
    kept once per resource and facet index.
    """
    head, summary = _memo(index, ("card", row["id"]), lambda: _card(row))
    if row.get("snippet"):
        summary = f'<p class="result__snippet">{conditional_escape(row["snippet"])}</p>\n'
    return SafeString(head + summary)


@register.simple_tag(takes_context=True)
def result_items(
    context: template.Context, rows: list[dict], index: CatalogIndex | None = None
) -> SafeString:
    """The results' <li>s: each one's card (`result_card`) and, for a signed-in person, the
    form that saves it to a list (the `save_to_list` tag).

    A loop in Python: Django's {% for %} with its {% if %} and tag took 0.3 ms a page.
    """
    user = context.get("user")
    signed_in = user is not None and user.is_authenticated
    items = []
    for row in rows:
        form = ""
        if signed_in:
            form = save_to_list(context, row["slug"], title=row["title"], compact=True) + "\n"
        items.append(f'\n  <li class="result">{result_card(row, index)}\n    {form}\n  </li>\n  ')
    return SafeString("".join(items))


@register.simple_tag(takes_context=True)
def result_pages(context: template.Context, page: Page, numbers: list) -> SafeString:
    """The links to the other pages of results (`numbers`: the paginator's elided page
    range), or nothing when there is one page. Made in Python, as `result_items`."""
    if page.paginator.num_pages <= 1:
        return SafeString("")

    rest = escape(query(context, page=None))  # the rest of the query string, once
    start = f"{rest}&amp;page=" if rest != "?" else "?page="

    def href(number: int) -> str:
        return f"{start}{number}"

    previous = (
        f'<li><a href="{href(page.previous_page_number())}" rel="prev">Previous'
        '<span class="visually-hidden"> page</span></a></li>'
        if page.has_previous()
        else ""
    )
    following = (
        f'<li><a href="{href(page.next_page_number())}" rel="next">Next'
        '<span class="visually-hidden"> page</span></a></li>'
        if page.has_next()
        else ""
    )
    links = []
    for number in numbers:  # (the template's line breaks kept: the same page, byte for byte)
        if not isinstance(number, int):  # the ellipsis (a lazy translation: slow to compare)
            link = '<li><span class="pagination__gap">…</span></li>\n      '
        elif number == page.number:
            link = (
                f'<li><a href="{href(number)}" aria-current="page"><span class="visually-hidden">'
                f"Page </span>{number}</a></li>\n      "
            )
        else:
            link = (
                f'<li><a href="{href(number)}"><span class="visually-hidden">Page </span>'
                f"{number}</a></li>"
            )
        links.append(f"\n      {link}\n    ")
    return SafeString(
        '\n<nav class="pagination" aria-label="Result pages">\n  <ul class="pagination__list">'
        f"\n    {previous}\n    {''.join(links)}\n    {following}\n  </ul>\n"
        f'  <p class="pagination__status">Page {page.number} of {page.paginator.num_pages}</p>'
        "\n</nav>\n"
    )


def _option_parts(group: FacetGroup, option: FacetOption) -> tuple[str, str, str]:
    """The option's <li> cut around " checked" and the count (the rest is the same for
    every search: made once per facet index)."""

    def make() -> tuple[str, str, str]:
        ident = escape(option.id)
        return (
            f'<li><input type="{group.input_type}" form="catalog-form" name="{escape(group.name)}"'
            f' value="{escape(option.value)}" id="{ident}"',
            f'> <label for="{ident}">{escape(option.label)} <span class="facet__count">',
            "</span></label></li>",
        )

    return _memo(group.facet_index, ("option", group.name, option.value), make)


def _group_html(group: FacetGroup) -> str:
    name, legend = escape(group.name), escape(group.legend)
    selected = group.selected_count
    options = []
    for option in group.options:
        head, middle, tail = _option_parts(group, option)
        checked = " checked" if option.selected else ""
        options.append(f"{head}{checked}{middle}{option.count}{tail}")
    any_option = ""
    if group.exclusive:
        checked = "" if selected else " checked"
        any_option = (
            f'<li><input type="radio" form="catalog-form" name="{name}" value=""'
            f' id="f-{name}-any"{checked}> <label for="f-{name}-any">Any</label></li>'
        )
    summary = legend + (
        f' <span class="facet__selected">({selected} selected)</span>' if selected else ""
    )
    return (
        f'\n  <details class="facet"{" open" if group.facet.open or selected else ""}>\n'
        f'    <summary class="facet__summary">{summary}</summary>\n'
        '    <fieldset class="facet__fieldset">\n'
        f'      <legend class="visually-hidden">{legend}</legend>\n'
        '      <ul class="facet__options">\n'
        f"        {any_option}\n        " + "\n".join(options) + "\n      </ul>\n"
        "    </fieldset>\n  </details>\n  "
    )


@register.simple_tag
def facet_groups(groups: list[FacetGroup]) -> SafeString:
    """The facets' checkboxes (a <details> per facet with options).

    Built in Python from each option's markup, made once per facet index: only the counts
    and the checked states change from one search to the next. Django's engine spent 7-8 ms
    on the 150-200 options of a broad search, a Jinja2 template about 1 ms; this 0.1 ms.
    """
    return SafeString("".join(_group_html(g) for g in groups if g.options) + "\n")
