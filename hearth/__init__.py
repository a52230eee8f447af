"""Hearth: a private companion for building trust in close relationships."""
