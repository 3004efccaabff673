"""Each transport keeps to its own library, and only the chosen one is loaded."""

import ast

from tests.unit.test_architecture import ROOT, imported_roots

TRANSPORTS = ROOT / "bot" / "transports"


def test_the_aiogram_transport_never_imports_python_telegram_bot():
    for name in ("aiogram_transport.py", "aiogram_updates.py"):
        assert "telegram" not in imported_roots(TRANSPORTS / name), name


def test_the_ptb_transport_never_imports_aiogram():
    for name in ("ptb.py", "ptb_updates.py"):
        assert "aiogram" not in imported_roots(TRANSPORTS / name), name


def test_the_shared_transport_modules_import_neither_library():
    for name in ("sender.py", "transport.py"):
        assert not imported_roots(TRANSPORTS / name) & {"aiogram", "telegram"}, name


def test_the_composition_root_imports_a_transport_only_when_it_is_chosen():
    tree = ast.parse((ROOT / "bot" / "bootstrap.py").read_text(encoding="utf-8"))
    top_level = {
        node.module for node in tree.body if isinstance(node, ast.ImportFrom) and node.module
    }
    assert not {module for module in top_level if module.startswith(("aiogram", "telegram"))}
    assert "bot.transports.aiogram_transport" not in top_level and "bot.transports.ptb" not in top_level
