"""``seedance batch``: many requests from a JSONL file, resumable after any interruption."""

from __future__ import annotations
