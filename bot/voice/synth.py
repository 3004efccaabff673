"""Voice notes made offline: espeak-ng speaks the words to WAV, opusenc encodes OGG/Opus (what Telegram's
sendVoice wants). Both are Debian packages (espeak-ng, opus-tools); where either is missing the 🔊 button
is not offered at all. Notes are cached on disk per language and text, so the same words are made once.
"""

from __future__ import annotations

import asyncio
import hashlib
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

VOICES = {"cy": "cy", "en": "en-gb"}
WORDS_PER_MINUTE = 140  # a little slower than espeak-ng's 175: easier to follow
OPUS_RATE = 48000  # Opus granule positions count 48 kHz samples
TEXT_LIMIT = 3000  # characters; a private message is at most 4096, and speech is shorter than markup


class VoiceFailed(Exception):
    """espeak-ng or opusenc failed (or is missing): no voice note this time."""


@dataclass(frozen=True)
class VoiceNote:
    ogg: bytes
    seconds: int


@dataclass(frozen=True)
class Voice:
    """Where notes are cached, and which programs make them."""

    cache_dir: Path
    espeak: str = "espeak-ng"
    encoder: str = "opusenc"
    enabled: bool = True

    @classmethod
    def at(cls, cache_dir: str, *, enabled: bool = True, espeak: str = "espeak-ng", encoder: str = "opusenc") -> Voice:
        """Voice notes cached in `cache_dir` ("" = criw-voice in the system's temporary folder)."""
        folder = Path(cache_dir) if cache_dir else Path(tempfile.gettempdir()) / "criw-voice"
        return cls(folder, espeak, encoder, enabled)

    @property
    def available(self) -> bool:
        """Whether voice notes can be made here (both programs installed, and not switched off)."""
        return self.enabled and shutil.which(self.espeak) is not None and shutil.which(self.encoder) is not None

    def cached_path(self, text: str, language: str) -> Path:
        digest = hashlib.sha256(f"{language}\n{text}".encode()).hexdigest()[:40]
        return self.cache_dir / f"{language}-{digest}.ogg"

    async def speak(self, text: str, language: str) -> VoiceNote:
        """The words as an OGG/Opus voice note in the language's voice, from the cache when made before."""
        if language not in VOICES:
            raise VoiceFailed(f"no voice for {language!r}")
        if not self.available:
            raise VoiceFailed("espeak-ng or opusenc is not installed")
        target = self.cached_path(text, language)
        if not target.exists():
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(prefix="criw-voice-") as scratch:
                wav, ogg = Path(scratch) / "speech.wav", Path(scratch) / "speech.ogg"
                await _run([self.espeak, "-v", VOICES[language], "-s", str(WORDS_PER_MINUTE), "-b", "1",
                            "-w", str(wav), "--stdin"], text[:TEXT_LIMIT].encode())
                await _run([self.encoder, "--quiet", "--speech", "--bitrate", "24", str(wav), str(ogg)])
                ogg.replace(target)  # whole file or nothing, even with two workers making the same note
        data = target.read_bytes()
        return VoiceNote(data, opus_seconds(data))


async def _run(command: list[str], stdin: bytes | None = None) -> None:
    process = await asyncio.create_subprocess_exec(
        *command, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )
    _, errors = await process.communicate(stdin)
    if process.returncode != 0:
        raise VoiceFailed(f"{Path(command[0]).name} failed: {errors.decode(errors='replace')[:200]}")


def opus_seconds(data: bytes) -> int:
    """How long an OGG/Opus file plays, from its last page's granule position (at least 1 second)."""
    last = data.rfind(b"OggS")
    head = data.find(b"OpusHead")
    if last < 0 or head < 0:
        return 1
    granule = int.from_bytes(data[last + 6:last + 14], "little")
    pre_skip = int.from_bytes(data[head + 10:head + 12], "little")
    return max(1, round((granule - pre_skip) / OPUS_RATE))


def is_ogg_opus(data: bytes) -> bool:
    """An OGG container whose first stream is Opus (what Telegram plays as a voice note)."""
    return data[:4] == b"OggS" and b"OpusHead" in data[:64]
