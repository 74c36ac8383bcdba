from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_video_request import CreateVideoRequest
from ...models.error_response import ErrorResponse
from ...models.video_job_created import VideoJobCreated
from ...types import Response


def _get_kwargs(
    *,
    body: CreateVideoRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/videos",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | VideoJobCreated | None:
    if response.status_code == 202:
        response_202 = VideoJobCreated.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | VideoJobCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateVideoRequest,
) -> Response[ErrorResponse | VideoJobCreated]:
    """Generate Video

     Create a video generation job. Supports text-to-video, image-to-video (first/last frame), and omni
    reference (multi-modal inputs).

    Args:
        body (CreateVideoRequest): Create a video generation job. Text-to-video with a prompt
            alone; image-to-video with first_frame_url (and optionally end_frame_url); omni reference
            with reference images, videos and audios. Example: {'prompt': 'A cat wearing a tiny chef
            hat, cooking pasta in a sunlit kitchen', 'duration': 10, 'aspect_ratio': '16:9', 'model':
            'seedance-2.0'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VideoJobCreated]
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
    body: CreateVideoRequest,
) -> ErrorResponse | VideoJobCreated | None:
    """Generate Video

     Create a video generation job. Supports text-to-video, image-to-video (first/last frame), and omni
    reference (multi-modal inputs).

    Args:
        body (CreateVideoRequest): Create a video generation job. Text-to-video with a prompt
            alone; image-to-video with first_frame_url (and optionally end_frame_url); omni reference
            with reference images, videos and audios. Example: {'prompt': 'A cat wearing a tiny chef
            hat, cooking pasta in a sunlit kitchen', 'duration': 10, 'aspect_ratio': '16:9', 'model':
            'seedance-2.0'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VideoJobCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateVideoRequest,
) -> Response[ErrorResponse | VideoJobCreated]:
    """Generate Video

     Create a video generation job. Supports text-to-video, image-to-video (first/last frame), and omni
    reference (multi-modal inputs).

    Args:
        body (CreateVideoRequest): Create a video generation job. Text-to-video with a prompt
            alone; image-to-video with first_frame_url (and optionally end_frame_url); omni reference
            with reference images, videos and audios. Example: {'prompt': 'A cat wearing a tiny chef
            hat, cooking pasta in a sunlit kitchen', 'duration': 10, 'aspect_ratio': '16:9', 'model':
            'seedance-2.0'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VideoJobCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateVideoRequest,
) -> ErrorResponse | VideoJobCreated | None:
    """Generate Video

     Create a video generation job. Supports text-to-video, image-to-video (first/last frame), and omni
    reference (multi-modal inputs).

    Args:
        body (CreateVideoRequest): Create a video generation job. Text-to-video with a prompt
            alone; image-to-video with first_frame_url (and optionally end_frame_url); omni reference
            with reference images, videos and audios. Example: {'prompt': 'A cat wearing a tiny chef
            hat, cooking pasta in a sunlit kitchen', 'duration': 10, 'aspect_ratio': '16:9', 'model':
            'seedance-2.0'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VideoJobCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
