from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.service_tier import ServiceTier
from ...models.task_list import TaskList
from ...models.task_status_type_0 import TaskStatusType0
from ...models.task_status_type_1 import TaskStatusType1
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page_num: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    filter_status: TaskStatusType0 | TaskStatusType1 | Unset = UNSET,
    filter_task_ids: list[str] | Unset = UNSET,
    filter_model: str | Unset = UNSET,
    filter_service_tier: ServiceTier | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page_num"] = page_num

    params["page_size"] = page_size

    json_filter_status: str | Unset
    if isinstance(filter_status, Unset):
        json_filter_status = UNSET
    elif isinstance(filter_status, str):
        json_filter_status = filter_status
    else:
        json_filter_status = filter_status

    params["filter.status"] = json_filter_status

    json_filter_task_ids: list[str] | Unset = UNSET
    if not isinstance(filter_task_ids, Unset):
        json_filter_task_ids = filter_task_ids

    params["filter.task_ids"] = json_filter_task_ids

    params["filter.model"] = filter_model

    json_filter_service_tier: str | Unset = UNSET
    if not isinstance(filter_service_tier, Unset):
        json_filter_service_tier = filter_service_tier

    params["filter.service_tier"] = json_filter_service_tier

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/contents/generations/tasks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | TaskList:
    if response.status_code == 200:
        response_200 = TaskList.from_dict(response.json())

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
) -> Response[ErrorResponse | TaskList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page_num: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    filter_status: TaskStatusType0 | TaskStatusType1 | Unset = UNSET,
    filter_task_ids: list[str] | Unset = UNSET,
    filter_model: str | Unset = UNSET,
    filter_service_tier: ServiceTier | Unset = UNSET,
) -> Response[ErrorResponse | TaskList]:
    """List video generation tasks

     Pages through the account's tasks of the last 7 days, optionally filtered by status, task ids, model
    and service tier.

    Args:
        page_num (int | Unset):
        page_size (int | Unset):
        filter_status (TaskStatusType0 | TaskStatusType1 | Unset): queued and running are waiting;
            succeeded, failed, cancelled and expired are final. `expired`: the task did not finish
            within `execution_expires_after` (some pages omit it). `pending` (waiting, like queued)
            and `processing` (like running) are not documented by the provider; a gateway that relays
            this API handles them.
        filter_task_ids (list[str] | Unset):
        filter_model (str | Unset):
        filter_service_tier (ServiceTier | Unset): The service tier the task runs in, `default` or
            `flex`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskList]
    """

    kwargs = _get_kwargs(
        page_num=page_num,
        page_size=page_size,
        filter_status=filter_status,
        filter_task_ids=filter_task_ids,
        filter_model=filter_model,
        filter_service_tier=filter_service_tier,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page_num: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    filter_status: TaskStatusType0 | TaskStatusType1 | Unset = UNSET,
    filter_task_ids: list[str] | Unset = UNSET,
    filter_model: str | Unset = UNSET,
    filter_service_tier: ServiceTier | Unset = UNSET,
) -> ErrorResponse | TaskList | None:
    """List video generation tasks

     Pages through the account's tasks of the last 7 days, optionally filtered by status, task ids, model
    and service tier.

    Args:
        page_num (int | Unset):
        page_size (int | Unset):
        filter_status (TaskStatusType0 | TaskStatusType1 | Unset): queued and running are waiting;
            succeeded, failed, cancelled and expired are final. `expired`: the task did not finish
            within `execution_expires_after` (some pages omit it). `pending` (waiting, like queued)
            and `processing` (like running) are not documented by the provider; a gateway that relays
            this API handles them.
        filter_task_ids (list[str] | Unset):
        filter_model (str | Unset):
        filter_service_tier (ServiceTier | Unset): The service tier the task runs in, `default` or
            `flex`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskList
    """

    return sync_detailed(
        client=client,
        page_num=page_num,
        page_size=page_size,
        filter_status=filter_status,
        filter_task_ids=filter_task_ids,
        filter_model=filter_model,
        filter_service_tier=filter_service_tier,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page_num: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    filter_status: TaskStatusType0 | TaskStatusType1 | Unset = UNSET,
    filter_task_ids: list[str] | Unset = UNSET,
    filter_model: str | Unset = UNSET,
    filter_service_tier: ServiceTier | Unset = UNSET,
) -> Response[ErrorResponse | TaskList]:
    """List video generation tasks

     Pages through the account's tasks of the last 7 days, optionally filtered by status, task ids, model
    and service tier.

    Args:
        page_num (int | Unset):
        page_size (int | Unset):
        filter_status (TaskStatusType0 | TaskStatusType1 | Unset): queued and running are waiting;
            succeeded, failed, cancelled and expired are final. `expired`: the task did not finish
            within `execution_expires_after` (some pages omit it). `pending` (waiting, like queued)
            and `processing` (like running) are not documented by the provider; a gateway that relays
            this API handles them.
        filter_task_ids (list[str] | Unset):
        filter_model (str | Unset):
        filter_service_tier (ServiceTier | Unset): The service tier the task runs in, `default` or
            `flex`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | TaskList]
    """

    kwargs = _get_kwargs(
        page_num=page_num,
        page_size=page_size,
        filter_status=filter_status,
        filter_task_ids=filter_task_ids,
        filter_model=filter_model,
        filter_service_tier=filter_service_tier,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page_num: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    filter_status: TaskStatusType0 | TaskStatusType1 | Unset = UNSET,
    filter_task_ids: list[str] | Unset = UNSET,
    filter_model: str | Unset = UNSET,
    filter_service_tier: ServiceTier | Unset = UNSET,
) -> ErrorResponse | TaskList | None:
    """List video generation tasks

     Pages through the account's tasks of the last 7 days, optionally filtered by status, task ids, model
    and service tier.

    Args:
        page_num (int | Unset):
        page_size (int | Unset):
        filter_status (TaskStatusType0 | TaskStatusType1 | Unset): queued and running are waiting;
            succeeded, failed, cancelled and expired are final. `expired`: the task did not finish
            within `execution_expires_after` (some pages omit it). `pending` (waiting, like queued)
            and `processing` (like running) are not documented by the provider; a gateway that relays
            this API handles them.
        filter_task_ids (list[str] | Unset):
        filter_model (str | Unset):
        filter_service_tier (ServiceTier | Unset): The service tier the task runs in, `default` or
            `flex`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | TaskList
    """

    return (
        await asyncio_detailed(
            client=client,
            page_num=page_num,
            page_size=page_size,
            filter_status=filter_status,
            filter_task_ids=filter_task_ids,
            filter_model=filter_model,
            filter_service_tier=filter_service_tier,
        )
    ).parsed
