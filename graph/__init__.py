"""The ClaimGraph schema, stores (SQLite, Neo4j), queries and exports."""
