"""The videos the simulator serves: per job, an MP4 of the duration and size the job asked for.

No encoder is needed: each video is the bundled sample (12 frames of H.264 at 160x90, 1 s of
AAC) with its headers rewritten, so that it stays small (6 KB) and cheap to make. The video
track's frames are stretched over the job's duration (``mvhd``, ``tkhd``, ``elst``, ``mdhd``
and ``stts`` say so) and its presentation size (``tkhd`` width and height, to which players scale
the picture) is the job's; box sizes do not change, so the file stays a whole MP4 as
`seedance._mp4.mp4_problem` checks it.

>>> from seedance.testing import mp4_format, video_for
>>> data = video_for(duration=5, width=1280, height=720)
>>> mp4_format(data)
VideoFormat(duration=5.0, width=1280, height=720)
"""

from __future__ import annotations

import functools
import struct
from dataclasses import dataclass
from importlib import resources

__all__ = ["SAMPLE_MP4", "VideoFormat", "dimensions", "mp4_format", "padded", "video_for"]

SAMPLE_MP4 = resources.files(__package__).joinpath("sample.mp4").read_bytes()
"""The bundled 1 s, 160x90 sample: what a file name that is no job's gets."""

_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts"}
# The longest side for a ratio at a resolution whose "p" number is the shorter side.
_RATIOS = {"16:9": (16, 9), "9:16": (9, 16), "1:1": (1, 1), "4:3": (4, 3), "3:4": (3, 4),
           "21:9": (21, 9), "9:21": (9, 21), "3:2": (3, 2), "2:3": (2, 3)}  # fmt: skip


@dataclass(frozen=True)
class VideoFormat:
    """What a simulated video is: *duration* seconds at *width* x *height* pixels."""

    duration: float
    width: int
    height: int


def dimensions(resolution: str | None = None, ratio: str | None = None) -> tuple[int, int]:
    """Width and height for a resolution (``"720p"``, ``"1080p"``, ``"4k"``; default 720p) and an
    aspect ratio (``"9:16"``; default and ``"adaptive"``: 16:9): the "p" number is the shorter
    side, the other follows the ratio (rounded to an even number, as encoders need).

    >>> dimensions("1080p", "9:16")
    (1080, 1920)
    """
    text = (resolution or "720p").strip().lower()
    short = 2160 if text == "4k" else int("".join(ch for ch in text if ch.isdigit()) or 720)
    across, down = _RATIOS.get(ratio or "16:9", (16, 9))
    if across >= down:
        return 2 * round(short * across / down / 2), short
    return short, 2 * round(short * down / across / 2)


def video_for(*, duration: float, width: int, height: int, size: int | None = None) -> bytes:
    """An MP4 of *duration* seconds at *width* x *height* (grown to *size* bytes when given).

    Made once per format and kept: every job of the same format gets the same bytes.
    """
    if not (0 < duration <= 3600 and 0 < width < 2**15 and 0 < height < 2**15):
        raise ValueError(f"no simulated video of {duration} s at {width}x{height}")
    return padded(_video(float(duration), int(width), int(height)), size)


@functools.lru_cache(maxsize=64)
def _video(duration: float, width: int, height: int) -> bytes:
    data = bytearray(SAMPLE_MP4)
    boxes = dict(_boxes(data, 0, len(data)))
    (mvhd,) = boxes[b"mvhd"]
    movie_scale = _read(data, mvhd, 12, 20)
    movie_duration = round(duration * movie_scale)
    longest = movie_duration
    for trak in boxes[b"trak"]:
        track = dict(_boxes(data, trak + 8, trak + _size(data, trak)))
        (hdlr,) = track[b"hdlr"]
        if bytes(data[hdlr + 16 : hdlr + 20]) != b"vide":
            (tkhd,) = track[b"tkhd"]
            longest = max(longest, _read(data, tkhd, 20, 28))
            continue  # the sound stays as it is: 1 s of it, then silence
        (tkhd,) = track[b"tkhd"]
        _write(data, tkhd, 20, 28, movie_duration)
        at = tkhd + (84 if data[tkhd + 8] == 0 else 96)
        struct.pack_into(">II", data, at, width << 16, height << 16)  # 16.16 fixed point
        for elst in track.get(b"elst", ()):
            wide = data[elst + 8] != 0
            for entry in range(struct.unpack_from(">I", data, elst + 12)[0]):
                # Each edit's segment_duration: the whole of the stretched video is shown.
                struct.pack_into(
                    ">Q" if wide else ">I",
                    data,
                    elst + 16 + entry * (20 if wide else 12),
                    movie_duration,
                )
        (mdhd,) = track[b"mdhd"]
        media_scale = _read(data, mdhd, 12, 20)
        (stts,) = track[b"stts"]
        entries = struct.unpack_from(">I", data, stts + 12)[0]
        frames = sum(struct.unpack_from(">I", data, stts + 16 + 8 * i)[0] for i in range(entries))
        delta = max(1, round(duration * media_scale / frames))
        for i in range(entries):
            struct.pack_into(">I", data, stts + 20 + 8 * i, delta)  # every frame as long
        _write(data, mdhd, 16, 24, frames * delta)
    _write(data, mvhd, 16, 24, longest)
    return bytes(data)


def mp4_format(data: bytes) -> VideoFormat:
    """The duration (``mvhd``) and the video track's size (``tkhd``) an MP4 declares."""
    boxes = dict(_boxes(data, 0, len(data)))
    (mvhd,) = boxes[b"mvhd"]
    duration = _read(data, mvhd, 16, 24) / _read(data, mvhd, 12, 20)
    for trak in boxes.get(b"trak", ()):
        track = dict(_boxes(data, trak + 8, trak + _size(data, trak)))
        (tkhd,) = track[b"tkhd"]
        at = tkhd + (84 if data[tkhd + 8] == 0 else 96)
        width, height = (value >> 16 for value in struct.unpack_from(">II", data, at))
        if width and height:
            return VideoFormat(duration, width, height)
    raise ValueError("no video track")


def padded(data: bytes, size: int | None) -> bytes:
    """*data*, or (for throughput tests) a still whole MP4 of *size* bytes: its final box, the
    ``mdat``, grown by that much zero padding (box sizes must add up)."""
    if size is None or size <= len(data):
        return data
    last = 0  # the offset of the final top-level box
    while last + _size(data, last) < len(data):
        last += _size(data, last)
    if size - last >= 2**32:
        raise ValueError(f"video_size={size}: at most {last + 2**32 - 1} bytes")
    return data[:last] + (size - last).to_bytes(4) + data[last + 4 :] + bytes(size - len(data))


def _size(data: bytes | bytearray, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 4])


def _boxes(data: bytes | bytearray, start: int, end: int) -> dict[bytes, list[int]]:
    """The offset of every box between *start* and *end*, by type, looking into containers."""
    found: dict[bytes, list[int]] = {}
    offset = start
    while offset + 8 <= end:
        size, kind = _size(data, offset), bytes(data[offset + 4 : offset + 8])
        if size < 8:
            raise ValueError(f"box {kind!r} at {offset}: size {size}")
        found.setdefault(kind, []).append(offset)
        if kind in _CONTAINERS:
            for inner, offsets in _boxes(data, offset + 8, offset + size).items():
                if kind != b"moov" or inner not in _TRACK_BOXES:
                    found.setdefault(inner, []).extend(offsets)
        offset += size
    return found


# Inside a `trak`: looked up per track, not across the movie.
_TRACK_BOXES = {b"tkhd", b"edts", b"elst", b"mdia", b"mdhd", b"hdlr", b"minf", b"stbl", b"stts",
                b"vmhd", b"smhd", b"dinf", b"dref", b"stsd", b"stss", b"stsc", b"stsz", b"stco",
                b"sgpd", b"sbgp"}  # fmt: skip


def _read(data: bytes | bytearray, box: int, v0: int, v1: int) -> int:
    """A header field at offset *v0* (version 0 box: 32 bits) or *v1* (version 1: 64 bits)."""
    if data[box + 8] == 0:
        return int(struct.unpack_from(">I", data, box + 8 + v0)[0])
    return int(struct.unpack_from(">Q", data, box + 8 + v1)[0])


def _write(data: bytearray, box: int, v0: int, v1: int, value: int) -> None:
    if data[box + 8] == 0:
        if value >= 2**32:
            raise ValueError(f"{value} does not fit the box at {box}")
        struct.pack_into(">I", data, box + 8 + v0, value)
    else:
        struct.pack_into(">Q", data, box + 8 + v1, value)
