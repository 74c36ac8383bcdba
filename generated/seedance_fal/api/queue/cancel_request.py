from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.cancel_result import CancelResult
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    owner: str,
    alias: str,
    request_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/{owner}/{alias}/requests/{request_id}/cancel".format(
            owner=quote(str(owner), safe=""),
            alias=quote(str(alias), safe=""),
            request_id=quote(str(request_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CancelResult | ErrorResponse:
    if response.status_code == 200:
        response_200 = CancelResult.from_dict(response.json())

        return response_200

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CancelResult | ErrorResponse]:
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
) -> Response[CancelResult | ErrorResponse]:
    """Cancel a request

     Cancel a queue request. If the request is in the queue, fal removes it. If the request is in
    progress, fal sends a cancellation signal to the runner. The model app decides how to stop the work.

    Args:
        owner (str):
        alias (str):
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelResult | ErrorResponse]
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
) -> CancelResult | ErrorResponse | None:
    """Cancel a request

     Cancel a queue request. If the request is in the queue, fal removes it. If the request is in
    progress, fal sends a cancellation signal to the runner. The model app decides how to stop the work.

    Args:
        owner (str):
        alias (str):
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelResult | ErrorResponse
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
) -> Response[CancelResult | ErrorResponse]:
    """Cancel a request

     Cancel a queue request. If the request is in the queue, fal removes it. If the request is in
    progress, fal sends a cancellation signal to the runner. The model app decides how to stop the work.

    Args:
        owner (str):
        alias (str):
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelResult | ErrorResponse]
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
) -> CancelResult | ErrorResponse | None:
    """Cancel a request

     Cancel a queue request. If the request is in the queue, fal removes it. If the request is in
    progress, fal sends a cancellation signal to the runner. The model app decides how to stop the work.

    Args:
        owner (str):
        alias (str):
        request_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelResult | ErrorResponse
    """

    return (
        await asyncio_detailed(
            owner=owner,
            alias=alias,
            request_id=request_id,
            client=client,
        )
    ).parsed
