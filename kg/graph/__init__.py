"""Records → RDF quads in the ontology: a named graph per document, plus shared entity statements."""
from .quads import DocumentGraph, document_quads

__all__ = ["DocumentGraph", "document_quads"]
