"""Public catalog pages. Thin: the work happens in search, filters, facets and citations."""
