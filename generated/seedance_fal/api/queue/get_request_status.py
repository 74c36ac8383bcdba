from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.queue_status import QueueStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    owner: str,
    alias: str,
    request_id: str,
    *,
    logs: bool | float | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_logs: bool | float | Unset
    if isinstance(logs, Unset):
        json_logs = UNSET
    else:
        json_logs = logs
    params["logs"] = json_logs

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/{owner}/{alias}/requests/{request_id}/status".format(
            owner=quote(str(owner), safe=""),
            alias=quote(str(alias), safe=""),
            request_id=quote(str(request_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | QueueStatus:
    if response.status_code == 200:
        response_200 = QueueStatus.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | QueueStatus]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    owner: str,
    alias: str,
    request_id: str,
    *,
    client: AuthenticatedClient | Client,
    logs: bool | float | Unset = UNSET,
) -> Response[ErrorResponse | QueueStatus]:
    """Get request status

    Args:
        owner (str):
        alias (str):
        request_id (str):
        logs (bool | float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | QueueStatus]
    """

    kwargs = _get_kwargs(
        owner=owner,
        alias=alias,
        request_id=request_id,
        logs=logs,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    owner: str,
    alias: str,
    request_id: str,
    *,
    client: AuthenticatedClient | Client,
    logs: bool | float | Unset = UNSET,
) -> ErrorResponse | QueueStatus | None:
    """Get request status

    Args:
        owner (str):
        alias (str):
        request_id (str):
        logs (bool | float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | QueueStatus
    """

    return sync_detailed(
        owner=owner,
        alias=alias,
        request_id=request_id,
        client=client,
        logs=logs,
    ).parsed


async def asyncio_detailed(
    owner: str,
    alias: str,
    request_id: str,
    *,
    client: AuthenticatedClient | Client,
    logs: bool | float | Unset = UNSET,
) -> Response[ErrorResponse | QueueStatus]:
    """Get request status

    Args:
        owner (str):
        alias (str):
        request_id (str):
        logs (bool | float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | QueueStatus]
    """

    kwargs = _get_kwargs(
        owner=owner,
        alias=alias,
        request_id=request_id,
        logs=logs,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    owner: str,
    alias: str,
    request_id: str,
    *,
    client: AuthenticatedClient | Client,
    logs: bool | float | Unset = UNSET,
) -> ErrorResponse | QueueStatus | None:
    """Get request status

    Args:
        owner (str):
        alias (str):
        request_id (str):
        logs (bool | float | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | QueueStatus
    """

    return (
        await asyncio_detailed(
            owner=owner,
            alias=alias,
            request_id=request_id,
            client=client,
            logs=logs,
        )
    ).parsed
