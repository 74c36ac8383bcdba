"""`refresh` fetches a provider's published document (here from a loopback server this test starts)
and rewrites its upstream.yaml only where the document changed."""

from __future__ import annotations

import copy
import difflib
import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from refresh import refresh, source_url

from pipeline import ROOT, PipelineError, Provider, load_yaml, main

SIRAY = Provider("siray", "seedance_siray")


class Published:
    """A loopback HTTP server that serves whatever body a test sets, at any path."""

    def __init__(self) -> None:
        self.body = b""
        self.status = 200
        published = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(published.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(published.body)))
                self.end_headers()
                self.wfile.write(published.body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/openapi-spec/siray.json"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def serve(self, document: Any) -> None:
        self.body = json.dumps(document).encode()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def published() -> Iterator[Published]:
    server = Published()
    yield server
    server.close()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "specs" / "siray", tmp_path / "specs" / "siray")
    return tmp_path


def upstream() -> Any:
    return load_yaml(ROOT / SIRAY.upstream)


def test_the_source_is_configured_beside_the_upstream() -> None:
    assert source_url(SIRAY, ROOT).startswith("https://docs.siray.ai/")
    with pytest.raises(PipelineError, match="publishes no machine-readable document"):
        source_url(Provider("genray", "seedance_genray"), ROOT)


def test_the_same_document_leaves_the_upstream_untouched(
    project: Path, published: Published
) -> None:
    before = (project / SIRAY.upstream).read_bytes()
    published.serve(upstream())
    assert refresh(SIRAY, project, published.url) is False
    assert (project / SIRAY.upstream).read_bytes() == before


def test_a_changed_document_changes_only_its_own_lines(project: Path, published: Published) -> None:
    document = copy.deepcopy(upstream())
    request = document["paths"]["/v1/video/generations"]["post"]["requestBody"]["content"]
    schema = request["application/json"]["schema"]
    schema["properties"]["negative_prompt"] = {"type": "string", "description": "What to avoid"}
    document["info"]["version"] = "1.1.0"
    published.serve(document)
    before = (project / SIRAY.upstream).read_text(encoding="utf-8")

    assert refresh(SIRAY, project, published.url) is True

    after = (project / SIRAY.upstream).read_text(encoding="utf-8")
    assert load_yaml(project / SIRAY.upstream) == document
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="")
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        "-  version: 1.0.0",
        "+  version: 1.1.0",
        "+                negative_prompt:",
        "+                  type: string",
        "+                  description: What to avoid",
    ]


def test_a_value_yaml_would_misread_is_quoted(project: Path, published: Published) -> None:
    document = copy.deepcopy(upstream())
    document["info"]["version"] = "16:9"
    published.serve(document)
    assert refresh(SIRAY, project, published.url) is True
    assert load_yaml(project / SIRAY.upstream)["info"]["version"] == "16:9"
    assert "version: '16:9'" in (project / SIRAY.upstream).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("status", "body", "words"),
    [
        (404, b"{}", "could not be fetched"),
        (200, b'{"swagger": "2.0"}', "not an OpenAPI 3 document"),
        (200, b"<html>", "not an OpenAPI 3 document"),
    ],
)
def test_a_bad_answer_is_an_error_naming_the_url(
    project: Path, published: Published, status: int, body: bytes, words: str
) -> None:
    published.status, published.body = status, body
    before = (project / SIRAY.upstream).read_bytes()
    with pytest.raises(PipelineError) as caught:
        refresh(SIRAY, project, published.url)
    assert str(caught.value).startswith(published.url)
    assert words in str(caught.value)
    assert (project / SIRAY.upstream).read_bytes() == before


@pytest.mark.slow
def test_refresh_fetches_writes_regenerates_and_reports(
    tmp_path: Path, published: Published, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("specs", "overlays", "generated", "docs", "scripts/templates"):
        shutil.copytree(
            ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "CHANGELOG.md", tmp_path / "CHANGELOG.md")
    document = upstream()
    body = document["paths"]["/v1/video/generations"]["post"]["requestBody"]
    body["content"]["application/json"]["schema"]["properties"]["size"]["enum"].remove("1080p")
    published.serve(document)
    (tmp_path / SIRAY.source).write_text(f"url: {published.url}\n", encoding="utf-8")

    assert main(["refresh", "siray", "--root", str(tmp_path)]) == 0

    printed = capsys.readouterr().out
    assert "specs/siray/upstream.yaml: rewritten from the published document" in printed
    assert "seedance_siray: breaking changes since 1.0.0: it must take version 2.0.0" in printed
    assert '  breaking: VideoGenerationRequest.size: enum value "1080p" removed' in printed
    assert "seedance_genray 1.0.0: no change since 1.0.0" in printed
    report = (tmp_path / SIRAY.changes_report).read_text(encoding="utf-8")
    assert "## Unreleased: must be 2.0.0 (breaking)" in report
