from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.upload_base_64 import UploadBase64
from ...models.upload_form import UploadForm
from ...models.uploaded_file import UploadedFile
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: UploadForm | UploadBase64 | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/upload",
    }

    if isinstance(body, UploadForm):
        if not isinstance(body, Unset):
            _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"
    if isinstance(body, UploadBase64):
        if not isinstance(body, Unset):
            _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | UploadedFile | None:
    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if 200 <= response.status_code <= 299:
        response_2xx = UploadedFile.from_dict(response.json())

        return response_2xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | UploadedFile]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadForm | UploadBase64 | Unset = UNSET,
) -> Response[ErrorResponse | UploadedFile]:
    """Upload Reference Image

     Host a reference image on genray.ai so you can pass its URL to from-person or regular /videos. Max
    10 MB. Accepts multipart/form-data or JSON base64.

    Use full_url as person_image_url or reference_images[0] in subsequent video calls.

    Args:
        body (UploadForm | Unset): The image as a multipart/form-data upload. Max 10 MB.
        body (UploadBase64 | Unset): The image as JSON, base64-encoded. Max 10 MB. The page names
            no JSON field: `file` mirrors the multipart field and is a guess. Example: {'file':
            '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA=='}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UploadedFile]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: UploadForm | UploadBase64 | Unset = UNSET,
) -> ErrorResponse | UploadedFile | None:
    """Upload Reference Image

     Host a reference image on genray.ai so you can pass its URL to from-person or regular /videos. Max
    10 MB. Accepts multipart/form-data or JSON base64.

    Use full_url as person_image_url or reference_images[0] in subsequent video calls.

    Args:
        body (UploadForm | Unset): The image as a multipart/form-data upload. Max 10 MB.
        body (UploadBase64 | Unset): The image as JSON, base64-encoded. Max 10 MB. The page names
            no JSON field: `file` mirrors the multipart field and is a guess. Example: {'file':
            '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA=='}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UploadedFile
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadForm | UploadBase64 | Unset = UNSET,
) -> Response[ErrorResponse | UploadedFile]:
    """Upload Reference Image

     Host a reference image on genray.ai so you can pass its URL to from-person or regular /videos. Max
    10 MB. Accepts multipart/form-data or JSON base64.

    Use full_url as person_image_url or reference_images[0] in subsequent video calls.

    Args:
        body (UploadForm | Unset): The image as a multipart/form-data upload. Max 10 MB.
        body (UploadBase64 | Unset): The image as JSON, base64-encoded. Max 10 MB. The page names
            no JSON field: `file` mirrors the multipart field and is a guess. Example: {'file':
            '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA=='}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | UploadedFile]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UploadForm | UploadBase64 | Unset = UNSET,
) -> ErrorResponse | UploadedFile | None:
    """Upload Reference Image

     Host a reference image on genray.ai so you can pass its URL to from-person or regular /videos. Max
    10 MB. Accepts multipart/form-data or JSON base64.

    Use full_url as person_image_url or reference_images[0] in subsequent video calls.

    Args:
        body (UploadForm | Unset): The image as a multipart/form-data upload. Max 10 MB.
        body (UploadBase64 | Unset): The image as JSON, base64-encoded. Max 10 MB. The page names
            no JSON field: `file` mirrors the multipart field and is a guess. Example: {'file':
            '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA=='}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | UploadedFile
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
