"""The bundle's entry point: the same ``main()`` as the ``opsg-desktop`` command."""

import sys

from opsg_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
