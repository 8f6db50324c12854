"""Multi-model workflows: the only place where state changes (STYLE.md, "Where logic goes")."""
