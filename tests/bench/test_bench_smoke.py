"""`python -m bench --quick` runs every benchmark at a tiny size: this checks they run and print valid JSON.

Speed is measured, never asserted: a missed target is part of the output, not a failure.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = ["startup", "vote_storm", "fanout", "growth", "evidence"]


def test_every_benchmark_runs_at_a_tiny_size_and_prints_one_json_object_with_its_baseline():
    finished = subprocess.run([sys.executable, "-m", "bench", "--quick"], cwd=ROOT, capture_output=True, text=True,
                              timeout=900, check=False)
    lines = [json.loads(line) for line in finished.stdout.splitlines() if line.strip()]
    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-3000:]
    assert [line["name"] for line in lines] == EXPECTED
    for line in lines:
        assert "error" not in line
        assert line["parameters"] and line["results"] and line["baseline"], line["name"]
        assert line["run"]["quick"] is True
        assert all(isinstance(target["met"], bool | None) for target in line["targets"].values())
    storm = lines[EXPECTED.index("vote_storm")]
    assert storm["results"]["sqlite"]["tallies_correct"] is True  # every press counted once, every post right
    fanout = lines[EXPECTED.index("fanout")]
    sent = fanout["results"]["sqlite"]["reminders"]["sent"]
    closings = fanout["parameters"]["busy_groups"] * fanout["parameters"]["posts_per_busy_group"]
    # every message, the nudge that planned them, and each closing's announcement (an outbox row of its own)
    assert sent == fanout["parameters"]["reminders"] + 1 + closings
