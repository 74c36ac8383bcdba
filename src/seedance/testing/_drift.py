"""Drift mode: the simulator answers as a provider that changed its API without saying so.

``Simulator(provider, drift={"extra-field", "unknown-status"})`` (or ``seedance simulate
--drift KIND``, repeatable) renders each operation's answer as the provider shape does, then
transforms it, so that `seedance verify` and `seedance proxy` have something to find:

- ``extra-field``: a field the schema does not declare (``drift_extra``);
- ``unknown-status``: the job's status word becomes ``drifting``;
- ``missing-field``: the schema's first required field present is removed;
- ``wrong-type``: that field's value changes JSON type (a string becomes a number, ...);
- ``renamed-field``: that field is renamed (``created_at`` -> ``createdAt``);
- ``undocumented-status``: the status code becomes one the operation does not document;
- ``html-error``: a proxy's HTML 502 page instead of the answer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from starlette.responses import HTMLResponse, JSONResponse, Response

from .._spec import CuratedSpec

__all__ = ["DRIFT_KINDS", "Drift"]

DRIFT_KINDS = (
    "extra-field",
    "unknown-status",
    "missing-field",
    "wrong-type",
    "renamed-field",
    "undocumented-status",
    "html-error",
)
EXTRA_FIELD = "drift_extra"
UNKNOWN_STATUS = "drifting"
_STATUS_KEYS = ("status", "state", "task_status")
_CANDIDATE_STATUSES = (207, 299, 418, 451, 520)
_HTML = (
    "<html><head><title>502 Bad Gateway</title></head>"
    "<body><h1>502 Bad Gateway</h1><hr>cloudflare</body></html>"
)


class Drift:
    """The drift kinds a simulator applies to every answer of its provider's operations."""

    def __init__(self, kinds: Iterable[str], spec: CuratedSpec) -> None:
        self.kinds = frozenset([kinds] if isinstance(kinds, str) else kinds)
        unknown = sorted(self.kinds - set(DRIFT_KINDS))
        if unknown:
            raise ValueError(f"drift kind {unknown[0]!r}: one of {', '.join(DRIFT_KINDS)}")
        self.spec = spec

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def apply(self, operation: str, response: Response) -> Response:
        """*response* (an operation's answer, rendered to the spec) with the drift applied."""
        if not self.kinds:
            return response
        if "html-error" in self.kinds:
            return HTMLResponse(_HTML, status_code=502)
        status = response.status_code
        headers = {
            name: value
            for name, value in response.headers.items()
            if name.lower() not in ("content-length", "content-type")
        }
        body: Any = None
        if "json" in response.headers.get("content-type", ""):
            body = json.loads(bytes(response.body) or b"null")
            body = self._body(operation, status, body)
        if "undocumented-status" in self.kinds:
            status = self._undocumented(operation)
        if body is None:
            return Response(bytes(response.body), status, headers=headers)
        return JSONResponse(body, status_code=status, headers=headers)

    def _body(self, operation: str, status: int, body: Any) -> Any:
        if not isinstance(body, dict):
            return body
        body = dict(body)
        if "unknown-status" in self.kinds:
            _replace_status(body, 0)
        target = next((name for name in self._required(operation, status) if name in body), None)
        if target is None and body:
            target = next(iter(body))
        if target is not None:
            if "wrong-type" in self.kinds:
                body[target] = _other_type(body[target])
            if "renamed-field" in self.kinds:
                body[_renamed(target)] = body.pop(target)
            elif "missing-field" in self.kinds:
                del body[target]
        if "extra-field" in self.kinds:
            body[EXTRA_FIELD] = "a field no schema declares"
        return body

    def _response(self, operation: str, status: int) -> dict[str, Any]:
        responses = self.spec.operation(operation).get("responses", {})
        for code in (str(status), f"{status // 100}XX", "default"):
            if code in responses:
                return dict(_resolve(self.spec.document, responses[code]))
        return {}

    def _required(self, operation: str, status: int) -> list[str]:
        content = self._response(operation, status).get("content") or {}
        schema = _resolve(self.spec.document, (content.get("application/json") or {}).get("schema"))
        if not isinstance(schema, dict):
            return []
        required = list(schema.get("required") or [])
        for branch in schema.get("allOf") or []:
            required += list(_resolve(self.spec.document, branch).get("required") or [])
        return required

    def _undocumented(self, operation: str) -> int:
        responses = self.spec.operation(operation).get("responses", {})
        for status in _CANDIDATE_STATUSES:
            codes = [str(status), f"{status // 100}XX"] + (["default"] if status >= 400 else [])
            if not any(code in responses for code in codes):
                return status
        return 299


def _resolve(document: dict[str, Any], node: Any) -> Any:
    for _ in range(32):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node
        target: Any = document
        for token in node["$ref"].lstrip("#/").split("/"):
            target = target[token.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _replace_status(value: Any, depth: int) -> bool:
    """Replace the first status word found (breadth first, bounded); whether one was."""
    if not isinstance(value, dict) or depth > 4:
        return False
    for key in _STATUS_KEYS:
        if isinstance(value.get(key), str):
            value[key] = UNKNOWN_STATUS
            return True
    return any(_replace_status(inner, depth + 1) for inner in value.values())


def _other_type(value: Any) -> Any:
    if isinstance(value, bool):
        return "true"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return 12345
    if isinstance(value, list):
        return {"items": value}
    return "a string"


def _renamed(name: str) -> str:
    head, *rest = name.split("_")
    camel = head + "".join(part.title() for part in rest)
    return camel if camel != name else f"{name}Value"
