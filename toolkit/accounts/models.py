"""The user model: identity, reviewer expertise and declared conflicts."""

from functools import cache, cached_property
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import connections, models, router
from django.db.models.functions import Lower
from django.utils import timezone

from toolkit import rows

from .validators import normalize_email, normalize_orcid, validate_orcid


class User(AbstractUser):
    _password: str | None  # AbstractBaseUser's: the raw password set since the last save
    email = models.EmailField("e-mail address")
    display_name = models.CharField(
        "name", max_length=150, help_text="Your name as it appears on published resources."
    )
    affiliation = models.CharField(
        max_length=255, blank=True, help_text="Institution or organisation."
    )
    orcid = models.CharField(
        "ORCID iD",
        max_length=19,
        blank=True,
        validators=[validate_orcid],
        help_text="Optional, for example 0000-0002-1825-0097.",
    )
    expertise_levels = models.ManyToManyField(
        "catalog.LearnerLevel",
        blank=True,
        related_name="+",
        verbose_name="learner levels I can review for",
    )
    expertise_topics = models.ManyToManyField(
        "catalog.Topic", blank=True, related_name="+", verbose_name="topics I can review"
    )
    conflict_institutions = models.TextField(
        "institutions I have a conflict with",
        blank=True,
        help_text="One per line. You will not be invited to review work from them.",
    )
    conflict_people = models.TextField(
        "people I have a conflict with",
        blank=True,
        help_text="One per line, a name or an e-mail address.",
    )

    on_board = models.BooleanField(
        "listed on the editorial board",
        default=True,
        help_text="For editors: show this person, with their affiliation, on /about/board/.",
    )
    board_title = models.CharField(
        "title on the editorial board",
        max_length=100,
        blank=True,
        help_text="For example Editor-in-chief or Associate editor; empty reads Editor.",
    )

    thanked_publicly = models.BooleanField(
        "thank me by name on the public reviewers page",
        default=False,
        help_text="Lists your name on “Thank you to our reviewers” for each year in which you "
        "completed a review. Never which resources you reviewed.",
    )

    REQUIRED_FIELDS = ["email", "display_name"]

    class Meta:
        ordering = ["display_name", "username"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Normalises; a new password or a deactivation revokes the API token (whoever saves:
        the password forms, the reset link, the admin, a management command)."""
        self.email = normalize_email(self.email)
        if self.orcid:
            self.orcid = normalize_orcid(self.orcid)
        if not self.display_name:
            self.display_name = self.get_full_name() or self.username
        revoke = not self._state.adding and (self._password is not None or not self.is_active)
        super().save(*args, **kwargs)
        if revoke:
            ApiToken.objects.filter(user=self).delete()

    @cached_property
    def role_names(self) -> frozenset[str]:
        """Names of the role groups this user belongs to (one query per request, read when
        a page first asks; never kept longer than the request's user object)."""
        return group_names(self.pk)

    @property
    def orcid_url(self) -> str:
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""

    def conflict_lines(self) -> tuple[list[str], list[str]]:
        """Declared conflicts, normalised: (institutions, people)."""

        def lines(text: str) -> list[str]:
            return [line.strip().lower() for line in text.splitlines() if line.strip()]

        return lines(self.conflict_institutions), lines(self.conflict_people)


class ApiToken(models.Model):
    """A personal API token. Only the SHA-256 digest of its key is stored: the key is shown
    once, when it is made (toolkit.accounts.tokens)."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="api_token")
    digest = models.CharField("SHA-256 of the key", max_length=64, unique=True, editable=False)
    created = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"API token of {self.user}"


GROUP_NAMES_SQL = (
    "SELECT g.name FROM auth_group g JOIN accounts_user_groups ug ON ug.group_id = g.id "
    "WHERE ug.user_id = %s"
)


def group_names(user_id: int) -> frozenset[str]:
    """The names of the groups of the user `user_id`, in one SQL statement: every signed-in
    page asks (the navigation's roles), and the ORM took ~125 µs to build this query, which
    runs in ~10 µs."""
    with connections[router.db_for_read(User.groups.through)].cursor() as cursor:
        cursor.execute(GROUP_NAMES_SQL, [user_id])
        return frozenset(name for (name,) in cursor.fetchall())


@cache
def _account_sql() -> str:
    """The account's columns and the name of each of its groups: a row per group (one row
    with a NULL name for an account in none)."""
    columns = rows.columns(User, rows.concrete_fields(User), "u")
    return (
        f"SELECT {columns}, g.name FROM accounts_user u "  # noqa: S608 - constant SQL
        "LEFT JOIN accounts_user_groups ug ON ug.user_id = u.id "
        "LEFT JOIN auth_group g ON g.id = ug.group_id WHERE u.id = %s"
    )


def account_with_roles(user_id: object) -> User | None:
    """The account `user_id` (as a session holds it) with its `role_names` filled in, read
    by one statement: every signed-in request reads its account, and the navigation its
    roles, which took two queries, one of them built by the ORM (~250 µs of Python)."""
    try:
        pk = User._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    alias = router.db_for_read(User)
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(_account_sql(), [pk])
        found = cursor.fetchall()
    if not found:
        return None
    fields = rows.concrete_fields(User)
    user = User.from_db(alias, list(fields), rows.convert(connection, User, fields, found[0][:-1]))
    user.__dict__["role_names"] = frozenset(row[-1] for row in found if row[-1] is not None)
    return user
