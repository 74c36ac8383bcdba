"""The spec pipeline: upstream -> overlay -> curated spec -> generated client, and its checks.

Every provider is a folder ``specs/<provider>/`` holding ``upstream.yaml`` and ``generator.yaml``
(with the client's version), plus ``overlays/<provider>.yaml``. A provider serving another's API
(Volcengine Ark serves BytePlus ModelArk's) has no ``upstream.yaml``: its overlay ``extends`` the
other's curated ``specs/<other>/openapi.yaml``, curated first and digested among its inputs. The
pipeline writes
``specs/<provider>/openapi.yaml``, the client package ``generated/<package>/`` (with
``provenance.json`` and a copy of the curated spec as ``openapi.json``, which the facade validates
requests against at run time), ``docs/drift.md``, and the change reports: ``docs/changes/`` (each
client's versions and changes) and the client section of ``CHANGELOG.md``.

Usage::

    python scripts/pipeline.py specs      # curated specs only
    python scripts/pipeline.py generate   # everything, then the change report
    python scripts/pipeline.py check      # regenerate into a temporary tree and compare
    python scripts/pipeline.py refresh siray   # fetch the published upstream, then generate
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from building import ACCEPT_LOST, DRIFT_REPORT, Outcome, build, curate, report
from checking import check
from generation import GENERATOR_VERSION
from project import (
    ROOT,
    CuratedSpec,
    PipelineError,
    Provider,
    discover_providers,
    dump_yaml,
    load_yaml,
    registered_specs,
)

__all__ = [
    "DRIFT_REPORT",
    "GENERATOR_VERSION",
    "ROOT",
    "CuratedSpec",
    "Outcome",
    "PipelineError",
    "Provider",
    "build",
    "check",
    "curate",
    "discover_providers",
    "dump_yaml",
    "load_yaml",
    "registered_specs",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("step", choices=["specs", "generate", "check", "refresh"])
    parser.add_argument("name", nargs="?", help="refresh: the provider")
    parser.add_argument("--provider", help="only this provider (specs and generate)")
    parser.add_argument("--url", help="refresh: fetch from this URL instead of source.yaml's")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project (this checkout)")
    parser.add_argument(
        ACCEPT_LOST,
        action="store_true",
        help="generate even though an overlay action no longer selects a node it selected",
    )
    args = parser.parse_args(argv)
    try:
        if args.step == "check":
            problems = check(args.root)
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                print(f"out of sync: {len(problems)} problem(s)", file=sys.stderr)
                return 1
            print(
                "in sync: curated specs, generated clients, provenance, drift report, change"
                " reports, versions, and every name the facade and the simulators use"
            )
            return 0
        if args.step == "refresh":
            from refresh import refresh  # ruamel.yaml: only this step needs it

            chosen = discover_providers(args.root, args.name) if args.name else []
            if not chosen:
                known = ", ".join(registered_specs())
                raise PipelineError(f"refresh: {args.name!r} is not one of {known}")
            provider = chosen[0]
            if provider.base is not None:
                raise PipelineError(
                    f"refresh: {provider.name!r} has no published document of its own:"
                    f" {provider.overlay} extends {provider.upstream}; refresh {provider.base!r}"
                )
            if not refresh(provider, args.root, args.url):
                print(f"{provider.upstream}: unchanged (the published document is the same)")
                return 0
            print(f"{provider.upstream}: rewritten from the published document")
        clients = args.step != "specs"
        only = args.provider if args.step != "refresh" else None
        outcomes = build(
            args.root,
            clients=clients,
            only=only,
            root=args.root,
            accept_lost=args.accept_lost_targets,
        )
    except PipelineError as error:
        print(error, file=sys.stderr)
        return 1
    for outcome in outcomes:
        spec = outcome.spec
        print(
            f"{spec.provider.name}: {len(spec.actions)} overlay actions -> {spec.provider.curated}"
        )
    if clients:
        print(report(outcomes))
    problems = [problem for outcome in outcomes for problem in outcome.problems]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
