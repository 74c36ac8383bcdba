from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.generated_video_list import GeneratedVideoList
from ...models.video_generation_request import VideoGenerationRequest
from ...models.video_job import VideoJob
from ...types import Response


def _get_kwargs(
    *,
    body: VideoGenerationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/videos/generations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | GeneratedVideoList | VideoJob:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> GeneratedVideoList | VideoJob:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_video_generation_response_type_0 = VideoJob.from_dict(data)

                return componentsschemas_video_generation_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_video_generation_response_type_1 = GeneratedVideoList.from_dict(data)

            return componentsschemas_video_generation_response_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorResponse.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 408:
        response_408 = ErrorResponse.from_dict(response.json())

        return response_408

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 502:
        response_502 = ErrorResponse.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    response_default = ErrorResponse.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | GeneratedVideoList | VideoJob]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VideoGenerationRequest,
) -> Response[ErrorResponse | GeneratedVideoList | VideoJob]:
    """Create a video generation

     ByteDance Seedance is an advanced video generation model series supporting text-to-video and image-
    to-video generation, with multi-modal reference inputs available in the latest 2.0 models.

    Supported Models

    | Model ID | Description |
    | --- | --- |
    | ByteDance-Seedance-1.0-pro | Base version |
    | ByteDance-Seedance-1.0-pro-fast | Base fast version |
    | ByteDance-Seedance-1.5-pro | Advanced version |
    | SIRAYA-Seedance-2.0 | Latest version, supports multi-modal references |
    | SIRAYA-Seedance-2.0-fast | Latest fast version, supports multi-modal references |

    Mode Exclusivity

    The following three modes are mutually exclusive — only one can be used per request:

    | Mode | Parameter | Use Case |
    | --- | --- | --- |
    | First-frame control | frame_images (first_frame) | Pin the exact first frame |
    | First + last frame control | frame_images (first_frame + last_frame) | Pin both start and end
    frames |
    | Multi-modal reference | input_references | Use reference materials for style/content (Seedance 2.0
    only) |

    Note: If you need both reference materials and first-frame control, use input_references and
    describe the desired first frame in your prompt. The model will follow the description but cannot
    guarantee pixel-level accuracy. Use frame_images when exact frame consistency is required.

    Args:
        body (VideoGenerationRequest): A Seedance video generation request. `frame_images` (first
            frame, or first and last frame) and `input_references` (multi-modal references, SIRAYA-
            Seedance-2.0 models only) are mutually exclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GeneratedVideoList | VideoJob]
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
    body: VideoGenerationRequest,
) -> ErrorResponse | GeneratedVideoList | VideoJob | None:
    """Create a video generation

     ByteDance Seedance is an advanced video generation model series supporting text-to-video and image-
    to-video generation, with multi-modal reference inputs available in the latest 2.0 models.

    Supported Models

    | Model ID | Description |
    | --- | --- |
    | ByteDance-Seedance-1.0-pro | Base version |
    | ByteDance-Seedance-1.0-pro-fast | Base fast version |
    | ByteDance-Seedance-1.5-pro | Advanced version |
    | SIRAYA-Seedance-2.0 | Latest version, supports multi-modal references |
    | SIRAYA-Seedance-2.0-fast | Latest fast version, supports multi-modal references |

    Mode Exclusivity

    The following three modes are mutually exclusive — only one can be used per request:

    | Mode | Parameter | Use Case |
    | --- | --- | --- |
    | First-frame control | frame_images (first_frame) | Pin the exact first frame |
    | First + last frame control | frame_images (first_frame + last_frame) | Pin both start and end
    frames |
    | Multi-modal reference | input_references | Use reference materials for style/content (Seedance 2.0
    only) |

    Note: If you need both reference materials and first-frame control, use input_references and
    describe the desired first frame in your prompt. The model will follow the description but cannot
    guarantee pixel-level accuracy. Use frame_images when exact frame consistency is required.

    Args:
        body (VideoGenerationRequest): A Seedance video generation request. `frame_images` (first
            frame, or first and last frame) and `input_references` (multi-modal references, SIRAYA-
            Seedance-2.0 models only) are mutually exclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GeneratedVideoList | VideoJob
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VideoGenerationRequest,
) -> Response[ErrorResponse | GeneratedVideoList | VideoJob]:
    """Create a video generation

     ByteDance Seedance is an advanced video generation model series supporting text-to-video and image-
    to-video generation, with multi-modal reference inputs available in the latest 2.0 models.

    Supported Models

    | Model ID | Description |
    | --- | --- |
    | ByteDance-Seedance-1.0-pro | Base version |
    | ByteDance-Seedance-1.0-pro-fast | Base fast version |
    | ByteDance-Seedance-1.5-pro | Advanced version |
    | SIRAYA-Seedance-2.0 | Latest version, supports multi-modal references |
    | SIRAYA-Seedance-2.0-fast | Latest fast version, supports multi-modal references |

    Mode Exclusivity

    The following three modes are mutually exclusive — only one can be used per request:

    | Mode | Parameter | Use Case |
    | --- | --- | --- |
    | First-frame control | frame_images (first_frame) | Pin the exact first frame |
    | First + last frame control | frame_images (first_frame + last_frame) | Pin both start and end
    frames |
    | Multi-modal reference | input_references | Use reference materials for style/content (Seedance 2.0
    only) |

    Note: If you need both reference materials and first-frame control, use input_references and
    describe the desired first frame in your prompt. The model will follow the description but cannot
    guarantee pixel-level accuracy. Use frame_images when exact frame consistency is required.

    Args:
        body (VideoGenerationRequest): A Seedance video generation request. `frame_images` (first
            frame, or first and last frame) and `input_references` (multi-modal references, SIRAYA-
            Seedance-2.0 models only) are mutually exclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | GeneratedVideoList | VideoJob]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: VideoGenerationRequest,
) -> ErrorResponse | GeneratedVideoList | VideoJob | None:
    """Create a video generation

     ByteDance Seedance is an advanced video generation model series supporting text-to-video and image-
    to-video generation, with multi-modal reference inputs available in the latest 2.0 models.

    Supported Models

    | Model ID | Description |
    | --- | --- |
    | ByteDance-Seedance-1.0-pro | Base version |
    | ByteDance-Seedance-1.0-pro-fast | Base fast version |
    | ByteDance-Seedance-1.5-pro | Advanced version |
    | SIRAYA-Seedance-2.0 | Latest version, supports multi-modal references |
    | SIRAYA-Seedance-2.0-fast | Latest fast version, supports multi-modal references |

    Mode Exclusivity

    The following three modes are mutually exclusive — only one can be used per request:

    | Mode | Parameter | Use Case |
    | --- | --- | --- |
    | First-frame control | frame_images (first_frame) | Pin the exact first frame |
    | First + last frame control | frame_images (first_frame + last_frame) | Pin both start and end
    frames |
    | Multi-modal reference | input_references | Use reference materials for style/content (Seedance 2.0
    only) |

    Note: If you need both reference materials and first-frame control, use input_references and
    describe the desired first frame in your prompt. The model will follow the description but cannot
    guarantee pixel-level accuracy. Use frame_images when exact frame consistency is required.

    Args:
        body (VideoGenerationRequest): A Seedance video generation request. `frame_images` (first
            frame, or first and last frame) and `input_references` (multi-modal references, SIRAYA-
            Seedance-2.0 models only) are mutually exclusive.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | GeneratedVideoList | VideoJob
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
