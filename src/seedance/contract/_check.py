"""Check one exchange against a curated spec: status, content type, headers, body fields.

The body is validated with `jsonschema` (Draft 2020-12, the whole document as the registry);
each error becomes a `Finding` naming its kind and field. Fields a schema does not declare are
reported too: as errors where the schema forbids them, as warnings where it allows them.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from .._spec import CuratedSpec
from ._findings import Exchange, Finding

__all__ = ["SpecChecker"]

_URI = "urn:seedance:contract"
_HTTP_METHODS = ("get", "put", "post", "delete", "patch")
_CLOSING = ("additionalProperties", "unevaluatedProperties")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


class SpecChecker:
    """The curated spec of one provider, as a checker of requests and responses.

    *base_path* is the path the spec's operations hang under on the server being checked
    (``/api/v3`` for ModelArk; the path of ``--base-url``).
    """

    def __init__(self, spec: CuratedSpec, base_path: str | None = None) -> None:
        self.spec = spec
        server = str(spec.document["servers"][0]["url"])
        self.base_path = (urlsplit(server).path if base_path is None else base_path).rstrip("/")
        self._validators: dict[str, Draft202012Validator] = {}

    @cached_property
    def _routes(self) -> list[tuple[str, re.Pattern[str], str, str]]:
        """(method, path pattern, operationId, JSON pointer), literal paths first."""
        routes = []
        paths = self.spec.document.get("paths", {})
        for path in sorted(paths, key=lambda path: "{" in path):
            for method in _HTTP_METHODS:
                operation = paths[path].get(method)
                if isinstance(operation, dict) and "operationId" in operation:
                    pattern = re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)))
                    pointer = f"/paths/{_escape(path)}/{method}"
                    routes.append((method, pattern, operation["operationId"], pointer))
        return routes

    def operation_of(self, method: str, url: str) -> tuple[str, str] | None:
        """(operationId, pointer) of the operation *method* *url* is a request of, or None."""
        path = urlsplit(url).path
        if self.base_path and path.startswith(self.base_path):
            path = path[len(self.base_path) :] or "/"
        for wanted, pattern, operation, pointer in self._routes:
            if wanted == method.lower() and pattern.fullmatch(path):
                return operation, pointer
        return None

    def _resolve(self, node: Any) -> Any:
        for _ in range(32):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                return node
            target: Any = self.spec.document
            for token in node["$ref"].lstrip("#/").split("/"):
                target = target[token.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def validator(self, pointer: str) -> Draft202012Validator:
        found = self._validators.get(pointer)
        if found is None:
            resource = DRAFT202012.create_resource(self.spec.document)
            registry: Registry[Any] = Registry().with_resource(_URI, resource)
            found = Draft202012Validator({"$ref": f"{_URI}#{pointer}"}, registry=registry)
            self._validators[pointer] = found
        return found

    # --- requests ------------------------------------------------------------------------------
    def check_request(self, exchange: Exchange) -> list[Finding]:
        """What is wrong with the request itself (the proxy checks what clients send)."""
        found = self.operation_of(exchange.method, exchange.url)
        if found is None:
            return [self._finding(exchange, "unknown_operation", "", "no operation of the spec")]
        exchange.operation, pointer = found
        content = self.spec.operation(exchange.operation).get("requestBody", {}).get("content", {})
        kind = exchange.request_headers.get("content-type", "").split(";")[0].strip().lower()
        if "application/json" not in content or kind != "application/json":
            return []
        try:
            body = json.loads(exchange.request_body or b"null")
        except ValueError as error:
            return [
                self._finding(exchange, "invalid_request", "", f"the body is not JSON: {error}")
            ]
        schema = f"{pointer}/requestBody/content/application~1json/schema"
        return [
            self._finding(exchange, "invalid_request", _path(e.absolute_path), e.message)
            for e in self.validator(schema).iter_errors(body)
        ]

    # --- responses -----------------------------------------------------------------------------
    def check_response(self, exchange: Exchange) -> list[Finding]:
        """Every way the answer of *exchange* departs from the curated spec."""
        if not exchange.operation:
            found = self.operation_of(exchange.method, exchange.url)
            if found is None:
                return [self._finding(exchange, "unknown_operation", "", "no operation matches")]
            exchange.operation = found[0]
        pointer = dict((op, ptr) for _, _, op, ptr in self._routes)[exchange.operation]
        responses = self.spec.operation(exchange.operation).get("responses", {})
        status = exchange.status
        # ``default`` documents the errors not listed; a success must be listed.
        codes = (str(status), f"{status // 100}XX") + (("default",) if status >= 400 else ())
        code = next((c for c in codes if c in responses), None)
        if code is None:
            documented = ", ".join(responses)
            detail = f"{status} (documented: {documented})"
            odd = [self._finding(exchange, "undocumented_status", "", detail)]
            media = exchange.response_headers.get("content-type", "").split(";")[0].strip()
            if media and "json" not in media:
                detail = f"{media}; body starts {_start(exchange)}"
                odd.append(self._finding(exchange, "unexpected_content_type", "", detail))
            return odd
        response = self._resolve(responses[code])
        findings = self._headers(exchange, response)
        content = response.get("content") or {}
        media = exchange.response_headers.get("content-type", "").split(";")[0].strip().lower()
        if not content:
            return findings
        if not any(_media_matches(media, documented) for documented in content):
            allowed = ", ".join(content)
            detail = f"{media or 'none'} (documented: {allowed}); body starts {_start(exchange)}"
            return [*findings, self._finding(exchange, "unexpected_content_type", "", detail)]
        if "json" not in media:
            return findings
        try:
            body = json.loads(exchange.response_body or b"")
        except ValueError as error:
            return [*findings, self._finding(exchange, "invalid_json", "", str(error))]
        media_key = next(m for m in content if _media_matches(media, m))
        if "schema" not in content[media_key]:
            return findings
        base = f"{pointer}/responses/{_escape(code)}"
        if "$ref" in responses[code]:
            base = responses[code]["$ref"].lstrip("#")
        schema_pointer = f"{base}/content/{_escape(media_key)}/schema"
        errors = list(self.validator(schema_pointer).iter_errors(body))
        findings += [f for error in errors for f in self._schema_findings(exchange, error)]
        schema = content[media_key]["schema"]
        findings += self._undeclared(exchange, body, schema, "", forbidden=_forbidden(errors))
        return _merge_renames(findings)

    def _headers(self, exchange: Exchange, response: dict[str, Any]) -> list[Finding]:
        present = {name.lower() for name in exchange.response_headers}
        return [
            self._finding(exchange, "missing_header", name, "a required header is absent")
            for name, header in (response.get("headers") or {}).items()
            if self._resolve(header).get("required") and name.lower() not in present
        ]

    def _schema_findings(self, exchange: Exchange, error: ValidationError) -> list[Finding]:
        where = _path(error.absolute_path)
        validator = str(error.validator)
        if validator in ("oneOf", "anyOf") and error.context:
            branches: dict[Any, list[ValidationError]] = {}
            for inner in error.context:
                branches.setdefault(inner.schema_path[0], []).append(inner)
            closest = min(branches.values(), key=len)
            return [f for inner in closest for f in self._schema_findings(exchange, inner)]
        if validator == "required":
            instance = error.instance if isinstance(error.instance, dict) else {}
            return [
                self._finding(exchange, "missing_field", _join(where, name), "required, absent")
                for name in list(error.validator_value or ())  # type: ignore[arg-type]
                if name not in instance
            ]
        if validator in ("additionalProperties", "unevaluatedProperties"):
            return []  # reported by `_undeclared`, which names each field
        kinds = {"type": "wrong_type", "enum": "unknown_enum", "const": "unknown_enum"}
        kind = kinds.get(validator, "invalid_value")
        return [self._finding(exchange, kind, where, _short(error.message))]

    def _undeclared(
        self, exchange: Exchange, value: Any, schema: Any, where: str, *, forbidden: set[str]
    ) -> list[Finding]:
        """Fields of *value* that *schema* does not declare (bounded by the value's depth)."""
        declared, children, items, open_ = self._shape(schema, depth=0)
        findings: list[Finding] = []
        if isinstance(value, dict) and (declared or not open_):
            for name, inner in value.items():
                field = _join(where, str(name))
                if name not in declared:
                    severity = "error" if field in forbidden or not open_ else "warning"
                    detail = "not declared by the schema" + (
                        "" if severity == "error" else " (it allows extra fields)"
                    )
                    findings.append(
                        self._finding(exchange, "unknown_field", field, detail, severity)
                    )
                elif name in children and len(where) < 2048:
                    findings += self._undeclared(
                        exchange, inner, children[name], field, forbidden=forbidden
                    )
        elif isinstance(value, list) and items is not None:
            for index, inner in enumerate(value[:100]):
                findings += self._undeclared(
                    exchange, inner, items, f"{where}[{index}]", forbidden=forbidden
                )
        return findings

    def _shape(self, schema: Any, depth: int) -> tuple[set[str], dict[str, Any], Any, bool]:
        """(declared names, name -> its schemas, the items schema, whether extra fields pass)."""
        schema = self._resolve(schema)
        if not isinstance(schema, dict) or depth > 16:
            return set(), {}, None, True
        properties = schema.get("properties") or {}
        declared = set(properties)
        children = dict(properties)
        items = schema.get("items")
        open_ = (
            schema.get("additionalProperties", True) is not False
            and schema.get("unevaluatedProperties", True) is not False
        )
        for keyword in ("allOf", "oneOf", "anyOf"):
            for branch in schema.get(keyword) or []:
                names, kids, branch_items, _ = self._shape(branch, depth + 1)
                declared |= names
                for name, kid in kids.items():
                    children.setdefault(name, kid)
                items = items if items is not None else branch_items
        if schema.get("patternProperties") or isinstance(schema.get("additionalProperties"), dict):
            return set(), children, items, True  # extra names are described: nothing to report
        return declared, children, items, open_

    def _finding(
        self, exchange: Exchange, kind: str, field: str, detail: str, severity: str = "error"
    ) -> Finding:
        return Finding(
            kind, exchange.operation or "?", field, detail, exchange.shown, exchange.status,
            "warning" if severity == "warning" else "error",
        )  # fmt: skip


def _forbidden(errors: list[ValidationError]) -> set[str]:
    """Fields an ``additionalProperties: false`` error names (they are errors, not warnings)."""
    names = set()
    for error in errors:
        if error.validator in ("additionalProperties", "unevaluatedProperties"):
            where = _path(error.absolute_path)
            if isinstance(error.instance, dict):
                names |= {_join(where, str(n)) for n in error.instance}
    return names


def _merge_renames(findings: list[Finding]) -> list[Finding]:
    """A missing required field beside one undeclared field of the same object: a rename."""
    merged = list(findings)
    for missing in [f for f in findings if f.kind == "missing_field"]:
        parent = missing.field.rpartition(".")[0]
        extra = [
            f for f in merged if f.kind == "unknown_field" and f.field.rpartition(".")[0] == parent
        ]
        if len(extra) == 1 and missing in merged:
            merged.remove(missing)
            merged.remove(extra[0])
            detail = f"{missing.field!r} is absent and {extra[0].field!r} appeared (renamed?)"
            merged.append(
                Finding(
                    "renamed_field", missing.operation, missing.field, detail, missing.request,
                    missing.status,
                )
            )  # fmt: skip
    return merged


def _media_matches(media: str, documented: str) -> bool:
    documented = documented.split(";")[0].strip().lower()
    if documented in ("*/*", media):
        return True
    return documented.endswith("/*") and media.startswith(documented[:-1])


def _path(parts: Any) -> str:
    text = ""
    for part in parts:
        text = f"{text}[{part}]" if isinstance(part, int) else _join(text, str(part))
    return text


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _start(exchange: Exchange) -> str:
    return repr(exchange.response_body[:40].decode("utf-8", "replace"))
