"""Run: pipelines of stages, and the executors that run them."""
