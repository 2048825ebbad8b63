"""The JSON Schema of the document record (``document.schema.json``) and a validator."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def document_schema() -> dict[str, Any]:
    return json.loads(resources.files(__name__).joinpath("document.schema.json").read_text("utf-8"))


def validate_record(record: dict[str, Any]) -> list[str]:
    """Schema violations of ``record`` plus offset checks, as messages (empty when valid)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(document_schema())
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(record)]
    errors += offset_errors(record)
    return errors


def offset_errors(record: dict[str, Any]) -> list[str]:
    """Every span's offsets must slice ``text`` to its text/name as written."""
    text = record.get("text", "")
    out = []

    def check(where: str, span: dict[str, Any], key: str | None) -> None:
        s, e = span.get("start"), span.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text)):
            out.append(f"{where}: offsets [{s}, {e}) outside the text")
        elif key and span.get(key) is not None and text[s:e] != span[key]:
            out.append(f"{where}: text[{s}:{e}] is {text[s:e]!r}, not {span[key]!r}")

    for i, r in enumerate(record.get("repairs", [])):
        check(f"repairs/{i}", r, "after")
    for i, s in enumerate(record.get("sentences", [])):
        check(f"sentences/{i}", s, None)
    for kind in ("entities", "times", "places"):
        for i, s in enumerate(record.get(kind, [])):
            check(f"{kind}/{i}", s, "text")
    for i, a in enumerate(record.get("actors", [])):
        for j, (s, e) in enumerate(a.get("mentions", [])):
            check(f"actors/{i}/mentions/{j}", {"start": s, "end": e}, None)
    for i, ev in enumerate(record.get("events", [])):
        check(f"events/{i}/trigger", ev.get("trigger", {}), None)
        for role in ("source", "target"):
            for j, arg in enumerate(ev.get(role, [])):
                check(f"events/{i}/{role}/{j}", arg, None)
    for i, q in enumerate(record.get("quotes", [])):
        check(f"quotes/{i}", q, "text")
        for part in ("speaker", "cue"):
            if q.get(part):
                check(f"quotes/{i}/{part}", q[part], "text" if part == "cue" else None)
    return out
