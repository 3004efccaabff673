"""Dependencies point inwards: transports -> handlers -> services -> domain."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {
    "handlers": {"aiogram", "telegram", "sqlmodel", "sqlalchemy", "apscheduler"},
    "bot/services": {"aiogram", "telegram", "sqlmodel", "sqlalchemy", "apscheduler"},
    "bot/domain": {"aiogram", "telegram", "sqlmodel", "sqlalchemy", "apscheduler"},
    "bot/chat": {"aiogram", "telegram", "sqlmodel", "sqlalchemy"},
}


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def modules_under(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_inner_layers_import_no_framework(folder):
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & FORBIDDEN[folder])
        for path in modules_under(folder)
        if imported_roots(path) & FORBIDDEN[folder]
    }
    assert offenders == {}


def test_the_domain_imports_only_itself_from_criw():
    for path in modules_under("bot/domain"):
        source = path.read_text(encoding="utf-8")
        for line in source.splitlines():
            if line.startswith(("from bot", "import bot")):
                assert line.startswith("from bot.domain"), f"{path.name}: {line}"


def test_the_checker_notices_a_forbidden_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import aiogram\nfrom telegram import Update\n")
    assert imported_roots(sample) >= {"aiogram", "telegram"}
