"""Refresh a provider's upstream document from where the provider publishes it.

A provider that publishes a machine-readable document (Siray: its OpenAPI JSON) says where in
``specs/<provider>/source.yaml``::

    url: https://docs.siray.ai/openapi-spec/seedance-2.0-ref2v-spicy.json
    evidence: 001_770f5d9742c28aab.txt (the page's OpenAPI block names this file)

The document is fetched (HTTP or HTTPS, at most 10 MiB, 30 s), checked to be an OpenAPI 3.x
mapping, and compared with ``upstream.yaml``. When it differs, ``upstream.yaml`` is rewritten in
place: the YAML is edited structurally (ruamel.yaml, round-trip), so every unchanged line keeps its
layout and the review diff shows only what the provider changed.
"""

from __future__ import annotations

import io
import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import yaml
from project import PipelineError, Provider, load_yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import SingleQuotedScalarString

__all__ = ["fetch_document", "refresh", "source_url"]

MAX_BYTES = 10 * 2**20
TIMEOUT = 30.0


def source_url(provider: Provider, root: Path) -> str:
    """The URL of *provider*'s published document, from ``specs/<provider>/source.yaml``."""
    path = root / provider.source
    if not path.is_file():
        raise PipelineError(
            f"{provider.name} publishes no machine-readable document ({provider.source} is"
            " missing): edit its upstream.yaml from the provider's pages instead"
        )
    url = (load_yaml(path) or {}).get("url")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise PipelineError(f"{provider.source}: 'url' must be an http(s) URL, got {url!r}")
    return url


def fetch_document(url: str, timeout: float = TIMEOUT) -> Any:
    """The OpenAPI document at *url* (JSON, or YAML)."""
    request = urllib.request.Request(url, headers={"Accept": "application/json, */*;q=0.5"})
    # A document on this machine (a mirror, a test's server) is never fetched through a proxy.
    loopback = urllib.parse.urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1")
    handlers = [urllib.request.ProxyHandler({})] if loopback else []
    try:
        with urllib.request.build_opener(*handlers).open(request, timeout=timeout) as response:
            body = response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise PipelineError(f"{url}: could not be fetched: {error}") from error
    if len(body) > MAX_BYTES:
        raise PipelineError(f"{url}: the document is larger than {MAX_BYTES} bytes")
    try:
        document = json.loads(body)
    except ValueError:
        try:
            document = yaml.safe_load(body)
        except yaml.YAMLError as error:
            raise PipelineError(f"{url}: neither JSON nor YAML: {error}") from error
    version = document.get("openapi") if isinstance(document, dict) else None
    if not (isinstance(version, str) and version.startswith("3.")):
        raise PipelineError(f"{url}: not an OpenAPI 3 document (no 'openapi: 3.x' at the top)")
    return document


def refresh(provider: Provider, root: Path, url: str | None = None) -> bool:
    """Fetch *provider*'s document into its upstream.yaml; False when nothing changed."""
    url = url or source_url(provider, root)
    document = fetch_document(url)
    path = root / provider.upstream
    if path.is_file() and load_yaml(path) == document:
        return False
    yaml_rt = YAML()
    yaml_rt.preserve_quotes = True
    yaml_rt.width = 4096  # never fold a line the provider's YAML did not fold
    yaml_rt.indent(mapping=2, sequence=4, offset=2)
    current = yaml_rt.load(path.read_text(encoding="utf-8")) if path.is_file() else None
    merged = _apply(current, document)
    out = io.StringIO()
    yaml_rt.dump(merged, out)
    path.write_text(out.getvalue(), encoding="utf-8")
    if load_yaml(path) != document:  # pragma: no cover - the merge is exact by construction
        raise PipelineError(f"{provider.upstream}: the rewritten file does not match {url}")
    return True


def _apply(current: Any, new: Any) -> Any:
    """*current* (ruamel round-trip data) changed to equal *new*, keeping what did not change."""
    if isinstance(current, CommentedMap) and isinstance(new, dict):
        for key in [key for key in current if key not in new]:
            del current[key]
        for key, value in new.items():
            current[key] = _apply(current[key], value) if key in current else _plain(value)
        return current
    if isinstance(current, CommentedSeq) and isinstance(new, list) and len(current) == len(new):
        for index, value in enumerate(new):
            current[index] = _apply(current[index], value)
        return current
    if _same(current, new):
        return current  # keeps its quoting and folding
    return _plain(new)


def _same(current: Any, new: Any) -> bool:
    if isinstance(current, bool) or isinstance(new, bool):
        return current is new
    return bool(current == new) and isinstance(current, type(new))


def _plain(value: Any) -> Any:
    """*value* as ruamel data in block style."""
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _plain(item)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_plain(item) for item in value)
    if isinstance(value, str) and _misread(value):
        return SingleQuotedScalarString(value)  # '16:9', 'yes': YAML 1.1 would read a number
    return value


def _misread(text: str) -> bool:
    """Whether a YAML 1.1 reader (the pipeline's) would read *text*, written plain, otherwise."""
    try:
        return bool(yaml.safe_load(text) != text) or "\n" in text
    except yaml.YAMLError:
        return True
