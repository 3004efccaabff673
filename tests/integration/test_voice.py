"""🔊 voice notes made offline: espeak-ng speaks Welsh and English, opusenc makes the OGG/Opus Telegram plays."""

import pytest

from bot.voice.synth import Voice, VoiceFailed, is_ogg_opus
from bot.voice.words import speakable

pytestmark = pytest.mark.skipif(not Voice.at("").available,
                                reason="espeak-ng and opusenc are not installed (apt-get install espeak-ng opus-tools)")


@pytest.mark.parametrize(("language", "text"), [
    ("cy", "📅 Pryd: Dydd Sadwrn 5 Rhagfyr, 14:30\n📍 Lle: Parc Bute"),
    ("en", "📅 When: Saturday 5 December, 14:30\n📍 Where: Bute Park"),
])
async def test_a_message_becomes_a_valid_ogg_opus_voice_note(tmp_path, language, text):
    voice = Voice.at(str(tmp_path))
    note = await voice.speak(speakable(text, language), language)
    assert is_ogg_opus(note.ogg)
    assert 2 <= note.seconds <= 30
    assert voice.cached_path(speakable(text, language), language).exists()


async def test_the_same_words_are_made_once_and_then_come_from_the_cache(tmp_path):
    voice = Voice.at(str(tmp_path))
    first = await voice.speak("Helo.", "cy")
    cached = voice.cached_path("Helo.", "cy")
    cached.write_bytes(first.ogg + b"")  # untouched: the second call reads this file
    stamp = cached.stat().st_mtime_ns
    second = await voice.speak("Helo.", "cy")
    assert second.ogg == first.ogg and cached.stat().st_mtime_ns == stamp


async def test_without_the_programs_there_is_no_voice(tmp_path):
    voice = Voice.at(str(tmp_path), espeak="no-such-espeak-ng")
    assert not voice.available
    with pytest.raises(VoiceFailed):
        await voice.speak("Helo.", "cy")
