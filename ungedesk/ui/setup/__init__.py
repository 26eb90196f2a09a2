"""The first start: the set-up wizard that creates the encrypted store."""
