"""Modality and attribution: how sure the document is of a reading, and on whose word."""
