"""Each provider's simulator against its curated spec, by schemathesis.

For every provider with a simulator module and every operation of its curated spec, schemathesis
generates requests (explicit examples, coverage cases, then fuzzed positive and negative data),
sends them to the simulator's ASGI app in-process and runs every built-in check on the answers
(`CHECKS`: all on, auth included, bar the one ModelArk's documented cancel contradicts) and
`documented_401`. A stateful run per provider then follows the curated spec's OpenAPI links
(create -> get, and ModelArk's create -> delete), so the ids the simulator hands out flow into the
next call while its clock moves the jobs along.

Authentication: each simulator lets in only `API_KEY`. Schemathesis' `ignored_auth` sends every
request that got a 2xx again without a key and with a wrong one, and fails unless those are
refused (401 or 403); `documented_401` holds them to the 401 the curated spec documents, in the
provider's error envelope. `test_the_auth_checks_catch_a_simulator_that_lets_any_key_in` shows
the check is live.

SEEDANCE_SCHEMATHESIS_EXAMPLES sets the fuzzed examples per operation and the stateful scenarios
per provider (default 10); SEEDANCE_SCHEMATHESIS_SEED the seed (default 20261121).
"""

from __future__ import annotations

import copy
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import hypothesis
import pytest
import schemathesis
from schemathesis import Case, Config, Response
from schemathesis.checks import CheckContext
from schemathesis.core.failures import CustomFailure, FailureGroup
from schemathesis.generation.stateful.state_machine import StepInput, StepOutput
from schemathesis.openapi.checks import IgnoredAuth
from schemathesis.schemas import BaseSchema
from simulator.conftest import profile_of

from seedance.adapters import adapter
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
# Simulator seconds between two stateful steps, and a job's queue and run times: a step after a
# create finds the job queued, the next one running, the one after finished (so ModelArk's
# DELETE meets each of its three answers).
STEP_SECONDS = 16.0
QUEUE_SECONDS = RUN_SECONDS = 20.0
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
WRONG_KEY = "sk_test_wrong"

PROVIDERS = simulated_providers()

# Every built-in check, named, so that none is off by accident.
CHECKS: dict[str, dict[str, Any]] = {
    name: {"enabled": True}
    for name in (
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "response_headers_conformance",
        "positive_data_acceptance",
        "negative_data_rejection",
        "missing_required_header",
        "unsupported_method",
        "allow_header_conformance",
        "use_after_free",
        "ensure_resource_availability",
        # A 2xx answer is sent again without a key and with a wrong one: both must be refused.
        "ignored_auth",
        # Inert here: it compares several identities, which only a WFC auth document declares.
        # test_auth.py's test_a_key_sees_only_its_own_jobs checks what it would.
        "object_level_authorization",
    )
}
CHECKS_OFF: dict[str, dict[str, str]] = {
    "modelark": {
        # use_after_free wants every read after a successful DELETE to be a 404. ModelArk's
        # DELETE (specs/modelark/openapi.yaml, delete_task) cancels a queued task and keeps its
        # record, which get_task then shows as `cancelled`; only a succeeded, failed or expired
        # task's record is deleted. `ModelArkCancel` checks that contract in the stateful run
        # instead (and ensure_resource_availability still sees a deleted record's 404 as deleted).
        "use_after_free": "ModelArk's DELETE cancels a queued task and keeps its record",
    },
}
# Volcengine Ark serves ModelArk's API (its spec extends ModelArk's curated spec): the same DELETE.
ARK = ("modelark", "volcengine")
CHECKS_OFF["volcengine"] = CHECKS_OFF["modelark"]


def simulator(provider: str, clock: ManualClock | None = None) -> Simulator:
    """A simulator that only knows our key (so a wrong one is refused) and never rate-limits."""
    return Simulator(
        provider, clock=clock, rate_limits=False, api_keys=(API_KEY,),
        queue_seconds=QUEUE_SECONDS, run_seconds=RUN_SECONDS,
    )  # fmt: skip


def checks_for(provider: str) -> dict[str, dict[str, Any]]:
    off = CHECKS_OFF.get(provider, {})
    return {name: {"enabled": name not in off} for name in CHECKS}


def load(sim: Simulator) -> BaseSchema:
    """The curated spec as a schemathesis schema whose requests reach *sim* in-process."""
    config = Config.from_dict(
        {
            "seed": SEED,
            "generation": {"max-examples": EXAMPLES, "database": "none"},
            # Only the links the curated spec declares: the inferred ones guess wrongly here
            # (a job id into Genray's numeric upscale id, none at all for nested ids).
            "phases": {"stateful": {"inference": {"algorithms": []}}},
            "checks": checks_for(sim.provider),
        }
    )
    # schemathesis writes into the document it loads; the simulator's copy is shared.
    schema = schemathesis.openapi.from_dict(copy.deepcopy(sim.spec.document), config=config)
    schema.app = sim.app
    return schema


SIMULATORS = {provider: simulator(provider) for provider in PROVIDERS}
PROVIDER_OF_APP = {id(sim.app): provider for provider, sim in SIMULATORS.items()}


def authorization(provider: str, api_key: str) -> dict[str, str]:
    """*api_key* in the scheme the provider's client sends it (``Bearer``; fal's ``Key``)."""
    return {"Authorization": f"{adapter(provider).auth_scheme} {api_key}"}


# The operations whose 401 was checked, per simulator app: once each is enough.
REFUSED: set[tuple[int, str]] = set()


def documented_401(ctx: CheckContext, response: Response, case: Case[Any]) -> bool | None:
    """Stricter than ignored_auth: a request that got a 2xx, sent without a key and with a wrong
    one, gets a 401 (not a 403) with a body the curated spec documents for the operation."""
    done = (id(case.operation.app), case.operation.label)
    if not 200 <= response.status_code < 300 or done in REFUSED:
        return None
    REFUSED.add(done)
    headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
    keyless = case.operation.Case(
        path_parameters=case.path_parameters, query=case.query, cookies=case.cookies,
        headers=headers, body=case.body, media_type=case.media_type,
    )  # fmt: skip
    # The wrong key goes in the scheme of the one that got in: a key in another scheme is no
    # key at all to a provider (fal reads only `Key <key>`), which proves nothing.
    given = response.request.headers.get("Authorization", "Bearer")
    scheme = (given.decode() if isinstance(given, bytes) else given).partition(" ")[0]
    wrong = {"Authorization": f"{scheme} {WRONG_KEY}"}
    for how, sent in (("no key", {}), ("a wrong key", wrong)):
        refused = keyless.call(headers=sent)
        assert refused.status_code == 401, (
            f"{case.operation.label} with {how}: {refused.status_code} {refused.text[:200]}"
        )
        case.operation.validate_response(refused)
    return True


# The key is a pytest parameter rather than a schemathesis header so that each item has its own
# node id: with pytest 9.2, schemathesis 4.32.5 gives every item of an unparametrized test the
# same one (`...::test_simulator_answers_as_its_spec_says`).
@pytest.mark.parametrize("api_key", [API_KEY])
@schemathesis.pytest.parametrize(**{name: load(sim) for name, sim in SIMULATORS.items()})
def test_simulator_answers_as_its_spec_says(case: Case[Any], api_key: str) -> None:
    provider = PROVIDER_OF_APP[id(case.operation.app)]
    SCHEMATHESIS_CASES[f"{provider} {case.operation.label}"] += 1
    headers = {} if key_left_out(case) else authorization(provider, api_key)
    case.call_and_validate(headers=headers, additional_checks=[documented_401])


def key_left_out(case: Case[Any]) -> bool:
    """Whether schemathesis left out the key of a negative case on purpose: the header of an
    apiKey scheme (fal's ``Authorization: Key <key>``) is a header parameter to it, so a negative
    case may lack it, and our key would undo that mutation (a Bearer key is no parameter)."""
    if case.meta is None or not case.meta.generation.mode.is_negative:
        return False
    keys = {
        parameter.name.lower()
        for parameter in case.operation.security.iter_parameters()
        if parameter.scheme_type == "apiKey" and parameter.location == "header"
    }
    return bool(keys) and not keys & {name.lower() for name in case.headers or {}}


@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_auth_checks_catch_a_simulator_that_lets_any_key_in(provider: str) -> None:
    """The documented create, sent with our key: all checks pass on the suite's simulator; on one
    that lets any key in (no ``api_keys``), documented_401 fails it, and so does ignored_auth
    where the key is an http scheme's (Bearer)."""
    profile = profile_of(provider)
    method, path = profile.create

    def documented_create(sim: Simulator) -> Case[Any]:
        operation = load(sim)[path][method]
        return operation.Case(body=dict(profile.expected_body), media_type="application/json")

    strict = simulator(provider)
    response = documented_create(strict).call_and_validate(
        headers=authorization(provider, API_KEY), additional_checks=[documented_401]
    )
    assert response.status_code < 300
    lax = Simulator(provider, rate_limits=False)
    with pytest.raises(FailureGroup) as caught:
        documented_create(lax).call_and_validate(
            headers=authorization(provider, API_KEY), additional_checks=[documented_401]
        )
    failures = caught.value.exceptions
    # documented_401 sends a wrong key in the provider's own scheme: the lax simulator takes it.
    assert any(isinstance(f, CustomFailure) and "documented_401" in str(f) for f in failures)
    # ignored_auth sends a wrong key in the scheme of an http security scheme (Bearer), but a bare
    # value for an apiKey header (fal's `Key <key>`), which even a lax simulator refuses.
    in_scheme = http_auth_only(lax)
    assert any(isinstance(failure, IgnoredAuth) for failure in failures) is in_scheme
    assert lax.counters["creates_accepted"] == 2 + in_scheme  # ours, and each wrong key let in


def http_auth_only(sim: Simulator) -> bool:
    """Whether every security scheme of *sim*'s curated spec is an http one (Bearer, Basic)."""
    schemes = sim.spec.document.get("components", {}).get("securitySchemes", {}).values()
    return {scheme.get("type") for scheme in schemes} == {"http"}


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


TASKS = "/contents/generations/tasks"


class ModelArkCancel:
    """What ModelArk's DELETE does, by the task's status when it comes (the curated spec's
    delete_task): a queued task is cancelled and its record kept; a succeeded, failed or expired
    task's record is deleted; a running or cancelled one is refused with a 409."""

    # status before -> (the DELETE's status, then get_task's status and the task's status)
    EXPECTED: ClassVar[dict[str, tuple[int, int, str | None]]] = {
        "queued": (200, 200, "cancelled"),
        "succeeded": (200, 404, None),
        "failed": (200, 404, None),
        "expired": (200, 404, None),
        "running": (409, 200, "running"),
        "cancelled": (409, 200, "cancelled"),
    }

    def __init__(self, sim: Simulator) -> None:
        self.http = sim.http_client()
        self.key = authorization(sim.provider, API_KEY)
        self.checked: Counter[str] = Counter()

    def status(self, task_id: str) -> tuple[int, str | None]:
        response = self.http.get(f"{TASKS}/{task_id}", headers=self.key)
        return response.status_code, response.json().get("status") if response.is_success else None

    def before(self, case: Case[Any], issued: set[str]) -> str | None:
        """The status of the task a DELETE along a link is about to reach, else None."""
        task_id = str((case.path_parameters or {}).get("id", ""))
        if case.operation.label != f"DELETE {TASKS}/{{id}}" or task_id not in issued:
            return None
        code, status = self.status(task_id)
        return status if code == 200 else None

    def after(self, case: Case[Any], response: Response, before: str) -> None:
        if response.request.headers.get("Authorization") != self.key["Authorization"]:
            assert response.status_code == 401  # schemathesis sent a key of its own making
            return
        deleted, code, status = self.EXPECTED[before]
        task_id = str((case.path_parameters or {}).get("id"))
        assert response.status_code == deleted, (before, response.status_code, response.text)
        assert self.status(task_id) == (code, status), (before, task_id)
        self.checked[before] += 1


@pytest.mark.parametrize("provider", PROVIDERS)
def test_stateful_ids_flow_from_create_to_get(provider: str) -> None:
    clock = ManualClock()
    sim = simulator(provider, clock)
    links = [str(link) for link in declared_links(sim.spec.document)]
    if not links:
        pytest.skip(f"the curated {provider} spec declares no OpenAPI links (create -> get)")
    issued: set[str] = set()
    followed: list[tuple[str, str, int]] = []
    cancel = ModelArkCancel(sim) if provider in ARK else None

    class Machine(load(sim).as_state_machine()):  # type: ignore[misc]
        def get_call_kwargs(self, case: Case[Any]) -> dict[str, Any]:
            return {"headers": authorization(provider, API_KEY)}

        def validate_response(
            self,
            response: Response,
            case: Case[Any],
            additional_checks: list[Any] | None = None,
            **kwargs: Any,
        ) -> None:
            checks = [*(additional_checks or []), documented_401]
            super().validate_response(response, case, checks, **kwargs)

        def step(self, input: StepInput) -> StepOutput:
            before = cancel.before(input.case, issued) if cancel else None
            output: StepOutput = super().step(input)
            if cancel and before:
                cancel.after(input.case, output.response, before)
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
    if cancel is not None:
        cancel.http.close()
        print(f"ModelArk DELETEs checked, by the task's status before: {dict(cancel.checked)}")
        assert cancel.checked["queued"], "no DELETE met a queued task: the cancel went unchecked"
