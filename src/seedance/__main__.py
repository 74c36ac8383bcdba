"""``python -m seedance``: the ``seedance`` command."""

from .cli import main

main()
