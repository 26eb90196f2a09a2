"""The register: the list of young people and its search."""
