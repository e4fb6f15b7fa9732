"""Identity resolution: one canonical node per person across the articles of a store."""
