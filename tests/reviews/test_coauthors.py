"""Co-authors are authors (issue 11, item 2): a co-author whose e-mail address is an
account's is linked to it whenever either side changes, may not review the submission,
and an editor who is a co-author does not handle it (it leaves their desk)."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from reviews import anonymity, authorship, permissions, services
from reviews.models import ReviewAssignment, SubmissionAuthor
from reviews.suggestions import suggest_reviewers
from tests import factories
from tests.canaries import api

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    return factories.user("owner", display_name="Olu Owner")


@pytest.fixture
def coauthor(db):
    """A reviewer (and contributor) whose address the byline spells differently."""
    return factories.reviewer_user(
        "pfernandez", display_name="Paz Fernández", email="paz.fernandez@songbird.example"
    )


BYLINE_EMAIL = "  Paz.Fernandez+toolkit@SONGBIRD.example "


def byline(owner, email=BYLINE_EMAIL):
    return [
        {"name": owner.display_name, "email": owner.email},
        {"name": "Paz Fernández", "email": email, "affiliation": "Songbird College"},
    ]


@pytest.fixture
def in_review(owner, editor, coauthor):
    """In review, with Paz Fernández in the byline (spelled as a person would type it)."""
    submission = factories.draft(owner)
    services.set_authors(submission, owner, byline(owner))
    services.submit(submission, owner)
    services.send_to_review(submission, editor)
    return submission


def linked(submission) -> dict:
    return dict(submission.authors.values_list("name", "user__username"))


# --- linking ------------------------------------------------------------------------------------


def test_a_coauthor_is_linked_whatever_the_case_spacing_width_or_plus_tag(owner, coauthor):
    submission = factories.draft(owner)
    services.set_authors(submission, owner, byline(owner, "ＰＡＺ.fernandez@songbird.example"))
    assert linked(submission)["Paz Fernández"] == "pfernandez"
    services.set_authors(submission, owner, byline(owner))
    assert linked(submission) == {"Olu Owner": "owner", "Paz Fernández": "pfernandez"}
    assert submission.authors.get(position=2).email == "paz.fernandez+toolkit@songbird.example"
    assert permissions.is_author(coauthor, submission)


def test_different_addresses_are_not_linked(owner, coauthor):
    submission = factories.draft(owner)
    services.set_authors(submission, owner, byline(owner, "paz.fernandez@songbird.example.org"))
    services.set_authors(submission, owner, byline(owner, "paz.fernandez2@songbird.example"))
    assert linked(submission)["Paz Fernández"] is None
    assert not permissions.is_author(coauthor, submission)


def test_signing_up_with_a_coauthors_address_links_the_new_account(client, owner):
    submission = factories.draft(owner)
    services.set_authors(submission, owner, byline(owner))
    response = client.post(
        "/accounts/signup/",
        {
            "username": "pazf",
            "email": "Paz.Fernandez@songbird.example",
            "display_name": "Paz Fernández",
            "password1": "a-long-enough-passphrase-42",
            "password2": "a-long-enough-passphrase-42",
        },
    )
    assert response.status_code == 302
    assert linked(submission)["Paz Fernández"] == "pazf"


def test_changing_a_profile_email_links_and_unlinks_the_account(client, owner):
    submission = factories.draft(owner)
    services.set_authors(submission, owner, byline(owner))
    person = factories.user("pazf", display_name="Paz Fernández", email="paz@elsewhere.example")
    assert linked(submission)["Paz Fernández"] is None
    client.force_login(person)

    def save_email(address):
        response = client.post(
            "/accounts/profile/", {"display_name": "Paz Fernández", "email": address}
        )
        assert response.status_code == 302

    save_email("paz.fernandez@SONGBIRD.example")
    assert linked(submission)["Paz Fernández"] == "pazf"
    save_email("paz@elsewhere.example")
    assert linked(submission)["Paz Fernández"] is None


def test_any_account_save_or_author_save_relinks(owner, coauthor):
    submission = factories.draft(owner)
    services.set_authors(submission, owner, byline(owner, "paz@elsewhere.example"))
    coauthor.email = "paz@elsewhere.example"
    coauthor.save()  # an admin edit, or the shell
    assert linked(submission)["Paz Fernández"] == "pfernandez"
    row = submission.authors.get(position=2)
    row.email = "someone@else.example"
    row.save()  # an admin edit of the author row
    assert linked(submission)["Paz Fernández"] is None


def test_an_admin_edit_of_a_coauthors_email_links_them(client, owner, coauthor):
    submission = factories.draft(owner)
    services.set_authors(submission, owner, byline(owner, "paz@elsewhere.example"))
    row = submission.authors.get(position=2)
    boss = factories.user("boss", roles=["admin"], is_staff=True, is_superuser=True)
    client.force_login(boss)
    response = client.post(
        f"/admin/reviews/submissionauthor/{row.pk}/change/",
        {
            "submission": submission.pk,
            "position": 2,
            "name": "Paz Fernández",
            "email": "PAZ.FERNANDEZ@songbird.example",
            "affiliation": "",
            "orcid": "",
        },
    )
    assert response.status_code == 302
    assert linked(submission)["Paz Fernández"] == "pfernandez"


def test_deactivating_an_account_keeps_its_link_but_it_grants_nothing(in_review, coauthor):
    coauthor.is_active = False
    coauthor.save()
    assert linked(in_review)["Paz Fernández"] == "pfernandez"
    assert not permissions.is_author(coauthor, in_review)  # nobody signed in as it
    coauthor.is_active = True
    coauthor.save()
    assert permissions.is_author(coauthor, in_review)


def test_submitting_links_rows_changed_behind_the_services_back(owner, coauthor):
    submission = factories.draft(owner)
    services.set_authors(submission, owner, byline(owner))
    SubmissionAuthor.objects.filter(submission=submission).update(user=None)  # a bulk update
    services.submit(submission, owner)
    assert linked(submission)["Paz Fernández"] == "pfernandez"


def test_the_data_migration_links_existing_rows(owner, coauthor):
    from importlib import import_module

    from django.apps import apps

    submission = factories.draft(owner)
    services.set_authors(submission, owner, byline(owner))
    SubmissionAuthor.objects.filter(submission=submission).update(
        user=None, email="Paz.Fernandez@Songbird.example"
    )
    import_module("reviews.migrations.0002_link_coauthors").link_authors(apps, None)
    assert linked(submission)["Paz Fernández"] == "pfernandez"
    assert submission.authors.get(position=2).email == "paz.fernandez@songbird.example"


def test_email_keys_ignore_case_width_spaces_and_plus_tags_only():
    key = authorship.email_key
    assert key(" ＡＬＩＣＥ+Toolkit@Uni.EDU ") == "alice@uni.edu"
    assert key("alice@uni.edu") != key("alice@uni.edu.au")
    assert key("+alice@uni.edu") == "+alice@uni.edu"
    assert key("not an address") == "not an address"


# --- reviewing ----------------------------------------------------------------------------------


def test_a_coauthor_cannot_be_invited_on_the_page(client, in_review, editor, coauthor):
    client.force_login(editor)
    response = client.post(
        f"/editor/submissions/{in_review.uuid}/invite/", {"reviewer": coauthor.username}
    )
    assert response.status_code == 409
    assert "This person is an author of the submission." in response.content.decode()
    assert not ReviewAssignment.objects.filter(reviewer=coauthor).exists()


def test_a_coauthor_cannot_be_invited_through_the_api(in_review, editor, coauthor):
    response = api(editor).post(
        f"/api/v1/submissions/{in_review.uuid}/assignments/",
        {"reviewer": coauthor.username},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "conflict_of_interest"
    assert response.json()["detail"] == "This person is an author of the submission."


def test_a_coauthor_is_suggested_only_as_a_conflict_with_the_reason(in_review, coauthor):
    rows = {s.reviewer.username: s for s in suggest_reviewers(in_review)}
    assert rows["pfernandez"].conflict == "This person is an author of the submission."


def test_a_conflict_declared_with_an_author_matches_without_accents_or_case(in_review, owner):
    declaring = factories.reviewer_user("decl", conflict_people="PAZ FERNANDEZ")
    assert permissions.conflict_reason(declaring, in_review) == (
        "This reviewer declared a conflict of interest with an author."
    )
    institution = factories.reviewer_user("inst", conflict_institutions="songbird  college")
    assert "institution" in permissions.conflict_reason(institution, in_review)


def test_the_owners_declared_conflicts_count_even_outside_the_byline(owner):
    owner.conflict_people = "REV IEWER"
    owner.save()
    submission = factories.draft(owner)
    services.set_authors(submission, owner, [{"name": "Someone Else"}])
    target = factories.reviewer_user("target", display_name="Rev Iewer")
    assert permissions.conflict_reason(target, submission) == (
        "An author declared a conflict of interest with this reviewer."
    )


# --- editing ------------------------------------------------------------------------------------


@pytest.fixture
def editor_coauthor(in_review, coauthor):
    """Paz Fernández is also an editor."""
    coauthor.groups.add(Group.objects.get(name="editor"))
    return coauthor


def test_an_editor_coauthor_does_not_find_it_on_their_desk(client, in_review, editor_coauthor):
    client.force_login(editor_coauthor)
    queue = client.get("/editor/").content.decode()
    assert str(in_review.uuid) not in queue
    page = f"/editor/submissions/{in_review.uuid}/"
    assert client.get(page).status_code == 404
    assert client.post(f"{page}decide/desk_reject/", {"reason": "x"}).status_code == 404
    assert client.post(f"{page}invite/", {"reviewer": "editor"}).status_code == 404


def test_an_editor_coauthor_follows_it_as_an_author(client, in_review, editor, editor_coauthor):
    reviewer = factories.reviewer_user("rname", display_name="Rhea Namely")
    assignment = services.invite(in_review, editor, reviewer=reviewer)
    factories.review_and_complete(assignment, reviewer)
    client.force_login(editor_coauthor)
    response = client.get(f"/submissions/{in_review.uuid}/")
    assert response.status_code == 200
    assert "Rhea Namely" not in response.content.decode()
    detail = api(editor_coauthor).get(f"/api/v1/submissions/{in_review.uuid}/").json()
    assert detail["role"] == "author"
    assert "Rhea Namely" not in str(detail)
    assert "identity_flags" not in detail and "assignments" not in detail
    listed = api(editor_coauthor).get(f"/api/v1/submissions/{in_review.uuid}/assignments/")
    assert listed.status_code == 403
    assert api(editor_coauthor).get("/api/v1/assignments/").json()["results"] == []


def test_an_editor_coauthor_gets_no_editor_email(
    owner, editor, coauthor, django_capture_on_commit_callbacks
):
    coauthor.groups.add(Group.objects.get(name="editor"))
    submission = factories.draft(owner)
    services.set_authors(submission, owner, byline(owner))
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(submission, owner)
    to = {address for message in mail.outbox for address in message.to}
    assert editor.email in to and coauthor.email not in to


def test_the_editor_badge_leaves_out_work_they_coauthored(owner, editor_coauthor):
    from reviews.navigation import counts

    for byline_of in (byline, lambda owner: [{"name": owner.display_name}]):
        submission = factories.draft(owner)
        services.set_authors(submission, owner, byline_of(owner))
        services.submit(submission, owner)
    assert counts(editor_coauthor)["editor"] == 1


# --- a reviewer who claims a co-author's address --------------------------------------------------


def test_a_reviewer_who_takes_a_coauthors_address_gains_no_view(client, owner, editor):
    in_review = factories.draft(owner)
    services.set_authors(in_review, owner, byline(owner, "paz@nowhere.example"))  # no account
    services.submit(in_review, owner)
    services.send_to_review(in_review, editor)
    reviewer = factories.reviewer_user("rsly", display_name="Sly Reviewer")
    assignment = services.invite(in_review, editor, reviewer=reviewer)
    services.accept_invitation(assignment, reviewer, coi_declaration="None.")
    reviewer.email = "paz@nowhere.example"  # unverified: anyone may claim it
    reviewer.save()
    assert linked(in_review)["Paz Fernández"] == "rsly"
    assert anonymity.Viewer(reviewer, in_review).role == anonymity.REVIEWER
    detail = api(reviewer).get(f"/api/v1/submissions/{in_review.uuid}/").json()
    assert detail["role"] == "reviewer" and "authors" not in detail["metadata"]
    assert "Olu Owner" not in str(detail) and "Fernández" not in str(detail)
    client.force_login(editor)
    html = client.get(f"/editor/submissions/{in_review.uuid}/").content.decode()
    assert "Conflict: This person is an author of the submission." in html
