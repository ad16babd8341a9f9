"""The facilitator sheet prints on two pages, and "Download all materials" downloads a zip,
in a real Chromium."""

import io
import zipfile

import pikepdf
import pytest

from tests import factories
from tests.browser.helpers import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Longer than any resource of the demo catalog in each field the sheet prints.
OBJECTIVES = "\n".join(
    f"Objective {n}: describe how a structural driver shapes a patient's access to care"
    for n in range(1, 7)
)
NOTES = "\n\n".join(
    f"{n}. Step {n} ({n * 5} min). Ask the group to read the case aloud, then pause and name "
    "one assumption in the clinical reasoning; record the answers on the board, and connect "
    "each to a structural driver before moving on. Keep time: the debrief matters most."
    for n in range(1, 9)
)


@pytest.fixture
def resource():
    return factories.resource(
        "Structural racism in clinical reasoning: a case conference",
        learning_objectives=OBJECTIVES,
        time_required_minutes=90,
        group_size="8–24 residents in groups of 4",
        materials="Printed case packets (one per group), a whiteboard, the slide deck. " * 5,
        facilitator_notes=NOTES,
        evaluation="Debrief questions: What surprised you? What will you do differently? " * 6,
    )


def test_the_facilitator_sheet_prints_on_at_most_two_pages(page, resource):
    page.goto(f"/catalog/{resource.slug}/facilitator-sheet/")
    screenshot(page, "anonymous-facilitator_sheet-print-source")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        pages = len(document.pages)
    assert 1 <= pages <= 2, f"the sheet printed on {pages} pages"
    letter = page.pdf(format="Letter")
    with pikepdf.open(io.BytesIO(letter)) as document:
        assert len(document.pages) <= 2


def test_download_all_materials_gives_a_zip_with_a_readme(page, resource):
    page.goto(resource.get_absolute_url())
    with page.expect_download() as info:
        page.get_by_role("link", name="Download all materials").click()
    download = info.value
    assert download.suggested_filename == f"{resource.slug}-v1-materials.zip"
    with zipfile.ZipFile(download.path()) as archive:
        assert f"{resource.slug}-v1/README.txt" in archive.namelist()
