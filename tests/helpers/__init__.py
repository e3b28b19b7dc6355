"""Shared test helpers: fake clocks and history factories."""
