"""What the fal adapter reads off its curated spec: a model's notes, a schema's class name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["class_name", "notes"]


def notes(props: Mapping[str, Any]) -> str:
    extras = [name for name in ("camera_fixed", "num_frames", "enable_safety_checker",
                                "end_user_id") if name in props]  # fmt: skip
    notes = ["durations are strings on the wire"]
    if "duration" in props and "auto" in props["duration"].get("enum", ()):
        notes.append('duration "auto" via extras')
    if extras:
        notes.append("extras: " + ", ".join(extras))
    return "; ".join(notes)


def class_name(title: str) -> str:
    """openapi-python-client's class name for a schema title."""
    from seedance_fal import models

    wanted = "".join(char for char in title if char.isalnum()).lower()
    for name in models.__all__:
        if name.lower() == wanted:
            return name
    raise LookupError(title)
