"""Presentation: the store drawn (view, viewing, view_data, selection), summed up (stats,
graph_analytics), written for Gephi and Cytoscape (graph_export) and served over HTTP (serve)."""
