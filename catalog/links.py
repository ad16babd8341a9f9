"""Resource page addresses for pages that link many resources: one reversal of the route
for the page, then a string per slug (a reversal costs ~30 µs; a list page has 50)."""

from __future__ import annotations

from catalog.models import resource_path

_SLUG = "-slug-"


class ResourceLinks:
    """resource_path(slug) for any slug, from one reversal."""

    def __init__(self) -> None:
        self.head, self.tail = resource_path(_SLUG).split(_SLUG)

    def __call__(self, slug: str) -> str:
        return f"{self.head}{slug}{self.tail}"
