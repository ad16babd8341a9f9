"""Validators for account fields."""

import re
import unicodedata

from django.core.exceptions import ValidationError

ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


def orcid_check_digit(base_digits: str) -> str:
    """ISO 7064 11,2 check character for the first 15 digits of an ORCID iD."""
    total = 0
    for digit in base_digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def normalize_email(value: str) -> str:
    """An e-mail address as stored: compatibility-normalised (NFKC), trimmed, lower case."""
    return unicodedata.normalize("NFKC", value or "").strip().lower()


def email_key(value: str) -> str:
    """An e-mail address as compared with another: trimmed, NFKC, case folded, and without a
    "+tag" after the local part (alice+toolkit@uni.edu is alice@uni.edu's mailbox)."""
    address = unicodedata.normalize("NFKC", value or "").strip().casefold()
    local, at, domain = address.rpartition("@")
    if not (at and local and domain):
        return address
    return f"{local.split('+', 1)[0] or local}@{domain}"


def normalize_orcid(value: str) -> str:
    """Accept `https://orcid.org/…` or bare iDs, upper-case the check character."""
    value = (value or "").strip()
    for prefix in ("https://orcid.org/", "http://orcid.org/", "orcid.org/"):
        if value.lower().startswith(prefix):
            value = value[len(prefix) :]
    return value.upper()


def validate_orcid(value: str) -> None:
    value = normalize_orcid(value)
    if not ORCID_RE.match(value):
        raise ValidationError(
            "Enter an ORCID iD as 0000-0002-1825-0097 (four groups of four characters).",
            code="orcid_format",
        )
    digits = value.replace("-", "")
    if orcid_check_digit(digits[:15]) != digits[15]:
        raise ValidationError(
            "This ORCID iD has a wrong check digit; please copy it again from orcid.org.",
            code="orcid_checksum",
        )
