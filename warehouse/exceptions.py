"""Errors of the warehouse; messages name the file and say what to do next."""


class WarehouseError(Exception):
    """A warehouse operation failed. The message is shown to users as-is."""


class NoWarehouse(WarehouseError):
    """The warehouse file does not exist yet."""


class WarehouseBusy(WarehouseError):
    """Another process is writing the warehouse and did not finish within the wait. Retryable."""

    retryable = True


class FramesInvalid(WarehouseError):
    """Frames handed to the loader break a table's key (a duplicate or a missing key value)."""


class WarehouseLocked(WarehouseBusy):
    """Another program (a DuckDB client, not one of our loads) holds the warehouse file open for writing."""


class NotAWarehouse(WarehouseError):
    """The warehouse path is not a DuckDB database file (a folder, an empty or unrelated file)."""


class SearchUnavailable(WarehouseError):
    """The warehouse file predates passages (written before migration 003): load the reports again."""
