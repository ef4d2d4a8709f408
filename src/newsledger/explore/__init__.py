"""The explorer: the ledger in the browser, on Datasette.

``plugin.py`` is a Datasette plugin (registered under the ``datasette`` entry point, so plain
``datasette ledger.sqlite`` loads it too): newsledger's own pages under ``/-/newsledger/``, the
ledger's metadata (table and column descriptions, facets, canned queries). ``pages.py`` holds the
queries and renders the pages with the package's Jinja templates; ``serve.py`` starts it.
"""
