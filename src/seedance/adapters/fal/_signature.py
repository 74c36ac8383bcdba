"""fal's webhook signatures: ED25519 over the request id, user id, timestamp and the body's
SHA-256, with keys from fal's JSON Web Key Set (docs.fal.ai/model-apis/model-endpoints/webhooks,
"Verifying Your Webhook"; the same steps in smarenkov/fal-ai-webhook-verification)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

from ..._errors import WebhookVerificationError

__all__ = ["JWKS_TTL", "JWKS_URL", "Jwks", "check_signature"]

# Where fal publishes the public keys of its webhook signatures, and how long a fetched set is
# kept (a day, as fal's examples cache it).
JWKS_URL = "https://rest.alpha.fal.ai/.well-known/jwks.json"
JWKS_TTL = 24 * 3600.0
_SIGNED = ("request-id", "user-id", "timestamp")  # x-fal-webhook-<name>, then the body's hash


def check_signature(body: bytes, headers: Mapping[str, str], tolerance: float, jwks: Jwks) -> str:
    """Raise `WebhookVerificationError` unless fal signed *body* and *headers* no more than
    *tolerance* seconds from now; return the signed request id."""
    if not tolerance >= 0:  # NaN would silently accept any age
        raise WebhookVerificationError(f"tolerance must be 0 or more seconds, not {tolerance!r}")
    lowered = {str(key).lower(): value for key, value in headers.items()}
    signed = []
    for name in (*_SIGNED, "signature"):
        value = lowered.get(f"x-fal-webhook-{name}")
        if not isinstance(value, str) or not value:
            raise WebhookVerificationError(f"the X-Fal-Webhook-{name.title()} header is missing")
        signed.append(value)
    request_id, user_id, sent, signature = signed
    try:
        sent_at = int(sent)
        raw_signature = bytes.fromhex(signature)
    except ValueError:
        raise WebhookVerificationError(
            "the webhook's timestamp or signature is malformed"
        ) from None
    age = time.time() - sent_at
    if abs(age) > tolerance:
        raise WebhookVerificationError(
            f"the webhook timestamp {sent_at} is {age:.0f}s from now; the tolerance is"
            f" {tolerance:g}s (a replayed or delayed delivery)"
        )
    message = "\n".join((request_id, user_id, sent, hashlib.sha256(body).hexdigest()))
    if not jwks.verify(raw_signature, message.encode()):
        raise WebhookVerificationError("X-Fal-Webhook-Signature matches none of fal's keys")
    return request_id


class Jwks:
    """fal's webhook public keys (a JSON Web Key Set of Ed25519 keys), fetched on first use and
    kept *ttl* seconds; *keys* given up front are used as they are (offline, in tests).

    >>> Jwks(keys=[]).verify(b"", b"")
    False
    """

    def __init__(
        self,
        *,
        keys: list[Mapping[str, Any]] | None = None,
        fetch: Callable[[], Mapping[str, Any]] | None = None,
        ttl: float = JWKS_TTL,
    ) -> None:
        self._fixed = keys is not None
        self._keys = list(keys or ())
        self._fetch = fetch or _fetch_jwks
        self._ttl = ttl
        self._fetched = -float("inf")
        self._lock = threading.Lock()

    def keys(self) -> list[Mapping[str, Any]]:
        with self._lock:
            if not self._fixed and time.monotonic() - self._fetched > self._ttl:
                document = self._fetch()
                found = document.get("keys") if isinstance(document, Mapping) else None
                if not isinstance(found, list):
                    raise WebhookVerificationError("fal's key set has no keys")
                self._keys, self._fetched = found, time.monotonic()
            return list(self._keys)

    def verify(self, signature: bytes, message: bytes) -> bool:
        """True if one of the Ed25519 keys signed *message* with *signature*."""
        try:
            from cryptography.exceptions import InvalidSignature
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
        except ImportError:  # the library's own install does not need it
            raise WebhookVerificationError(
                "fal's webhooks are ED25519-signed: verifying them needs"
                " `pip install 'seedance[fal]'` (cryptography)"
            ) from None

        for key in self.keys():
            if key.get("kty") != "OKP" or key.get("crv") != "Ed25519":
                continue
            try:
                raw = base64.urlsafe_b64decode(str(key.get("x", "")) + "==")
                Ed25519PublicKey.from_public_bytes(raw).verify(signature, message)
            except (InvalidSignature, ValueError, binascii.Error):
                continue
            return True
        return False


def _fetch_jwks() -> Mapping[str, Any]:
    import httpx

    try:
        response = httpx.get(JWKS_URL, timeout=10.0)
        response.raise_for_status()
        document: Mapping[str, Any] = response.json()
    except (httpx.HTTPError, ValueError) as error:
        raise WebhookVerificationError(
            f"fal's webhook keys could not be fetched: {error}"
        ) from None
    return document
