"""Reading content: YAML → the typed bilingual model, with every error positioned."""
