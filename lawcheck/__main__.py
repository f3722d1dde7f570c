"""`python -m lawcheck` is the `lawcheck` command."""

from lawcheck.cli import main

raise SystemExit(main())
