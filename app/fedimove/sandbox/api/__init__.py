"""REST routes of the practice instances, one module per area of the Mastodon API."""
