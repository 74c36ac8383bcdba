"""The capability matrix: read from the curated specs, enforced before sending."""

from __future__ import annotations

import pytest

import seedance
from seedance import InvalidRequestError, UnsupportedError, VideoRequest


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
