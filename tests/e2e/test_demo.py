"""`criw demo --tour` runs the whole bot with no token and no internet, in Welsh and English."""

import os
import subprocess
import sys


def test_the_demo_tour_exits_cleanly_and_shows_welsh_and_english(tmp_path, transport):
    env = {key: value for key, value in os.environ.items() if not key.startswith("CRIW_")}
    env["CRIW_TRANSPORT"] = transport  # the setting, as `criw run` reads it; --transport is tested elsewhere
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--tour"], capture_output=True, text=True, cwd=tmp_path,
        env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    transcript = result.stdout
    assert "Croeso i Criw" in transcript and "Welcome to Criw" in transcript
    assert "Bydda i'n ysgrifennu atoch chi yn Gymraeg" in transcript
    assert "I'll write to you in English" in transcript
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # the demo leaves nothing behind
