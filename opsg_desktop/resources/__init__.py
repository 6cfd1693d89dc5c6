"""Data shipped inside the package: the demo meeting and the application icon.

Read them with :func:`opsg_desktop.paths.resource`, never by a path relative to
the source tree, so a wheel or a bundle reads the same files as a checkout.
"""
