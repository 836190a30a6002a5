"""Readings: a trigger word of the codebook and the actors its parse gives it."""
