"""``python -m grace_support``: the same as the ``grace-support`` command."""

from grace_support.cli import main

raise SystemExit(main())
