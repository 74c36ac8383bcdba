"""The curl examples of ../shared/provider-docs/, as the text blocks that start with ``curl``."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

CURL = re.compile(r"\bcurl\b")


def curl_blocks(folder: Path) -> Iterator[tuple[str, int, str]]:
    """(document name, index of the curl example in it, its text up to the next one)."""
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        starts = [match.start() for match in CURL.finditer(text)] + [len(text)]
        for index, (start, end) in enumerate(itertools.pairwise(starts)):
            yield path.name, index, text[start:end]
