"""Entry point of the PyInstaller bundle: the same as the `gym-companion` console script."""

import sys

from gym_companion.cli import main

if __name__ == "__main__":
    sys.exit(main())
