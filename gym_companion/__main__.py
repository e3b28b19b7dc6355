"""`python -m gym_companion`."""

import sys

from gym_companion.cli import main

sys.exit(main())
