"""`verify`: the free probes of a provider's curated spec, each answer checked against it.

Nothing here can start a paid job: the create probe sends an empty body, which every curated
create schema refuses; a provider that accepts it anyway is reported (and the run says a job may
have been created). `--spend` (`run_spend`) is the only path that creates jobs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from .._config import resolve_api_key, resolve_base_url
from .._redact import redact, register_secret
from .._spec import CuratedSpec, curated_spec
from ..adapters import adapter
from ._check import SpecChecker
from ._findings import Exchange, Finding
from ._verify_exchange import exchange_of

__all__ = ["EXIT_DRIFT", "Probe", "VerifyResult", "exchange_of", "probes", "verify"]

EXIT_DRIFT = 13
WRONG_KEY = "sk-seedance-verify-not-a-real-key-000000"
UNKNOWN_ID = "00000000-0000-4000-8000-0000000000ff"
_AUTH_STATUSES = (401, 403)


@dataclass(frozen=True)
class Probe:
    """One free request: what it sends, and the statuses that mean the documented behaviour."""

    name: str
    operation: str
    method: str
    path: str
    expect: tuple[int, ...]
    body: Any = None
    wrong_key: bool = False
    accepted_is_spend: bool = False


@dataclass
class VerifyResult:
    """Everything a run saw: each exchange with its findings, and why it stopped, if it did."""

    provider: str
    base_url: str
    exchanges: list[Exchange] = field(default_factory=list)
    problem: str | None = None
    """Why the run could not go on (a refused key, no connection), shown as one line."""
    problem_code: int = 0
    spend: Any = None
    """The `SpendResult` of ``--spend``, if asked for."""

    @property
    def findings(self) -> list[Finding]:
        found = [finding for exchange in self.exchanges for finding in exchange.findings]
        return found + (list(self.spend.findings) if self.spend is not None else [])

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "error"]

    def exit_code(self, *, strict: bool = False) -> int:
        """0 conforms, 13 drift (warnings too with *strict*), or the problem's own code."""
        if self.problem_code:
            return self.problem_code
        drifted = self.findings if strict else self.errors
        return EXIT_DRIFT if drifted else 0


def probes(spec: CuratedSpec, create_operation: str, get_operation: str) -> list[Probe]:
    """The free probes of *spec*: a wrong key, an unknown job, an invalid create, every list."""
    paths = {}
    for path, item in spec.document.get("paths", {}).items():
        for method, operation in item.items():
            if isinstance(operation, dict) and "operationId" in operation:
                paths[operation["operationId"]] = (path, method)
    get_path, get_method = paths[get_operation]
    unknown = _fill(get_path, _unknown_id(spec.operation(get_operation)))
    found = [
        Probe("wrong key", get_operation, get_method, unknown, (401, 403), wrong_key=True),
        Probe("unknown job", get_operation, get_method, unknown, (400, 404, 422)),
    ]
    create_path, create_method = paths[create_operation]
    found.append(
        Probe("invalid create", create_operation, create_method, create_path, (400, 422),
              body={}, accepted_is_spend=True)
    )  # fmt: skip
    for operation, (path, method) in paths.items():
        parameters = spec.operation(operation).get("parameters", [])
        required = [p for p in parameters if isinstance(p, dict) and p.get("required")]
        if method == "get" and "{" not in path and not required:
            found.append(Probe(f"list {operation}", operation, method, path, (200, 201, 204)))
    return found


def _unknown_id(operation: dict[str, Any]) -> str:
    """A job id no job has, of the form the spec asks for (``^video_``: ``video_...``)."""
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {}) if isinstance(parameter, dict) else {}
        if parameter.get("in") != "path":
            continue
        if schema.get("type") == "integer":
            return "999999999"
        prefix = re.match(r"\^([A-Za-z0-9_-]*)", str(schema.get("pattern", "")))
        if prefix:
            return prefix.group(1) + UNKNOWN_ID
    return UNKNOWN_ID


def _fill(path: str, value: str) -> str:
    head, _, rest = path.partition("{")
    return head + value + rest.partition("}")[2] if rest else path


def verify(
    provider: str,
    *,
    api_key: str,
    base_url: str | None = None,
    http_client: httpx.Client | None = None,
    timeout: float = 30.0,
    spend: int = 0,
    spend_timeout: float = 900.0,
    on_exchange: Callable[[Exchange], None] | None = None,
    client_options: dict[str, Any] | None = None,
) -> VerifyResult:
    """Run the free probes of *provider* (and up to *spend* paid jobs), checking every answer."""
    register_secret(api_key)
    provider_adapter = adapter(provider)
    spec = curated_spec(provider, provider_adapter.package)
    default = str(spec.document["servers"][0]["url"])
    url = resolve_base_url(provider, base_url, default)
    checker = SpecChecker(spec, urlsplit(url).path)
    result = VerifyResult(provider, url)
    get_operation = provider_adapter.get_with[0].__name__.rsplit(".", 1)[-1]
    own = http_client is None
    client = http_client or httpx.Client(timeout=timeout, follow_redirects=False)

    def keep(exchange: Exchange) -> None:
        exchange.findings = checker.check_response(exchange)
        result.exchanges.append(exchange)
        if on_exchange is not None:
            on_exchange(exchange)

    try:
        for probe in probes(spec, provider_adapter.create_operation, get_operation):
            key = WRONG_KEY if probe.wrong_key else api_key
            authorization = f"{provider_adapter.auth_scheme} {key}"
            headers = {"Authorization": authorization, "Accept": "application/json"}
            request = client.build_request(
                probe.method.upper(), url + probe.path, headers=headers,
                json=probe.body if probe.body is not None else None, timeout=timeout,
            )  # fmt: skip
            try:
                response = client.send(request)
                response.read()
            except httpx.HTTPError as error:
                result.problem = redact(f"{probe.name}: {request.method} {url}: {error!r}")
                result.problem_code = 10
                return result
            exchange = exchange_of(response, operation=probe.operation, probe=probe.name)
            keep(exchange)
            if not probe.wrong_key and response.status_code in _AUTH_STATUSES:
                result.problem = (
                    f"{probe.name}: the key was refused ({response.status_code}); check it"
                    f" (it was given by --api-key or the provider's environment variable)"
                )
                result.problem_code = 4
                return result
            _behaviour(exchange, probe)
        if spend > 0:
            from ._spend import run_spend

            result.spend = run_spend(
                provider, api_key=api_key, base_url=url, budget=spend, http_client=client,
                timeout=spend_timeout, keep=keep, client_options=client_options or {},
            )  # fmt: skip
            if result.spend.problem_code and not result.problem_code:
                result.problem, result.problem_code = (
                    result.spend.problem,
                    result.spend.problem_code,
                )
    finally:
        if own:
            client.close()
    return result


def _behaviour(exchange: Exchange, probe: Probe) -> None:
    """A documented answer of the wrong kind (a 404 where a wrong key should get a 401)."""
    if exchange.status in probe.expect:
        return
    accepted = 200 <= exchange.status < 300
    detail = f"{probe.name}: expected {' or '.join(map(str, probe.expect))}, got {exchange.status}"
    if accepted and probe.accepted_is_spend:
        detail += "; an invalid body was accepted: a job may have been created"
    exchange.findings.append(
        Finding(
            "behaviour", probe.operation, "", detail, exchange.shown, exchange.status,
            "error" if accepted or probe.wrong_key else "warning",
        )
    )  # fmt: skip


def findings_json(result: VerifyResult) -> dict[str, Any]:
    """The run as JSON: every finding, every exchange (redacted), the spend, the verdict."""
    spend = result.spend.to_dict() if result.spend is not None else None
    shown: dict[str, Any] = json.loads(
        redact(
            json.dumps(
                {
                    "provider": result.provider,
                    "base_url": result.base_url,
                    "conforms": not result.errors and not result.problem_code,
                    "exit_code": result.exit_code(),
                    "problem": result.problem,
                    "findings": [finding.to_dict() for finding in result.findings],
                    "exchanges": [
                        {
                            "probe": e.probe,
                            "operation": e.operation,
                            "request": e.shown,
                            "status": e.status,
                            "findings": len(e.findings),
                        }
                        for e in result.exchanges
                    ],
                    "spend": spend,
                }
            )
        )
    )
    return shown


def provider_key(provider: str, given: str | None = None) -> str:
    """The API key a client of *provider* would use: *given*, else the provider's environment
    variables. Raises `MissingAPIKeyError` naming them, or `InvalidRequestError` for a key that
    cannot be sent (the key is never shown).

    >>> provider_key("genray", "sk_live_EXAMPLE_key")
    'sk_live_EXAMPLE_key'
    """
    return resolve_api_key(provider, given, adapter(provider).api_key_env).reveal()


def provider_base_url(provider: str, given: str | None = None) -> str:
    """The base URL a client of *provider* would use: *given*, else ``<PROVIDER>_BASE_URL``,
    else the curated spec's server. Raises `InvalidRequestError` for anything but http(s).

    >>> provider_base_url("genray", "http://127.0.0.1:8080/")
    'http://127.0.0.1:8080'
    """
    default = str(adapter(provider).spec.document["servers"][0]["url"])
    return resolve_base_url(provider, given, default)
