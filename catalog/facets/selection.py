"""What a person selected, and the resources it selects with their disjunctive facet counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .bits import bit_positions, first_members

if TYPE_CHECKING:
    from .index import CatalogIndex, TextMatch


@dataclass(frozen=True)
class Criteria:
    """What a person selected: values per facet (OR within, AND across) and a time limit."""

    selected: dict[str, frozenset[str]] = field(default_factory=dict)
    max_minutes: int | None = None


@dataclass
class Selection:
    """The resources chosen by some criteria, with their disjunctive facet counts.

    A request is a handful of big-int ANDs and ORs: OR within a facet, AND across
    facets, AND the text matches. A facet is counted with the selection minus that
    facet's own filter (disjunctive counting), with `int.bit_count()`. Newest-first
    paging reads the lowest set bits; title and relevance order walk a precomputed order.
    """

    index: CatalogIndex
    criteria: Criteria
    text: TextMatch | None
    base: int  # all filters that are not facets: text and time required
    filters: dict[str, int]  # each selected facet's OR of values

    def __post_init__(self) -> None:
        bits = self.base
        for facet_bits in self.filters.values():
            bits &= facet_bits
        self.bits = bits
        self.count = bits.bit_count()

    def positions(self, start: int, stop: int, sort: str) -> list[int]:
        """Index positions of results start..stop in the given order (relevance, newest,
        most used, title)."""
        if sort == "relevance" and self.text is not None:
            return self.text.ranked_members(self.bits, start, stop)
        if sort == "title":
            return first_members(self.index.title_order, self.bits, start, stop)
        if sort == "most-used":
            return first_members(self.index.usage_order(), self.bits, start, stop)
        return bit_positions(self.bits, start, stop)

    def ids(self, start: int, stop: int, sort: str) -> list[int]:
        """Resource ids of results start..stop in the given order."""
        return [self.index.ids[p] for p in self.positions(start, stop, sort)]

    def facet_counts(self) -> dict[str, dict[str, int]]:
        """Per facet, per value: how many results if that value were (also) chosen."""
        counts = {}
        for name in self.index.facet_names:
            others = self.base
            for other, facet_bits in self.filters.items():
                if other != name:
                    others &= facet_bits
            counts[name] = {
                value: (others & bits).bit_count() for value, bits in self.index.bits[name].items()
            }
        return counts
