"""The text layer: pure functions from a string to mentions with spans.

Nothing here knows of convoys or figures, and nothing here raises on messy text.
"""
