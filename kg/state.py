"""The state of the last successful build with a cache (:class:`BuildState`).

Kept apart from kg.blocks: the code that makes blocks is fingerprinted into their keys
(kg.blocks.code_fingerprint), how a build remembers them is not.
"""
from __future__ import annotations

import json
from pathlib import Path

from kg.blocks import Block
from kg.cache import write_file

STATE_FORMAT = "3"  # state.jsonl, one line per block; state.json held format 2


class BuildState:
    """What the last successful build with a cache used, in one file (``state.jsonl``):
    a first line with each article's extraction summary by content key and the HermiT
    fingerprint, then one line per block with its figures.  A build reads it instead of
    two small files per article, and the blocks it lists are the ones whose shared nodes
    were checked (see :func:`kg.blocks.check_shared`).  Saving writes the lines of the blocks it
    read back as they were read, so an incremental build serialises only the blocks it
    made."""

    def __init__(self, folder: Path | None):
        self.path = Path(folder) / "state.jsonl" if folder is not None else None
        self.summaries: dict[str, list] = {}
        self.hermit = ""  # fingerprint of what HermiT last found consistent (see kg.inference.hermit_fingerprint)
        self._blocks: dict[str, dict] | None = None
        self._lines: dict[str, bytes] = {}  # block key -> its line as read
        self._rest: list[bytes] = []  # the block lines, parsed on first use of ``blocks``
        if self.path is not None:
            try:
                head, *self._rest = self.path.read_bytes().splitlines()
                data = json.loads(head)
                if data.get("format") == STATE_FORMAT:
                    self.summaries, self.hermit = data["summaries"], data.get("hermit", "")
                else:
                    self._rest = []
            except (OSError, ValueError, KeyError, TypeError):
                self._rest = []  # no state: every block is read from its own files and checked

    @property
    def blocks(self) -> dict[str, dict]:
        """Each block's figures by block key (parsed when first asked for, so a build can
        start its extractions after reading only the summaries)."""
        if self._blocks is None:
            self._blocks = {}
            try:
                for line in self._rest:
                    meta = json.loads(line)
                    self._blocks[meta["key"]], self._lines[meta["key"]] = meta, line
            except (ValueError, KeyError, TypeError):
                self._blocks, self._lines = {}, {}  # every block is read from its own files and checked
            self._rest = []
        return self._blocks

    @property
    def found(self) -> bool:
        return bool(self.blocks)

    def save(self, summaries: dict[str, list], blocks: list[Block], hermit: str = "") -> None:
        if self.path is None:
            return
        head = json.dumps({"format": STATE_FORMAT, "summaries": summaries, "hermit": hermit}, ensure_ascii=False,
                          sort_keys=True, separators=(",", ":")).encode("utf-8")
        lines = [head] + [self._lines.get(b.key) or json.dumps(b.meta(), ensure_ascii=False, sort_keys=True,
                                                               separators=(",", ":")).encode("utf-8")
                          for b in blocks]
        write_file(self.path, b"\n".join(lines) + b"\n")
        (self.path.parent / "state.json").unlink(missing_ok=True)  # the former layout's file
