"""Encrypted local storage: SQLCipher through SQLAlchemy, keys, migrations."""
