// Table sorting (local, no CDN) — filled in by the atlas pages.
