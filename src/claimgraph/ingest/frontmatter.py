"""A YAML block between `---` lines at the very top of a text or Markdown file."""
from __future__ import annotations

import re

import yaml

_OPEN = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_BLANK_LINES = re.compile(r"(?:[ \t]*\r?\n)*")

MAX_ALIASES = 20
"""Most YAML aliases (`*name`) a front matter may use; metadata needs none."""
MAX_NODES = 10_000
"""Most values a front matter may hold once its aliases are expanded (an alias bomb of a few
hundred bytes expands to a billion)."""


class FrontMatterError(ValueError):
    """Front matter refused (an alias bomb); the reader makes it the file's IngestError."""


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, counting the aliases and the nodes they expand to."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0

    def compose_node(self, parent, index):  # noqa: ANN001 (PyYAML's signature)
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise FrontMatterError(
                    f"front matter refused: more than {MAX_ALIASES} YAML aliases (an alias bomb?)"
                )
        return super().compose_node(parent, index)


def _expanded_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many nodes `node` stands for with every alias expanded (shared nodes counted once each
    time they are used, computed once each)."""
    known = sizes.get(id(node))
    if known is not None:
        return known
    sizes[id(node)] = MAX_NODES + 1  # a node that contains itself (a recursive alias) is refused
    total = 1
    if isinstance(node, yaml.SequenceNode):
        total += sum(_expanded_size(child, sizes) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        total += sum(_expanded_size(k, sizes) + _expanded_size(v, sizes) for k, v in node.value)
    sizes[id(node)] = total
    return total


def load_front_matter(source: str):
    """The YAML of a front matter block, read safely; raises FrontMatterError for a block whose
    aliases are too many or expand to too much, yaml.YAMLError for one that is not YAML."""
    loader = _BoundedLoader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node, {}) > MAX_NODES:
            raise FrontMatterError(
                f"front matter refused: its YAML aliases expand to over {MAX_NODES:,} values (an alias bomb?)"
            )
        return loader.construct_document(node)
    finally:
        loader.dispose()


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """Return (metadata, body, offset): `body == text[offset:]`.

    The blank lines after the block go with it. Text that does not open with a
    block, or whose block is not a YAML mapping, is returned whole with offset 0.
    Raises FrontMatterError for a block refused as an alias bomb.
    """
    opening = _OPEN.match(text)
    if not opening:
        return {}, text, 0
    closing = _CLOSE.search(text, opening.end())
    if not closing:
        return {}, text, 0
    try:
        meta = load_front_matter(text[opening.end() : closing.start()])
    except RecursionError:
        raise FrontMatterError("front matter refused: YAML nested too deeply") from None
    except yaml.YAMLError:
        return {}, text, 0
    if not isinstance(meta, dict):
        return {}, text, 0
    offset = _BLANK_LINES.match(text, closing.end()).end()
    return {str(key): value for key, value in meta.items()}, text[offset:], offset
