"""What each provider and model can do, checked before anything is sent."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NoReturn

import attrs

from ._errors import InvalidRequestError, Problem, UnsupportedError
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
    required: tuple[str, ...] = ()
    """The `VideoRequest` fields this model cannot do without (beyond the prompt)."""
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
        """Raise if the chosen model cannot serve *request*; return that model's capabilities.

        Every problem is found before raising, and listed in the error's ``problems`` (values the
        request gives wrongly before fields it leaves out): the first one decides the error's type
        (`UnsupportedError` for a field the model does not take, else `InvalidRequestError`) and
        its attributes.

        >>> from seedance import VideoRequest, capabilities
        >>> try:
        ...     capabilities("siray").check(VideoRequest(prompt="a cat", seed=-5))
        ... except InvalidRequestError as error:
        ...     print([problem.field for problem in error.problems])
        ['seed', 'duration', 'resolution', 'aspect_ratio', 'reference_images']
        """
        problems: list[tuple[Problem, bool]] = []
        try:
            caps = self.model(request.model)
        except InvalidRequestError as error:
            # Still checked against what any listed model allows: every problem in one go.
            problems.append((error.problems[0], False))
            caps = _union(error.value, self.models.values())
        # What the request says wrongly comes first, what it leaves out after: the first problem
        # decides the error's type, and a field the model cannot take matters more than one missing.
        problems += sorted(self._problems(request, caps), key=lambda found: found[0].value is None)
        if problems:
            self._raise(problems, caps)
        return caps

    def _problems(
        self, request: VideoRequest, caps: ModelCapabilities
    ) -> list[tuple[Problem, bool]]:
        """What is wrong with *request* for the model *caps*: (problem, unsupported) pairs."""
        provided = request.provided()
        found: list[tuple[Problem, bool]] = []

        def unsupported(name: str) -> None:
            found.append((Problem(name, provided[name], self._unsupported_text(name, caps)), True))

        for name in caps.required:
            if name not in provided:
                text = f"required: {_allowed_text(name, caps)}"
                found.append((Problem(name, None, text), False))
        listed: dict[str, tuple[Any, ...] | None] = {
            "duration": caps.durations,
            "resolution": caps.resolutions,
            "aspect_ratio": caps.aspect_ratios,
        }
        for name, allowed in listed.items():
            if name not in provided:
                continue
            if allowed is None:
                unsupported(name)
            elif allowed and provided[name] not in allowed:
                text = _list(allowed) + f" (model {caps.model})"
                found.append((Problem(name, provided[name], text), False))
        if "seed" in provided:
            if caps.seed is None:
                unsupported("seed")
            elif not caps.seed[0] <= provided["seed"] <= caps.seed[1]:
                text = f"{caps.seed[0]} to {caps.seed[1]}"
                found.append((Problem("seed", provided["seed"], text), False))
        for kind in ("images", "videos", "audios"):
            name = f"reference_{kind}"
            limit = getattr(caps, f"max_{name}")
            count = len(provided.get(name, ()))
            if count > limit and limit == 0:
                unsupported(name)
            elif count > limit:
                text = f"at most {limit} (model {caps.model})"
                found.append((Problem(name, f"{count} items", text), False))
        for flag in _FLAGS:
            if flag in provided and not getattr(caps, flag):
                unsupported(flag)
        return found

    def _raise(self, problems: list[tuple[Problem, bool]], caps: ModelCapabilities) -> NoReturn:
        listed = tuple(problem for problem, _ in problems)
        first, is_unsupported = problems[0]
        if is_unsupported:
            raise UnsupportedError(
                f"the {first.field} field", provider=self.provider, model=caps.model,
                hint=self._hint(first.field), field=first.field, problems=listed,
            )  # fmt: skip
        raise InvalidRequestError(
            first.field, first.value, first.allowed, provider=self.provider, problems=listed
        )

    def _hint(self, field: str) -> str | None:
        others = [name for name, model in self.models.items() if _accepts(model, field)]
        return f"models that do: {', '.join(others)}" if others else None

    def _unsupported_text(self, field: str, caps: ModelCapabilities) -> str:
        hint = self._hint(field)
        return f"not supported by {self.provider} ({caps.model})" + (f"; {hint}" if hint else "")

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
    value = getattr(caps, _VALUES.get(field, field))
    return value is not None and value is not False


_FLAGS = (
    "first_frame", "last_frame", "generate_audio", "negative_prompt", "watermark", "draft",
    "webhook_url",
)  # fmt: skip
_VALUES = {"duration": "durations", "resolution": "resolutions", "aspect_ratio": "aspect_ratios"}


def _allowed_text(field: str, caps: ModelCapabilities) -> str:
    """What *caps* allows for *field*, in words (for a required field that is missing)."""
    values = getattr(caps, _VALUES[field], None) if field in _VALUES else None
    if values:
        return _list(values)
    if field.startswith("reference_"):
        return f"1 to {getattr(caps, f'max_{field}')} items"
    return "a value"


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
    flags = {flag: any(getattr(caps, flag) for caps in known) for flag in _FLAGS}
    return ModelCapabilities(
        model=name,
        durations=values("durations"),
        resolutions=values("resolutions"),
        aspect_ratios=values("aspect_ratios"),
        seed=(min(s[0] for s in seeds), max(s[1] for s in seeds)) if seeds else None,
        max_reference_images=max(caps.max_reference_images for caps in known),
        max_reference_videos=max(caps.max_reference_videos for caps in known),
        max_reference_audios=max(caps.max_reference_audios for caps in known),
        # Required only where every listed model requires it: held to what some model allows.
        required=tuple(
            name for name in known[0].required if all(name in c.required for c in known)
        ),
        notes="not a listed model: held only to what some listed model allows",
        **flags,
    )
