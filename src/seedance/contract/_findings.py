"""What a contract check finds: one `Finding` per deviation, and the `Exchange` that showed it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from .._redact import redact, redact_url

__all__ = ["KINDS", "Exchange", "Finding", "Severity"]

Severity = Literal["error", "warning"]

KINDS: dict[str, str] = {
    "undocumented_status": "a status code the operation does not document",
    "unexpected_content_type": "a content type the response does not document (an HTML page?)",
    "invalid_json": "a body that is not the JSON the content type announces",
    "missing_field": "a required field is absent",
    "renamed_field": "a required field is absent and an undeclared one appeared in its place",
    "wrong_type": "a field of another JSON type than documented",
    "unknown_enum": "a value (a status word, ...) outside the documented enum",
    "invalid_value": "a value outside a documented range, pattern or format",
    "unknown_field": "a field the schema does not declare",
    "missing_header": "a documented required response header is absent",
    "unknown_operation": "a request matching no operation of the curated spec",
    "invalid_request": "a request that does not satisfy the curated spec",
    "behaviour": "an answer of the documented kind was expected (a 401 for a wrong key, ...)",
}
"""Every kind of finding, and what it means (the report's legend)."""


@dataclass(frozen=True)
class Finding:
    """One deviation from the curated spec: what, where, and the request that showed it."""

    kind: str
    operation: str
    field: str
    detail: str
    request: str
    status: int = 0
    severity: Severity = "error"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Exchange:
    """One request and its answer, as sent and received (secrets are scrubbed when shown or
    recorded, never here: the checker needs the real bytes)."""

    method: str
    url: str
    request_headers: dict[str, str]
    request_body: bytes
    status: int
    response_headers: dict[str, str]
    response_body: bytes
    operation: str = ""
    probe: str = ""
    findings: list[Finding] = field(default_factory=list)

    @property
    def shown(self) -> str:
        """The request as a person may see it: method and URL, without query string or key."""
        return redact(f"{self.method} {redact_url(self.url)}")
