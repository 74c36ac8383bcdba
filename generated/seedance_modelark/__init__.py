"""A client library for accessing BytePlus ModelArk video generation tasks"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
