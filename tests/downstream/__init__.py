"""A downstream project installing the built wheel."""
