"""``python -m ghouta_events``: the same as the ``ghouta-events`` command."""

import sys

from ._cli import main

sys.exit(main())
