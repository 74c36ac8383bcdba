"""Is this file a whole MP4? A structural check of its top level (ISO BMFF boxes).

A cut-off download, an error page saved as ``.mp4`` and a video with junk appended all break the
top level of the file: the first box must be ``ftyp``, a ``moov`` box (the index a player needs)
must be present, and the box sizes must add up exactly to the file size. Only box headers are
read (a few bytes per box, whatever the file's size); decoding the media is a player's job.
"""

from __future__ import annotations

import os
import struct

__all__ = ["mp4_problem"]

# A hostile file of 8-byte boxes must not keep the check busy for minutes; real videos, even
# fragmented ones (a moof and an mdat per fragment), have far fewer top-level boxes.
_MAX_BOXES = 1_000_000


def mp4_problem(path: str | os.PathLike[str]) -> str | None:
    """Why the file at *path* is not a structurally complete MP4, or None when it is.

    >>> import pathlib, tempfile
    >>> page = pathlib.Path(tempfile.mkdtemp()) / "video.mp4"
    >>> _ = page.write_bytes(b"<!DOCTYPE html><html>Access denied</html>")
    >>> mp4_problem(page)
    "no 'ftyp' box first (it starts b'<!DOCTYP'): not an MP4"
    """
    with open(path, "rb") as file:
        end = os.fstat(file.fileno()).st_size
        if end == 0:
            return "the file is empty"
        offset = boxes = 0
        has_moov = False
        while offset < end:
            boxes += 1
            if boxes > _MAX_BOXES:
                return f"more than {_MAX_BOXES} top-level boxes"
            file.seek(offset)
            header = file.read(16)
            if len(header) < 8:
                if offset == 0:
                    return f"only {end} bytes: not an MP4"
                return f"{len(header)} stray bytes after the last box (at offset {offset})"
            size, kind = struct.unpack(">I4s", header[:8])
            header_size = 8
            if size == 1:  # the real size follows as a 64-bit "largesize"
                if len(header) < 16:
                    return f"the box at offset {offset} is cut off in its header"
                (size,) = struct.unpack(">Q", header[8:16])
                header_size = 16
            elif size == 0:  # "extends to the end of the file"
                size = end - offset
            name = kind.decode("latin-1")
            if offset == 0 and kind != b"ftyp":
                return f"no 'ftyp' box first (it starts {header[:8]!r}): not an MP4"
            if not all(0x20 <= byte < 0x7F for byte in kind):
                return f"no box at offset {offset} (type {kind!r}): damaged or not an MP4"
            if size < header_size:
                return f"the {name!r} box at offset {offset} has an impossible size ({size})"
            if size > end - offset:
                return (
                    f"the {name!r} box at offset {offset} needs {size} bytes but only"
                    f" {end - offset} remain: the file is cut off"
                )
            has_moov = has_moov or kind == b"moov"
            offset += size
        if not has_moov:
            return "no 'moov' box (the index a player needs): the file is incomplete"
    return None
