"""Management figures: the table, the young people behind a number."""
