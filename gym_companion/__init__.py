"""Gym Companion: a desktop training log that knows about reps in reserve, failure and recovery."""

__version__ = "0.1.0"
