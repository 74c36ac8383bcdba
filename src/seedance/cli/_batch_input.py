"""The input of ``seedance batch``: one `VideoRequest` per JSONL line, checked before sending."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import attrs

from .. import (
    SeedanceError,
    VideoRequest,
)
from ..adapters import adapter

__all__ = ["FIELDS", "ID_PATTERN", "Entry", "Problem", "read_requests", "validate"]

FIELDS = tuple(item.name for item in attrs.fields(VideoRequest))
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
"""What an id may be: it names a file, on every operating system."""


# --- input --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    """One valid line: its number, its id and its request as canonical JSON."""

    line: int
    id: str
    request: str


@dataclass(frozen=True)
class Problem:
    """One line that is not sent, and why."""

    line: int
    id: str | None
    message: str


class _BadLineError(Exception):
    def __init__(self, message: str, request_id: str | None = None) -> None:
        super().__init__(message)
        self.request_id = request_id


def read_requests(path: Path, provider: str) -> tuple[list[Entry], list[Problem]]:
    """Every line of *path*, checked as *provider* would check it before sending anything."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    # Case-folded id -> (id, line): `Clip1` and `clip1` would be one file on macOS and Windows.
    first_line: dict[str, tuple[str, int]] = {}
    for number, raw in enumerate(path.read_bytes().splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            entry = _parse_line(number, raw, provider)
        except _BadLineError as error:
            problems.append(Problem(number, error.request_id, str(error)))
            continue
        seen = first_line.get(entry.id.casefold())
        if seen is not None:
            problems.append(Problem(number, entry.id, _collision(entry.id, *seen)))
            continue
        first_line[entry.id.casefold()] = (entry.id, number)
        entries.append(entry)
    return entries, problems


def _collision(request_id: str, other: str, line: int) -> str:
    if other == request_id:
        return f"id {request_id!r} is already used on line {line}"
    return (
        f"id {request_id!r} differs from id {other!r} (line {line}) only by case: both would"
        " write the same file on macOS and Windows; give it another id"
    )


def _parse_line(number: int, raw: bytes, provider: str) -> Entry:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _BadLineError("not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise _BadLineError(f"not valid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(data, dict):
        raise _BadLineError(f"not a JSON object but {type(data).__name__}")
    raw_id = data.pop("id", number)
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        raise _BadLineError(f"id={raw_id!r} is not allowed; allowed: a string or an integer")
    request_id = str(raw_id)
    if not ID_PATTERN.fullmatch(request_id):
        raise _BadLineError(
            f"id={request_id!r} cannot name a file; allowed: up to 128 letters, digits, '.', '_'"
            " and '-', starting with a letter or digit"
        )
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        guess = difflib.get_close_matches(unknown[0], FIELDS, n=1)
        hint = f" (did you mean {guess[0]!r}?)" if guess else ""
        raise _BadLineError(
            f"unknown field{'s' if len(unknown) > 1 else ''} {names}{hint}; allowed: id, "
            + ", ".join(FIELDS),
            request_id,
        )
    try:
        validate(provider, VideoRequest(**data))
    except SeedanceError as error:
        raise _BadLineError(str(error), request_id) from None
    except (TypeError, ValueError, AttributeError) as error:
        raise _BadLineError(f"{type(error).__name__}: {error}", request_id) from None
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return Entry(number, request_id, canonical)


def validate(provider: str, request: VideoRequest) -> None:
    """Everything the client checks before a create is sent: capabilities and the curated spec."""
    chosen = adapter(provider)
    caps = chosen.capabilities.check(request)
    body = chosen.create_body(request, caps)
    body.update(request.extras)
    chosen.spec.validate_body(chosen.create_operation, body)
