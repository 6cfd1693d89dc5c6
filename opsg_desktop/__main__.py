"""``python -m opsg_desktop``: the same as the ``opsg-desktop`` command."""

import sys

from opsg_desktop.cli import main

sys.exit(main())
