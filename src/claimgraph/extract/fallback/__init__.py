"""When the parse fails: readings of a codebook verb between two actors taken from word order
alone (`surface.py`), for the triggers the parse-based readers gave no reading, at a lower
confidence and under their own rule name (`surface:LEMMA`)."""
