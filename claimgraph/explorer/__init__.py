"""The Streamlit explorer: overview, claims, trace, graph, export and ingest pages.

`app.py` at the top level only calls `claimgraph.explorer.main.run()`. Every
module here reads through a read-only store; the ingest page alone opens a
writable one for the moment it writes.
"""
