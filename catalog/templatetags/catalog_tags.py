"""Template tags of the catalog's pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString

from catalog.facets.index import MAX_FRAGMENTS, CatalogIndex
from catalog.filters.presenter import FacetGroup, FacetOption

register = template.Library()
SUMMARY = '<p class="result__summary">'


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


@register.simple_tag
def result_card(row: dict, index: CatalogIndex | None = None) -> SafeString:
    """A result's title, facts (includes/catalog_list_card.html) and summary, or its
    snippet when the search chose one. Made once per resource and facet index: Django's
    engine spent about 0.03 ms a card on a page of 20.
    """

    def make() -> tuple[str, str]:
        card = render_to_string("includes/catalog_list_card.html", {"resource": row})
        cut = card.rindex(SUMMARY)
        return card[:cut], card[cut:]

    head, summary = _memo(index, ("card", row["id"], translation.get_language()), make)
    if row.get("snippet"):
        summary = f'<p class="result__snippet">{conditional_escape(row["snippet"])}</p>\n'
    return SafeString(head + summary)


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
