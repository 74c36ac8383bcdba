"""The capability matrix: read from the curated specs, enforced before sending."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
import respx

import seedance
from seedance import InvalidRequestError, UnsupportedError, VideoRequest

from .conftest import MakeClient


@pytest.mark.parametrize("provider", seedance.providers())
def test_every_provider_publishes_a_matrix_with_its_default_model(provider: str) -> None:
    caps = seedance.capabilities(provider)
    assert caps.provider == provider
    assert caps.default_model in caps.models
    assert seedance.capabilities(provider, caps.default_model) == caps.models[caps.default_model]
    assert caps.as_dict()["models"]


def test_genray_values_come_from_its_curated_spec() -> None:
    model = seedance.capabilities("genray", "seedance-2.0")
    assert model.durations == tuple(range(4, 16))
    assert model.max_reference_images == 9
    assert model.max_reference_videos == model.max_reference_audios == 3
    assert model.resolutions is None, "Genray takes no resolution"


def test_errors_name_the_field_the_value_and_what_is_allowed() -> None:
    with pytest.raises(InvalidRequestError) as raised:
        seedance.capabilities("genray").check(VideoRequest(prompt="x", duration=16))
    message = str(raised.value)
    assert "duration=16" in message
    assert "4 to 15" in message
    assert raised.value.field == "duration"


def test_an_unsupported_field_names_the_models_that_do_support_it() -> None:
    with pytest.raises(UnsupportedError, match="negative_prompt"):
        seedance.capabilities("genray").check(VideoRequest(prompt="x", negative_prompt="blur"))


def test_the_curated_spec_catches_what_the_matrix_does_not() -> None:
    client_spec = seedance.adapters.adapter("genray").spec
    with pytest.raises(InvalidRequestError) as raised:
        client_spec.validate_body(
            "create_video", {"prompt": "x", "end_frame_url": "https://e/x.png"}
        )
    assert "first_frame_url" in str(raised.value)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"prompt": ""}, "prompt"),
        ({"prompt": "x", "duration": "5"}, "duration"),
        ({"prompt": "x", "generate_audio": "yes"}, "generate_audio"),
        ({"prompt": "x", "seed": True}, "seed"),
        ({"prompt": "x", "last_frame": "https://e/l.png"}, "last_frame"),
        ({"prompt": "x", "reference_images": [""]}, "reference_images"),
    ],
)
def test_a_malformed_request_is_rejected_when_it_is_built(
    fields: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidRequestError) as raised:
        VideoRequest(**fields)  # type: ignore[arg-type]
    assert raised.value.field == field


# --- documented ranges are enforced for every model, before anything is sent ----------------------
RANGED = ("durations", "resolutions", "aspect_ratios")


@pytest.mark.parametrize("provider", seedance.providers())
def test_no_model_leaves_duration_resolution_or_ratio_unchecked(provider: str) -> None:
    """Each field is either refused (None) or checked against a documented list: an empty list
    would let 0, -5, 999 or 4k go out to the provider."""
    for name, model in seedance.capabilities(provider).models.items():
        for field in RANGED:
            assert getattr(model, field) != (), f"{provider} {name}: {field} is unchecked"


MODELARK_DEFAULT = "seedance-1-0-pro-250528"


def test_modelarks_default_model_takes_its_documented_ranges() -> None:
    caps = seedance.capabilities("modelark")
    assert caps.default_model == MODELARK_DEFAULT
    model = caps.models[MODELARK_DEFAULT]
    assert model.durations == tuple(range(2, 13))
    assert model.resolutions == ("480p", "720p", "1080p")
    assert caps.models["doubao-" + MODELARK_DEFAULT] == attrs.evolve(
        model, model="doubao-" + MODELARK_DEFAULT
    )


@pytest.mark.parametrize(
    ("model", "durations", "resolutions"),
    [
        ("seedance-1-0-pro-fast-251015", (2, 12), ("480p", "720p", "1080p")),
        ("seedance-1-0-lite-t2v-250428", (2, 12), ("480p", "720p", "1080p")),
        ("seedance-1-0-lite-i2v-250428", (2, 12), ("480p", "720p", "1080p")),
        ("seedance-1-5-pro-251215", (4, 12), ("480p", "720p", "1080p")),
        ("dreamina-seedance-2-0-260128", (4, 15), ("480p", "720p", "1080p")),
        ("dreamina-seedance-2-0-fast-260128", (4, 15), ("480p", "720p", "1080p")),
    ],
)
def test_every_modelark_model_has_its_ranges(
    model: str, durations: tuple[int, int], resolutions: tuple[str, ...]
) -> None:
    caps = seedance.capabilities("modelark", model)
    assert caps.durations == tuple(range(durations[0], durations[1] + 1))
    assert caps.resolutions == resolutions


def test_a_model_without_its_own_documented_range_says_where_its_range_comes_from() -> None:
    assert "family" in seedance.capabilities("modelark", "seedance-1-0-pro-fast-251015").notes
    assert "family" in seedance.capabilities("anyfast", "seedance-fast").notes


@pytest.mark.parametrize(
    ("fields", "field", "allowed"),
    [
        ({"duration": 0}, "duration", "2 to 12"),
        ({"duration": -5}, "duration", "2 to 12"),
        ({"duration": 999}, "duration", "2 to 12"),
        ({"resolution": "4k"}, "resolution", "'480p', '720p', '1080p'"),
    ],
)
def test_modelarks_default_model_refuses_out_of_range_values_before_sending(
    fields: dict[str, Any],
    field: str,
    allowed: str,
    make_client: MakeClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MODELARK_API_KEY", "sk_test_0123456789")
    base_url = "https://ark.ap-southeast.bytepluses.com/api/v3"
    with respx.mock(base_url=base_url, assert_all_called=False) as router:
        create = router.post("/contents/generations/tasks").respond(200, json={"id": "cgt-1"})
        client = make_client("modelark")
        with pytest.raises(InvalidRequestError) as raised:
            client.submit(VideoRequest(prompt="a cat", **fields))
    error = raised.value
    assert (error.field, error.value) == (field, fields[field])
    assert allowed in error.allowed
    assert MODELARK_DEFAULT in error.allowed
    assert f"{field}={fields[field]!r}" in str(error)
    assert create.call_count == 0, "nothing was sent"
    assert len(router.calls) == 0


@pytest.mark.parametrize(
    ("model", "body"),
    [
        (MODELARK_DEFAULT, {"duration": 0}),
        ("doubao-" + MODELARK_DEFAULT, {"duration": 13}),
        ("seedance-1-5-pro-251215", {"duration": 3}),
        ("dreamina-seedance-2-0-fast-260128", {"resolution": "4k"}),
    ],
)
def test_the_curated_spec_enforces_the_same_ranges(model: str, body: dict[str, Any]) -> None:
    spec = seedance.adapters.adapter("modelark").spec
    ok = {"model": model, "content": [{"type": "text", "text": "x"}]}
    spec.validate_body("create_task", {**ok, "duration": 5, "resolution": "720p"})
    with pytest.raises(InvalidRequestError) as raised:
        spec.validate_body("create_task", {**ok, **body})
    assert raised.value.field == next(iter(body))


def test_anyfasts_seedance_fast_takes_the_seedance_2_range() -> None:
    caps = seedance.capabilities("anyfast")
    with pytest.raises(InvalidRequestError, match="4 to 15"):
        caps.check(VideoRequest(prompt="x", model="seedance-fast", duration=16))
    caps.check(VideoRequest(prompt="x", model="seedance-fast", duration=15))


def test_an_unlisted_model_id_is_held_only_to_what_some_listed_model_allows() -> None:
    """A newer ModelArk model (accepted by id) must not get the default model's narrow ranges."""
    caps = seedance.capabilities("modelark")
    newer = caps.model("doubao-seedance-2-0-260128")
    request = VideoRequest(
        prompt="a cat",
        model="doubao-seedance-2-0-260128",
        duration=15,
        reference_images=["https://example.com/a.png"] * 3,
    )
    assert caps.check(request) == newer
    assert newer.durations is not None
    assert max(newer.durations) == 15
    with pytest.raises(InvalidRequestError, match="duration"):
        caps.check(attrs.evolve(request, duration=999))
