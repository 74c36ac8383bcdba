"""The curated spec each generated package ships (``openapi.json``), read at run time.

Every outgoing body is validated against the operation's JSON Schema before it is sent, so the
constraints the generated models ignore (array lengths, ranges, patterns, conditionals, mutual
exclusion) are still enforced. Validators are compiled once per operation.
"""

from __future__ import annotations

import json
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING, Any

from ._errors import InvalidRequestError

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

__all__ = ["CuratedSpec", "curated_spec"]

_SPEC_URI = "urn:seedance:spec"


class CuratedSpec:
    """One provider's curated OpenAPI document."""

    def __init__(self, provider: str, document: dict[str, Any]) -> None:
        self.provider = provider
        self.document = document

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

    def validate_body(self, operation_id: str, body: Any) -> None:
        """Raise `InvalidRequestError` naming the field, the value and what is allowed."""
        from jsonschema.exceptions import best_match

        error = best_match(self._validator(operation_id).iter_errors(body))
        if error is None:
            return
        where = [str(part) for part in error.absolute_path]
        value, allowed = error.instance, _allowed(error)
        if error.validator == "required":
            # Name the missing field itself, not the object that lacks it.
            missing = next(name for name in error.validator_value if name not in error.instance)
            where, value, allowed = [*where, missing], None, "a value (the field is required)"
        elif error.validator == "not" and "required" in error.validator_value:
            where = [*where, " + ".join(error.validator_value["required"])]
            value, allowed = "all set together", "at most one of them"
        raise InvalidRequestError(
            ".".join(where) or "(body)", value, allowed, provider=self.provider
        ) from None

    @cache  # noqa: B019  (one spec object per provider, kept for the process)
    def _validator(self, operation_id: str) -> Draft202012Validator:
        from jsonschema import Draft202012Validator
        from referencing import Registry
        from referencing.jsonschema import DRAFT202012

        pointer, operation = self._operations[operation_id]
        content = operation["requestBody"]["content"]
        media_type = "application/json" if "application/json" in content else next(iter(content))
        resource = DRAFT202012.create_resource(self.document)
        registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)
        schema_pointer = f"{pointer}/requestBody/content/{_escape(media_type)}/schema"
        return Draft202012Validator(
            {"$ref": f"{_SPEC_URI}#{schema_pointer}"},
            registry=registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,  # `uri` via rfc3986-validator
        )


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
    text = resources.files(package).joinpath("openapi.json").read_text(encoding="utf-8")
    return CuratedSpec(provider, json.loads(text))
