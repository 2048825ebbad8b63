"""One exception tree for the whole library (the httpx ``_exceptions`` idea).

Every error carries a short stable ``code`` (stored in the errors table and
shown by the CLI), the ``input`` it concerns (a path, URL or parameter name)
and a message that says what went wrong and, where there is one, what to do.
The CLI turns these into one-line messages at its outer edge; nothing inside
the library prints or exits.
"""
from __future__ import annotations


class EventwireError(Exception):
    """Base class: ``code`` names the kind of failure, ``input`` what it concerns."""

    code = "error"

    def __init__(self, message: str, *, input: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.input = input
        if code:
            self.code = code

    def __str__(self) -> str:
        where = f"{self.input}: " if self.input else ""
        return f"{where}{self.message} [{self.code}]"

    def to_dict(self) -> dict:
        return {"code": self.code, "input": self.input, "message": self.message}


class InputError(EventwireError):
    """An input file or stream cannot be read as an article."""

    code = "bad_input"


class EmptyInput(InputError):
    code = "empty"


class BinaryInput(InputError):
    code = "binary"


class EncodingError(InputError):
    code = "encoding"


class TooLarge(InputError):
    code = "too_large"


class MalformedInput(InputError):
    """The container format (JSON, HTML, feed, WARC) is broken."""

    code = "malformed"


class UnsupportedInput(InputError):
    code = "unsupported"


class ConfigError(EventwireError):
    """A pipeline config names an unknown component or a bad setting."""

    code = "config"


class ModelNotFound(EventwireError):
    code = "model_missing"


class StoreError(EventwireError):
    """The database cannot be opened, is locked, or is not an eventwire store."""

    code = "store"


class RunFailed(EventwireError):
    """A run could not go on (a worker died, the cluster is unreachable); what was stored is kept."""

    code = "run_failed"


class ParameterError(EventwireError):
    """An API or CLI parameter has an invalid value."""

    code = "bad_parameter"


class ProcessingError(EventwireError):
    """A pipeline stage failed on one document."""

    code = "processing"


class DataMissing(EventwireError):
    """Evaluation or benchmark data (``../shared/data``) is not available."""

    code = "data_missing"


class PatternError(ConfigError):
    """An event pattern or codebook file is malformed or names an unknown CAMEO code."""

    code = "bad_pattern"
