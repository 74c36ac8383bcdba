"""The simulator and the package as a user operates them."""
