from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_api_key_request import CreateApiKeyRequest
from ...models.created_api_key import CreatedApiKey
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateApiKeyRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/keys",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreatedApiKey | ErrorResponse | None:
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
        response_2xx = CreatedApiKey.from_dict(response.json())

        return response_2xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreatedApiKey | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateApiKeyRequest | Unset = UNSET,
) -> Response[CreatedApiKey | ErrorResponse]:
    """Create a new API key

     Create a new API key. Requires Standard ($39/mo) or Advanced ($80/mo) plan. The key, and the webhook
    secret used to sign webhooks, are shown only once, in this response: keys are stored hashed
    (SHA-256) and cannot be recovered. The first key is created in Account Settings → API Keys; the page
    does not say whether these endpoints accept an API key or only the website's session.

    Args:
        body (CreateApiKeyRequest | Unset): Options for a new key. Not documented: the page says
            only that a default webhook can be set per API key. Example: {'webhook_url':
            'https://example.com/genray/webhook'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedApiKey | ErrorResponse]
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
    body: CreateApiKeyRequest | Unset = UNSET,
) -> CreatedApiKey | ErrorResponse | None:
    """Create a new API key

     Create a new API key. Requires Standard ($39/mo) or Advanced ($80/mo) plan. The key, and the webhook
    secret used to sign webhooks, are shown only once, in this response: keys are stored hashed
    (SHA-256) and cannot be recovered. The first key is created in Account Settings → API Keys; the page
    does not say whether these endpoints accept an API key or only the website's session.

    Args:
        body (CreateApiKeyRequest | Unset): Options for a new key. Not documented: the page says
            only that a default webhook can be set per API key. Example: {'webhook_url':
            'https://example.com/genray/webhook'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedApiKey | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateApiKeyRequest | Unset = UNSET,
) -> Response[CreatedApiKey | ErrorResponse]:
    """Create a new API key

     Create a new API key. Requires Standard ($39/mo) or Advanced ($80/mo) plan. The key, and the webhook
    secret used to sign webhooks, are shown only once, in this response: keys are stored hashed
    (SHA-256) and cannot be recovered. The first key is created in Account Settings → API Keys; the page
    does not say whether these endpoints accept an API key or only the website's session.

    Args:
        body (CreateApiKeyRequest | Unset): Options for a new key. Not documented: the page says
            only that a default webhook can be set per API key. Example: {'webhook_url':
            'https://example.com/genray/webhook'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedApiKey | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateApiKeyRequest | Unset = UNSET,
) -> CreatedApiKey | ErrorResponse | None:
    """Create a new API key

     Create a new API key. Requires Standard ($39/mo) or Advanced ($80/mo) plan. The key, and the webhook
    secret used to sign webhooks, are shown only once, in this response: keys are stored hashed
    (SHA-256) and cannot be recovered. The first key is created in Account Settings → API Keys; the page
    does not say whether these endpoints accept an API key or only the website's session.

    Args:
        body (CreateApiKeyRequest | Unset): Options for a new key. Not documented: the page says
            only that a default webhook can be set per API key. Example: {'webhook_url':
            'https://example.com/genray/webhook'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedApiKey | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
