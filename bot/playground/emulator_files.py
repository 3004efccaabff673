"""Uploads (sendDocument, sendPhoto, sendVoice), getFile and the bytes behind file downloads."""

from __future__ import annotations

import mimetypes
import struct
from pathlib import PurePosixPath
from typing import Any

from .emulator_messages import caption_text, inline_markup, reply_target
from .emulator_state import StoredFile, World
from .emulator_wire import Call, UploadedFile, bad_request

Obj = dict[str, Any]

_FOLDERS = {"document": "documents", "photo": "photos", "voice": "voice"}
_DEFAULT_MIME = {"document": "application/octet-stream", "photo": "image/jpeg", "voice": "audio/ogg"}


def _upload(call: Call, kind: str) -> UploadedFile | str:
    """The uploaded part (sent directly or via ``attach://``), or a file_id / URL string."""
    value = call.params.get(kind)
    if kind in call.files:
        return call.files[kind]
    if isinstance(value, str) and value.startswith("attach://"):
        attached = call.files.get(value.removeprefix("attach://"))
        if attached is None:
            raise bad_request(f"{kind} not found in the request: no file part named {value!r}")
        return attached
    if not value:
        raise bad_request(f"there is no {kind} in the request")
    return str(value)


def _store(world: World, kind: str, upload: UploadedFile | str) -> StoredFile:
    if isinstance(upload, str):
        if upload in world.files:
            return world.files[upload]  # re-sending a known file_id
        if upload.startswith(("http://", "https://")):
            raise bad_request("failed to get HTTP URL content (the emulator cannot fetch URLs)")
        raise bad_request("wrong file identifier/HTTP URL specified")
    number = world.next_number("file")
    suffix = PurePosixPath(upload.filename).suffix or mimetypes.guess_extension(upload.content_type) or ""
    mime = upload.content_type
    if mime in ("", "application/octet-stream"):
        mime = mimetypes.guess_type(upload.filename)[0] or _DEFAULT_MIME[kind]
    stored = StoredFile(
        file_id=f"EMU{kind[:3].upper()}{number:08d}AgADBAAD",
        file_unique_id=f"AgAD{number:06d}",
        file_path=f"{_FOLDERS[kind]}/file_{number}{suffix}",
        filename=upload.filename,
        mime_type=mime,
        data=upload.data,
        kind=kind,
    )
    world.files[stored.file_id] = stored
    return stored


def _image_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG, or a plausible photo size for anything else."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    return 800, 600


def _media(kind: str, stored: StoredFile, call: Call) -> Any:
    ids = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "file_size": stored.size}
    if kind == "photo":
        width, height = _image_size(stored.data)
        return [{**ids, "width": width, "height": height}]
    if kind == "voice":
        return {**ids, "duration": call.get_int("duration", 1), "mime_type": stored.mime_type}
    return {**ids, "file_name": stored.filename, "mime_type": stored.mime_type}


def _send_media(world: World, call: Call, kind: str) -> Obj:
    record = world.chat_for_bot(call)
    world.ensure_bot_can_post(record)
    upload = _upload(call, kind)
    caption, markup, reply = caption_text(call), inline_markup(call), reply_target(world, record, call)
    stored = _store(world, kind, upload)  # only once the call is known to be valid
    return world.add_message(
        record,
        world.bot_as_user(),
        reply_to_message=reply,
        **{kind: _media(kind, stored, call)},
        caption=caption.text or None,
        caption_entities=caption.entities,
        reply_markup=markup,
    )


def send_document(world: World, call: Call) -> Obj:
    return _send_media(world, call, "document")


def send_photo(world: World, call: Call) -> Obj:
    return _send_media(world, call, "photo")


def send_voice(world: World, call: Call) -> Obj:
    return _send_media(world, call, "voice")


def get_file(world: World, call: Call) -> Obj:
    stored = world.files.get(call.get_str("file_id"))
    if stored is None:
        raise bad_request("invalid file_id")
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": stored.size,
        "file_path": stored.file_path,
    }


def file_at(world: World, path: str) -> StoredFile | None:
    """The file served at ``/file/bot<token>/<path>``."""
    return next((f for f in world.files.values() if f.file_path == path), None)


HANDLERS = {
    "sendDocument": send_document,
    "sendPhoto": send_photo,
    "sendVoice": send_voice,
    "getFile": get_file,
}
