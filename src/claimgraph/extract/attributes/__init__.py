"""Attributes of a claim: its date and the quantities it counts."""
