"""The library logger (a NullHandler: applications decide where messages go)."""
import logging

logger = logging.getLogger("kg")
logger.addHandler(logging.NullHandler())
