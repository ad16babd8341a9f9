"""Result selection and disjunctive facet counts from a per-process bitmap index.

Design choice. Counting nine facets in SQL means nine GROUP BY queries over
joins, each with its own filter removed: tens of milliseconds at 10,000
resources on either database. Instead each process keeps a `CatalogIndex`:

- every published resource gets a *position*, its rank in newest-first order;
- every facet value (a learner level, a stage, a type, a topic, a method, a
  language, a licence, interprofessional yes/no, a publication year) is a
  bitmap: a Python int whose bit *p* is set when the resource at position *p*
  has that value. Many-to-many values are bits too, so a resource is counted
  once however many rows it has in a join table;
- time required is a list of cumulative bitmaps ("at most N minutes");
- the vocabularies (labels, known values) and the few fields the catalog page
  lists (title, summary, type, levels, time, year) are kept too, so that a page
  of results needs no database query besides the text search and its snippets.

A request is then a handful of big-int ANDs and ORs: OR within a facet, AND
across facets, AND the text matches (a bitmap made once per query and cached
per index). A facet is counted with the selection minus that facet's own
filter (disjunctive counting), with `int.bit_count()`. Newest-first paging
reads the lowest set bits; title and relevance order walk a precomputed order.

Freshness: the index is rebuilt (about half a second at 10,000 resources) when
the catalog generation stamp changes: `catalog.search.generation()`, a random
token renewed by every index/remove in the publish and retire transactions and
by every save or delete of a vocabulary term, plus MAX(id); two indexed one-row
lookups, where MAX(updated_at) and COUNT(*) would scan the table.
"""

import bisect
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from html import escape

from django.db.models.signals import post_delete, post_save
from django.utils.safestring import SafeString, mark_safe

from . import search
from .models import (
    STAGE_NAMES,
    InstructionalMethod,
    Language,
    LearnerLevel,
    License,
    Resource,
    ResourceType,
    Stage,
    Topic,
    resource_path,
)

TEXT_CACHE_SIZE = 256
# What the index keeps of each resource: facet values, and the fields the catalog page lists.
LISTING_COLUMNS = (
    "id",
    "slug",
    "title",
    "summary",
    "resource_type__slug",
    "language__slug",
    "license__slug",
    "interprofessional",
    "time_required_minutes",
    "first_published_at",
)

# (name, legend), in sidebar order.
FACETS = (
    ("level", "Learner level"),
    ("stage", "Stage"),
    ("type", "Resource type"),
    ("topic", "Topic"),
    ("method", "Instructional method"),
    ("language", "Language"),
    ("license", "Licence"),
    ("interprofessional", "Interprofessional"),
    ("year", "Year published"),
)
FACET_NAMES = tuple(name for name, _ in FACETS)
BOOLEAN_TERMS = (("true", "Yes"), ("false", "No"))


VOCABULARIES = (
    ("level", LearnerLevel),
    ("type", ResourceType),
    ("topic", Topic),
    ("method", InstructionalMethod),
    ("language", Language),
    ("license", License),
)


def _label(term) -> str:
    if isinstance(term, LearnerLevel):
        return f"{term.name} ({term.get_stage_display()})"
    if isinstance(term, InstructionalMethod):
        return f"{term.name} ({term.code})"
    return term.name


def vocabulary() -> dict[str, list[tuple[str, str]]]:
    """(value, label) of every term of the vocabulary facets, in display order.

    Kept in the CatalogIndex: saving or deleting a term renews the catalog
    generation (the receivers below), so that every process reloads it.
    """
    terms = {
        name: [(t.slug, _label(t)) for t in model.objects.all()] for name, model in VOCABULARIES
    }
    terms["stage"] = [(s.value, f"{s.label}: {STAGE_NAMES[s]}") for s in Stage]
    terms["interprofessional"] = list(BOOLEAN_TERMS)
    return terms


def _vocabulary_changed(sender, using="default", **kwargs):
    search.renew_generation(using)


for _name, _model in VOCABULARIES:
    post_save.connect(_vocabulary_changed, sender=_model, dispatch_uid=f"catalog-facets-{_name}")
    post_delete.connect(_vocabulary_changed, sender=_model, dispatch_uid=f"catalog-facets-{_name}")


@dataclass(frozen=True)
class Criteria:
    """What a person selected: values per facet (OR within, AND across) and a time limit."""

    selected: dict[str, frozenset[str]] = field(default_factory=dict)
    max_minutes: int | None = None


# --- Bit helpers --------------------------------------------------------------

_BYTE_BITS = tuple(tuple(i for i in range(8) if b >> i & 1) for b in range(256))


def bitmap(positions) -> int:
    """A bitmap with the given positions set."""
    positions = list(positions)
    if not positions:
        return 0
    data = bytearray(max(positions) // 8 + 1)
    for p in positions:
        data[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(data, "little")


def bit_positions(bits: int, start: int = 0, stop: int | None = None) -> list[int]:
    """Positions of the set bits of `bits`, ascending, from the start-th to the stop-th."""
    out: list[int] = []
    seen = 0
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for i, byte in enumerate(data):
        if not byte:
            continue
        here = _BYTE_BITS[byte]
        if seen + len(here) <= start:
            seen += len(here)
            continue
        for b in here:
            if seen >= start:
                if stop is not None and seen >= stop:
                    return out
                out.append(i * 8 + b)
            seen += 1
    return out


def first_members(order, bits: int, start: int, stop: int) -> list[int]:
    """The start-th to stop-th positions of `order` that are set in `bits`."""
    if stop <= start:
        return []
    data = bits.to_bytes((bits.bit_length() + 7) // 8 + 1, "little")
    limit = len(data) * 8
    out, seen = [], 0
    for p in order:
        if p < limit and data[p >> 3] >> (p & 7) & 1:
            if seen >= start:
                out.append(p)
                if len(out) >= stop - start:
                    break
            seen += 1
    return out


# --- The index ------------------------------------------------------------------


@dataclass
class TextMatch:
    """A text search turned into positions: `ranked` best first, `bits` for set algebra."""

    ranked: list[int]
    bits: int


class CatalogIndex:
    """Facet bitmaps and the listing fields of every published resource (a few queries)."""

    def __init__(self, stamp):
        self.stamp = stamp
        self.terms = vocabulary()
        self.known = {name: frozenset(v for v, _ in terms) for name, terms in self.terms.items()}
        records = list(
            Resource.objects.published()
            .order_by("-published_at", "id")
            .values_list(*LISTING_COLUMNS, named=True)
        )
        self.ids = [r.id for r in records]
        self.position = {pk: p for p, pk in enumerate(self.ids)}
        self.all = (1 << len(self.ids)) - 1
        values: dict[str, dict[str, list[int]]] = {name: {} for name in FACET_NAMES}
        minutes: dict[int, list[int]] = {}
        for p, r in enumerate(records):
            values["type"].setdefault(r.resource_type__slug, []).append(p)
            values["language"].setdefault(r.language__slug, []).append(p)
            values["license"].setdefault(r.license__slug, []).append(p)
            values["interprofessional"].setdefault(str(r.interprofessional).lower(), []).append(p)
            values["year"].setdefault(str(r.first_published_at.year), []).append(p)
            if r.time_required_minutes is not None:
                minutes.setdefault(r.time_required_minutes, []).append(p)
        levels_of = self._relations(values)
        self.bits = {
            name: {value: bitmap(set(ps)) for value, ps in by_value.items()}
            for name, by_value in values.items()
        }
        self.minute_steps = sorted(minutes)
        cumulative, self.minute_bits = 0, []
        for m in self.minute_steps:
            cumulative |= bitmap(minutes[m])
            self.minute_bits.append(cumulative)
        self.title_order = sorted(
            range(len(records)), key=lambda p: (records[p].title.casefold(), records[p].id)
        )
        types = dict(self.terms["type"])
        self.listing = [
            {
                "id": r.id,
                "url": resource_path(r.slug),
                "title": r.title,
                "summary": r.summary,
                "type": types.get(r.resource_type__slug, ""),
                "levels": ", ".join(levels_of.get(p, ())),
                # Strings: the template then prints them without number formatting.
                "minutes": str(r.time_required_minutes or ""),
                "year": str(r.first_published_at.year),
                "interprofessional": r.interprofessional,
            }
            for p, r in enumerate(records)
        ]
        self._text_cache: OrderedDict[str, TextMatch | None] = OrderedDict()
        self._lock = threading.Lock()

    def _relations(self, values) -> dict[int, list[str]]:
        """Fill the many-to-many facets (and stages); return each position's level names."""
        levels = list(LearnerLevel.objects.all())
        stages = {level.slug: level.stage for level in levels}
        order = {level.slug: i for i, level in enumerate(levels)}
        slugs_of: dict[int, list[str]] = {}
        for name, relation, column in (
            ("level", "levels", "learnerlevel__slug"),
            ("topic", "topics", "topic__slug"),
            ("method", "methods", "instructionalmethod__slug"),
        ):
            through = getattr(Resource, relation).through.objects
            for resource_id, slug in through.values_list("resource_id", column):
                p = self.position.get(resource_id)
                if p is not None:
                    values[name].setdefault(slug, []).append(p)
                    if name == "level":
                        values["stage"].setdefault(stages[slug], []).append(p)
                        slugs_of.setdefault(p, []).append(slug)
        short = {level.slug: f"{level.get_stage_display()} {level.name}" for level in levels}
        return {
            p: [short[slug] for slug in sorted(slugs, key=order.__getitem__)]
            for p, slugs in slugs_of.items()
        }

    def __len__(self) -> int:
        return len(self.ids)

    def rows(self, positions) -> list[dict]:
        """The listing fields of the resources at these positions (fresh dicts)."""
        return [dict(self.listing[p]) for p in positions]

    def years(self) -> list[str]:
        return sorted(self.bits["year"], reverse=True)

    def text_match(self, q: str) -> TextMatch | None:
        """The resources matching `q` (None: no words to search), cached for this generation."""
        key = search.clean_query(q)
        with self._lock:
            if key in self._text_cache:
                self._text_cache.move_to_end(key)
                return self._text_cache[key]
        found = search.match(key)
        result = None
        if found is not None:
            ranked = [p for p in map(self.position.get, found.ids) if p is not None]
            result = TextMatch(ranked, bitmap(ranked))
        with self._lock:
            self._text_cache[key] = result
            while len(self._text_cache) > TEXT_CACHE_SIZE:
                self._text_cache.popitem(last=False)
        return result

    def clear_text_cache(self) -> None:
        with self._lock:
            self._text_cache.clear()

    def facet_filter(self, name: str, values) -> int:
        """OR of the bitmaps of the values of one facet (unknown values match nothing)."""
        bits = 0
        for value in values:
            bits |= self.bits[name].get(value, 0)
        return bits

    def minutes_filter(self, max_minutes: int) -> int:
        i = bisect.bisect_right(self.minute_steps, max_minutes)
        return self.minute_bits[i - 1] if i else 0

    def select(self, criteria: Criteria, text: TextMatch | None = None) -> "Selection":
        base = self.all
        if text is not None:
            base &= text.bits
        if criteria.max_minutes is not None:
            base &= self.minutes_filter(criteria.max_minutes)
        filters = {
            name: self.facet_filter(name, values)
            for name, values in criteria.selected.items()
            if values
        }
        return Selection(self, criteria, text, base, filters)


@dataclass
class Selection:
    """The resources chosen by some criteria, with their disjunctive facet counts."""

    index: CatalogIndex
    criteria: Criteria
    text: TextMatch | None
    base: int  # all filters that are not facets: text and time required
    filters: dict[str, int]  # each selected facet's OR of values

    def __post_init__(self):
        bits = self.base
        for facet_bits in self.filters.values():
            bits &= facet_bits
        self.bits = bits
        self.count = bits.bit_count()

    def positions(self, start: int, stop: int, sort: str) -> list[int]:
        """Index positions of results start..stop in the given order (relevance, newest, title)."""
        if sort == "relevance" and self.text is not None:
            return first_members(self.text.ranked, self.bits, start, stop)
        if sort == "title":
            return first_members(self.index.title_order, self.bits, start, stop)
        return bit_positions(self.bits, start, stop)

    def ids(self, start: int, stop: int, sort: str) -> list[int]:
        """Resource ids of results start..stop in the given order."""
        return [self.index.ids[p] for p in self.positions(start, stop, sort)]

    def facet_counts(self) -> dict[str, dict[str, int]]:
        """Per facet, per value: how many results if that value were (also) chosen."""
        counts = {}
        for name in FACET_NAMES:
            others = self.base
            for other, facet_bits in self.filters.items():
                if other != name:
                    others &= facet_bits
            counts[name] = {
                value: (others & bits).bit_count() for value, bits in self.index.bits[name].items()
            }
        return counts


# --- The per-process index -------------------------------------------------------

_current: CatalogIndex | None = None
_build_lock = threading.Lock()


def current_index() -> CatalogIndex:
    """The index this process has (built if none), without checking the generation."""
    return _current or get_index()


def get_index() -> CatalogIndex:
    """The index of the current catalog generation, rebuilt here when it changed."""
    global _current
    stamp = search.generation()
    index = _current
    if index is not None and index.stamp == stamp:
        return index
    with _build_lock:
        if _current is None or _current.stamp != stamp:
            _current = CatalogIndex(stamp)
        return _current


# --- Presentation -------------------------------------------------------------------


FORM_ID = "catalog-form"  # the id of the search form in includes/catalog_list_search.html
OPTION_HTML = (
    '<li><input type="{type}" form="{form}" name="{name}" value="{value}" id="{id}"{checked}> '
    '<label for="{id}">{label} <span class="facet__count">{count}</span></label></li>'
)


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    id: str  # of the HTML input


@dataclass(frozen=True)
class FacetGroup:
    name: str
    legend: str
    options: list[FacetOption]

    @property
    def selected_count(self) -> int:
        return sum(o.selected for o in self.options)

    @property
    def has_selection(self) -> bool:
        return self.selected_count > 0

    @property
    def open(self) -> bool:
        """Shown unfolded: learner level (the catalog's main facet) and any facet in use."""
        return self.name == "level" or self.has_selection

    @property
    def exclusive(self) -> bool:
        """One value at a time (radio buttons): interprofessional yes or no."""
        return self.name == "interprofessional"

    @property
    def input_type(self) -> str:
        return "radio" if self.exclusive else "checkbox"

    def options_html(self) -> SafeString:
        """The options as list items, every value escaped. Built here rather than in the
        template: a hundred-odd options through the template language cost milliseconds."""
        input_type, name = self.input_type, escape(self.name)
        return mark_safe(  # noqa: S308 - every interpolated value is escaped
            "\n".join(
                OPTION_HTML.format(
                    type=input_type,
                    form=FORM_ID,
                    name=name,
                    value=escape(o.value),
                    id=escape(o.id),
                    checked=" checked" if o.selected else "",
                    label=escape(o.label),
                    count=o.count,
                )
                for o in self.options
            )
        )


def facet_groups(selection: Selection, terms: dict[str, list[tuple[str, str]]]) -> list[FacetGroup]:
    """The sidebar: each facet's values with their counts, selected values always shown.

    Values with no result (and not selected) are left out.
    """
    counts = selection.facet_counts()
    terms = {**terms, "year": [(y, y) for y in selection.index.years()]}
    groups = []
    for name, legend in FACETS:
        chosen = selection.criteria.selected.get(name, frozenset())
        options = [
            FacetOption(value, label, counts[name].get(value, 0), value in chosen, f"f-{name}-{i}")
            for i, (value, label) in enumerate(terms.get(name, []))
            if counts[name].get(value, 0) or value in chosen
        ]
        groups.append(FacetGroup(name, legend, options))
    return groups
