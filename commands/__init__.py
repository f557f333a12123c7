"""The click commands, one module per area. Each imports only click at the top."""
