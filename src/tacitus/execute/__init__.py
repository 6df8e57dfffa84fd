"""Running the pipeline at scale: Dask clusters and partitioned Parquet output.

`tacitus.execute.cluster.run_on_dask` codes a stream of articles on a local or remote Dask
cluster; `tacitus.execute.partitions` writes and cleans the Parquet dataset the workers produce.
"""
