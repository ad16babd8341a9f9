"""Workflow page forms: contributor, reviewer and editor."""
