from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_task_request import CreateTaskRequest
from ...models.error_response import ErrorResponse
from ...models.task_created import TaskCreated
from ...types import Response


def _get_kwargs(
    *,
    body: CreateTaskRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/contents/generations/tasks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TaskCreated:
    if response.status_code == 200:
        response_200 = TaskCreated.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | TaskCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTaskRequest,
) -> Response[ErrorResponse | TaskCreated]:
    """Create a video generation task

     Queues a content generation task and returns its id. At most 120 tasks may be queued per account;
    poll the task with `get_task` or pass `callback_url`.

    Args:
        body (CreateTaskRequest): Creates a video generation task: the model, the input `content`
            (a text prompt, images, videos, audios or a draft task) and the output options. Example:
            {'model': 'doubao-seedance-1-0-lite-i2v-250428', 'content': [{'type': 'text', 'text': 'A
            kitten yawns at the camera, then curls up to sleep.'}, {'type': 'image_url', 'image_url':
            {'url': 'https://example.com/first-frame.png'}, 'role': 'first_frame'}, {'type':
            'image_url', 'image_url': {'url': 'https://example.com/last-frame.png'}, 'role':
            'last_frame'}], 'resolution': '720p', 'ratio': 'adaptive', 'duration': 5, 'seed': -1,
            'camera_fixed': False, 'watermark': False, 'return_last_frame': True, 'service_tier':
            'default', 'execution_expires_after': 172800}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskCreated]
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
    body: CreateTaskRequest,
) -> ErrorResponse | TaskCreated | None:
    """Create a video generation task

     Queues a content generation task and returns its id. At most 120 tasks may be queued per account;
    poll the task with `get_task` or pass `callback_url`.

    Args:
        body (CreateTaskRequest): Creates a video generation task: the model, the input `content`
            (a text prompt, images, videos, audios or a draft task) and the output options. Example:
            {'model': 'doubao-seedance-1-0-lite-i2v-250428', 'content': [{'type': 'text', 'text': 'A
            kitten yawns at the camera, then curls up to sleep.'}, {'type': 'image_url', 'image_url':
            {'url': 'https://example.com/first-frame.png'}, 'role': 'first_frame'}, {'type':
            'image_url', 'image_url': {'url': 'https://example.com/last-frame.png'}, 'role':
            'last_frame'}], 'resolution': '720p', 'ratio': 'adaptive', 'duration': 5, 'seed': -1,
            'camera_fixed': False, 'watermark': False, 'return_last_frame': True, 'service_tier':
            'default', 'execution_expires_after': 172800}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTaskRequest,
) -> Response[ErrorResponse | TaskCreated]:
    """Create a video generation task

     Queues a content generation task and returns its id. At most 120 tasks may be queued per account;
    poll the task with `get_task` or pass `callback_url`.

    Args:
        body (CreateTaskRequest): Creates a video generation task: the model, the input `content`
            (a text prompt, images, videos, audios or a draft task) and the output options. Example:
            {'model': 'doubao-seedance-1-0-lite-i2v-250428', 'content': [{'type': 'text', 'text': 'A
            kitten yawns at the camera, then curls up to sleep.'}, {'type': 'image_url', 'image_url':
            {'url': 'https://example.com/first-frame.png'}, 'role': 'first_frame'}, {'type':
            'image_url', 'image_url': {'url': 'https://example.com/last-frame.png'}, 'role':
            'last_frame'}], 'resolution': '720p', 'ratio': 'adaptive', 'duration': 5, 'seed': -1,
            'camera_fixed': False, 'watermark': False, 'return_last_frame': True, 'service_tier':
            'default', 'execution_expires_after': 172800}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTaskRequest,
) -> ErrorResponse | TaskCreated | None:
    """Create a video generation task

     Queues a content generation task and returns its id. At most 120 tasks may be queued per account;
    poll the task with `get_task` or pass `callback_url`.

    Args:
        body (CreateTaskRequest): Creates a video generation task: the model, the input `content`
            (a text prompt, images, videos, audios or a draft task) and the output options. Example:
            {'model': 'doubao-seedance-1-0-lite-i2v-250428', 'content': [{'type': 'text', 'text': 'A
            kitten yawns at the camera, then curls up to sleep.'}, {'type': 'image_url', 'image_url':
            {'url': 'https://example.com/first-frame.png'}, 'role': 'first_frame'}, {'type':
            'image_url', 'image_url': {'url': 'https://example.com/last-frame.png'}, 'role':
            'last_frame'}], 'resolution': '720p', 'ratio': 'adaptive', 'duration': 5, 'seed': -1,
            'camera_fixed': False, 'watermark': False, 'return_last_frame': True, 'service_tier':
            'default', 'execution_expires_after': 172800}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
