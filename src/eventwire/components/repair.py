"""The ``repair`` component: raw text to repaired text plus recorded repairs."""
from __future__ import annotations

from ..document import Document
from ..pipeline import component
from ..repair import TextRepairer


@component("repair", reads=["raw"], writes=["text", "repairs"], version="1")
def make_repair(settings: dict):
    repairer = TextRepairer()

    def repair(docs: list[Document]) -> None:
        for doc in docs:
            doc.text, doc.repairs = repairer.repair(doc.raw)

    return repair
