"""What each provider and model can do, checked before anything is sent."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn

import attrs

from ._errors import InvalidRequestError, UnsupportedError
from ._models import VideoRequest

__all__ = ["ModelCapabilities", "ProviderCapabilities"]

# Operations a provider may offer beyond submit/get/wait/download.
OPERATIONS = ("cancel", "list", "upload", "upscale", "account", "api_keys", "from_person")


@attrs.frozen(kw_only=True)
class ModelCapabilities:
    """The request fields one model accepts, and the values it allows.

    An empty tuple of values means the provider accepts the field without a documented list (the
    curated spec still validates it); ``None`` means the field is not accepted at all.
    """

    model: str
    durations: tuple[int, ...] | None = None
    resolutions: tuple[str, ...] | None = None
    aspect_ratios: tuple[str, ...] | None = None
    seed: tuple[int, int] | None = None
    max_reference_images: int = 0
    max_reference_videos: int = 0
    max_reference_audios: int = 0
    first_frame: bool = False
    last_frame: bool = False
    generate_audio: bool = False
    negative_prompt: bool = False
    watermark: bool = False
    draft: bool = False
    webhook_url: bool = False
    notes: str = ""

    def as_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class ProviderCapabilities:
    """One provider: its models (the first is the default) and the operations it offers."""

    provider: str
    models: Mapping[str, ModelCapabilities]
    default_model: str
    operations: frozenset[str]
    accepts_unknown_models: bool = False
    """Model ids evolve: where True, an unlisted model id is passed through and held only to
    what some listed model allows (a newer model is likelier to widen the ranges than to narrow
    them; the provider has the last word, the curated spec still validates the body)."""

    def model(self, model: str | None) -> ModelCapabilities:
        name = model or self.default_model
        if name in self.models:
            return self.models[name]
        if self.accepts_unknown_models:
            return _union(name, self.models.values())
        raise InvalidRequestError(
            "model", name, "one of " + ", ".join(self.models), provider=self.provider
        )

    def require(self, operation: str) -> None:
        if operation not in self.operations:
            offered = ", ".join(sorted(self.operations)) or "none"
            raise UnsupportedError(
                f"the {operation} operation", provider=self.provider, hint=f"it offers: {offered}"
            )

    def check(self, request: VideoRequest) -> ModelCapabilities:
        """Raise if the chosen model cannot serve *request*; return that model's capabilities."""
        caps = self.model(request.model)
        provided = request.provided()
        listed = {
            "duration": caps.durations,
            "resolution": caps.resolutions,
            "aspect_ratio": caps.aspect_ratios,
        }
        for name, allowed in listed.items():
            if name not in provided:
                continue
            if allowed is None:
                self._unsupported(name, caps)
            if allowed and provided[name] not in allowed:
                raise InvalidRequestError(
                    name, provided[name], _list(allowed) + f" (model {caps.model})",
                    provider=self.provider,
                )  # fmt: skip
        if "seed" in provided:
            if caps.seed is None:
                self._unsupported("seed", caps)
            low, high = caps.seed
            if not low <= provided["seed"] <= high:
                raise InvalidRequestError(
                    "seed", provided["seed"], f"{low} to {high}", provider=self.provider
                )
        for kind in ("images", "videos", "audios"):
            name = f"reference_{kind}"
            limit = getattr(caps, f"max_{name}")
            count = len(provided.get(name, ()))
            if count > limit:
                if limit == 0:
                    self._unsupported(name, caps)
                raise InvalidRequestError(
                    name, f"{count} items", f"at most {limit} (model {caps.model})",
                    provider=self.provider,
                )  # fmt: skip
        for flag in ("first_frame", "last_frame", "generate_audio", "negative_prompt"):
            if flag in provided and not getattr(caps, flag):
                self._unsupported(flag, caps)
        for flag in ("watermark", "draft", "webhook_url"):
            if flag in provided and not getattr(caps, flag):
                self._unsupported(flag, caps)
        return caps

    def _unsupported(self, field: str, caps: ModelCapabilities) -> NoReturn:
        others = [name for name, model in self.models.items() if _accepts(model, field)]
        hint = f"models that do: {', '.join(others)}" if others else None
        raise UnsupportedError(
            f"the {field} field", provider=self.provider, model=caps.model, hint=hint, field=field
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "provider": self.provider,
            "default_model": self.default_model,
            "accepts_unknown_models": self.accepts_unknown_models,
            "operations": sorted(self.operations),
            "models": {name: caps.as_dict() for name, caps in self.models.items()},
        }


def _accepts(caps: ModelCapabilities, field: str) -> bool:
    if field.startswith("reference_"):
        return bool(getattr(caps, f"max_{field}"))
    value = getattr(caps, {"duration": "durations", "resolution": "resolutions",
                           "aspect_ratio": "aspect_ratios"}.get(field, field))  # fmt: skip
    return value is not None and value is not False


def _list(values: tuple[Any, ...]) -> str:
    if all(isinstance(value, int) for value in values) and len(values) > 3:
        ordered = sorted(values)
        if ordered == list(range(ordered[0], ordered[-1] + 1)):
            return f"{ordered[0]} to {ordered[-1]}"
    return "one of " + ", ".join(repr(value) for value in values)


def _union(name: str, models: Any) -> ModelCapabilities:
    """What any of *models* allows: the capabilities assumed for an unlisted model id."""
    known = list(models)

    def values(field: str) -> tuple[Any, ...] | None:
        lists = [getattr(caps, field) for caps in known if getattr(caps, field) is not None]
        if not lists:
            return None
        if any(not values for values in lists):
            return ()  # some model takes any value
        merged = {value for values in lists for value in values}
        return tuple(sorted(merged, key=lambda value: (str(type(value)), value)))

    seeds = [caps.seed for caps in known if caps.seed is not None]
    flags = {
        flag: any(getattr(caps, flag) for caps in known)
        for flag in ("first_frame", "last_frame", "generate_audio", "negative_prompt",
                     "watermark", "draft", "webhook_url")
    }  # fmt: skip
    return ModelCapabilities(
        model=name,
        durations=values("durations"),
        resolutions=values("resolutions"),
        aspect_ratios=values("aspect_ratios"),
        seed=(min(s[0] for s in seeds), max(s[1] for s in seeds)) if seeds else None,
        max_reference_images=max(caps.max_reference_images for caps in known),
        max_reference_videos=max(caps.max_reference_videos for caps in known),
        max_reference_audios=max(caps.max_reference_audios for caps in known),
        notes="not a listed model: held only to what some listed model allows",
        **flags,
    )
