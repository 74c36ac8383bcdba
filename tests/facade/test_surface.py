"""The public surface of `seedance` is a contract: this test changes only with intent."""

from __future__ import annotations

import seedance
from seedance import registry
from seedance.adapters import adapter

PUBLIC = {
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncSeedanceClient",
    "AuthenticationError",
    "BadRequestError",
    "Clock",
    "ConflictError",
    "DownloadError",
    "DownloadLimitError",
    "InsufficientCreditsError",
    "InvalidRequestError",
    "Job",
    "JobError",
    "JobEvents",
    "JobFailedError",
    "JobStatus",
    "LimitExceededError",
    "Limits",
    "MissingAPIKeyError",
    "ModelCapabilities",
    "NotFoundError",
    "PermissionDeniedError",
    "PollingPolicy",
    "ProviderCapabilities",
    "RateLimitError",
    "RequestError",
    "ResponseError",
    "ResponseTooLargeError",
    "RetryPolicy",
    "SeedanceClient",
    "SeedanceError",
    "ServerError",
    "SystemClock",
    "UnprocessableEntityError",
    "UnsupportedError",
    "VideoRequest",
    "WaitTimeoutError",
    "WebhookVerificationError",
    "__version__",
    "capabilities",
    "parse_webhook",
    "providers",
}

CLIENT_METHODS = {
    "submit", "get", "wait", "generate", "cancel", "download", "list_jobs", "upload",
    "from_person", "upscale", "account", "create_api_key", "list_api_keys", "revoke_api_key",
    "parse_webhook", "request",
}  # fmt: skip


def test_the_public_names_are_exactly_these() -> None:
    assert set(seedance.__all__) == PUBLIC
    for name in PUBLIC:
        assert hasattr(seedance, name), name


def test_every_error_is_a_seedance_error() -> None:
    exceptions = [getattr(seedance, name) for name in PUBLIC]
    errors = [item for item in exceptions if isinstance(item, type) and issubclass(item, Exception)]
    assert len(errors) >= 20
    for error in errors:
        assert issubclass(error, seedance.SeedanceError), error


def test_the_sync_and_async_clients_offer_the_same_methods() -> None:
    def public(cls: type) -> set[str]:
        return {name for name in vars(cls) if not name.startswith("_")}

    sync = public(seedance.SeedanceClient)
    assert public(seedance.AsyncSeedanceClient) - {"aclose"} == sync - {"close"}
    assert sync >= CLIENT_METHODS


def test_providers_are_the_registered_ones_each_with_its_adapter() -> None:
    assert seedance.providers() == registry.names() == tuple(sorted(registry.providers()))
    # seedance's own five at least; tests/registry/ checks every unit against the tree
    assert {"anyfast", "genray", "modelark", "siray", "siraya"} <= set(seedance.providers())
    for name in seedance.providers():
        assert adapter(name).name == name
