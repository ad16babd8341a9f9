"""The demo's data files are checked as a contributor's or reviewer's input is: a mistake
stops `seed_demo` before it writes anything, with a message naming the file and the field."""

import shutil
import tomllib
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from reviews.models import Submission
from toolkit.demo import seed
from toolkit.demo.content import DATA, DemoContentError, load
from toolkit.demo.validation import validate

pytestmark = pytest.mark.django_db

FIRST = "resources/01-hidden-in-the-equation-a-team-based-learning.md"
DRAFT = "submissions/1-draft.md"


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the shipped data files to break."""
    return Path(shutil.copytree(DATA, tmp_path / "data"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refused(data: Path, match: str) -> None:
    with pytest.raises(DemoContentError, match=match):
        validate(load(data))


def test_the_shipped_demo_data_passes_the_contributors_checks():
    content = load()
    validate(content)
    assert len(content.resources) == 42 and len(content.submissions) == 10


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("topics: [race-in-clinical-algorithms", "topics: [race-in-algorithms", "topics"),
        ("levels: [ume-preclerkship]", "levels: [ume-preclinical]", "levels"),
        ("type: session-plan", "type: lesson-plan", "type"),
        ("license: CC-BY-4.0", "license: CC-BY-9.0", "license"),
        ("language: en", "language: english", "language"),
        ("methods: [IM026, IM008]", "methods: [IM026, IM099]", "methods"),
    ],
)
def test_a_vocabulary_slug_that_does_not_exist_fails_naming_the_file_and_the_field(
    data, old, new, field
):
    edit(data / FIRST, old, new)
    wrong = new.split()[-1].strip("[]")
    refused(data, rf"01-hidden-in-the-equation-a-team-based-learning\.md: {field}: .*{wrong}")


def test_a_missing_front_matter_field_fails_naming_the_file_and_the_field(data):
    edit(
        data / DRAFT,
        "keywords: transportation, missed appointments, no-show policy, journey map\n",
        "",
    )
    with pytest.raises(DemoContentError, match=r"1-draft\.md: keywords: this field is missing"):
        load(data)


def test_a_missing_section_fails_naming_the_file_and_the_field(data):
    path = data / FIRST
    text = path.read_text(encoding="utf-8")
    start, end = text.index("## Facilitator notes"), text.index("## Evaluation")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(DemoContentError, match=r"01-hidden.*\.md: facilitator_notes: .*missing"):
        load(data)


def test_a_misspelt_field_or_section_fails_instead_of_being_ignored(data):
    edit(data / FIRST, "topics:", "topcis:")
    with pytest.raises(DemoContentError, match=r"01-hidden.*\.md: topcis: unknown field"):
        load(data)
    edit(data / FIRST, "topcis:", "topics:")
    edit(data / FIRST, "## Materials", "## Material")
    with pytest.raises(DemoContentError, match=r"01-hidden.*\.md: Material: unknown section"):
        load(data)


def test_a_reference_must_be_a_key_of_the_vetted_list(data):
    edit(data / FIRST, "references: [VYAS_2020", "references: [VYAS_2021")
    with pytest.raises(DemoContentError, match=r"01-hidden.*\.md: references: 'VYAS_2021'"):
        load(data)


def test_an_author_is_checked_by_the_contributors_serializer(data):
    edit(data / FIRST, "email: y.demir@riverside.example.org", "email: y.demir at riverside")
    refused(data, r"01-hidden.*\.md: authors\[1\]\.email: Enter a valid email address")


def test_a_later_version_is_checked_with_its_changes(data):
    path = next((data / "resources").glob("02-*.md"))
    edit(path, "time_required_minutes: 27", "time_required_minutes: -5")
    refused(data, r"02-.*\.md: versions\[0\]\.changes\.time_required_minutes: ")


def test_a_review_must_be_complete_per_the_rubric(data):
    edit(data / "reviews.yaml", "score: 4", "score: 9")
    refused(data, r"reviews\.yaml: \[0\]\.answers\.objectives")


def test_a_letter_must_keep_its_placeholders(data):
    edit(data / "letters" / "accept.md", "{reviews}", "(reviews)")
    refused(data, r"accept\.md: letter: needs \{title\} and \{reviews\}")


def test_seed_demo_refuses_bad_data_with_the_file_and_field_and_writes_nothing(data, monkeypatch):
    edit(data / DRAFT, "topics: [social-determinants]", "topics: [social-determinant]")
    monkeypatch.setattr(seed, "load", lambda: load(data))
    with pytest.raises(CommandError, match=r"1-draft\.md: topics: .*social-determinant\b"):
        call_command("seed_demo", "--force")
    assert not Submission.objects.exists()


def test_every_data_file_ships_in_the_package():
    """A non-editable install has only what pyproject's package-data lists."""
    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    patterns = project["tool"]["setuptools"]["package-data"]["toolkit.demo"]
    package = DATA.parent
    shipped = {path for pattern in patterns for path in package.glob(pattern)}
    assert {path for path in DATA.rglob("*") if path.is_file()} == shipped
