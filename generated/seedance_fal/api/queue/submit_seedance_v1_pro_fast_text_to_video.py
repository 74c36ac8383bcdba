from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.queue_status import QueueStatus
from ...models.seedance_pro_fast_text_to_video_input import (
    SeedanceProFastTextToVideoInput,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SeedanceProFastTextToVideoInput,
    fal_webhook: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["fal_webhook"] = fal_webhook

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/fal-ai/bytedance/seedance/v1/pro/fast/text-to-video",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    *,
    client: AuthenticatedClient | Client,
    body: SeedanceProFastTextToVideoInput,
    fal_webhook: str | Unset = UNSET,
) -> Response[ErrorResponse | QueueStatus]:
    """SeedanceProFastTextToVideoInput

     Submit a request to the queue of the `fal-ai/bytedance/seedance/v1/pro/fast/text-to-video` endpoint.

    Args:
        fal_webhook (str | Unset):
        body (SeedanceProFastTextToVideoInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | QueueStatus]
    """

    kwargs = _get_kwargs(
        body=body,
        fal_webhook=fal_webhook,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SeedanceProFastTextToVideoInput,
    fal_webhook: str | Unset = UNSET,
) -> ErrorResponse | QueueStatus | None:
    """SeedanceProFastTextToVideoInput

     Submit a request to the queue of the `fal-ai/bytedance/seedance/v1/pro/fast/text-to-video` endpoint.

    Args:
        fal_webhook (str | Unset):
        body (SeedanceProFastTextToVideoInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | QueueStatus
    """

    return sync_detailed(
        client=client,
        body=body,
        fal_webhook=fal_webhook,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeedanceProFastTextToVideoInput,
    fal_webhook: str | Unset = UNSET,
) -> Response[ErrorResponse | QueueStatus]:
    """SeedanceProFastTextToVideoInput

     Submit a request to the queue of the `fal-ai/bytedance/seedance/v1/pro/fast/text-to-video` endpoint.

    Args:
        fal_webhook (str | Unset):
        body (SeedanceProFastTextToVideoInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | QueueStatus]
    """

    kwargs = _get_kwargs(
        body=body,
        fal_webhook=fal_webhook,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SeedanceProFastTextToVideoInput,
    fal_webhook: str | Unset = UNSET,
) -> ErrorResponse | QueueStatus | None:
    """SeedanceProFastTextToVideoInput

     Submit a request to the queue of the `fal-ai/bytedance/seedance/v1/pro/fast/text-to-video` endpoint.

    Args:
        fal_webhook (str | Unset):
        body (SeedanceProFastTextToVideoInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | QueueStatus
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            fal_webhook=fal_webhook,
        )
    ).parsed
