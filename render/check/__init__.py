"""Checks on a loaded document: whether the two languages say the same thing."""
