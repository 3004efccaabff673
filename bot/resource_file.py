"""`criw resources import FILE`: load the organisation's rooms, vehicles and budgets from YAML or CSV.

YAML::

    rooms:
      - name: Canolfan y Dref, Ystafell 2
        address: Heol y Frenhines, Caerdydd
        capacity: 20
        step_free: true
        hearing_loop: true
        accessible_toilet: true
        quiet_space: false
        opening_hours: "Mon-Fri 09:00-21:00; Sat 10:00-16:00"
        buffer_minutes: 15
        notes: Key from reception
    vehicles:
      - {name: Minibus, seats: 12, wheelchair_spaces: 1, driver_needed: true}
    budgets:
      - {group: "Cerddwyr Caerdydd", amount: 200, from: 2026-10-01, to: 2026-12-31}

CSV: one row each, with a `kind` column (room, vehicle or budget) and the same column names (a budget's
`group`, `amount`, `from`, `to`). Amounts are in pounds. Names already there are updated, so the same file
can be loaded again. Any problem stops the whole import with one line saying where.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot.domain.bookings import ROOM_FEATURES
from bot.domain.opening_hours import OpeningHoursError, read_opening_hours
from bot.domain.resources import BUDGET_MAX, BudgetSpec, RoomSpec, VehicleSpec, read_money

TRUE = {"true", "yes", "y", "1", "ie", "oes", "x"}
FALSE = {"false", "no", "n", "0", "na", "nac oes", ""}


class ResourceFileError(ValueError):
    """The file can't be loaded; the message says where and why, in one line."""


@dataclass
class Loaded:
    rooms: list[RoomSpec] = field(default_factory=list)
    vehicles: list[VehicleSpec] = field(default_factory=list)
    budgets: list[BudgetSpec] = field(default_factory=list)


def read_resource_file(path: Path) -> Loaded:
    """Read a YAML (.yaml, .yml) or CSV (.csv) file of rooms, vehicles and budgets."""
    try:
        content = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ResourceFileError(f"{path}: {error.strerror or error}") from None
    if path.suffix.lower() == ".csv":
        return _from_rows([(f"line {number}", row) for number, row in enumerate(csv.DictReader(content.splitlines()),
                                                                                 start=2)])
    try:
        document = yaml.safe_load(content) or {}
    except yaml.YAMLError as error:
        raise ResourceFileError(f"{path}: not valid YAML ({error.__class__.__name__})") from None
    if not isinstance(document, dict):
        raise ResourceFileError(f"{path}: expected rooms:, vehicles: and budgets: lists")
    rows: list[tuple[str, dict[str, Any]]] = []
    for kind, section in (("room", "rooms"), ("vehicle", "vehicles"), ("budget", "budgets")):
        entries = document.get(section) or []
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            raise ResourceFileError(f"{path}: {section}: expected a list of entries")
        rows.extend((f"{section} #{n}", {**entry, "kind": kind}) for n, entry in enumerate(entries, start=1))
    return _from_rows(rows)


def _from_rows(rows: list[tuple[str, dict[str, Any]]]) -> Loaded:
    loaded = Loaded()
    for where, row in rows:
        values = {str(key).strip().lower(): value for key, value in row.items() if key is not None}
        kind = _text(values.get("kind")).lower()
        try:
            if kind == "room":
                loaded.rooms.append(_room(values))
            elif kind == "vehicle":
                loaded.vehicles.append(_vehicle(values))
            elif kind == "budget":
                loaded.budgets.append(_budget(values))
            else:
                raise ValueError("kind must be room, vehicle or budget")
        except (ValueError, OpeningHoursError) as problem:
            raise ResourceFileError(f"{where}: {problem}") from None
    return loaded


def _room(values: dict[str, Any]) -> RoomSpec:
    try:
        hours = read_opening_hours(_text(values.get("opening_hours")))
    except OpeningHoursError:
        raise ValueError("opening_hours: write them like Mon-Fri 09:00-21:00; Sat 10:00-16:00") from None
    capacity = values.get("capacity")
    spec = RoomSpec(_text(values.get("name")), _text(values.get("address")),
                    _number(capacity, "capacity") if _text(capacity) else None,
                    {need for need in ROOM_FEATURES if _flag(values.get(need.value), need.value)},
                    _text(values.get("notes")), hours, _number(values.get("buffer_minutes") or 0, "buffer_minutes"))
    return _checked(spec)


def _vehicle(values: dict[str, Any]) -> VehicleSpec:
    spec = VehicleSpec(_text(values.get("name")), _number(values.get("seats"), "seats"),
                       _number(values.get("wheelchair_spaces") or 0, "wheelchair_spaces"),
                       _flag(values.get("driver_needed", True), "driver_needed"), _text(values.get("notes")),
                       _number(values.get("buffer_minutes") or 0, "buffer_minutes"))
    return _checked(spec)


def _budget(values: dict[str, Any]) -> BudgetSpec:
    amount = read_money(_text(values.get("amount")), BUDGET_MAX)
    if amount.value is None:
        raise ValueError("amount: expected pounds, for example 200 or 150.50")
    return _checked(BudgetSpec(_text(values.get("group")), amount.value, _date(values.get("from"), "from"),
                               _date(values.get("to"), "to")))


def _checked(spec: RoomSpec | VehicleSpec | BudgetSpec) -> Any:
    if problems := spec.problems():
        raise ValueError(f"{problems[0]} is missing or out of range")
    return spec


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _number(value: object, name: str) -> int:
    text = _text(value)
    if not text.isdigit():
        raise ValueError(f"{name}: expected a whole number, got {text!r}")
    return int(text)


def _flag(value: object, name: str) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in TRUE | FALSE:
        return text in TRUE
    raise ValueError(f"{name}: expected yes or no, got {text!r}")


def _date(value: object, name: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(_text(value))
    except ValueError:
        raise ValueError(f"{name}: expected a date like 2026-10-01") from None


async def import_command(settings: Any, path: Path) -> int:
    """Load the file into the database named by the settings; prints one line, returns the exit code."""
    from bot.domain.clock import SystemClock
    from bot.services.errors import InvalidRequest
    from bot.services.resources import import_specs
    from bot.store.database import create_engine, is_sqlite, session_factory
    from bot.store.migrate import upgrade
    from bot.store.uow import uow_factory

    try:
        loaded = read_resource_file(path)
    except ResourceFileError as problem:
        print(f"criw: {problem}")
        return 2
    engine = create_engine(settings.database_url)
    try:
        if is_sqlite(settings.database_url):
            await upgrade(engine)
        async with uow_factory(session_factory(engine))() as uow:
            done = await import_specs(uow, SystemClock(), settings.organisation_name, loaded.rooms, loaded.vehicles,
                                      loaded.budgets)
    except InvalidRequest as refused:
        print(f"criw: {path}: {refused.problem}")
        return 2
    finally:
        await engine.dispose()
    print(f"{done.added} added, {done.updated} updated, {done.budgets} budgets set")
    return 0

