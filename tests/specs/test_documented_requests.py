"""The request bodies of the curl examples in provider-docs/ validate against the curated specs.

Where a curated spec rejects a documented body because the documentation is wrong, the case is
listed in EXPLAINED with the overlay action that explains it, and the test checks both that the
body is still rejected and that the action exists.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import pytest

from conftest import PROVIDERS, SHARED, shared_path
from pipeline import ROOT, Provider, load_yaml
from support.openapi import curated, operations, validator
from support.provider_docs import curl_blocks

BODY = re.compile(r"(?:--data|-d)\s+'(.*?)'", re.DOTALL)
URL = re.compile(r"https://[^\s'\"\\]+")

# (document, index of the curl example in it) -> (provider, text in the explaining overlay action)
EXPLAINED: dict[tuple[str, int], tuple[str, str]] = {}


@dataclass(frozen=True)
class DocumentedRequest:
    document: str
    index: int
    url: str
    body: Any

    @property
    def id(self) -> str:
        return f"{self.document}#{self.index}"


def documented_requests() -> list[DocumentedRequest]:
    found = []
    for document, index, block in curl_blocks(SHARED / "provider-docs"):
        body, url = BODY.search(block), URL.search(block)
        if body and url:
            found.append(DocumentedRequest(document, index, url.group(), json.loads(body.group(1))))
    return found


def locate(url: str) -> tuple[Provider, str]:
    """The provider whose server the URL is on, and the operationId its path matches."""
    for provider in PROVIDERS:
        document = curated(provider)
        for server in document.get("servers", []):
            base = server["url"].rstrip("/")
            if not url.startswith(base + "/"):
                continue
            path = url[len(base) :]
            for operation in operations(document):
                pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(operation.path)) + "$"
                if operation.method == "post" and re.match(pattern, path):
                    return provider, operation.operation_id
    raise LookupError(f"no curated spec has a POST operation for {url}")


REQUESTS = documented_requests()


def test_the_provider_docs_have_curl_bodies() -> None:
    shared_path("provider-docs")
    assert len(REQUESTS) >= 5


@pytest.mark.parametrize("request_", REQUESTS, ids=[request.id for request in REQUESTS])
def test_documented_body_validates_against_the_curated_spec(request_: DocumentedRequest) -> None:
    provider, operation_id = locate(request_.url)
    document = curated(provider)
    operation = next(op for op in operations(document) if op.operation_id == operation_id)
    pointer = operation.json_body_pointer()
    assert pointer, f"{operation_id} takes no JSON body, yet {request_.id} sends one"
    errors = [error.message for error in validator(document, pointer).iter_errors(request_.body)]
    explained = EXPLAINED.get((request_.document, request_.index))
    if explained is None:
        assert not errors, f"{request_.id} is rejected by {provider.curated}: {errors}"
        return
    assert errors, f"{request_.id} is accepted now: remove it from EXPLAINED"
    owner, text = explained
    actions = load_yaml(ROOT / "overlays" / f"{owner}.yaml")["actions"]
    assert any(text in action.get("description", "") for action in actions)
