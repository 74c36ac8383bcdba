"""Sessions for the spec pipeline, checks and tests. `nox -l` lists them; see README.md."""

from __future__ import annotations

import os
from pathlib import Path

import nox

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
RUNTIME = PYPROJECT["project"]["dependencies"]
EXTRAS: dict[str, list[str]] = PYPROJECT["project"]["optional-dependencies"]

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "typecheck", "check", "tests", "consumers"]

# Each provider's official client, pinned, and the pytest arguments of its consumer suite
# (tests/consumers/). byteplus-python-sdk-v2 3.0.63 imports httpx, anyio and sniffio without
# declaring them: httpx and anyio come with this project, sniffio is named here.
CONSUMERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ark-byteplus": (
        ("byteplus-python-sdk-v2[ark]==3.0.63", "sniffio"),
        ("tests/consumers/test_ark.py", "-k", "byteplussdkarkruntime"),
    ),
    "ark-volcengine": (
        ("volcengine-ark-runtime==5.0.54",),
        ("tests/consumers/test_ark.py", "-k", "volcenginesdkarkruntime"),
    ),
    "siray": (("siray==0.3.0",), ("tests/consumers/test_siray.py",)),
    "anyfast": (("anyfast==0.0.1",), ("tests/consumers/test_anyfast.py",)),
    "replicate": (("replicate==1.0.7",), ("tests/consumers/test_replicate.py",)),
    "fal": (("fal-client==1.0.3",), ("tests/consumers/test_fal.py",)),
}


def install(session: nox.Session, *groups: str) -> None:
    """Install the project's run-time dependencies and the named dependency groups."""
    requirements = list(RUNTIME)
    for group in groups:
        requirements += nox.project.dependency_groups(PYPROJECT, group)
    session.install(*requirements)


def pinned(group: str, *names: str) -> list[str]:
    """The named requirements of a dependency group, as pyproject.toml pins them."""
    from packaging.requirements import Requirement

    wanted = {name.lower() for name in names}
    return [
        requirement
        for requirement in nox.project.dependency_groups(PYPROJECT, group)
        if Requirement(requirement).name.lower() in wanted
    ]


@nox.session(default=False)
def specs(session: nox.Session) -> None:
    """Apply the overlays: rewrite specs/<provider>/openapi.yaml."""
    install(session, "pipeline")
    session.run("python", "scripts/pipeline.py", "specs", *session.posargs)


@nox.session(default=False)
def generate(session: nox.Session) -> None:
    """Rewrite curated specs, clients, provenance, docs/drift.md and the change reports, and
    print what changed for each client and the version it must take."""
    install(session, "pipeline")
    session.run("python", "scripts/pipeline.py", "generate", *session.posargs)


@nox.session(default=False)
def refresh(session: nox.Session) -> None:
    """Fetch a provider's published document into its upstream.yaml (`-- siray`), regenerate
    and print the change report."""
    install(session, "pipeline")
    session.run("python", "scripts/pipeline.py", "refresh", *session.posargs)


@nox.session
def check(session: nox.Session) -> None:
    """Regenerate everything into a temporary tree and fail on any difference (with its diff),
    any change without its version, any name the facade uses that the spec no longer has."""
    install(session, "pipeline")
    session.run("python", "scripts/pipeline.py", "check")


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check on the hand-written code; the import layers of
    docs/ARCHITECTURE.md (import-linter contracts in pyproject.toml); deptry: every import of
    the package and its generated clients declared, every declared dependency used."""
    install(session, "lint")
    # deptry maps each requirement to its modules through the installed metadata (pyyaml: yaml).
    session.install(*(req for extra in EXTRAS.values() for req in extra))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("lint-imports", env={"PYTHONPATH": os.pathsep.join(["src", "generated"])})
    session.run("deptry", "src", "generated")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the package, scripts, tests, benchmarks and every generated package."""
    install(session, "typecheck")
    packages = sorted(str(path.parent) for path in ROOT.glob("generated/*/__init__.py"))
    session.run(
        "mypy", "src/seedance", "scripts", "tests", "benchmarks", "noxfile.py", "hatch_build.py"
    )
    session.run("mypy", *packages)


@nox.session
def tests(session: nox.Session) -> None:
    """The whole pytest suite (pass pytest options after --)."""
    install(session, "test")
    session.run("pytest", *session.posargs)


@nox.session
@nox.parametrize("client", list(CONSUMERS))
def consumers(session: nox.Session, client: str) -> None:
    """Each official client, pinned in a venv of its own, drives its simulator over HTTP."""
    packages, suite = CONSUMERS[client]
    session.install(*packages)
    session.install(
        ".[testing]", *pinned("test", "pytest"), *pinned("pipeline", "pyyaml", "python-jsonpath")
    )
    session.run("pytest", *suite, *session.posargs)
