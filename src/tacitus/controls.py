"""Control characters and terminal escape sequences, found and removed.

Shared by the readers (article text and metadata never carry them into records) and the
command line's display rule (tacitus.cli.display), so both agree on what is removed.
"""

from __future__ import annotations

import re

# Escape sequences first, so that their parameters go with them ("\x1b[2J" leaves nothing,
# not "[2J"), then any remaining C0/C1 control character, DEL, and the bidirectional
# overrides that reorder what a terminal shows.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"                    # CSI: colours, cursor moves, clear screen
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC (clipboard, hyperlinks), DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]?"                          # any other ESC sequence, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"                     # 8-bit CSI
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]+")


def strip_controls(text: str, *, one_line: bool = False) -> str:
    """`text` without escape sequences and control characters. Tabs and line feeds are kept,
    unless `one_line`, when every run of tabs and line breaks becomes one space."""
    if one_line:
        text = _LINE_BREAKS.sub(" ", text)
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))
