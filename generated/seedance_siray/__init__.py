"""A client library for accessing Seedance 2.0 ref2v Spicy API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
