import sys

from .cli import main

# The guard matters: Dask's local cluster starts worker processes with "spawn", which re-imports
# the main module; without it every worker would run the command again.
if __name__ == "__main__":
    sys.exit(main())
