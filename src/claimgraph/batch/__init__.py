"""Batch extraction: sharded input → extraction on Ray or a local process pool → Parquet shards of
the exchange tables with a manifest (`claimgraph batch`), and the shards back into a store
(`claimgraph load`)."""
