"""The queries as they were computed before they ran in the database: over a whole-store
`Snapshot` in Python. Kept here as the reference the SQL queries are compared with on small
stores (tests/query/test_query_reference.py); not part of the package."""
