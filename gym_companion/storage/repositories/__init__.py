"""Repositories: the only code that reads and writes tables. They speak in domain dataclasses."""
