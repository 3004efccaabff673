"""Criw's benchmarks: how fast it handles a busy group, how it scales, how close it gets to Telegram's limits.

`python -m bench` runs them all and prints one JSON object per benchmark; `--quick` is the smoke test.
docs/PERFORMANCE.md has the latest figures and how to read them.
"""
