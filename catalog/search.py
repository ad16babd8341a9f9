"""Full-text search of published resources (placeholder: the search issue replaces this)."""


def index_resource(resource) -> None:
    """Add or refresh one resource in the search index."""


def remove_resource(resource) -> None:
    """Take one resource out of the search index."""
