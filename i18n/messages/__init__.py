"""The English source text of every message, declared once per key with ``i18n.marker.N_``,
module by module (the order is the template's). A new message goes at the end of the module
of its page; see docs/translation.md."""

from __future__ import annotations

from i18n.marker import MESSAGES
from i18n.messages import atlas, evaluation, explore, pack, ranking, reasons

__all__ = ["MESSAGES", "atlas", "evaluation", "explore", "pack", "ranking", "reasons"]
