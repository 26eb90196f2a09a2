"""The coordination group's monthly list: import with preview, the meeting's review."""
