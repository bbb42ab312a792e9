"""ClaimGraph explorer: `streamlit run app.py` (or `claimgraph app`); the store is $CLAIMGRAPH_STORE."""

from claimgraph.explorer.main import run

run()
