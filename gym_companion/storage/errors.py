"""Why a database cannot be opened, in words a lifter can act on."""


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do. Nothing was changed."""


class DatabaseLockedError(DatabaseError):
    """Another Gym Companion has this database open."""


class DatabaseCorruptError(DatabaseError):
    """The file is not a readable SQLite database (or not ours)."""


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer version of the app."""
