from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.seedance_video_output import SeedanceVideoOutput
from ...types import Response


def _get_kwargs(
    owner: str,
    alias: str,
    request_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/{owner}/{alias}/requests/{request_id}".format(
            owner=quote(str(owner), safe=""),
            alias=quote(str(alias), safe=""),
            request_id=quote(str(request_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SeedanceVideoOutput:
    if response.status_code == 200:
        response_200 = SeedanceVideoOutput.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | SeedanceVideoOutput]:
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
) -> Response[ErrorResponse | SeedanceVideoOutput]:
    """Get request result

     Get the result of a completed request. The response has the status code, headers, and body that the
    model returned. If the model returned an error, this operation returns the same error. fal keeps the
    result for 1 hour after the request completes. If the result is 10 KB or larger, fal keeps it for 6
    minutes.

    Args:
        owner (str):
        alias (str):
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SeedanceVideoOutput]
    """

    kwargs = _get_kwargs(
        owner=owner,
        alias=alias,
        request_id=request_id,
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
) -> ErrorResponse | SeedanceVideoOutput | None:
    """Get request result

     Get the result of a completed request. The response has the status code, headers, and body that the
    model returned. If the model returned an error, this operation returns the same error. fal keeps the
    result for 1 hour after the request completes. If the result is 10 KB or larger, fal keeps it for 6
    minutes.

    Args:
        owner (str):
        alias (str):
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SeedanceVideoOutput
    """

    return sync_detailed(
        owner=owner,
        alias=alias,
        request_id=request_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    owner: str,
    alias: str,
    request_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | SeedanceVideoOutput]:
    """Get request result

     Get the result of a completed request. The response has the status code, headers, and body that the
    model returned. If the model returned an error, this operation returns the same error. fal keeps the
    result for 1 hour after the request completes. If the result is 10 KB or larger, fal keeps it for 6
    minutes.

    Args:
        owner (str):
        alias (str):
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SeedanceVideoOutput]
    """

    kwargs = _get_kwargs(
        owner=owner,
        alias=alias,
        request_id=request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    owner: str,
    alias: str,
    request_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | SeedanceVideoOutput | None:
    """Get request result

     Get the result of a completed request. The response has the status code, headers, and body that the
    model returned. If the model returned an error, this operation returns the same error. fal keeps the
    result for 1 hour after the request completes. If the result is 10 KB or larger, fal keeps it for 6
    minutes.

    Args:
        owner (str):
        alias (str):
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SeedanceVideoOutput
    """

    return (
        await asyncio_detailed(
            owner=owner,
            alias=alias,
            request_id=request_id,
            client=client,
        )
    ).parsed
