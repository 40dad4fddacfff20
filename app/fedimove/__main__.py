import sys

from fedimove.cli import main

sys.exit(main())
