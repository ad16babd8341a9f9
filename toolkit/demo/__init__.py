"""The demo (`manage.py seed_demo`): its seeder, its content in `data/` and its attachments."""

from .seed import DEMO_PASSWORD, DEMO_USERS, seed_all

__all__ = ["DEMO_PASSWORD", "DEMO_USERS", "seed_all"]
