"""Errors raised while turning Report records into frames."""


class TransformError(Exception):
    """A record cannot be turned into warehouse rows. The message is shown to users as-is."""


class InvalidReport(TransformError):
    """A report that breaks a warehouse rule (unknown grade, duplicate area, page out of range...).

    The message names the report file and the rule, and says what to do next.
    """
