"""``python -m grace_support``: the same command line as ``grace-support``."""

import sys

from grace_support.cli import main

if __name__ == "__main__":
    sys.exit(main())
