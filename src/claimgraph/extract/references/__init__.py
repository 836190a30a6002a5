"""References: descriptions, pronouns and other words that stand for an actor named elsewhere."""
