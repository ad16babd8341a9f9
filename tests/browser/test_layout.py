"""Layout checks a screenshot would show (issue 14 item 11): grids without empty cells."""

import pytest

from tests import factories
from tests.browser import worlds

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROWS_JS = """() => {
  const rows = {};
  for (const li of document.querySelectorAll('.newest-cards > li')) {
    const top = Math.round(li.getBoundingClientRect().top);
    rows[top] = (rows[top] || 0) + 1;
  }
  return Object.values(rows);
}"""


@pytest.mark.parametrize("width", [390, 800, 1280, 1600])
def test_the_home_pages_newest_resources_fill_whole_rows_at_every_width(browsing, width):
    for number in range(8):
        factories.resource(f"Resource number {number}")
    page = browsing.new_page("desktop")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    rows = page.evaluate(ROWS_JS)
    assert sum(rows) == 6
    assert len(set(rows)) == 1, f"rows of {rows} cards at {width}px leave empty cells"


def test_the_editor_queue_on_a_phone_stacks_rows_as_cards_without_sideways_scrolling(browsing):
    who = worlds.people()
    factories.in_review(who.owner, who.editor, who.reviewers[:2], title="Heat and housing")
    page = browsing.new_page("phone", user=who.editor)
    page.goto("/editor/")
    table = page.locator("table.queue-table").first
    assert table.evaluate("t => getComputedStyle(t).display") == "block"
    region = page.locator(".table-scroll").first
    assert region.evaluate("r => r.scrollWidth <= r.clientWidth + 1")
    cell = page.locator("table.queue-table td[data-label='Type']").first
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Type: "'
    caption = page.locator("table.queue-table caption").first
    assert caption.evaluate("c => c.scrollWidth <= c.clientWidth + 1")


def test_on_a_phone_the_filters_fold_under_one_toggle_above_the_results(browsing):
    for number in range(3):
        factories.resource(f"Resource number {number}", levels=["gme-residency"])
    phone = browsing.new_page("phone")
    phone.goto("/catalog/?level=gme-residency")
    filters_top = phone.locator(".catalog-filters").bounding_box()["y"]
    results_top = phone.locator("#results").bounding_box()["y"]
    assert results_top - filters_top < 150, f"the filters take {results_top - filters_top}px"
    assert not phone.get_by_label("Clerkship (UME)").is_visible()
    phone.get_by_text("Filters (1 active)").click()
    assert phone.locator("input[name=level][value=gme-residency]").is_visible()

    desktop = browsing.new_page("desktop")
    desktop.goto("/catalog/?level=gme-residency")
    assert desktop.locator("input[name=level][value=gme-residency]").is_visible()
    assert not desktop.get_by_text("Filters (1 active)").is_visible()
