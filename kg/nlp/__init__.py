"""spaCy pipeline assembly and kg's registered components."""
from .pipeline import available_model, load_pipeline

__all__ = ["available_model", "load_pipeline"]
