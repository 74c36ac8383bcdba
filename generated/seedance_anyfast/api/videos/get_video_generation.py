from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.flat_task_status import FlatTaskStatus
from ...models.task_error_response import TaskErrorResponse
from ...models.wrapped_task_status import WrappedTaskStatus
from ...types import Response


def _get_kwargs(
    task_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/video/generations/{task_id}".format(
            task_id=quote(str(task_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TaskErrorResponse | FlatTaskStatus | WrappedTaskStatus:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> FlatTaskStatus | WrappedTaskStatus:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_task_status_type_0 = WrappedTaskStatus.from_dict(data)

                return componentsschemas_task_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_task_status_type_1 = FlatTaskStatus.from_dict(data)

            return componentsschemas_task_status_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 400:

        def _parse_response_400(data: object) -> ErrorResponse | TaskErrorResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = ErrorResponse.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = TaskErrorResponse.from_dict(data)

            return componentsschemas_error_body_type_1

        response_400 = _parse_response_400(response.json())

        return response_400

    if response.status_code == 401:

        def _parse_response_401(data: object) -> ErrorResponse | TaskErrorResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = ErrorResponse.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = TaskErrorResponse.from_dict(data)

            return componentsschemas_error_body_type_1

        response_401 = _parse_response_401(response.json())

        return response_401

    if response.status_code == 500:

        def _parse_response_500(data: object) -> ErrorResponse | TaskErrorResponse:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_error_body_type_0 = ErrorResponse.from_dict(data)

                return componentsschemas_error_body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_1 = TaskErrorResponse.from_dict(data)

            return componentsschemas_error_body_type_1

        response_500 = _parse_response_500(response.json())

        return response_500

    def _parse_response_default(data: object) -> ErrorResponse | TaskErrorResponse:
        try:
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_error_body_type_0 = ErrorResponse.from_dict(data)

            return componentsschemas_error_body_type_0
        except (TypeError, ValueError, AttributeError, KeyError):
            pass
        if not isinstance(data, dict):
            raise TypeError()
        componentsschemas_error_body_type_1 = TaskErrorResponse.from_dict(data)

        return componentsschemas_error_body_type_1

    response_default = _parse_response_default(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | TaskErrorResponse | FlatTaskStatus | WrappedTaskStatus]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | TaskErrorResponse | FlatTaskStatus | WrappedTaskStatus]:
    """Get a video generation task

     Returns the task's status and, once it succeeded, the video URL. Anyfast documents two different
    body shapes for this call (see `TaskStatus`); the URL is valid for 24 hours.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskErrorResponse | FlatTaskStatus | WrappedTaskStatus]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | TaskErrorResponse | FlatTaskStatus | WrappedTaskStatus | None:
    """Get a video generation task

     Returns the task's status and, once it succeeded, the video URL. Anyfast documents two different
    body shapes for this call (see `TaskStatus`); the URL is valid for 24 hours.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskErrorResponse | FlatTaskStatus | WrappedTaskStatus
    """

    return sync_detailed(
        task_id=task_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | TaskErrorResponse | FlatTaskStatus | WrappedTaskStatus]:
    """Get a video generation task

     Returns the task's status and, once it succeeded, the video URL. Anyfast documents two different
    body shapes for this call (see `TaskStatus`); the URL is valid for 24 hours.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskErrorResponse | FlatTaskStatus | WrappedTaskStatus]
    """

    kwargs = _get_kwargs(
        task_id=task_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | TaskErrorResponse | FlatTaskStatus | WrappedTaskStatus | None:
    """Get a video generation task

     Returns the task's status and, once it succeeded, the video URL. Anyfast documents two different
    body shapes for this call (see `TaskStatus`); the URL is valid for 24 hours.

    Args:
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskErrorResponse | FlatTaskStatus | WrappedTaskStatus
    """

    return (
        await asyncio_detailed(
            task_id=task_id,
            client=client,
        )
    ).parsed
