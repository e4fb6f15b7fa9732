"""Ingest: articles read from files (readers), extracted in worker processes or on a cluster
(workers, distributed) and loaded into the store as one named graph each (build)."""
