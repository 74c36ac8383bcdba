"""Request bodies generated from the curated specs survive the generated models unchanged.

For every operation with a JSON body, schemathesis generates bodies from the curated spec; each one
goes through the generated client's own body type (`from_dict`), back out (`to_dict`) and through
the operation's request builder, and must come out exactly as it went in. The number of examples
per operation is SEEDANCE_PROPERTY_EXAMPLES (default 200) and the seed SEEDANCE_PROPERTY_SEED.
"""

from __future__ import annotations

import importlib
import os
import typing
from types import ModuleType, UnionType
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, assume, given, seed, settings
from schemathesis import GenerationMode

from conftest import PROVIDERS
from pipeline import Provider
from support.counters import PROPERTY_CASES
from support.openapi import curated, operations

EXAMPLES = int(os.environ.get("SEEDANCE_PROPERTY_EXAMPLES", "200"))
SEED = int(os.environ.get("SEEDANCE_PROPERTY_SEED", "20261121"))


def json_body_operations() -> list[tuple[Provider, str, str, str]]:
    found = []
    for provider in PROVIDERS:
        for operation in operations(curated(provider)):
            if operation.json_body_pointer() and not operation.is_webhook:
                tag = operation.definition["tags"][0]
                found.append((provider, operation.method, operation.path, f"{tag}.{operation.operation_id}"))
    return found


def api_module(provider: Provider, dotted: str) -> ModuleType:
    tag, operation_id = dotted.split(".")
    return importlib.import_module(f"{provider.package}.api.{_snake(tag)}.{operation_id}")


def _snake(name: str) -> str:
    return name.replace("-", "_").replace(" ", "_").lower()


def json_body_type(module: ModuleType) -> Any:
    """The attrs class the generated request builder takes as its JSON `body`."""
    hint = typing.get_type_hints(module._get_kwargs)["body"]
    candidates = typing.get_args(hint) if isinstance(hint, UnionType) or typing.get_origin(hint) is typing.Union else (hint,)
    for candidate in candidates:
        if hasattr(candidate, "from_dict") and not hasattr(candidate, "to_multipart"):
            return candidate
    raise AssertionError(f"{module.__name__} has no JSON body model among {candidates}")


CASES = json_body_operations()


@pytest.mark.parametrize(
    ("provider", "method", "path", "dotted"),
    CASES,
    ids=[f"{case[0].name}.{case[3].split('.')[1]}" for case in CASES],
)
def test_generated_bodies_round_trip_through_the_generated_model(
    provider: Provider, method: str, path: str, dotted: str
) -> None:
    schema = schemathesis.openapi.from_dict(curated(provider))
    operation = schema[path][method.upper()]
    module = api_module(provider, dotted)
    model = json_body_type(module)
    path_parameters = {name: "1" for name in _path_parameter_names(path)}

    @seed(SEED)
    @settings(
        max_examples=EXAMPLES,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
    def round_trip(case: Any) -> None:
        body = case.body
        # An optional request body may be left out; there is nothing to round-trip then.
        assume(isinstance(body, dict))
        parsed = model.from_dict(body)
        assert parsed.to_dict() == body
        sent = module._get_kwargs(**path_parameters, body=parsed)["json"]
        assert sent == body
        PROPERTY_CASES[f"{provider.name}.{dotted}"] += 1

    round_trip()
    assert PROPERTY_CASES[f"{provider.name}.{dotted}"] > 0


def _path_parameter_names(path: str) -> list[str]:
    return [part[1:-1] for part in path.split("/") if part.startswith("{") and part.endswith("}")]


def test_every_json_request_body_is_covered() -> None:
    assert {case[0].name for case in CASES} == {provider.name for provider in PROVIDERS}
