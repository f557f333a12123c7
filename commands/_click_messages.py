"""Click's own messages, marked for extraction so that our catalogs translate them.

`cli.py` points click's `_` and `ngettext` at ours; this list (taken from
click's sources with `pybabel extract`) puts the messages a user can meet in the
catalogs. Never called.
"""

from __future__ import annotations

from workflow.i18n import _, ngettext


def _click_messages() -> None:  # pragma: no cover
    _("Aborted!")
    _("deprecated")
    _("Options")
    _("Positional arguments")
    ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 1)
    _("DeprecationWarning: The command {name!r} is deprecated.{extra_message}")
    _("Commands")
    _("Missing command.")
    ngettext(
        "Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given.", 1
    )
    _("DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}")
    _("env var: {var}")
    _("default: {default}")
    _("(dynamic)")
    _("Do you want to continue?")
    _("Confirm the action without prompting.")
    _("%(prog)s, version %(version)s")
    _("Show the version and exit.")
    _("Show this message and exit.")
    ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1)
    _("Error: {message}")
    _("Try '{command} {option}' for help.")
    _("Invalid value: {message}")
    _("Invalid value for {param_hint}: {message}")
    _("Missing argument")
    _("Missing option")
    _("Missing parameter")
    _("Missing {param_type}")
    _("Missing parameter: {param_name}")
    _("No such option {name!r}.")
    _("No such command {name!r}.")
    _("unknown error")
    _("Could not open file {filename!r}: {message}")
    _("Usage:")
    _("Argument {name!r} takes {nargs} values.")
    _("Option {name!r} does not take a value.")
    ngettext(
        "Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", 1
    )
    _("Repeat for confirmation")
    _("Error: The two entered values do not match.")
    _("Error: invalid input")
    _("Press any key to continue...")
    _("Choose from:\n\t{choices}")
    ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1)
    ngettext(
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
        1,
    )
    _("{value!r} is not a valid {number_type}.")
    _("{value} is not in the range {range}.")
    _("{value!r} is not a valid boolean. Recognized values: {states}")
    _("{value!r} is not a valid UUID.")
    _("file")
    _("directory")
    _("path")
    _("{name} {filename!r} does not exist.")
    _("{name} {filename!r} is a file.")
    _("{name} {filename!r} is a directory.")
    _("{name} {filename!r} is not readable.")
    _("{name} {filename!r} is not writable.")
    _("{name} {filename!r} is not executable.")
    ngettext(
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
        1,
    )
