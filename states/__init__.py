"""The lifecycle, blocker taxonomy and reminder policy as plain data.

Nothing here imports from the rest of the project or from third-party packages:
code, docs and diagrams all read these tables.
"""
