from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.video_job import VideoJob
from ...types import Response


def _get_kwargs(
    job_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/videos/{job_id}".format(
            job_id=quote(str(job_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | VideoJob | None:
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

    if 200 <= response.status_code <= 299:
        response_2xx = VideoJob.from_dict(response.json())

        return response_2xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | VideoJob]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | VideoJob]:
    """Check the status of a video generation job

     Get the current status of a generation job. Poll this endpoint until status is "completed" or
    "failed". Generation takes 30-120 seconds (from-person jobs about 2-5 minutes).

    Status polling counts toward the API key's requests/min limit (Standard 10, Advanced 30): poll one
    job no more often than every 6 seconds on Standard (the page's examples poll every 5 seconds, which
    exceeds it) and share the budget between concurrent jobs, or use a webhook instead.

    Args:
        job_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VideoJob]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | VideoJob | None:
    """Check the status of a video generation job

     Get the current status of a generation job. Poll this endpoint until status is "completed" or
    "failed". Generation takes 30-120 seconds (from-person jobs about 2-5 minutes).

    Status polling counts toward the API key's requests/min limit (Standard 10, Advanced 30): poll one
    job no more often than every 6 seconds on Standard (the page's examples poll every 5 seconds, which
    exceeds it) and share the budget between concurrent jobs, or use a webhook instead.

    Args:
        job_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VideoJob
    """

    return sync_detailed(
        job_id=job_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | VideoJob]:
    """Check the status of a video generation job

     Get the current status of a generation job. Poll this endpoint until status is "completed" or
    "failed". Generation takes 30-120 seconds (from-person jobs about 2-5 minutes).

    Status polling counts toward the API key's requests/min limit (Standard 10, Advanced 30): poll one
    job no more often than every 6 seconds on Standard (the page's examples poll every 5 seconds, which
    exceeds it) and share the budget between concurrent jobs, or use a webhook instead.

    Args:
        job_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | VideoJob]
    """

    kwargs = _get_kwargs(
        job_id=job_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | VideoJob | None:
    """Check the status of a video generation job

     Get the current status of a generation job. Poll this endpoint until status is "completed" or
    "failed". Generation takes 30-120 seconds (from-person jobs about 2-5 minutes).

    Status polling counts toward the API key's requests/min limit (Standard 10, Advanced 30): poll one
    job no more often than every 6 seconds on Standard (the page's examples poll every 5 seconds, which
    exceeds it) and share the budget between concurrent jobs, or use a webhook instead.

    Args:
        job_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | VideoJob
    """

    return (
        await asyncio_detailed(
            job_id=job_id,
            client=client,
        )
    ).parsed
