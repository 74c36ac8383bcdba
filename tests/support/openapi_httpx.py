"""openapi-core's Request and Response protocols over httpx, to validate what a client sends.

>>> spec = OpenAPI.from_dict(document)
>>> spec.validate_request(HttpxOpenAPIRequest(request))            # raises when it does not match
>>> spec.validate_response(HttpxOpenAPIRequest(request), HttpxOpenAPIResponse(response))

The request's scheme, host and path are matched against the spec's ``servers`` as sent, so a
request to any other base URL is an error.
"""

from __future__ import annotations

from http.cookies import SimpleCookie

import httpx
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

__all__ = ["HttpxOpenAPIRequest", "HttpxOpenAPIResponse"]


class HttpxOpenAPIRequest:
    """An `httpx.Request` as openapi-core's ``Request`` protocol."""

    def __init__(self, request: httpx.Request) -> None:
        self.request = request
        cookies = SimpleCookie(request.headers.get("cookie", ""))
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(request.url.params.multi_items()),
            header=Headers(request.headers.multi_items()),
            cookie=ImmutableMultiDict({name: morsel.value for name, morsel in cookies.items()}),
        )

    @property
    def host_url(self) -> str:
        return f"{self.request.url.scheme}://{self.request.url.netloc.decode('ascii')}"

    @property
    def path(self) -> str:
        return self.request.url.path

    @property
    def method(self) -> str:
        return self.request.method.lower()

    @property
    def body(self) -> bytes | None:
        # read() also takes in a streamed body (multipart), which .content alone refuses.
        return self.request.read() or None

    @property
    def content_type(self) -> str:
        # Parameters keep their case: a multipart boundary is case-sensitive.
        return str(self.request.headers.get("content-type", "application/octet-stream"))


class HttpxOpenAPIResponse:
    """An `httpx.Response` as openapi-core's ``Response`` protocol."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def content_type(self) -> str:
        return str(self.response.headers.get("content-type", ""))

    @property
    def headers(self) -> Headers:
        return Headers(self.response.headers.multi_items())

    @property
    def data(self) -> bytes | None:
        return self.response.read() or None
