"""The one escaping rule (bot/i18n/markup.py, docs/SECURITY.md "Untrusted text"), checked two ways:
at run time the HTML sinks take only Markup and the plain-text sinks never keep an escape, and in the
source no HTML tag is written anywhere but a `Markup("...")` template or a catalog message."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.chat.actions import AnswerCallback, EditMessage, SendDocument, SendMessage, SendVoice
from bot.chat.keyboard import Button
from bot.i18n.markup import Markup, bold, escape, one_per_line, plain
from bot.i18n.translator import Tr, label_in, render_in

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ['<a href="https://example.org/login">Dafydd</a>', "Siân <b>&amp; Co", "Tom & Jerry", "<3 \"'"]
# A tag Telegram would read: <b>, </b>, <a href=...>, <tg-spoiler>, ...
TAG = re.compile(r"</?(b|strong|i|em|u|ins|s|strike|del|a|code|pre|blockquote|span|tg-spoiler|tg-emoji)[\s>]")
# Where Criw builds what it sends (the emulator's own web page and the PNG/CSV reports are not Telegram HTML).
SCANNED = ["handlers", "bot/chat", "bot/services", "bot/i18n", "bot/domain", "bot/schedule", "bot/voice"]
GETTEXT = {"_", "n_", "p_"}
# Where messages are built, an f-string added to something is refused: added to Markup it is escaped again
# (a name shows as "&amp;"), added to str it loses the Markup. Build with Markup("…").format(…) instead.
NO_FSTRING_PLUS = ("handlers", "bot/chat", "bot/services")


@pytest.mark.parametrize("name", HOSTILE)
def test_a_name_enters_a_message_only_escaped(name):
    message = render_in(("cy", "en"), lambda tr: tr._("Make %(name)s a coordinator of this group?", name=name))
    assert name not in message and escape(name) in message
    assert plain(message).count(name) == 2  # what the reader sees is exactly the name, in both languages
    assert one_per_line([bold(name), Markup("• ") + name]) == Markup("<b>%s</b>\n• %s") % (name, name)


def test_html_sinks_take_only_markup_so_an_f_string_cannot_reach_telegram():
    name = HOSTILE[0]
    for make in (lambda text: SendMessage(1, text), lambda text: EditMessage(1, 2, text),
                 lambda text: SendDocument(1, "a.ics", b"", text), lambda text: SendVoice(1, b"", caption=text)):
        with pytest.raises(TypeError):
            make(f"<b>{name}</b>")
        assert make(bold(name)) is not None


@pytest.mark.parametrize("name", HOSTILE)
def test_plain_sinks_show_the_characters_not_their_escapes(name):
    label = Tr("en")._("✅ Going to %(title)s", title=name)
    assert Button(label, "x").text == f"✅ Going to {name}"
    assert AnswerCallback("q", label).text == f"✅ Going to {name}"
    assert label_in(("cy", "en"), lambda tr: escape(name)) == name


def _offenders(path: Path) -> list[str]:
    """HTML tags written outside a Markup("...") template or a gettext message, and Markup() called on
    anything but a string literal (which would trust text that was never escaped)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    docstrings = {node.body[0].value for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    found = []
    where = str(path.relative_to(ROOT))
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and where.startswith(NO_FSTRING_PLUS):
            sides = [side for operand in (node.left, node.right)
                     for side in ((operand.body, operand.orelse) if isinstance(operand, ast.IfExp) else (operand,))]
            if any(isinstance(side, ast.JoinedStr) for side in sides):
                found.append(f"{where}:{node.lineno}: an f-string added to something")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Markup":
            literal = all(isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in node.args)
            if not literal or node.keywords:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: Markup() of something not a literal")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and TAG.search(node.value):
            parent = parents.get(node)
            if isinstance(parent, ast.JoinedStr):
                parent = parents.get(parent)
            in_template = isinstance(parent, ast.Call) and (
                (isinstance(parent.func, ast.Name) and parent.func.id == "Markup")
                or (isinstance(parent.func, ast.Attribute) and parent.func.attr in GETTEXT))
            if not in_template and node not in docstrings:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: a tag outside a Markup template")
    return found


def test_no_tag_is_written_outside_a_markup_template_and_nothing_is_trusted_unescaped():
    allowed = {ROOT / "bot/i18n/markup.py", ROOT / "bot/i18n/translator.py"}  # the rule itself; catalog templates
    paths = [path for folder in SCANNED for path in sorted((ROOT / folder).rglob("*.py")) if path not in allowed]
    assert [offence for path in paths for offence in _offenders(path)] == []


def test_the_scan_catches_what_it_is_for(tmp_path):
    sample = tmp_path / "sample.py"
    folder = tmp_path / "handlers"
    folder.mkdir()
    sample = folder / "sample.py"
    sample.write_text('x = f"<b>{name}</b>"\ny = "<a href=" + url\nz = Markup(f"<i>{name}</i>")\n'
                      'ok = Markup("<b>{}</b>").format(name)\nalso = tr._("<b>%(n)s</b>", n=1)\n'
                      'w = (f"{intro}\\n" if intro else "") + card\n')
    found = {(int(line.split(":")[1]), line.split(": ", 1)[1]) for line in _offenders_at(sample, tmp_path)}
    assert found == {(1, "a tag outside a Markup template"), (2, "a tag outside a Markup template"),
                     (3, "Markup() of something not a literal"), (6, "an f-string added to something")}


def _offenders_at(path: Path, root: Path) -> list[str]:
    global ROOT
    saved, ROOT = ROOT, root
    try:
        return _offenders(path)
    finally:
        ROOT = saved


def _imports_markupsafe(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) and any(alias.name == "markupsafe" for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.module == "markupsafe":
            return True
    return False


def test_markupsafe_is_used_only_through_the_one_rule():
    users = [str(path.relative_to(ROOT)) for folder in ["bot", "handlers"]
             for path in sorted((ROOT / folder).rglob("*.py")) if _imports_markupsafe(path)]
    assert users == ["bot/i18n/markup.py"]


@pytest.mark.parametrize("name", HOSTILE)
def test_what_readers_get_from_an_escaped_name_is_the_name(name):
    """markupsafe escapes quotes as &#34; and &#39;: Telegram (here its parser in the emulator), the voice
    notes and the .ics text all decode them back to what the person typed."""
    from bot.playground.emulator_html import parse_html
    from bot.voice.words import speakable
    from handlers.calendar import _plain

    message = Tr("en")._("Make %(name)s a coordinator of this group?", name=name)
    shown = parse_html(message)
    assert shown.text == f"Make {name} a coordinator of this group?" and shown.entities == []
    assert _plain(message) == shown.text
    spoken = speakable(Markup("🔊 ") + bold(name), "en")
    escapes = re.compile(r"&(amp|lt|gt|quot);|&#")
    assert len(escapes.findall(spoken)) == len(escapes.findall(name))  # only those the name itself has
