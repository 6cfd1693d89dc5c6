"""OPSG Secretary: minutes, actions and headlines for the SEC Operations Group."""

__version__ = "0.1.0"
