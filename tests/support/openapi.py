"""Reading curated specs in tests: operations, request body schemas and JSON Schema validators."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from pipeline import ROOT, Provider, load_yaml

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SPEC_URI = "urn:seedance:spec"


@dataclass(frozen=True)
class Operation:
    """One operation of a curated spec, with where it lives in the document."""

    method: str
    path: str
    definition: dict[str, Any]
    pointer: str
    is_webhook: bool = False

    @property
    def operation_id(self) -> str:
        return str(self.definition.get("operationId", ""))

    def json_body_pointer(self) -> str | None:
        content = self.definition.get("requestBody", {}).get("content", {})
        if "application/json" not in content:
            return None
        return f"{self.pointer}/requestBody/content/application~1json/schema"


@cache
def curated(provider: Provider) -> Any:
    return load_yaml(ROOT / provider.curated)


def operations(document: Any) -> Iterator[Operation]:
    for section, is_webhook in (("paths", False), ("webhooks", True)):
        for path, item in (document.get(section) or {}).items():
            for method in HTTP_METHODS:
                if method in item:
                    pointer = f"#/{section}/{escape(path)}/{method}"
                    yield Operation(method, path, item[method], pointer, is_webhook)


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def resolve(document: Any, pointer: str) -> Any:
    node = document
    for token in pointer.lstrip("#").split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def validator(document: Any, pointer: str) -> Draft202012Validator:
    """A JSON Schema 2020-12 validator for the schema at *pointer*, resolving the spec's $refs."""
    resource = DRAFT202012.create_resource(document)
    registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
    return Draft202012Validator({"$ref": f"{SPEC_URI}{pointer}"}, registry=registry)


def request_validator(provider: Provider, operation_id: str) -> Draft202012Validator:
    document = curated(provider)
    for operation in operations(document):
        if operation.operation_id == operation_id:
            pointer = operation.json_body_pointer()
            assert pointer, f"{provider.name}.{operation_id} has no JSON request body"
            return validator(document, pointer)
    raise LookupError(f"{provider.name} has no operation {operation_id!r}")
