"""The version, kept here so that showing it reads no package metadata (pyproject.toml
takes it from this file)."""

__version__ = "0.1.0"
