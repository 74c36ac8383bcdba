"""Counts that tests report at the end of the run."""

from __future__ import annotations

from collections import Counter

# Round-trip property cases run, per "provider.tag.operation_id".
PROPERTY_CASES: Counter[str] = Counter()
