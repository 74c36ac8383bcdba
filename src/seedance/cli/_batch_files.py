"""The files of ``seedance batch``: what it wrote, and the checks that keep it honest about them.

The batch paid for every video it downloads, and the user may keep other files in the same
folder. So it records the size and SHA-256 (and modification time, to skip rehashing a file that
did not change) of every ``<id>.mp4`` it writes, and:

- never takes an existing ``<id>.mp4`` it has no record of (or whose content no longer matches
  the record) as its own download: the row stays not downloaded and the file is reported;
- never overwrites such a file, unless ``--overwrite`` is given;
- downloads to a hidden staging file, records it, then moves it into place, so that a run
  killed at any moment leaves either no file, or a file its manifest knows.
"""

from __future__ import annotations

import enum
import errno
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._manifest import Manifest, Row

__all__ = [
    "FileRecord",
    "Verdict",
    "clear_leftovers",
    "digest",
    "disk_full",
    "inspect",
    "inspect_rows",
    "place",
    "settle",
    "staging",
    "unrecorded",
]

_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileRecord:
    """A file as the batch wrote it."""

    size: int
    sha256: str
    mtime_ns: int
    """When it was written: a file whose size and mtime still match is not hashed again."""


class Verdict(enum.Enum):
    """What is at a row's target path, compared with the manifest's record."""

    MISSING = "missing"
    OURS = "ours"
    """The file the batch wrote, unchanged."""
    FOREIGN = "foreign"
    """A file the batch has no record of writing."""
    CHANGED = "changed"
    """The batch wrote a file there, but this one differs from it."""


def digest(path: Path) -> FileRecord:
    """Size, SHA-256 and mtime of *path* (read in chunks: videos can be large)."""
    sha = hashlib.sha256()
    with path.open("rb") as file:
        stat = os.fstat(file.fileno())
        while chunk := file.read(_CHUNK):
            sha.update(chunk)
    return FileRecord(stat.st_size, sha.hexdigest(), stat.st_mtime_ns)


def inspect(path: Path, record: FileRecord | None) -> Verdict:
    """Whether *path* is the file described by *record*."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return Verdict.MISSING
    if record is None:
        return Verdict.FOREIGN
    if stat.st_size != record.size:
        return Verdict.CHANGED
    if stat.st_mtime_ns == record.mtime_ns:
        return Verdict.OURS
    # Touched, copied back or rewritten with the same size: only the content can tell.
    try:
        same = digest(path).sha256 == record.sha256
    except OSError:
        same = False  # unreadable: it cannot be vouched for, so it is not taken nor replaced
    return Verdict.OURS if same else Verdict.CHANGED


def unrecorded(path: Path, verdict: Verdict) -> str:
    """Why the file at *path* is left alone (*verdict* FOREIGN or CHANGED)."""
    if verdict is Verdict.CHANGED:
        what = f"{path} changed since this batch wrote it"
    else:
        what = f"{path} exists and was not written by this batch"
    return f"{what}; it is left alone: move it away, or pass --overwrite to replace it"


def staging(target: Path) -> Path:
    """The hidden file a download goes to before it is recorded and moved into place."""
    return target.with_name(f".{target.name}.download")


def clear_leftovers(target: Path) -> None:
    """Remove what a run killed mid-download left for *target*.

    Only the exact names this row's downloads use (the staging file, and the client's
    ``mkstemp`` partials: 8 random characters), so that ids sharing a prefix (``a``,
    ``a.mp4.x``) never remove each other's files.
    """
    staged = staging(target)
    staged.unlink(missing_ok=True)
    for base in (staged, target):
        for partial in target.parent.glob(f".{_glob_escape(base.name)}.????????.part"):
            partial.unlink(missing_ok=True)


def _glob_escape(name: str) -> str:
    # Ids are letters, digits, '.', '_' and '-': nothing glob treats specially, except '['.
    return name.replace("[", "[[]")


def place(staged: Path, target: Path, *, overwrite: bool) -> bool:
    """Move *staged* to *target*; False (and *staged* removed) when a file appeared there
    meanwhile and *overwrite* is off: the batch never replaces what it did not write."""
    if overwrite:
        os.replace(staged, target)
        return True
    try:
        # A hard link fails if the target exists: no window for a file to appear and be lost.
        os.link(staged, target)
    except FileExistsError:
        staged.unlink(missing_ok=True)
        return False
    except OSError:
        # No hard links on this file system (FAT, some network shares): check, then rename.
        if target.exists():
            staged.unlink(missing_ok=True)
            return False
        os.replace(staged, target)
        return True
    staged.unlink(missing_ok=True)
    return True


def disk_full(error: BaseException) -> bool:
    """Whether *error* (or what caused it) is a full disk or an exhausted quota."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        current = current.__cause__ or current.__context__
    return False


SETTLED = ("pending", "succeeded", "downloaded")
"""The states whose target is compared with the manifest before a run sends anything."""


def inspect_rows(folder: Path, rows: list[Row]) -> dict[str, Verdict]:
    """The verdict on each settled row's target (file I/O only: fit for a worker thread)."""
    return {
        row.id: inspect(folder / f"{row.id}.mp4", row.file) for row in rows if row.state in SETTLED
    }


def settle(
    manifest: Manifest,
    verdicts: dict[str, Verdict],
    *,
    overwrite: bool,
    log: Callable[[str], None],
) -> tuple[list[Row], set[str]]:
    """Bring the manifest in line with the files found (*verdicts*, from `inspect_rows`).

    A ``downloaded`` row whose file is gone or changed goes back to ``succeeded``; a
    ``succeeded`` row whose file is there as recorded (a run stopped between moving it into
    place and recording that) becomes ``downloaded``. A ``pending`` or ``succeeded`` row whose
    target holds a file the batch did not write is blocked: not sent, not downloaded, reported
    (unless *overwrite*). Returns the rows as they now are and the ids of the blocked ones.
    """
    blocked: set[str] = set()
    for row in manifest.rows():
        verdict = verdicts.get(row.id)
        if verdict is None or row.state not in SETTLED:
            continue
        target = manifest.folder / f"{row.id}.mp4"
        who = f"line {row.line} ({row.id})"
        if verdict is Verdict.OURS:
            if row.state == "succeeded":
                manifest.update(row.id, "downloaded", error=None)
            continue
        if verdict is Verdict.MISSING:
            if row.state == "downloaded":
                log(f"{who}: {target} is missing; downloading it again")
                manifest.update(row.id, "succeeded", error=None)
            continue
        message = unrecorded(target, verdict)
        if overwrite:
            log(f"{who}: {message.split(';')[0]}; it will be replaced (--overwrite)")
            if row.state == "downloaded":
                manifest.update(row.id, "succeeded", error=None)
            continue
        log(f"{who}: {message}")
        blocked.add(row.id)
        if row.state == "pending":
            # Not sent: the video it would pay for could not be saved under its name.
            manifest.update(row.id, "pending", error=f"not sent: {message}")
        else:
            manifest.update(row.id, "succeeded", error=f"not downloaded: {message}")
    return manifest.rows(), blocked
