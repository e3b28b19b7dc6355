"""Exercises of one's own: the editor (name, muscles, equipment, failure safety) and the exercise list."""
