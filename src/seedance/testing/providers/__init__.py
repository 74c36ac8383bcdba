"""One module per provider: how that provider's simulator shapes its responses (``SHAPE``)."""
