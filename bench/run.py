"""`python -m bench` (or `criw bench`): run every benchmark on this machine, one JSON object per line.

Each line: name, parameters, results, the baseline measured in the same run, ratios to it, and issue 13's
targets with whether this run met them. `--quick` runs tiny versions of them all in under a minute (CI's
smoke test: do they run and print valid JSON?). The exit status says only whether every benchmark ran;
targets missed are reported, not failed.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import logging
import os
import sys
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from bench import evidence, fanout, growth, startup, vote_storm
from bench.databases import postgres_server, reachable
from bench.measure import Result, Stopwatch, machine

Engines = list[tuple[str, str | None]]
NAMES = ("startup", "vote_storm", "fanout", "growth", "evidence")


def _benchmarks(quick: bool, engines: Engines, changes: dict[str, dict[str, str]]
                ) -> dict[str, Callable[[], Awaitable[Result]]]:
    def sized(name: str, full: Any, small: Any) -> Any:
        return _changed(small if quick else full, changes.get(name, {}))

    return {
        "startup": lambda: startup.run(sized("startup", startup.Startup(), startup.QUICK)),
        "vote_storm": lambda: vote_storm.run(sized("vote_storm", vote_storm.Storm(), vote_storm.QUICK), engines),
        "fanout": lambda: fanout.run(sized("fanout", fanout.Fanout(), fanout.QUICK), engines[:1] if quick else engines),
        "growth": lambda: growth.run(sized("growth", growth.Growth(), growth.QUICK), engines),
        "evidence": lambda: evidence.run(sized("evidence", evidence.Evidence(), evidence.QUICK), engines),
    }


def _changed(sizes: Any, changes: dict[str, str]) -> Any:
    """The sizes with `--set` changes applied (each value read as the field's type: 500, 2.5, true, a,b)."""
    values: dict[str, Any] = {}
    for field in dataclasses.fields(sizes):
        if field.name in changes:
            current, text = getattr(sizes, field.name), changes[field.name]
            if isinstance(current, bool):
                values[field.name] = text.lower() in ("1", "true", "yes")
            else:
                values[field.name] = tuple(text.split(",")) if isinstance(current, tuple) else type(current)(text)
    unknown = set(changes) - {field.name for field in dataclasses.fields(sizes)}
    if unknown:
        raise SystemExit(f"--set: {type(sizes).__name__} has no {', '.join(sorted(unknown))}")
    return dataclasses.replace(sizes, **values)


def _settings(pairs: list[str]) -> dict[str, dict[str, str]]:
    changes: dict[str, dict[str, str]] = {}
    for pair in pairs:
        target, _, value = pair.partition("=")
        name, _, field = target.partition(".")
        if not (value and field and name in NAMES):
            raise SystemExit(f"--set {pair!r}: write it as BENCHMARK.FIELD=VALUE, e.g. vote_storm.members=100")
        changes.setdefault(name, {})[field] = value
    return changes


async def run(names: list[str], quick: bool, postgres: str | None, changes: dict[str, dict[str, str]]) -> int:
    engines: Engines = [("sqlite", None)]
    skipped = "PostgreSQL: not configured (--postgres URL or CRIW_BENCH_POSTGRES_URL)"
    if postgres and not quick:
        skipped = "" if await reachable(postgres) else f"PostgreSQL: {postgres.split('@')[-1]} is not reachable"
        if not skipped:
            engines.append(("postgresql", postgres))
    elif quick:
        skipped = "PostgreSQL: not used by --quick"
    failed = 0
    benchmarks = _benchmarks(quick, engines, changes)
    for name in names:
        clock, load = Stopwatch(), _load()
        try:
            result = await benchmarks[name]()
        except Exception as error:  # report it, and carry on with the others
            failed += 1
            _emit({"name": name, "error": f"{type(error).__name__}: {error}",
                   "traceback": traceback.format_exc().splitlines()[-12:]})
            continue
        if skipped:
            result.notes.append(skipped)
        line = result.as_json()
        line["run"] = {"quick": quick, "seconds": round(clock.seconds, 1), "load_average_before": load,
                       "load_average_after": _load(), **machine()}
        _emit(line)
    return 1 if failed else 0


def _load() -> list[float] | None:
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


def _emit(line: dict[str, Any]) -> None:
    print(json.dumps(line, ensure_ascii=False), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Criw's benchmarks, as JSON lines.")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, under a minute: checks they run")
    parser.add_argument("--only", help=f"comma-separated, from: {', '.join(NAMES)}")
    parser.add_argument("--postgres", help="a PostgreSQL server URL (postgresql+asyncpg://...) to run on as well; "
                        "default CRIW_BENCH_POSTGRES_URL, else CRIW_TEST_POSTGRES_URL")
    parser.add_argument("--set", action="append", default=[], metavar="BENCHMARK.FIELD=VALUE",
                        help="change a size, e.g. --set vote_storm.members=100 (the fields are in bench/*.py)")
    args = parser.parse_args(argv)
    names = [name.strip() for name in args.only.split(",")] if args.only else list(NAMES)
    unknown = [name for name in names if name not in NAMES]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr, force=True)  # 429 waits etc. would drown it
    return asyncio.run(run(names, args.quick, postgres_server(args.postgres), _settings(args.set)))
