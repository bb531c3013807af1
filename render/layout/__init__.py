"""The layout model: a document as parts and rows, decided once for every writer."""
