from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.prediction import Prediction
from ...models.prediction_request import PredictionRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PredictionRequest,
    prefer: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = prefer

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/predictions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Prediction | Problem:
    if response.status_code == 200:
        response_200 = Prediction.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Prediction.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Prediction | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PredictionRequest,
    prefer: str | Unset = UNSET,
) -> Response[Prediction | Problem]:
    """Create a prediction

     Start a new prediction for the model version and inputs you provide. Input and output (including any
    files) will be automatically deleted after an hour, so you must save a copy of any files in the
    output if you'd like to continue using them. Output files are served by `replicate.delivery` and its
    subdomains.

    Args:
        prefer (str | Unset):
        body (PredictionRequest):  Example: {'version': 'bytedance/seedance-2.0', 'input':
            {'prompt': 'a lighthouse at dusk, waves breaking', 'duration': 5, 'resolution': '720p',
            'aspect_ratio': '16:9'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Prediction | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        prefer=prefer,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PredictionRequest,
    prefer: str | Unset = UNSET,
) -> Prediction | Problem | None:
    """Create a prediction

     Start a new prediction for the model version and inputs you provide. Input and output (including any
    files) will be automatically deleted after an hour, so you must save a copy of any files in the
    output if you'd like to continue using them. Output files are served by `replicate.delivery` and its
    subdomains.

    Args:
        prefer (str | Unset):
        body (PredictionRequest):  Example: {'version': 'bytedance/seedance-2.0', 'input':
            {'prompt': 'a lighthouse at dusk, waves breaking', 'duration': 5, 'resolution': '720p',
            'aspect_ratio': '16:9'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Prediction | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        prefer=prefer,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PredictionRequest,
    prefer: str | Unset = UNSET,
) -> Response[Prediction | Problem]:
    """Create a prediction

     Start a new prediction for the model version and inputs you provide. Input and output (including any
    files) will be automatically deleted after an hour, so you must save a copy of any files in the
    output if you'd like to continue using them. Output files are served by `replicate.delivery` and its
    subdomains.

    Args:
        prefer (str | Unset):
        body (PredictionRequest):  Example: {'version': 'bytedance/seedance-2.0', 'input':
            {'prompt': 'a lighthouse at dusk, waves breaking', 'duration': 5, 'resolution': '720p',
            'aspect_ratio': '16:9'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Prediction | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PredictionRequest,
    prefer: str | Unset = UNSET,
) -> Prediction | Problem | None:
    """Create a prediction

     Start a new prediction for the model version and inputs you provide. Input and output (including any
    files) will be automatically deleted after an hour, so you must save a copy of any files in the
    output if you'd like to continue using them. Output files are served by `replicate.delivery` and its
    subdomains.

    Args:
        prefer (str | Unset):
        body (PredictionRequest):  Example: {'version': 'bytedance/seedance-2.0', 'input':
            {'prompt': 'a lighthouse at dusk, waves breaking', 'duration': 5, 'resolution': '720p',
            'aspect_ratio': '16:9'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Prediction | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            prefer=prefer,
        )
    ).parsed
