"""The Bot API wire format: reading calls (JSON, urlencoded, multipart) and writing envelopes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import BodyPartReader, MultipartReader, web

Params = dict[str, Any]

#: Fields whose form value is text even when it looks like JSON ("123", "true", "[1]"):
#: everything else sent as a form field is JSON-decoded when it can be, as Telegram does.
STRING_FIELDS = frozenset(
    {
        "text", "caption", "parse_mode", "title", "description", "short_description", "name",
        "url", "secret_token", "callback_query_id", "language_code", "action", "file_id",
        "inline_message_id", "query", "ip_address", "document", "photo", "voice", "audio",
        "video", "animation", "sticker", "thumbnail", "business_connection_id", "message_effect_id",
        "emoji", "question", "explanation", "method",
    }
)  # fmt: skip


class ApiError(Exception):
    """A Bot API error: answered as ``{"ok": false, ...}`` with the HTTP status equal to the code."""

    def __init__(self, error_code: int, description: str, **parameters: Any) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.parameters = {k: v for k, v in parameters.items() if v is not None}

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.error_code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


class ProxyPage(Exception):
    """Not the Bot API answering but a proxy in front of it: an HTML error page, not JSON."""

    def __init__(self, status: int) -> None:
        super().__init__(f"proxy page {status}")
        self.status = status

    def response(self) -> web.Response:
        reason = {502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}.get(self.status, "Error")
        page = f"<html><head><title>{self.status} {reason}</title></head><body><center><h1>{self.status} " \
               f"{reason}</h1></center><hr><center>nginx</center></body></html>"
        return web.Response(status=self.status, text=page, content_type="text/html")


def bad_request(reason: str, **parameters: Any) -> ApiError:
    return ApiError(400, f"Bad Request: {reason}", **parameters)


def forbidden(reason: str) -> ApiError:
    return ApiError(403, f"Forbidden: {reason}")


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart call."""

    filename: str
    content_type: str
    data: bytes


@dataclass
class Call:
    """One Bot API call: canonical method name, decoded parameters and uploaded file parts."""

    method: str
    params: Params = field(default_factory=dict)
    files: dict[str, UploadedFile] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        return self.params.get(name) not in (None, "")

    def get_int(self, name: str, default: int | None = None, *, required: bool = False) -> int | None:
        value = self.params.get(name)
        if value in (None, ""):
            if required:
                raise bad_request(f"{name} is empty")
            return default
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise bad_request(f'field "{name}" must be of type Integer')
        try:
            return int(value)
        except ValueError:
            raise bad_request(f'field "{name}" must be of type Integer') from None

    def req_int(self, name: str) -> int:
        value = self.get_int(name, required=True)
        assert value is not None
        return value

    def get_str(self, name: str, default: str = "") -> str:
        value = self.params.get(name)
        if value is None:
            return default
        if isinstance(value, dict | list):
            raise bad_request(f'field "{name}" must be of type String')
        # A JSON body may carry a number where Telegram expects text; Telegram accepts it.
        return value if isinstance(value, str) else json.dumps(value)

    def get_bool(self, name: str, default: bool = False) -> bool:
        value = self.params.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        if str(value).lower() in {"true", "1"}:
            return True
        if str(value).lower() in {"false", "0"}:
            return False
        raise bad_request(f'field "{name}" must be of type Boolean')

    def get_json(self, name: str, kind: type, what: str) -> Any:
        """An object or array field; forms carry it JSON-encoded, JSON bodies may do either."""
        value = self.params.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise bad_request(f"can't parse {what} JSON object") from None
        if not isinstance(value, kind):
            raise bad_request(f"can't parse {what} JSON object")
        return value


def decode_form_value(name: str, value: str) -> Any:
    """Form values are strings; numbers, booleans and nested objects arrive JSON-encoded."""
    if name in STRING_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value  # e.g. chat_id "@somegroup"


def _decode_form(pairs: list[tuple[str, str]]) -> Params:
    return {name: decode_form_value(name, value) for name, value in pairs}


async def read_multipart(reader: MultipartReader) -> tuple[Params, dict[str, UploadedFile]]:
    """Split a multipart body into decoded fields and file parts (kept whole, bytes and all)."""
    params: Params = {}
    files: dict[str, UploadedFile] = {}
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader) or not part.name:
            continue
        if part.filename is not None:
            content_type = part.headers.get("Content-Type", "application/octet-stream")
            files[part.name] = UploadedFile(part.filename, content_type, bytes(await part.read()))
        else:
            params[part.name] = decode_form_value(part.name, await part.text())
    return params, files


async def read_call(request: web.Request, method: str) -> Call:
    """Decode a request to the Bot API: query string plus a JSON, urlencoded or multipart body."""
    params: Params = _decode_form(list(request.query.items()))
    files: dict[str, UploadedFile] = {}
    content_type = request.content_type
    if content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("can't parse JSON request body") from None
        if not isinstance(body, dict):
            raise bad_request("request body must be a JSON object")
        params.update(body)
    elif content_type.startswith("multipart/"):
        fields, files = await read_multipart(await request.multipart())
        params.update(fields)
    elif request.can_read_body:
        params.update(_decode_form(parse_qsl(await request.text(), keep_blank_values=True)))
    return Call(method, params, files)


def ok_response(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def error_response(error: ApiError) -> web.Response:
    return web.json_response(error.payload(), status=error.error_code)
