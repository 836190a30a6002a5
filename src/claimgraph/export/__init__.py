"""Writers of what the store and the extractors produce."""
