"""The project's own exceptions, turned into messages at the edges (CLI, UI)."""


class OpsgError(Exception):
    """Base of every error whose message is meant for the user as it is."""


class ValidationError(OpsgError):
    """Input that breaks the rules; ``problems`` lists each with its place."""

    def __init__(
        self, problems: list[str], source: str | None = None, *, outcome: str = "imported"
    ) -> None:
        self.problems = list(problems)
        self.source = source
        head = f"{source}: " if source else ""
        count = len(self.problems)
        summary = f"{head}{count} problem{'s' if count != 1 else ''} found, nothing was {outcome}"
        super().__init__("\n".join([summary, *(f"  {p}" for p in self.problems)]))


class StoreError(OpsgError):
    """The database cannot be opened or written; the message says why."""


class NotFoundError(OpsgError):
    """A meeting or action named by the user does not exist."""


class ConflictError(OpsgError):
    """The change would clash with what is already stored."""


class RuleError(OpsgError):
    """One value breaks a rule of the meeting (``core.rules``); the message says which and how."""
