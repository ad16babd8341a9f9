import pytest

from tests import factories


@pytest.fixture
def reviewers(db):
    return [
        factories.reviewer_user(f"rev{i}", display_name=f"Reviewer Person {i}") for i in (1, 2, 3)
    ]
