"""Finding people in text (reviews.identity): ordinary variants of names, e-mail addresses,
ORCID iDs, user names and affiliations, in redaction and in the file scan, and the
identity flags that tell editors what reviewers would still see."""

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reviews import anonymity, files, identity, services
from reviews.flags import identity_flags
from tests import factories, samples
from tests.canaries import api


@pytest.fixture
def owner(db):
    return factories.user("cokafor", display_name="Chidi Okafor", affiliation="Mercy Hospital")


def redact(text, terms):
    return identity.replace_identities(text, terms, "[x]")


# --- normalising both sides -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By ZEBEDEE-XANTHOS.", "By [x]."),
        ("By Zebedee\u2011Xanthos.", "By [x]."),  # non-breaking hyphen
        ("By Zebedee\u2013Xanthos and zebedee \u2014 xanthos.", "By [x] and [x]."),  # dashes
        ("By ZEBEDEE\u00a0XANTHOS.", "By [x]."),  # no-break space
        ("By Ｚｅｂｅｄｅｅ Xanthos.", "By [x]."),  # full-width letters
    ],
)
def test_redaction_catches_a_name_in_any_case_hyphen_dash_or_width(text, expected):
    assert redact(text, ["Zebedee Xanthos"]) == expected
    assert redact(text, ["Zebedee-Xanthos"]) == expected


def test_redaction_catches_a_name_with_its_accents_removed_or_added():
    assert redact("Thanks to Maria Fernandez.", ["María Fernández"]) == "Thanks to [x]."
    assert redact("Thanks to María Fernández.", ["Maria Fernandez"]) == "Thanks to [x]."
    assert redact("FERNANDEZ et al.; Fernández 2020", ["Fernández"]) == "[x] et al.; [x] 2020"
    assert redact("Søren Kierkegård wrote", ["Soren Kierkegard"]) == "[x] wrote"


def test_redaction_replaces_exactly_the_characters_written():
    text = "Dr Ferna\u0301ndez\u0301, Dr STRAẞE and Dr O’Brien; Fernandezian"
    terms = ["Fernández", "Straße", "O'Brien"]
    assert redact(text, terms) == "Dr [x], Dr [x] and Dr [x]; Fernandezian"


def test_redaction_catches_an_orcid_in_any_spelling():
    text = "0000-0002-1825-0097; https://orcid.org/0000000218250097; 0000 0002 1825 0097."
    assert redact(text, ["https://orcid.org/0000-0002-1825-0097"]) == (
        "[x]; https://orcid.org/[x]; [x]."
    )
    assert redact("10000000218250097 and 0000000218250097x", ["0000000218250097"]) == (
        "10000000218250097 and 0000000218250097x"
    )


def test_redaction_catches_affiliation_abbreviations_both_ways():
    term = ["Hillside University Department of Medicine"]
    assert redact("At Hillside Univ. Dept. of Med. we", term) == "At [x] we"
    assert redact("At Hillside Univ Dept of Medicine we", term) == "At [x] we"
    assert redact(
        "At Hillside University Department of Medicine", ["Hillside Univ. Dept. of Med."]
    ) == ("At [x]")
    assert (
        redact("St Mary's Hosp. & Med. Ctr", ["Saint Mary's Hospital and Medical Center"]) == "[x]"
    )
    assert redact("Hillside Universe", term + ["Hillside University"]) == "Hillside Universe"


def test_a_lone_surname_is_redacted_in_any_case_but_all_lower_case():
    terms = ["Olive Green", "Green"]
    text = "Green and GREEN wrote it; green vegetables; olive green is a name too"
    assert redact(text, terms) == "[x] and [x] wrote it; green vegetables; [x] is a name too"


def test_a_user_name_is_redacted_in_any_case_but_role_words_never():
    terms = ["zcanary", "contributor", "Reviewer"]
    text = "zcanary, ZCanary, xzcanary; the contributor thanks Reviewer 2"
    assert redact(text, terms) == "[x], [x], xzcanary; the contributor thanks Reviewer 2"


def test_the_identities_of_a_submission_include_user_names_and_orcids(owner):
    coauthor = factories.user(
        "pfernandez", display_name="Paz Fernández", orcid="0000-0002-1694-233X"
    )
    submission = factories.draft(owner)
    services.set_authors(
        submission,
        owner,
        [{"name": "Paz Fernández", "email": coauthor.email}, {"name": "Ann Other"}],
    )
    terms = anonymity.Identities(submission).authors
    text = f"By {owner.username} and PFERNANDEZ (orcid 000000021694233x), Fernandez et al."
    assert anonymity.redact(text, terms) == (
        "By [redacted] and [redacted] (orcid [redacted]), [redacted] et al."
    )


# --- the file scan --------------------------------------------------------------------------------


def test_the_file_scan_finds_names_in_any_case_accent_or_hyphen():
    authors = [{"name": "María Zebedee-Xanthos", "email": "mzx@example.org"}]
    data = samples.docx_bytes(text="Prepared by MARIA ZEBEDEE\u2011XANTHOS; ask Xanthos.")
    text = files.extract_text(files.sanitize(data, "docx"), "docx")
    assert identity.find_identities(text, identity.identity_terms(authors)) == [
        "María Zebedee-Xanthos",
        "Zebedee-Xanthos",
        "Zebedee",
        "Xanthos",
    ]


def test_an_upload_is_flagged_for_the_owners_user_name_and_orcid_in_its_text(owner):
    owner.orcid = "0000-0002-1825-0097"
    owner.save()
    submission = factories.draft(owner, link=False)
    data = samples.docx_bytes(text=f"Ask {owner.username.upper()} (orcid 0000000218250097).")
    item = services.add_file(submission, owner, SimpleUploadedFile("notes.docx", data))
    in_text = {f["term"] for f in item.identity_flags if f["where"].startswith("document text")}
    assert in_text >= {owner.username, "0000-0002-1825-0097"}


# --- identity flags for editors -------------------------------------------------------------------


@pytest.fixture
def flagged(owner, editor):
    """A submitted draft whose link address and file text name its authors."""
    submission = factories.draft(owner, link=False, summary=f"By {owner.display_name}.")
    services.add_link(submission, owner, f"https://video.example.org/{owner.username}/1", "Talk")
    data = samples.docx_bytes(text="Thanks to Philippa Songbird and FERNÁNDEZ.")
    services.add_file(submission, owner, SimpleUploadedFile("notes.docx", data), label="Notes")
    return submission


def test_flags_say_what_reviewers_see_as_written_and_what_is_redacted(flagged, owner):
    flags = identity_flags(flagged)
    as_written = {(f["where"], f["term"]) for f in flags if not f["redacted"]}
    redacted = {(f["where"], f["term"]) for f in flags if f["redacted"]}
    assert ("Talk (address)", owner.username) in as_written
    assert ("summary", owner.display_name) in redacted


def test_flags_follow_coauthors_added_after_the_upload(flagged, owner):
    services.set_authors(
        flagged,
        owner,
        [{"name": owner.display_name}, {"name": "Philippa Songbird"}, {"name": "Jo Fernández"}],
    )
    as_written = {(f["where"], f["term"]) for f in identity_flags(flagged) if not f["redacted"]}
    assert {("Notes (text)", "Philippa Songbird"), ("Notes (text)", "Fernández")} <= as_written


def test_the_editor_page_separates_what_reviewers_would_still_see(client, flagged, owner, editor):
    services.submit(flagged, owner)
    client.force_login(editor)
    html = client.get(f"/editor/submissions/{flagged.uuid}/").content.decode()
    kept = html.split("Reviewers see these as written")[1].split("Redacted or removed")[0]
    assert f"In the Talk (address): “{owner.username}”" in kept
    assert "In the summary" in html.split("Redacted or removed")[1]
    api_flags = api(editor).get(f"/api/v1/submissions/{flagged.uuid}/").json()["identity_flags"]
    assert {"where": "Talk (address)", "term": owner.username, "redacted": False} in api_flags


# --- find_identities and identity_terms (moved from test_files) ---------------------------------


def test_find_identities_finds_a_surname_followed_by_an_apostrophe():
    assert identity.find_identities("See Dr Okafor's notes.", ["Okafor"]) == ["Okafor"]


def test_find_identities_does_not_match_inside_a_longer_word():
    assert identity.find_identities("The annual report", ["Ann"]) == []


def test_find_identities_ignores_case_and_extra_whitespace():
    text = "Prepared by CHIDI\n   okafor for the clinic."

    assert identity.find_identities(text, ["Chidi  Okafor"]) == ["Chidi  Okafor"]


def test_find_identities_matches_an_email_but_not_a_longer_one():
    terms = ["ann@example.org"]

    assert identity.find_identities("Write to ann@example.org.", terms) == terms
    assert identity.find_identities("Write to joann@example.org.", terms) == []


def test_find_identities_sees_through_soft_hyphens_and_compatibility_characters():
    assert identity.find_identities("Oka\u00adfor and Ｆｉｎｃｈ", ["Okafor", "Finch"]) == [
        "Okafor",
        "Finch",
    ]
    assert identity.find_identities("the ﬁnchley site", ["finchley"]) == ["finchley"]


def test_find_identities_keeps_the_given_order_and_drops_duplicates():
    text = "Mercy Hospital; Okafor; Chidi Okafor"
    terms = ["Chidi Okafor", "Okafor", "Mercy Hospital", "okafor", "Absent Person"]

    assert identity.find_identities(text, terms) == ["Chidi Okafor", "Okafor", "Mercy Hospital"]


def test_find_identities_ignores_blank_terms_and_text():
    assert identity.find_identities("", ["Okafor"]) == []
    assert identity.find_identities("Okafor", ["", "  ", None]) == []


def test_identity_terms_lists_names_long_surnames_emails_and_affiliations():
    authors = [
        {"name": "Chidi Okafor", "email": "c.okafor@example.org", "affiliation": "Mercy Hospital"},
        SimpleNamespace(name="Mai  Ng", email="", affiliation="Mercy Hospital"),
        SimpleNamespace(name="Okafor", email=None, affiliation="  "),
    ]

    assert identity.identity_terms(authors) == [
        "Chidi Okafor",
        "Okafor",
        "c.okafor@example.org",
        "Mercy Hospital",
        "Mai Ng",
    ]


def test_identity_terms_skips_degrees_after_a_surname():
    assert identity.identity_terms([{"name": "Chidi Okafor, MD PhD"}]) == [
        "Chidi Okafor, MD PhD",
        "Okafor",
    ]


def test_author_identities_in_the_body_survive_sanitizing_and_are_found_for_the_editor():
    authors = [{"name": "Zebedee Quartermaine", "email": "zq@example.org"}]
    data = samples.docx_bytes(text="Thanks to Zebedee Quartermaine (zq@example.org).")

    text = files.extract_text(files.sanitize(data, "docx"), "docx")

    assert identity.find_identities(text, identity.identity_terms(authors)) == [
        "Zebedee Quartermaine",
        "Quartermaine",
        "zq@example.org",
    ]
