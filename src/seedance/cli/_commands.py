"""The job commands: providers, create, status, wait, download, cancel, provider extras."""

from __future__ import annotations
