"""Actors in a document: mentions from the KB ruler and the NER, linked within the document."""
from claimgraph.extract.entities.actors import entity_id, extract_entities

__all__ = ["entity_id", "extract_entities"]
