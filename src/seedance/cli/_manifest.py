"""The batch manifest: one SQLite file beside the outputs that records every request's fate.

A request is recorded (``pending``) before anything is sent, marked ``submitting`` right before
its create call and ``submitted`` with its job id right after the call returns, each step its own
durable transaction (WAL, ``synchronous=FULL``). Whatever moment a run is killed at, the file says
which requests were never sent, which have a job to wait on, and which may or may not have been
accepted (``unknown``)::

    pending    -> submitting  right before the create call (after pacing)
    submitting -> submitted   the create returned a job id (committed at once)
               -> pending     it certainly was not accepted (429, 401/402/403, no connection)
               -> failed      the provider rejected it (400, 422, ...)
               -> unknown     it may have been accepted (timeout, dropped connection, 5xx,
                              redirect, unreadable answer: `may_have_been_accepted`), or the
                              run died during the call (as the next run finds it)
    submitted  -> succeeded   the job finished with a video URL
               -> failed      the job failed or expired, or the provider no longer knows it
    succeeded  -> downloaded  the file is complete in the folder, its size and SHA-256 recorded
    unknown    -> pending     only with --resubmit-unknown
    downloaded -> succeeded   the file was deleted or changed since (see `_batch_files`)

Schema 2 added the record of each written file (``file_size``, ``file_sha256``,
``file_mtime_ns``). A schema-1 manifest is migrated when opened: its columns are added, and each
of its downloaded files is recorded as it is then (schema 1 wrote them, or took them as done).
A manifest in a state no run can leave (hand-edited or damaged) is refused by `Manifest.check`
with a message that names the row, never with a traceback halfway through a run.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..redaction import redact
from ._batch_files import FileRecord, digest
from ._batch_input import ID_PATTERN

__all__ = ["FILENAME", "STATES", "Manifest", "ManifestBusyError", "ManifestError", "Row"]

FILENAME = ".seedance-batch.sqlite"
STATES = ("pending", "submitting", "unknown", "submitted", "succeeded", "failed", "downloaded")
SCHEMA_VERSION = "2"
# Added by schema 2: the file the batch wrote for the row (none until it wrote one).
_FILE_COLUMNS = (
    ("file_size", "INTEGER"),
    ("file_sha256", "TEXT"),
    ("file_mtime_ns", "INTEGER"),
)

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS requests (
    id         TEXT PRIMARY KEY,              -- names the output file <id>.mp4
    line       INTEGER NOT NULL,              -- line of the input file it came from
    request    TEXT NOT NULL,                 -- the VideoRequest fields, canonical JSON
    state      TEXT NOT NULL CHECK (state IN ({", ".join(repr(s) for s in STATES)})),
    job_id     TEXT,                          -- the provider's job id, once the create returned
    video_url  TEXT,
    error      TEXT,                          -- why the request is not (yet) downloaded
    attempts   INTEGER NOT NULL DEFAULT 0,    -- create calls started
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    file_size     INTEGER,                    -- the file the batch wrote: bytes,
    file_sha256   TEXT,                       -- SHA-256 (hex)
    file_mtime_ns INTEGER                     -- and modification time
);
CREATE INDEX IF NOT EXISTS requests_job_id ON requests (job_id);
"""


class ManifestBusyError(Exception):
    """Another batch holds the output folder."""


class ManifestError(Exception):
    """The manifest is in a state no run leaves (edited, damaged, or from a newer version)."""


@dataclass(frozen=True)
class Row:
    """One request as the manifest records it."""

    id: str
    line: int
    request: str
    state: str
    job_id: str | None
    video_url: str | None
    error: str | None
    attempts: int
    file: FileRecord | None = None
    """The file the batch wrote at ``<id>.mp4``, as it wrote it."""


class Manifest:
    """The SQLite manifest in *folder* (created if need be), held exclusively while open.

    Every method that changes a row commits before it returns.
    """

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.path = folder / FILENAME
        self._lock = _lock_folder(folder)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.executescript(_SCHEMA)
            self._db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
                (SCHEMA_VERSION,),
            )
            self._migrate()
        except BaseException:
            _unlock(self._lock)
            raise

    def _migrate(self) -> None:
        version = self.meta("schema_version") or "1"
        if not version.isdigit() or int(version) > int(SCHEMA_VERSION):
            raise ManifestError(
                f"{self.path} was written by a newer seedance (manifest schema {version}; this"
                f" version reads up to {SCHEMA_VERSION}): upgrade seedance, or use another --out"
            )
        columns = {item["name"] for item in self._db.execute("PRAGMA table_info(requests)")}
        missing = [(name, kind) for name, kind in _FILE_COLUMNS if name not in columns]
        if not missing and version == SCHEMA_VERSION:
            return
        with self._transaction():
            for name, kind in missing:
                self._db.execute(f"ALTER TABLE requests ADD COLUMN {name} {kind}")
            for found in self._db.execute(
                "SELECT id FROM requests WHERE state = 'downloaded' AND file_sha256 IS NULL"
            ).fetchall():
                self._adopt(str(found["id"]))
            self._db.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION,)
            )

    def _adopt(self, request_id: str) -> None:
        """Record the file of a row schema 1 marked downloaded (it kept no record of files);
        without a readable file, the row goes back to succeeded and is downloaded again."""
        record = None
        if ID_PATTERN.fullmatch(request_id):
            with contextlib.suppress(OSError):
                record = digest(self.folder / f"{request_id}.mp4")
        if record is None:
            self._db.execute("UPDATE requests SET state = 'succeeded' WHERE id = ?", (request_id,))
            return
        self._db.execute(
            "UPDATE requests SET file_size = ?, file_sha256 = ?, file_mtime_ns = ? WHERE id = ?",
            (record.size, record.sha256, record.mtime_ns, request_id),
        )

    def check(self) -> None:
        """Raise `ManifestError` naming the first row in a state no run leaves."""
        for found in self._db.execute("SELECT * FROM requests ORDER BY line, id").fetchall():
            problem = _impossible(found)
            if problem:
                raise ManifestError(
                    f"{self.path}: the row of id {found['id']!r} (line {found['line']}) {problem};"
                    " the manifest was edited or damaged: correct or delete that row (or use"
                    " another --out), then run again"
                )

    # --- metadata ---------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        found = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if found is None else str(found["value"])

    def claim(self, **values: str) -> dict[str, tuple[str, str]]:
        """Record *values* the first time; return those that differ from what is recorded."""
        conflicts = {}
        with self._transaction():
            for key, value in values.items():
                recorded = self.meta(key)
                if recorded is None:
                    self._db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))
                elif recorded != value:
                    conflicts[key] = (recorded, value)
        return conflicts

    # --- rows -------------------------------------------------------------------------------
    def rows(self) -> list[Row]:
        found = self._db.execute("SELECT * FROM requests ORDER BY line, id").fetchall()
        return [_row(item) for item in found]

    def get(self, request_id: str) -> Row | None:
        found = self._db.execute("SELECT * FROM requests WHERE id = ?", (request_id,)).fetchone()
        return None if found is None else _row(found)

    def get_folded(self, request_id: str) -> Row | None:
        """Another row whose id differs from *request_id* only by case (ids are ASCII)."""
        found = self._db.execute(
            "SELECT * FROM requests WHERE lower(id) = lower(?) AND id != ? ORDER BY line",
            (request_id, request_id),
        ).fetchone()
        return None if found is None else _row(found)

    def record(self, entries: Iterable[tuple[int, str, str]]) -> None:
        """Record new (line, id, request JSON) entries as pending, all in one transaction.

        An id already recorded keeps its row; only its line number follows the input file.
        """
        now = time.time()
        with self._transaction():
            for line, request_id, request in entries:
                self._db.execute(
                    "INSERT INTO requests (id, line, request, state, created_at, updated_at)"
                    " VALUES (?, ?, ?, 'pending', ?, ?)"
                    " ON CONFLICT (id) DO UPDATE SET line = excluded.line",
                    (request_id, line, request, now, now),
                )

    def revise(self, request_id: str, line: int, request: str) -> bool:
        """Replace the request of a row no job was ever created for (pending, or rejected by the
        provider): it goes back to pending. False if the row has or may have a job."""
        cursor = self._db.execute(
            "UPDATE requests SET request = ?, line = ?, state = 'pending', error = NULL,"
            " updated_at = ? WHERE id = ? AND job_id IS NULL AND state IN ('pending', 'failed')",
            (request, line, time.time(), request_id),
        )
        return cursor.rowcount == 1

    def update(self, request_id: str, state: str, **fields: Any) -> Row:
        """Move a row to *state*, setting the given columns (job_id, video_url, error, and
        file: a `FileRecord` or None). An error is stored redacted: no key, no signed URL."""
        if state not in STATES:
            raise ValueError(f"unknown state {state!r}")
        allowed = {"job_id", "video_url", "error", "file"}
        if not set(fields) <= allowed:
            raise ValueError(f"unknown column(s): {sorted(set(fields) - allowed)}")
        if fields.get("error") is not None:
            fields["error"] = redact(str(fields["error"]))
        if "file" in fields:
            record: FileRecord | None = fields.pop("file")
            fields["file_size"] = None if record is None else record.size
            fields["file_sha256"] = None if record is None else record.sha256
            fields["file_mtime_ns"] = None if record is None else record.mtime_ns
        columns = ["state = ?", "updated_at = ?"] + [f"{name} = ?" for name in fields]
        values = [state, time.time(), *fields.values()]
        if state == "submitting":
            columns.append("attempts = attempts + 1")
        self._db.execute(
            f"UPDATE requests SET {', '.join(columns)} WHERE id = ?", (*values, request_id)
        )
        row = self.get(request_id)
        if row is None:
            raise KeyError(request_id)
        return row

    def recover(self, *, resubmit_unknown: bool) -> list[Row]:
        """After an interruption: a create cut off mid-call becomes ``unknown``.

        With *resubmit_unknown*, every unknown row goes back to pending (it will be sent again,
        and may then exist twice). Returns the rows that were in ``submitting``.
        """
        cut_off = [row for row in self.rows() if row.state == "submitting"]
        with self._transaction():
            self._db.execute(
                "UPDATE requests SET state = 'unknown', updated_at = ?, error = ?"
                " WHERE state = 'submitting'",
                (time.time(), "the run stopped during the create call: it may have been accepted"),
            )
            if resubmit_unknown:
                self._db.execute(
                    "UPDATE requests SET state = 'pending', updated_at = ?, error = NULL"
                    " WHERE state = 'unknown'",
                    (time.time(),),
                )
        return cut_off

    def close(self) -> None:
        try:
            self._db.close()
        finally:
            _unlock(self._lock)

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")


def _row(found: sqlite3.Row) -> Row:
    file = None
    if found["file_sha256"] is not None:
        file = FileRecord(found["file_size"], found["file_sha256"], found["file_mtime_ns"])
    return Row(
        id=found["id"],
        line=found["line"],
        request=found["request"],
        state=found["state"],
        job_id=found["job_id"],
        video_url=found["video_url"],
        error=found["error"],
        attempts=found["attempts"],
        file=file,
    )


def _impossible(found: sqlite3.Row) -> str | None:
    """What makes a stored row one no run leaves, if anything."""
    state = found["state"]
    if state not in STATES:
        return f"has the unknown state {state!r} (known: {', '.join(STATES)})"
    if not isinstance(found["id"], str) or not ID_PATTERN.fullmatch(found["id"]):
        return "has an id that cannot name a file"
    try:
        request = json.loads(found["request"])
    except (TypeError, ValueError):
        request = None
    if not isinstance(request, dict):
        return "has a request that is not a JSON object"
    if state in ("submitted", "succeeded", "downloaded") and not found["job_id"]:
        return f"is {state!r} without a job id"
    if state in ("succeeded", "downloaded") and not found["video_url"]:
        return f"is {state!r} without a video URL"
    sizes = (found["file_size"], found["file_sha256"], found["file_mtime_ns"])
    if any(value is not None for value in sizes) and not (
        isinstance(sizes[0], int) and isinstance(sizes[1], str) and len(sizes[1]) == 64
        and isinstance(sizes[2], int)
    ):  # fmt: skip
        return "has an incomplete file record"
    if state == "downloaded" and found["file_sha256"] is None:
        return "is 'downloaded' without a record of its file (size and SHA-256)"
    return None


def _lock_folder(folder: Path) -> int | None:
    """An exclusive lock on the folder itself (released by the OS even after a SIGKILL)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover (Windows: no lock, one batch per folder is on you)
        return None
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(handle)
        raise ManifestBusyError(f"another seedance batch is running on {folder}") from None
    return handle


def _unlock(handle: int | None) -> None:
    if handle is not None:
        os.close(handle)
