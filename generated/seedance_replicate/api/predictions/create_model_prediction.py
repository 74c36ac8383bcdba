from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_model_prediction_model_name import (
    CreateModelPredictionModelName,
)
from ...models.create_model_prediction_model_owner import (
    CreateModelPredictionModelOwner,
)
from ...models.model_prediction_request import ModelPredictionRequest
from ...models.prediction import Prediction
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    model_owner: CreateModelPredictionModelOwner,
    model_name: CreateModelPredictionModelName,
    *,
    body: ModelPredictionRequest,
    prefer: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(prefer, Unset):
        headers["Prefer"] = prefer

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/models/{model_owner}/{model_name}/predictions".format(
            model_owner=quote(str(model_owner), safe=""),
            model_name=quote(str(model_name), safe=""),
        ),
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
    model_owner: CreateModelPredictionModelOwner,
    model_name: CreateModelPredictionModelName,
    *,
    client: AuthenticatedClient | Client,
    body: ModelPredictionRequest,
    prefer: str | Unset = UNSET,
) -> Response[Prediction | Problem]:
    """Create a prediction using an official model

     Start a new prediction for an official model using the inputs you provide. As models can take
    several seconds or more to run, the output will not be available immediately. To get the final
    result of the prediction you should either provide a `webhook` HTTPS URL for us to call when the
    results are ready, or poll the get a prediction endpoint until it has finished.

    Args:
        model_owner (CreateModelPredictionModelOwner):
        model_name (CreateModelPredictionModelName):
        prefer (str | Unset):
        body (ModelPredictionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Prediction | Problem]
    """

    kwargs = _get_kwargs(
        model_owner=model_owner,
        model_name=model_name,
        body=body,
        prefer=prefer,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    model_owner: CreateModelPredictionModelOwner,
    model_name: CreateModelPredictionModelName,
    *,
    client: AuthenticatedClient | Client,
    body: ModelPredictionRequest,
    prefer: str | Unset = UNSET,
) -> Prediction | Problem | None:
    """Create a prediction using an official model

     Start a new prediction for an official model using the inputs you provide. As models can take
    several seconds or more to run, the output will not be available immediately. To get the final
    result of the prediction you should either provide a `webhook` HTTPS URL for us to call when the
    results are ready, or poll the get a prediction endpoint until it has finished.

    Args:
        model_owner (CreateModelPredictionModelOwner):
        model_name (CreateModelPredictionModelName):
        prefer (str | Unset):
        body (ModelPredictionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Prediction | Problem
    """

    return sync_detailed(
        model_owner=model_owner,
        model_name=model_name,
        client=client,
        body=body,
        prefer=prefer,
    ).parsed


async def asyncio_detailed(
    model_owner: CreateModelPredictionModelOwner,
    model_name: CreateModelPredictionModelName,
    *,
    client: AuthenticatedClient | Client,
    body: ModelPredictionRequest,
    prefer: str | Unset = UNSET,
) -> Response[Prediction | Problem]:
    """Create a prediction using an official model

     Start a new prediction for an official model using the inputs you provide. As models can take
    several seconds or more to run, the output will not be available immediately. To get the final
    result of the prediction you should either provide a `webhook` HTTPS URL for us to call when the
    results are ready, or poll the get a prediction endpoint until it has finished.

    Args:
        model_owner (CreateModelPredictionModelOwner):
        model_name (CreateModelPredictionModelName):
        prefer (str | Unset):
        body (ModelPredictionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Prediction | Problem]
    """

    kwargs = _get_kwargs(
        model_owner=model_owner,
        model_name=model_name,
        body=body,
        prefer=prefer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    model_owner: CreateModelPredictionModelOwner,
    model_name: CreateModelPredictionModelName,
    *,
    client: AuthenticatedClient | Client,
    body: ModelPredictionRequest,
    prefer: str | Unset = UNSET,
) -> Prediction | Problem | None:
    """Create a prediction using an official model

     Start a new prediction for an official model using the inputs you provide. As models can take
    several seconds or more to run, the output will not be available immediately. To get the final
    result of the prediction you should either provide a `webhook` HTTPS URL for us to call when the
    results are ready, or poll the get a prediction endpoint until it has finished.

    Args:
        model_owner (CreateModelPredictionModelOwner):
        model_name (CreateModelPredictionModelName):
        prefer (str | Unset):
        body (ModelPredictionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Prediction | Problem
    """

    return (
        await asyncio_detailed(
            model_owner=model_owner,
            model_name=model_name,
            client=client,
            body=body,
            prefer=prefer,
        )
    ).parsed
