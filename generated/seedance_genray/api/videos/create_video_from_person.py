from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.video_from_person_job_created import VideoFromPersonJobCreated
from ...models.video_from_person_request import VideoFromPersonRequest
from ...types import Response


def _get_kwargs(
    *,
    body: VideoFromPersonRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/videos/from-person",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | VideoFromPersonJobCreated | None:
    if response.status_code == 202:
        response_202 = VideoFromPersonJobCreated.from_dict(response.json())

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
) -> Response[ErrorResponse | VideoFromPersonJobCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VideoFromPersonRequest,
) -> Response[ErrorResponse | VideoFromPersonJobCreated]:
    """Video From Person Photo

     Generate a photoreal Seedance video from a single person photo. Pass a URL to the portrait and an
    action prompt — the endpoint handles identity extraction and produces cinematic live-action video of
    that character performing the described action.

    Then poll GET /api/v1/videos/{id} (see Check Status) until "completed".

    Pricing & Refunds
    - Success: 142 credits for a 5-second video at seedance-2.0 (scales with duration and model).
    - Generation fails: video cost is automatically refunded.
    - Moderation reject: video cost refunded automatically.

    Notes
    - Works best on clear frontal portraits with neutral lighting.
    - Processing time: ~2–5 minutes end-to-end.
    - In the prompt, describe the action / scene only. Do not describe the person's appearance —
    identity is extracted from the photo.
    - person_image_url must be publicly fetchable (no auth on the image host). Use /api/v1/upload to
    host user-submitted images.

    Args:
        body (VideoFromPersonRequest): Generate a photoreal video of the person in
            person_image_url performing the action in prompt. Identity is extracted from the photo:
            describe the action and scene only. Example: {'person_image_url': 'https://your-
            host.com/photo.jpg', 'prompt': 'The character turns head slowly, soft daylight, cinematic
            close-up, subtle smile', 'duration': 5, 'aspect_ratio': '9:16'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VideoFromPersonJobCreated]
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
    body: VideoFromPersonRequest,
) -> ErrorResponse | VideoFromPersonJobCreated | None:
    """Video From Person Photo

     Generate a photoreal Seedance video from a single person photo. Pass a URL to the portrait and an
    action prompt — the endpoint handles identity extraction and produces cinematic live-action video of
    that character performing the described action.

    Then poll GET /api/v1/videos/{id} (see Check Status) until "completed".

    Pricing & Refunds
    - Success: 142 credits for a 5-second video at seedance-2.0 (scales with duration and model).
    - Generation fails: video cost is automatically refunded.
    - Moderation reject: video cost refunded automatically.

    Notes
    - Works best on clear frontal portraits with neutral lighting.
    - Processing time: ~2–5 minutes end-to-end.
    - In the prompt, describe the action / scene only. Do not describe the person's appearance —
    identity is extracted from the photo.
    - person_image_url must be publicly fetchable (no auth on the image host). Use /api/v1/upload to
    host user-submitted images.

    Args:
        body (VideoFromPersonRequest): Generate a photoreal video of the person in
            person_image_url performing the action in prompt. Identity is extracted from the photo:
            describe the action and scene only. Example: {'person_image_url': 'https://your-
            host.com/photo.jpg', 'prompt': 'The character turns head slowly, soft daylight, cinematic
            close-up, subtle smile', 'duration': 5, 'aspect_ratio': '9:16'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VideoFromPersonJobCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VideoFromPersonRequest,
) -> Response[ErrorResponse | VideoFromPersonJobCreated]:
    """Video From Person Photo

     Generate a photoreal Seedance video from a single person photo. Pass a URL to the portrait and an
    action prompt — the endpoint handles identity extraction and produces cinematic live-action video of
    that character performing the described action.

    Then poll GET /api/v1/videos/{id} (see Check Status) until "completed".

    Pricing & Refunds
    - Success: 142 credits for a 5-second video at seedance-2.0 (scales with duration and model).
    - Generation fails: video cost is automatically refunded.
    - Moderation reject: video cost refunded automatically.

    Notes
    - Works best on clear frontal portraits with neutral lighting.
    - Processing time: ~2–5 minutes end-to-end.
    - In the prompt, describe the action / scene only. Do not describe the person's appearance —
    identity is extracted from the photo.
    - person_image_url must be publicly fetchable (no auth on the image host). Use /api/v1/upload to
    host user-submitted images.

    Args:
        body (VideoFromPersonRequest): Generate a photoreal video of the person in
            person_image_url performing the action in prompt. Identity is extracted from the photo:
            describe the action and scene only. Example: {'person_image_url': 'https://your-
            host.com/photo.jpg', 'prompt': 'The character turns head slowly, soft daylight, cinematic
            close-up, subtle smile', 'duration': 5, 'aspect_ratio': '9:16'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VideoFromPersonJobCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: VideoFromPersonRequest,
) -> ErrorResponse | VideoFromPersonJobCreated | None:
    """Video From Person Photo

     Generate a photoreal Seedance video from a single person photo. Pass a URL to the portrait and an
    action prompt — the endpoint handles identity extraction and produces cinematic live-action video of
    that character performing the described action.

    Then poll GET /api/v1/videos/{id} (see Check Status) until "completed".

    Pricing & Refunds
    - Success: 142 credits for a 5-second video at seedance-2.0 (scales with duration and model).
    - Generation fails: video cost is automatically refunded.
    - Moderation reject: video cost refunded automatically.

    Notes
    - Works best on clear frontal portraits with neutral lighting.
    - Processing time: ~2–5 minutes end-to-end.
    - In the prompt, describe the action / scene only. Do not describe the person's appearance —
    identity is extracted from the photo.
    - person_image_url must be publicly fetchable (no auth on the image host). Use /api/v1/upload to
    host user-submitted images.

    Args:
        body (VideoFromPersonRequest): Generate a photoreal video of the person in
            person_image_url performing the action in prompt. Identity is extracted from the photo:
            describe the action and scene only. Example: {'person_image_url': 'https://your-
            host.com/photo.jpg', 'prompt': 'The character turns head slowly, soft daylight, cinematic
            close-up, subtle smile', 'duration': 5, 'aspect_ratio': '9:16'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VideoFromPersonJobCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
