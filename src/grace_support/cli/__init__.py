"""The ``grace-support`` command line.

One module per command (or group of commands), each owning its arguments, help
and output; [`main`][grace_support.cli.main] wires them together and turns the
library's errors into exit codes:

| status | meaning |
|---|---|
| 0 | done |
| 1 | an invalid document or invalid answers |
| 2 | wrong usage (unknown option, bad value of an option) |
| 3 | the input or output could not be read or written |

A bad document gets one clear message on standard error that names the file and
the place of each problem, never the values there, and no traceback. ``-`` as FILE
reads standard input.
"""

from grace_support.cli._main import main

__all__ = ["main"]
