"""`python -m claimgraph …` runs the command line."""

from claimgraph.cli import main

if __name__ == "__main__":
    main()
