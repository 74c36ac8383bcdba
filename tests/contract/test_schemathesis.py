"""Each provider's simulator against its curated spec, by schemathesis.

For every provider with a simulator module and every operation of its curated spec, schemathesis
generates requests (explicit examples, coverage cases, then fuzzed positive and negative data),
sends them to the simulator's ASGI app in-process and runs all its default checks on the answers.
A stateful run per provider then follows the curated spec's OpenAPI links (create -> get), so the
ids the simulator hands out flow into the next call while its clock moves the jobs along.

SEEDANCE_SCHEMATHESIS_EXAMPLES sets the fuzzed examples per operation and the stateful scenarios
per provider (default 10); SEEDANCE_SCHEMATHESIS_SEED the seed (default 20261121).
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis import Case, Config
from schemathesis.generation.stateful.state_machine import StepInput, StepOutput
from schemathesis.schemas import BaseSchema

from seedance.testing import ManualClock, Simulator

from .conftest import (
    API_KEY,
    LINKED_STEPS,
    SCHEMATHESIS_CASES,
    STATEFUL_STEPS,
    simulated_providers,
)

EXAMPLES = int(os.environ.get("SEEDANCE_SCHEMATHESIS_EXAMPLES", "10"))
SEED = int(os.environ.get("SEEDANCE_SCHEMATHESIS_SEED", "20261121"))
STEPS_PER_SCENARIO = 6
# Simulator seconds between two stateful steps: a job is queued, running, then finished.
STEP_SECONDS = 16.0
HTTP_METHODS = ("get", "put", "post", "delete", "patch")

PROVIDERS = simulated_providers()


def simulator(provider: str, clock: ManualClock | None = None) -> Simulator:
    """A simulator that only knows our key (so a wrong one is refused) and never rate-limits."""
    return Simulator(provider, clock=clock, rate_limits=False, api_keys=(API_KEY,))


def load(sim: Simulator) -> BaseSchema:
    """The curated spec as a schemathesis schema whose requests reach *sim* in-process."""
    config = Config.from_dict(
        {
            "seed": SEED,
            "generation": {"max-examples": EXAMPLES, "database": "none"},
            # Only the links the curated spec declares: the inferred ones guess wrongly here
            # (a job id into Genray's numeric upscale id, none at all for nested ids).
            "phases": {"stateful": {"inference": {"algorithms": []}}},
        }
    )
    # schemathesis writes into the document it loads; the simulator's copy is shared.
    schema = schemathesis.openapi.from_dict(copy.deepcopy(sim.spec.document), config=config)
    schema.app = sim.app
    return schema


SIMULATORS = {provider: simulator(provider) for provider in PROVIDERS}
PROVIDER_OF_APP = {id(sim.app): provider for provider, sim in SIMULATORS.items()}


def authorization(api_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {api_key}"}


# The key is a pytest parameter rather than a schemathesis header so that each item has its own
# node id: with pytest 9.2, schemathesis 4.32.5 gives every item of an unparametrized test the
# same one (`...::test_simulator_answers_as_its_spec_says`).
@pytest.mark.parametrize("api_key", [API_KEY])
@schemathesis.pytest.parametrize(**{name: load(sim) for name, sim in SIMULATORS.items()})
def test_simulator_answers_as_its_spec_says(case: Case[Any], api_key: str) -> None:
    provider = PROVIDER_OF_APP[id(case.operation.app)]
    SCHEMATHESIS_CASES[f"{provider} {case.operation.label}"] += 1
    case.call_and_validate(headers=authorization(api_key))


# --- stateful: create -> get along the curated spec's links ----------------------------------
@dataclass(frozen=True)
class Link:
    """One OpenAPI link of a curated spec."""

    operation_id: str
    status: str
    name: str
    target: str
    parameters: dict[str, Any]

    def __str__(self) -> str:
        return f"{self.operation_id} {self.status} --{self.name}--> {self.target} {self.parameters}"


def declared_links(document: dict[str, Any]) -> Iterator[Link]:
    for item in document.get("paths", {}).values():
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            for status, response in operation.get("responses", {}).items():
                response = _resolve(document, response)
                for name, link in (response.get("links") or {}).items():
                    link = _resolve(document, link)
                    target = link.get("operationId") or link.get("operationRef", "")
                    yield Link(
                        operation["operationId"], status, name, target, link.get("parameters", {})
                    )


def _resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        for token in node["$ref"].lstrip("#/").split("/"):
            document = document[token.replace("~1", "/").replace("~0", "~")]
        node = document
    return node


@pytest.mark.parametrize("provider", PROVIDERS)
def test_stateful_ids_flow_from_create_to_get(provider: str) -> None:
    clock = ManualClock()
    sim = simulator(provider, clock)
    links = [str(link) for link in declared_links(sim.spec.document)]
    if not links:
        pytest.xfail(f"the curated {provider} spec declares no OpenAPI links (create -> get)")
    issued: set[str] = set()
    followed: list[tuple[str, str, int]] = []

    class Machine(load(sim).as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: Case[Any]) -> dict[str, Any]:
            return {"headers": authorization(API_KEY)}

        def step(self, input: StepInput) -> StepOutput:
            output: StepOutput = super().step(input)
            STATEFUL_STEPS[provider] += 1
            issued.update(sim.jobs)
            if input.transition is not None and input.is_applied:
                LINKED_STEPS[provider] += 1
                ids = [str(value) for value in (input.case.path_parameters or {}).values()]
                job_id = ids[0] if ids else ""
                followed.append((input.transition.id, job_id, output.response.status_code))
            clock.advance(STEP_SECONDS)
            return output

    hypothesis.seed(SEED)(Machine)
    Machine.run(
        settings=hypothesis.settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS_PER_SCENARIO,
            deadline=None,
            database=None,
        )
    )
    # Each step along a link sent an id the simulator had issued, and some found their job.
    assert followed, f"no scenario followed any of {links}"
    assert all(job_id in issued for _, job_id, _ in followed), followed
    assert any(200 <= status < 300 for *_, status in followed), followed
