"""Small, valid files like the ones Criw sends: a PNG chart, an iCalendar invitation, an Ogg/Opus voice note.

Made here in a few lines so the tests need no media tools: the browser must really decode them.
"""

from __future__ import annotations

import struct
import zlib


def png_chart(width: int = 120, height: int = 60) -> bytes:
    """A bar chart: three bars in Criw's blue on white."""
    bars = [(10, 40), (50, 25), (90, 50)]  # (left edge, bar height)

    def pixel(x: int, y: int) -> bytes:
        inside = any(left <= x < left + 20 and y >= height - tall for left, tall in bars)
        return b"\x1d\x5c\x96" if inside else b"\xff\xff\xff"

    rows = b"".join(b"\x00" + b"".join(pixel(x, y) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def ics_invite() -> bytes:
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Criw//demo//CY", "BEGIN:VEVENT",
        "UID:walk-1@criw.example", "DTSTAMP:20250101T120000Z", "DTSTART:20250105T143000Z",
        "SUMMARY:Taith gerdded · Walk", "END:VEVENT", "END:VCALENDAR",
    ]  # fmt: skip
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _ogg_crc(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
            crc &= 0xFFFFFFFF
    return crc


def _ogg_page(packets: list[bytes], *, sequence: int, granule: int, flags: int) -> bytes:
    lacing = b"".join(bytes([255] * (len(p) // 255) + [len(p) % 255]) for p in packets)
    header = struct.pack("<4sBBqIIIB", b"OggS", 0, flags, granule, 0x43524957, sequence, 0, len(lacing))
    page = header + lacing + b"".join(packets)
    return page[:22] + struct.pack("<I", _ogg_crc(page)) + page[26:]


def ogg_opus_voice(seconds: int = 1) -> bytes:
    """A voice note of silence: Ogg/Opus, mono, 20 ms frames, as Telegram expects voice notes."""
    pre_skip = 312
    head = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, pre_skip, 48_000, 0, 0)
    vendor = b"criw-tests"
    tags = b"OpusTags" + struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", 0)
    frames = [b"\xf8\xff\xfe"] * (50 * seconds)  # a silent 20 ms CELT frame
    return (
        _ogg_page([head], sequence=0, granule=0, flags=0x02)
        + _ogg_page([tags], sequence=1, granule=0, flags=0)
        + _ogg_page(frames, sequence=2, granule=960 * len(frames), flags=0x04)
    )
