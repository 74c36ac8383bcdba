"""The curated spec each generated package ships (``openapi.json``), read at run time.

Every outgoing body is validated against the operation's JSON Schema before it is sent, so the
constraints the generated models ignore (array lengths, ranges, patterns, conditionals, mutual
exclusion) are still enforced. Validators are compiled once per operation (or schema).

Two validators share each schema. The fast one, `jsonschema_rs` (Draft 2020-12 compiled to
native code, a few microseconds a body), decides whether a body is valid. Only when it says no,
or where it is not installed (no wheel for the platform), or for a value that is not plain JSON
(a tuple, a set, NaN, a float beyond 2**53: `jsonschema_rs` reads those differently), does the
reference validator run: `jsonschema`, whose best error names the field, the value and what is
allowed. Both check the same formats with the same functions (`FORMATS`); every other format is
an annotation to both. ``tests/facade/test_validation_parity.py`` proves the two give the same
verdict on every documented body, every test profile and thousands of mutations of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from ._config import logger
from ._errors import InvalidRequestError, Problem

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

__all__ = ["FORMATS", "CuratedSpec", "curated_spec"]

_SPEC_URI = "urn:seedance:spec"


@cache
def _rfc3986(rule: str) -> Callable[[str], object]:
    # Imported on first use: compiling its expressions takes ~18 ms, and only Genray, Siray and
    # Siraya have `format: uri` fields.
    from rfc3986_validator import validate_rfc3986  # type: ignore[import-untyped]

    return lambda value: validate_rfc3986(value, rule=rule)


def _uri(value: object) -> bool:
    """``format: uri``: RFC 3986, as jsonschema checks it with rfc3986-validator installed."""
    return not isinstance(value, str) or bool(_rfc3986("URI")(value))


def _uri_reference(value: object) -> bool:
    """``format: uri-reference``: an RFC 3986 URI or relative reference."""
    return not isinstance(value, str) or bool(_rfc3986("URI_reference")(value))


FORMATS: dict[str, Callable[[object], bool]] = {"uri": _uri, "uri-reference": _uri_reference}
"""The formats both validators check, and how; any other ``format`` is only an annotation."""


class CuratedSpec:
    """One provider's curated OpenAPI document."""

    def __init__(self, provider: str, document: dict[str, Any]) -> None:
        self.provider = provider
        self.document = document
        self._checks: dict[str, SchemaCheck] = {}
        self._body_checks: dict[str, SchemaCheck] = {}

    @cached_property
    def _operations(self) -> dict[str, tuple[str, dict[str, Any]]]:
        found = {}
        for path, item in self.document.get("paths", {}).items():
            for method, operation in item.items():
                if isinstance(operation, dict) and "operationId" in operation:
                    pointer = f"/paths/{_escape(path)}/{method}"
                    found[operation["operationId"]] = (pointer, operation)
        return found

    def operation(self, operation_id: str) -> dict[str, Any]:
        return self._operations[operation_id][1]

    def schema(self, name: str) -> dict[str, Any]:
        schema: dict[str, Any] = self.document["components"]["schemas"][name]
        return schema

    def property_schema(self, schema: str, name: str) -> dict[str, Any]:
        """A property of a named schema, with a ``$ref`` to a named schema followed."""
        prop: dict[str, Any] = self.schema(schema)["properties"][name]
        if "$ref" in prop:
            return self.schema(prop["$ref"].rsplit("/", 1)[1])
        return prop

    def enum(self, schema: str, name: str) -> tuple[Any, ...]:
        return tuple(self.property_schema(schema, name)["enum"])

    def bounds(self, schema: str, name: str) -> tuple[Any, Any]:
        prop = self.property_schema(schema, name)
        return prop.get("minimum"), prop.get("maximum")

    def max_items(self, schema: str, name: str) -> int:
        return int(self.property_schema(schema, name)["maxItems"])

    def polling_interval(self, operation_id: str) -> dict[str, float]:
        """The ``x-polling-interval-seconds`` guidance of an operation ({} when none)."""
        guidance: dict[str, float] = self.operation(operation_id).get(
            "x-polling-interval-seconds", {}
        )
        return guidance

    def validate_body(self, operation_id: str, body: Any, *, plain: bool = False) -> None:
        """Raise `InvalidRequestError` naming the field, the value and what is allowed.

        *plain* vouches that *body* holds nothing but dicts, lists, text, integers, booleans and
        None (an adapter's own body does), so that it need not be looked through for other types.
        """
        check = self.body_check(operation_id)
        error: Any = check.error(body, plain=plain)
        if error is None:
            return
        # Every problem at once (the best match first), so a request is fixed in one go.
        found: dict[tuple[str, str, str], Problem] = {}
        for item in [error, *check.reference.iter_errors(body)]:
            for problem in _problems(item):
                found.setdefault((problem.field, repr(problem.value), problem.allowed), problem)
        problems = tuple(found.values())
        raise InvalidRequestError(*problems[0], provider=self.provider, problems=problems) from None

    def body_check(self, operation_id: str) -> SchemaCheck:
        """The validators of an operation's JSON request body (compiled on first use)."""
        check = self._body_checks.get(operation_id)
        if check is None:
            pointer, operation = self._operations[operation_id]
            content = operation["requestBody"]["content"]
            json_body = "application/json" if "application/json" in content else next(iter(content))
            pointer = f"{pointer}/requestBody/content/{_escape(json_body)}/schema"
            check = self._body_checks[operation_id] = self._check(pointer)
        return check

    def schema_check(self, name: str) -> SchemaCheck:
        """The validators of a named schema (``components/schemas/<name>``)."""
        return self._check(f"/components/schemas/{_escape(name)}")

    def _check(self, pointer: str) -> SchemaCheck:
        check = self._checks.get(pointer)
        if check is None:
            check = self._checks[pointer] = SchemaCheck(self, pointer)
        return check


def _problems(error: Any) -> list[Problem]:
    """The field, value and what is allowed, from a `jsonschema` validation error."""
    where = [str(part) for part in error.absolute_path]
    if error.validator == "required":
        # Name each missing field itself, not the object that lacks it.
        missing = [name for name in error.validator_value if name not in error.instance]
        allowed = "a value (the field is required)"
        return [Problem(".".join([*where, name]), None, allowed) for name in missing]
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        # Name each unknown field itself (a closed body, e.g. Replicate's), not the whole object.
        known = sorted(error.schema.get("properties", {}))
        allowed = "no such field; known: " + ", ".join(known) if known else "no fields"
        unknown = [name for name in error.instance if name not in known]
        return [
            Problem(".".join([*where, name]), error.instance[name], allowed) for name in unknown
        ]
    value, allowed = error.instance, _allowed(error)
    if error.validator == "not" and "required" in error.validator_value:
        where = [*where, " + ".join(error.validator_value["required"])]
        value, allowed = "all set together", "at most one of them"
    return [Problem(".".join(where) or "(body)", value, allowed)]


class SchemaCheck:
    """One schema of a curated spec, with its fast and its reference validator."""

    def __init__(self, spec: CuratedSpec, pointer: str) -> None:
        self.spec = spec
        self.pointer = pointer
        self.fast: Any = _compile_fast(spec.document, pointer)
        """A `jsonschema_rs` validator, or None where that package is not installed."""

    def error(self, value: Any, *, plain: bool = False) -> ValidationError | None:
        """The best error of *value* against the schema, or None when it is valid."""
        fast = self.fast
        if fast is not None and (plain or _plain(value)):
            try:
                if fast.is_valid(value):
                    return None
            except Exception:  # anything odd (a lone surrogate, ...): the reference decides
                pass
        from jsonschema.exceptions import best_match

        found: ValidationError | None = best_match(self.reference.iter_errors(value))
        return found

    @cached_property
    def reference(self) -> Draft202012Validator:
        """The `jsonschema` validator: the reference, and the one that explains a failure."""
        from jsonschema import Draft202012Validator, FormatChecker
        from referencing import Registry
        from referencing.jsonschema import DRAFT202012

        resource = DRAFT202012.create_resource(self.spec.document)
        registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)
        checker = FormatChecker(formats=())
        for name, check in FORMATS.items():
            checker.checks(name)(check)
        return Draft202012Validator(
            {"$ref": f"{_SPEC_URI}#{self.pointer}"}, registry=registry, format_checker=checker
        )


def _compile_fast(document: dict[str, Any], pointer: str) -> Any:
    try:
        import jsonschema_rs
    except ImportError:  # no wheel for this platform: the reference validator does it all
        return None
    # Formats outside FORMATS are annotations to the reference validator: make them so here too
    # (jsonschema_rs would otherwise check the ones it knows, such as date-time or email).
    formats = {name: FORMATS.get(name, _annotation) for name in _format_names(document)}
    try:
        registry = jsonschema_rs.Registry([(_SPEC_URI, document)], draft=jsonschema_rs.Draft202012)
        return jsonschema_rs.Draft202012Validator(
            {"$ref": f"{_SPEC_URI}#{pointer}"},
            registry=registry,
            formats=formats,
            validate_formats=True,
        )
    except Exception as error:  # a version whose API moved, a schema it cannot compile
        logger.warning(
            "jsonschema_rs cannot compile %s (%s); jsonschema validates it", pointer, error
        )
        return None


def _annotation(value: object) -> bool:
    return True


def _format_names(document: Any) -> set[str]:
    """Every ``format`` value anywhere in *document* (a superset of the schemas' formats)."""
    found: set[str] = set()
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("format"), str):
                found.add(node["format"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


_EXACT_FLOAT = 2.0**53


def _plain(value: Any) -> bool:
    """Whether *value* is JSON as `json.loads` makes it, which both validators read alike: dicts
    with text keys, lists, text, integers, booleans, None, and finite floats below 2**53."""
    stack = [value]
    pop, push = stack.pop, stack.extend
    while stack:
        item = pop()
        kind = type(item)
        if kind is str or kind is int or kind is bool or item is None:
            continue
        if kind is dict:
            for key in item:
                if type(key) is not str:
                    return False
            push(item.values())
        elif kind is list:
            push(item)
        elif kind is not float or not -_EXACT_FLOAT < item < _EXACT_FLOAT:  # NaN fails too
            return False
    return True


_ALLOWED = {
    "const": "{!r}",
    "minimum": "at least {}",
    "maximum": "at most {}",
    "minItems": "at least {} item(s)",
    "maxItems": "at most {} item(s)",
    "minLength": "at least {} character(s)",
    "maxLength": "at most {} character(s)",
    "pattern": "text matching {}",
    "type": "a value of type {}",
    "format": "a valid {}",
    "dependentRequired": "these fields together: {}",
    "not": "not this combination of fields",
}


def _allowed(error: Any) -> str:
    """Say what the failed keyword allows, in words."""
    keyword, value = error.validator, error.validator_value
    if keyword == "enum":
        return "one of " + ", ".join(repr(item) for item in value)
    if keyword == "required":
        return "these fields present: " + ", ".join(value)
    template = _ALLOWED.get(keyword)
    return template.format(value) if template else str(error.message)


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


@cache
def curated_spec(provider: str, package: str) -> CuratedSpec:
    """Load the curated spec shipped in a generated package (once per process)."""
    from importlib import resources  # on first use: `import seedance` stays light

    text = resources.files(package).joinpath("openapi.json").read_text(encoding="utf-8")
    return CuratedSpec(provider, json.loads(text))
