"""Readers for the geoparsing gold sets in ``data/geo``: LGL, TR-News, GeoVirus.

LGL and TR-News annotate each toponym with character offsets into the
article text and its GeoNames feature (id, coordinates, country); GeoVirus
gives offsets and coordinates only. Offsets are checked against the text
(and corrected where a corpus counts from 1); a toponym whose offsets do not
slice its phrase is skipped and counted.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataMissing

CORPORA = {"lgl": "lgl.xml", "trnews": "TR-News.xml", "geovirus": "GeoVirus.xml"}


@dataclass
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    country_geonameid: int | None = None
    fcode: str | None = None


@dataclass
class GeoDoc:
    corpus: str
    doc_id: str
    text: str
    url: str | None
    toponyms: list[GoldToponym] = field(default_factory=list)
    skipped: int = 0  # gold toponyms whose offsets did not match the text


def _float(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def _int(x: str | None) -> int | None:
    try:
        return int(x) if x else None
    except ValueError:
        return None


def _add(doc: GeoDoc, top: GoldToponym) -> None:
    """Keep a toponym whose offsets slice its phrase; GeoVirus and some TR-News
    documents count from 1, so a shift of one or two characters is corrected."""
    for shift in (0, -1, 1, -2, 2):
        s, e = top.start + shift, top.end + shift
        if s >= 0 and doc.text[s:e] == top.phrase:
            top.start, top.end = s, e
            doc.toponyms.append(top)
            return
    doc.skipped += 1


def read_corpus(data: Path, corpus: str) -> list[GeoDoc]:
    """The documents of one corpus (``lgl``, ``trnews`` or ``geovirus``)."""
    path = Path(data) / "geo" / CORPORA[corpus]
    if not path.is_file():
        raise DataMissing(f"geoparsing gold set '{corpus}' not found", input=str(path))
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise DataMissing(f"cannot parse the gold set: {e}", input=str(path)) from None
    docs = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        url = (art.findtext("url") or art.findtext("source") or "").strip() or None
        doc = GeoDoc(corpus, art.get("docid") or str(i), text, url)
        if corpus == "geovirus":
            for loc in art.iter("location"):
                start, end = _int(loc.findtext("start")), _int(loc.findtext("end"))
                if start is None or end is None:
                    continue
                _add(doc, GoldToponym(start, end, (loc.findtext("name") or "").strip(),
                                      _float(loc.findtext("lat")), _float(loc.findtext("lon"))))
        else:
            for top in art.iter("toponym"):
                start, end = _int(top.findtext("start")), _int(top.findtext("end"))
                if start is None or end is None:
                    continue
                gaz = top.find("gaztag")
                phrase = (top.findtext("phrase") or "").strip()
                if gaz is None:  # a toponym the annotators could not ground: counts for recognition only
                    _add(doc, GoldToponym(start, end, phrase, None, None))
                    continue
                country = gaz.find("country")
                _add(doc, GoldToponym(start, end, phrase, _float(gaz.findtext("lat")), _float(gaz.findtext("lon")),
                                      _int(gaz.get("geonameid")),
                                      _int(country.get("geonameid")) if country is not None else None,
                                      gaz.findtext("fcode")))
        docs.append(doc)
    return docs
