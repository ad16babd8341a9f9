"""The demo's content, read from the data files in `toolkit/demo/data/` (see its README.md).

`load()` reads and shape-checks the files (no database); `validate()` then checks every
entry against what a contributor's submission must pass: `SubmissionWriteSerializer` (the
API's draft serializer, which resolves every vocabulary slug), the rubric for reviews and
the decision kinds for letters. Any problem raises `DemoContentError` naming the file and
the field, so a wrong slug or a missing field stops the seeding before it starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"

# Markdown sections of a resource or submission file: heading -> field.
SECTIONS = {
    "Summary": "summary",
    "Learning objectives": "learning_objectives",
    "Description": "description",
    "Materials": "materials",
    "Facilitator notes": "facilitator_notes",
    "Evaluation": "evaluation",
}
# Every field of a resource or submission (front matter or section).
COMMON_KEYS = frozenset(
    {
        *SECTIONS.values(),
        "title",
        "type",
        "levels",
        "interprofessional",
        "topics",
        "methods",
        "language",
        "license",
        "time_required_minutes",
        "group_size",
        "keywords",
        "references",
        "authors",
        "acknowledgements",
        "coi_statement",
        "files",
    }
)
# Preparation (issue 15 item 6): optional, empty when left out.
PREPARATION_DEFAULTS: dict[str, object] = {
    "preparation_time": "",
    "facilitator": "",
    "facilitator_requirements": "",
    "equipment": "",
    "group_size_min": None,
    "group_size_max": None,
}
# Competencies (issue 16 item 5): optional slugs, none when left out.
OPTIONAL_DEFAULTS: dict[str, object] = {**PREPARATION_DEFAULTS, "competencies": ()}
RESOURCE_KEYS = COMMON_KEYS | {"published_days_ago"}
SUBMISSION_KEYS = COMMON_KEYS | {"state"}
FILE_KINDS = ("pdf", "docx", "pptx", "link")
_HEADING = re.compile(r"^## (.+)$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.DOTALL)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when PyYAML has it


class DemoContentError(ValueError):
    """A demo data file is wrong; the message names the file and the field."""

    def __init__(self, path: Path, field: str, message: str):
        self.path, self.field = path, field
        super().__init__(f"{_shown(path)}: {field}: {message}")


def _shown(path: Path) -> str:
    return str(path.relative_to(DATA)) if path.is_relative_to(DATA) else str(path)


@dataclass(frozen=True)
class Entry:
    """A resource or submission: its fields (the seeder's dict) and the file they came from."""

    path: Path
    fields: dict


@dataclass(frozen=True)
class DemoContent:
    directory: Path
    resource_entries: list[Entry]
    submission_entries: list[Entry]
    reviews: list[dict]
    review_plan: dict[str, list[int]]
    letters: dict[str, str]
    withdraw_reason: str
    retire_reason: str
    appeal_reasons: str
    references: dict[str, str]

    @property
    def resources(self) -> list[dict]:
        """The catalog's resources, in file-name order (the last one waits in review)."""
        return [entry.fields for entry in self.resource_entries]

    @property
    def submissions(self) -> list[dict]:
        """The demo contributor's submissions, one per workflow state, in file-name order."""
        return [entry.fields for entry in self.submission_entries]


# --- reading --------------------------------------------------------------------------------


def _yaml(path: Path, text: str | None = None) -> object:
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise DemoContentError(path, "YAML", str(exc)) from exc


def _sections(path: Path, body: str) -> dict[str, str]:
    parts = _HEADING.split(body)
    if parts[0].strip():
        raise DemoContentError(path, "body", "text before the first '## ' heading")
    found: dict[str, str] = {}
    for heading, text in zip(parts[1::2], parts[2::2], strict=True):
        field = SECTIONS.get(heading.strip())
        if field is None:
            raise DemoContentError(path, heading, f"unknown section; use one of {list(SECTIONS)}")
        if field in found:
            raise DemoContentError(path, heading, "section appears twice")
        found[field] = text.strip()
    return found


def read_entry(path: Path, references: dict[str, str], keys: frozenset[str]) -> Entry:
    """One Markdown file: YAML front matter plus a section per long text field."""
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        raise DemoContentError(path, "front matter", "the file must start with a '---' block")
    front = _yaml(path, match.group(1))
    if not isinstance(front, dict):
        raise DemoContentError(path, "front matter", "must be a mapping of field: value")
    fields = {**front, **_sections(path, match.group(2))}
    for field in sorted(set(fields) - keys - {"versions"} - set(OPTIONAL_DEFAULTS)):
        raise DemoContentError(path, field, "unknown field")
    fields = {**OPTIONAL_DEFAULTS, **fields}
    for field in sorted(keys - set(fields)):
        raise DemoContentError(path, field, "this field is missing")
    fields["references"] = _references(path, fields["references"], references)
    fields["authors"] = _authors(path, fields["authors"])
    _check_files(path, fields["files"])
    return Entry(path, fields)


def _references(path: Path, keys: object, references: dict[str, str]) -> str:
    if not isinstance(keys, list):
        raise DemoContentError(path, "references", "must be a list of keys of references.yaml")
    for key in keys:
        if key not in references:
            raise DemoContentError(path, "references", f"{key!r} is not in references.yaml")
    return "\n".join(references[key] for key in keys)


def _authors(path: Path, authors: object) -> list[dict]:
    """The byline; `orcid` may be left out (the demo's authors have none)."""
    if not isinstance(authors, list) or not all(isinstance(a, dict) for a in authors):
        raise DemoContentError(path, "authors", "must be a list of name, affiliation, email")
    return [{"orcid": "", **author} for author in authors]


def _check_files(path: Path, files: object) -> None:
    if not isinstance(files, list) or not files:
        raise DemoContentError(path, "files", "must list at least one file or link")
    for entry in files:
        if not isinstance(entry, dict) or entry.get("kind") not in FILE_KINDS:
            raise DemoContentError(path, "files", f"each needs a kind among {FILE_KINDS}")
        if not entry.get("label") or (entry["kind"] == "link") != ("url" in entry):
            raise DemoContentError(path, "files", "each needs a label; a link (only) a url")


def _file_order(path: Path) -> tuple[int, str]:
    """By the number the file name starts with ("10-appealed" after "9-retired"), then name."""
    number = path.stem.split("-", 1)[0]
    return (int(number) if number.isdigit() else 0, path.name)


def _entries(folder: Path, references: dict[str, str], keys: frozenset[str]) -> list[Entry]:
    paths = sorted(folder.glob("*.md"), key=_file_order)
    return [read_entry(path, references, keys) for path in paths]


def _letters(folder: Path) -> dict[str, str]:
    """Decision letters, one Markdown file per decision kind (accept.md: the "accept" letter)."""
    return {
        path.stem: path.read_text(encoding="utf-8").strip() for path in sorted(folder.glob("*.md"))
    }


def _typed(path: Path, kind: type[dict] | type[list], keys: tuple[str, ...] = ()) -> Any:
    """A YAML file that must hold a mapping (with these keys) or a list."""
    value = _yaml(path)
    if not isinstance(value, kind):
        raise DemoContentError(path, "YAML", f"must hold a {kind.__name__}")
    for key in keys:
        if key not in value:
            raise DemoContentError(path, key, "this field is missing")
    return value


def load(data: Path = DATA) -> DemoContent:
    """Read every data file (no database needed; `validate` checks against the vocabularies)."""
    references: dict[str, str] = _typed(data / "references.yaml", dict)
    workflow = _typed(
        data / "workflow.yaml",
        dict,
        ("review_plan", "withdraw_reason", "retire_reason", "appeal_reasons"),
    )
    return DemoContent(
        directory=data,
        resource_entries=_entries(data / "resources", references, RESOURCE_KEYS),
        submission_entries=_entries(data / "submissions", references, SUBMISSION_KEYS),
        reviews=_typed(data / "reviews.yaml", list),
        review_plan=workflow["review_plan"],
        letters=_letters(data / "letters"),
        withdraw_reason=workflow["withdraw_reason"],
        retire_reason=workflow["retire_reason"],
        appeal_reasons=workflow["appeal_reasons"],
        references=references,
    )
