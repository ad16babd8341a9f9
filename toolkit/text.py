"""Plain-text hygiene shared by the apps."""

import re

# Control characters but tab, line feed and carriage return. A NUL above all: PostgreSQL
# cannot store one in text, nor compare text with one.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_controls(text: str | None) -> str:
    """`text` with each control character (see above) turned into a space."""
    return CONTROL_CHARACTERS.sub(" ", text or "")
