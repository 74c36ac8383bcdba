"""The options the job commands share, declared once: each says its allowed values and the
environment variable it falls back to, and names its value (``SECONDS``, ``FILE``) rather than
its type; `job_command` gives every job command the connection options and their `Common`. Also
the exit codes, and the local check of a job id."""

from __future__ import annotations

import functools
import inspect
import re
import shlex
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Annotated, Any, get_args

import attrs
import typer

from .. import InvalidRequestError, VideoRequest
from ..adapters import adapter, provider_names
from ._failure import ExitCode

__all__ = [
    "DEFAULT_PROVIDER",
    "EPILOG",
    "EXIT_CODES",
    "OPTION_OF",
    "ApiKeyOption",
    "BaseUrlOption",
    "Common",
    "JobIdArgument",
    "JsonOption",
    "NoVerifyOption",
    "OverwriteOption",
    "ProviderOption",
    "SimulatedOption",
    "TimeoutOption",
    "VerboseOption",
    "YesOption",
    "in_panel",
    "job_command",
    "job_id_problem",
]

EXIT_CODES: dict[int, str] = {int(code): code.meaning for code in ExitCode}
EPILOG = "Exit codes: " + ", ".join(f"{code} {text}" for code, text in EXIT_CODES.items()) + "."

DEFAULT_PROVIDER = "genray"
JOB_PANEL = "Jobs"
EXTRAS_PANEL = "Provider extras"
PROVIDERS = ", ".join(provider_names())
# Once each (ModelArk and Volcengine both read ARK_API_KEY).
KEY_VARIABLES = ", ".join(
    dict.fromkeys(name for p in provider_names() for name in adapter(p).api_key_env)
)
URL_VARIABLES = ", ".join(f"{p.upper()}_BASE_URL" for p in provider_names())

# VideoRequest field -> the option of `create` that sets it (and names it in an error).
OPTION_OF: dict[str, str] = {
    name: "--audio" if name == "generate_audio" else "--" + name.removesuffix("s").replace("_", "-")
    for name in (field.name for field in attrs.fields(VideoRequest))
    if name != "extras"
} | {"base_url": "--base-url", "status": "--status", "extras": "--extra"}


# --- the options every job command takes --------------------------------------------------------
ProviderOption = Annotated[
    str,
    typer.Option(
        "--provider", "-p", metavar="PROVIDER", help=f"Provider: {PROVIDERS}.", show_default=True
    ),
]
ApiKeyOption = Annotated[
    str | None,
    typer.Option(
        "--api-key",
        metavar="KEY",
        help=f"API key. Default: the provider's environment variable ({KEY_VARIABLES}).",
        show_default=False,
    ),
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        metavar="URL",
        help=f"API base URL. Default: <PROVIDER>_BASE_URL ({URL_VARIABLES}), else the documented"
        " one.",
        show_default=False,
    ),
]
SimulatedOption = Annotated[
    bool,
    typer.Option(
        "--simulated",
        help="Run against an in-process simulator of the provider: no key, no network"
        " (--api-key and --base-url are ignored; jobs kept in SEEDANCE_STATE_DIR, else the user"
        " cache folder).",
    ),
]
TimeoutOption = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        metavar="SECONDS",
        help="Give up waiting after this many seconds (default: never).",
        min=0,
        show_default=False,
    ),
]
NoVerifyOption = Annotated[
    bool,
    typer.Option(
        "--no-verify",
        help="Skip the check that the download is a complete MP4 (for another video format).",
    ),
]
JsonOption = Annotated[
    bool,
    typer.Option(
        "--json",
        help='Print the result as JSON on stdout, and nothing decorative; an error is {"error":'
        " {...}} on stdout, with the same exit code.",
    ),
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Log requests and retries to stderr (keys hidden).")
]
JobIdArgument = Annotated[
    str, typer.Argument(metavar="JOB_ID", help="The job id the provider gave.", show_default=False)
]
OverwriteOption = Annotated[
    bool, typer.Option("--overwrite", help="Replace the output file if it exists.")
]
YesOption = Annotated[
    bool,
    typer.Option(
        "--yes",
        "-y",
        help="Confirm a destructive action without asking (required when not on a terminal).",
    ),
]


def in_panel(option: Any, panel: str | None) -> Any:
    """The typer option of *option* (one of the option types here) shown in the --help panel
    *panel*: ``Annotated[bool, in_panel(NoVerifyOption, "Waiting")]``."""
    info = copy(get_args(option)[1])
    info.rich_help_panel = panel
    return info


def provider_option(panel: str | None = None) -> Any:
    """The ``--provider/-p`` option, for a command that declares it itself (``batch``)."""
    return in_panel(ProviderOption, panel)


def simulated_option(panel: str | None = None) -> Any:
    """The ``--simulated`` option, for a command that declares it itself (``batch``)."""
    return in_panel(SimulatedOption, panel)


def output_option(help_text: str, **kwargs: Any) -> Any:
    """The ``--output/-o FILE`` option of the commands that save a video."""
    return typer.Option(
        "--output", "-o", metavar="FILE", help=help_text, dir_okay=False, show_default=False,
        **kwargs,
    )  # fmt: skip


@dataclass
class Common:
    provider: str
    api_key: str | None = None
    base_url: str | None = None
    json: bool = False
    simulated: bool = False
    verbose: bool = False

    def flags(self) -> str:
        """The options that reach this same job again, for a hint (never the key, nor a base
        URL's credentials or query string)."""
        from ..redaction import redact_url

        parts = [f"--provider {self.provider}"]
        if self.simulated:
            parts.append("--simulated")
        elif self.base_url:
            parts.append(f"--base-url {shlex.quote(redact_url(self.base_url))}")
        return " ".join(parts)


# --- the shared options, added to every job command ---------------------------------------------
# Parameter -> the Common field it fills, its option, and whether it moves into the command's
# connection panel; in the order --help lists them, after the command's own.
_SHARED: dict[str, tuple[str, Any, bool]] = {
    "provider": ("provider", ProviderOption, True),
    "api_key": ("api_key", ApiKeyOption, True),
    "base_url": ("base_url", BaseUrlOption, True),
    "json_output": ("json", JsonOption, False),
    "simulated": ("simulated", SimulatedOption, True),
    "verbose": ("verbose", VerboseOption, False),
}


def job_command(
    app: typer.Typer,
    name: str | None = None,
    *,
    provider: str = DEFAULT_PROVIDER,
    connection_panel: str | None = None,
    epilog: str = EPILOG,
    **settings: Any,
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register the decorated function as the command *name* of *app*, with the options every
    job command shares (--provider, --api-key, --base-url, --json, --simulated, --verbose)
    after its own, parsed into the `Common` it is given as ``common``.

    *provider* is the default of --provider; *connection_panel* the --help panel of --provider,
    --api-key, --base-url and --simulated (default: the command's options); *epilog* and
    *settings* go to ``app.command``. The function must not declare a shared option itself.
    """

    def register(command: Callable[..., None]) -> Callable[..., None]:
        signature = inspect.signature(command, eval_str=True)
        own = dict(signature.parameters)
        if own.pop("common", None) is None:
            raise TypeError(f"{command.__name__}() takes no `common: Common` parameter")
        by_hand = [parameter for parameter in own if parameter in _SHARED]
        if by_hand:
            raise TypeError(
                f"{command.__name__}() declares {', '.join(by_hand)}: job_command adds them"
            )
        defaults = {field.name: field.default for field in fields(Common)}
        defaults["provider"] = provider
        shared = [
            inspect.Parameter(
                parameter, inspect.Parameter.KEYWORD_ONLY, default=defaults[field],
                annotation=Annotated[
                    get_args(option)[0], in_panel(option, connection_panel if moves else None)
                ],
            )
            for parameter, (field, option, moves) in _SHARED.items()
        ]  # fmt: skip

        @functools.wraps(command)
        def with_common(**given: Any) -> None:
            values = {field: given.pop(parameter) for parameter, (field, _, _) in _SHARED.items()}
            command(**given, common=Common(**values))

        # typer reads a command's options from its signature and type hints: these, not the
        # function's own.
        parameters = [*own.values(), *shared]
        with_common.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        with_common.__annotations__ = {each.name: each.annotation for each in parameters}
        with_common.__annotations__["return"] = signature.return_annotation
        return app.command(name, epilog=epilog, **settings)(with_common)

    return register


# --- job ids ------------------------------------------------------------------------------------
# Characters that would change the URL the id is put in (a path, a query, a fragment) or that no
# provider's id holds: rejected whatever the spec says.
_UNSAFE = re.compile(r"[\s/?#%\\\x00-\x1f\x7f]")


def job_id_problem(provider: str, job_id: str) -> str | None:
    """What is wrong with *job_id* as an id of *provider*'s jobs, or None. Checked locally: a
    blank id would otherwise reach a listing URL (Genray answered it with a 307)."""
    if not job_id.strip():
        return "is blank; pass the id the provider gave when the job was created"
    if _UNSAFE.search(job_id):
        return "holds whitespace, a slash, ?, #, % or a control character; no job id does"
    try:
        adapter(provider).get(job_id)  # an adapter's own rule (Siraya: sync-... is final)
    except InvalidRequestError as error:
        return f"is not allowed: {error.allowed}"
    schema = _id_schema(provider)
    pattern = schema.get("pattern")
    if pattern and not re.search(pattern, job_id):
        return f"does not match {provider}'s job ids (pattern {pattern}, per its API spec)"
    if len(job_id) < schema.get("minLength", 0) or len(job_id) > schema.get("maxLength", 10**6):
        return f"has not the length of {provider}'s job ids (per its API spec)"
    return None


def _id_schema(provider: str) -> dict[str, Any]:
    """The schema of the job id in the provider's status operation (its curated spec)."""
    chosen = adapter(provider)
    module, name = chosen.get_with  # the generated module of the operation, and the id's name
    try:
        operation = chosen.spec.operation(module.__name__.rsplit(".", 1)[-1])
    except KeyError:
        return {}
    for parameter in operation.get("parameters", ()):
        if parameter.get("name") == name and parameter.get("in") == "path":
            schema: dict[str, Any] = parameter.get("schema", {})
            return schema
    return {}


def quoted(path: Path | str) -> str:
    return shlex.quote(str(path))
