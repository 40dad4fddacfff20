"""Entry point of the frozen app: the same `fedimove` command as `pip install` gives."""

import multiprocessing
import sys

from fedimove.cli import main

if __name__ == "__main__":
    # A frozen app re-executes itself for child processes; without this they would rerun main().
    multiprocessing.freeze_support()
    # Old macOS versions pass a process serial number when Finder opens the .app.
    args = [arg for arg in sys.argv[1:] if not arg.startswith("-psn_")]
    sys.exit(main(args))
