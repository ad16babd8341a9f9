"""Competency frameworks (issue 16 item 5): the AAMC DEI competencies and the ACGME core
competencies as vocabularies; resources are tagged with them and collections and saved
lists export a curriculum map (resources × competencies)."""
