"""The rule screens: the rule overview, loading a rule file and local standards."""
