"""`criw resources import FILE`: rooms, vehicles and budgets from YAML or CSV, all or nothing."""

import asyncio

import pytest

from bot.cli import main
from bot.store.database import create_engine, session_factory
from bot.store.migrate import upgrade_blocking
from bot.store.uow import uow_factory

YAML = """\
rooms:
  - name: Neuadd yr Eglwys
    address: Heol y Plwyf, Caerdydd
    capacity: 30
    step_free: true
    hearing_loop: yes
    opening_hours: "Llun-Gwener 09:00-21:00; Sat 10:00-16:00"
    buffer_minutes: 15
vehicles:
  - {name: Minibus, seats: 12, wheelchair_spaces: 1, driver_needed: true}
"""
CSV = """\
kind,name,address,capacity,seats,wheelchair_spaces,driver_needed,step_free,quiet_space,opening_hours
room,Canolfan y Dref,Heol y Frenhines,20,,,,no,yes,Mon-Sat 09:00-21:30
vehicle,Car pool,,,4,0,no,,,
"""


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite+aiosqlite:///{tmp_path / 'criw.db'}"
    monkeypatch.setenv("CRIW_DATABASE_URL", url)
    upgrade_blocking(url)
    return url


def resources_in(url):
    async def read():
        engine = create_engine(url)
        async with uow_factory(session_factory(engine))() as uow:
            organisation = await uow.organisations.first()
            found = await uow.resources.of_organisation(organisation.id) if organisation else []
        await engine.dispose()
        return found

    return asyncio.run(read())


def test_a_yaml_file_loads_rooms_and_vehicles_and_loading_it_again_updates_them(database, tmp_path, capsys):
    path = tmp_path / "rooms.yaml"
    path.write_text(YAML, encoding="utf-8")
    assert main(["resources", "import", str(path)]) == 0
    assert "2 added, 0 updated" in capsys.readouterr().out
    assert main(["resources", "import", str(path)]) == 0
    assert "0 added, 2 updated" in capsys.readouterr().out
    hall, minibus = sorted(resources_in(database), key=lambda r: r.kind)
    assert (hall.name, hall.capacity, hall.step_free, hall.hearing_loop, hall.quiet_space) == (
        "Neuadd yr Eglwys", 30, True, True, False)
    assert hall.opening_hours == "mon-fri 09:00-21:00; sat 10:00-16:00" and hall.buffer_minutes == 15
    assert (minibus.seats, minibus.wheelchair_spaces, minibus.driver_needed) == (12, 1, True)


def test_a_csv_file_loads_one_row_each(database, tmp_path, capsys):
    path = tmp_path / "rooms.csv"
    path.write_text(CSV, encoding="utf-8")
    assert main(["resources", "import", str(path)]) == 0
    found = {resource.name: resource for resource in resources_in(database)}
    assert found["Canolfan y Dref"].quiet_space and not found["Canolfan y Dref"].step_free
    assert found["Car pool"].seats == 4 and not found["Car pool"].driver_needed


@pytest.mark.parametrize(("content", "says"), [
    ("rooms:\n  - {name: Hall, capacity: 0}\n", "rooms #1: capacity is missing or out of range"),
    ("rooms:\n  - {name: Hall, opening_hours: sometimes}\n", "rooms #1: opening_hours: write them like"),
    ("vehicles:\n  - {name: Bus, seats: lots}\n", "vehicles #1: seats: expected a whole number, got 'lots'"),
    ("budgets:\n  - {group: Nobody, amount: 200, from: 2026-10-01, to: 2026-12-31}\n", "no group is called"),
    ("rooms: [unclosed\n", "not valid YAML"),
])
def test_a_bad_file_stops_with_one_line_saying_where_and_loads_nothing(database, tmp_path, capsys, content, says):
    path = tmp_path / "rooms.yaml"
    path.write_text("vehicles:\n  - {name: Van, seats: 3}\n" + content if "vehicles" not in content else content,
                    encoding="utf-8")
    assert main(["resources", "import", str(path)]) == 2
    out = capsys.readouterr().out
    assert says in out and len(out.strip().splitlines()) == 1
    assert resources_in(database) == []


def test_a_missing_file_is_one_clear_line(database, tmp_path, capsys):
    assert main(["resources", "import", str(tmp_path / "nowhere.yaml")]) == 2
    assert "nowhere.yaml" in capsys.readouterr().out
