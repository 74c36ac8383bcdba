"""The downloads of ``seedance batch``: each succeeded job's video fetched to a staging file,
recorded (size, SHA-256) and moved into place, never over a file the batch did not write; an
expired signed URL is replaced by a fresh one once."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from pathlib import Path

from .. import AsyncSeedanceClient, DownloadError, DownloadLimitError, SeedanceError
from ._batch_files import (
    FileRecord,
    Verdict,
    clear_leftovers,
    digest,
    disk_full,
    inspect,
    place,
    staging,
    unrecorded,
)
from ._manifest import Manifest, Row
from ._pacing import Pacer

__all__ = ["Downloads", "who"]


def who(row: Row) -> str:
    """How the log and the report name a row: its line and id."""
    return f"line {row.line} ({row.id})"


class Downloads:
    """The download steps of a `Batch` (whose attributes and methods these are)."""

    client: AsyncSeedanceClient
    manifest: Manifest
    pacer: Pacer
    log: Callable[[str], None]
    overwrite: bool
    verify: bool
    stopped: str | None
    _downloads: asyncio.Semaphore

    def target(self, row: Row) -> Path:
        raise NotImplementedError

    def hold(self, reason: str) -> None:
        raise NotImplementedError

    async def _fetch(self, row: Row) -> None:
        """Download a succeeded job's video, unless the file the batch wrote is there already;
        never over a file the batch did not write (unless --overwrite)."""
        target = self.target(row)
        verdict = await asyncio.to_thread(inspect, target, row.file)
        if verdict is Verdict.OURS:
            self.manifest.update(row.id, "downloaded", error=None)
            return
        if verdict is not Verdict.MISSING and not self.overwrite:
            self._refuse(row, target, verdict)
            return
        async with self._downloads:
            if self.stopped:
                return
            await self._download(row, target)

    async def _download(self, row: Row, target: Path) -> None:
        """Download to a staging file, record its size and SHA-256, then move it into place."""
        staged = staging(target)
        fetched = await self._fetch_staged(row, staged)
        if fetched is None:
            return
        row, record = fetched
        # Recorded before it is moved into place: a run killed in between finds a file it knows.
        row = self.manifest.update(row.id, "succeeded", file=record, error=None)
        try:
            placed = place(staged, target, overwrite=self.overwrite)
        except OSError as error:
            message = f"could not move the download to {target}: {error}; run the batch again"
            self.log(f"{who(row)}: {message}")
            self.manifest.update(row.id, "succeeded", file=None, error=message)
            return
        if not placed:  # a file appeared there during the download
            self.manifest.update(row.id, "succeeded", file=None)
            self._refuse(row, target, Verdict.FOREIGN)
            return
        self.manifest.update(row.id, "downloaded", error=None)
        self.log(f"{who(row)}: downloaded {target} ({record.size:,} bytes)")

    async def _fetch_staged(self, row: Row, staged: Path) -> tuple[Row, FileRecord] | None:
        """The video in *staged* and its record; None when it failed (recorded on the row)."""
        fresh_tried = False
        while row.video_url is not None:  # `Manifest.check` refuses a row without: belt, braces
            try:
                clear_leftovers(self.target(row))  # what a run killed mid-download left
                await self.client.download(row.video_url, staged, verify=self.verify)
                return row, await asyncio.to_thread(digest, staged)
            except (DownloadError, OSError) as error:
                with contextlib.suppress(OSError):
                    staged.unlink(missing_ok=True)
                if disk_full(error):
                    self.hold(f"the disk is full ({error}); free some space and run again")
                # Signed URLs expire: one fresh URL, unless no URL could help.
                elif not fresh_tried and not isinstance(error, DownloadLimitError):
                    fresh_tried = True
                    fresh = await self._fresh_url(row)
                    if fresh is not None:
                        row = self.manifest.update(row.id, "succeeded", video_url=fresh)
                        self.log(f"{who(row)}: download failed ({error}); trying a fresh URL")
                        continue
                message = f"download failed: {error}; run the batch again to retry"
                self.log(f"{who(row)}: {message}")
                self.manifest.update(row.id, "succeeded", error=message)
                return None
        self.manifest.update(row.id, "failed", error="succeeded without a video URL")
        return None

    def _refuse(self, row: Row, target: Path, verdict: Verdict) -> None:
        message = unrecorded(target, verdict)
        self.log(f"{who(row)}: {message}")
        self.manifest.update(row.id, "succeeded", error=f"not downloaded: {message}")

    async def _fresh_url(self, row: Row) -> str | None:
        """The job's video URL now, when it differs from the recorded one (they expire)."""
        if row.job_id is None:
            return None
        try:
            with self.pacer.call():
                job = await self.client.get(row.job_id)
        except SeedanceError:
            return None
        return job.video_url if job.video_url and job.video_url != row.video_url else None
