"""The story stage over the store: place new articles, link copies, merge events.

:class:`StoryStage` loads what earlier runs left in the store (signatures,
features, story membership, merged events), so each :meth:`StoryStage.update`
only handles the new articles: it never re-clusters what is already placed,
and a story keeps its id for good, except that a story the clusterer's repair
merges into a larger one (two starts of one happening, see
:meth:`~.cluster.StoryClusterer.repair`) hands its articles to that story, whose
id they carry from then on (the absorbed id leads there: ``story_aliases``), and the articles a split takes out of a story that
holds two happenings (see :meth:`~.cluster.StoryClusterer.split`) go to a new
story. Articles written to the store but never placed (a killed run) are picked
up by the next update.

What placing an article needs from its record (its features and MinHash
signature, :func:`prepare`) is computed where the article was processed: the
run's workers send it with their rows, so the stage, which runs serially in
the parent process, does not read the records back nor pay for that per
article. Articles without it (a killed run's, ``eventwire stories update``)
are prepared from their stored records, with the same result.

The summaries (``merged_events``, ``stories``) are functions of the placement
tables, so a run defers them (``update(..., refresh=False)``) and refreshes
each touched event and story once, in :meth:`StoryStage.refresh`, at the end
of the run and before old stories retire, instead of after every batch. That
stays safe if the run is killed: the transaction that writes a placement also
marks the summaries it makes stale (``updated_at`` NULL, or no row yet), and
the next stage refreshes what is marked.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from ..errors import StoreError
from ..places.names import fold
from ..store.rows import arrow_table
from .cluster import Settings, StoryClusterer
from .dedup import DuplicateIndex
from .features import ArticleFeatures, from_record
from .merge import EventMerger, MergeSettings, Mention


@dataclass
class Prepared:
    """One article's story inputs, made from its record (see :func:`prepare`)."""

    features: ArticleFeatures
    minhash: bytes
    params: tuple[int, int, int]  # the signature's (num_perm, shingle, seed)
    mentions: list[dict[str, Any]] | None = None  # its events as _MENTION_SQL reads them once stored


_SIGNER: list[DuplicateIndex] = []


def prepare(records: Iterable[dict[str, Any]], dups: DuplicateIndex | None = None) -> dict[str, Prepared]:
    """The story inputs of article records (``Document.to_dict()`` shape), by article id.

    Workers call it on the batch they processed; the stage uses the result
    in place of reading the records back from the store."""
    if dups is None:
        if not _SIGNER:
            _SIGNER.append(DuplicateIndex())
        dups = _SIGNER[0]
    return {rec["id"]: Prepared(from_record(rec), dups.to_bytes(dups.signature(rec.get("text") or "")), dups.params,
                                mention_rows(rec))
            for rec in records}


def mention_rows(record: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The rows :data:`_MENTION_SQL` yields for an article's events once it is stored, made from its
    record (same columns, values and order), so merging a new article's events needs no query of
    the growing event tables; ``None`` where a date would need the database's own reading."""
    from ..store.rows import event_row

    source, tone = record.get("source") or {}, record.get("tone") or {}
    published = source.get("published")
    events = [event_row(record["id"], e) for e in record.get("events", [])]
    if not all(v is None or _iso_day(v) for v in [published] + [r["date"] for r in events]):
        return None
    names = {a["id"]: a.get("name") for a in record.get("actors", [])}
    rows = []
    for r in events:
        rows.append({
            **{k: r[k] for k in _MENTION_EVENT_COLUMNS},
            "date": _iso_day(r["date"]),
            "source_actor_name": names.get(r["source_actor"]), "target_actor_name": names.get(r["target_actor"]),
            "outlet": source.get("outlet"), "published": _iso_day(published), "tone_score": tone.get("score"),
            "url": source.get("url")})
    return sorted(rows, key=lambda r: (r["sentence"], r["id"]))


def _iso_day(value: Any) -> dt.date | None:
    """A full ISO day as the DATE it is stored as (anything else: None)."""
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


@dataclass
class UpdateSummary:
    articles: int = 0
    duplicates: int = 0
    new_stories: int = 0
    joined_stories: int = 0
    mentions: int = 0
    merged_events: int = 0
    seconds: float = 0.0
    story_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d.pop("story_ids")
        return d


_MENTION_EVENT_COLUMNS = ("article_id", "id", "sentence", "cameo", "cameo_root", "quad_class", "goldstein", "negated",
                          "modality", "place_name", "place_country", "place_lat", "place_lon", "reported_by",
                          "confidence", "source_code", "source_name", "source_country", "target_code", "target_name",
                          "target_country")

_MENTION_SQL = """
SELECT e.article_id, e.id, e.sentence, e.cameo, e.cameo_root, e.quad_class, e.goldstein, e.negated, e.modality,
       e.date, e.place_name, e.place_country, e.place_lat, e.place_lon, e.reported_by, e.confidence,
       e.source_code, e.source_name, sa.name AS source_actor_name, e.source_country,
       e.target_code, e.target_name, ta.name AS target_actor_name, e.target_country,
       a.outlet, a.published, a.tone_score, a.url
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.id = e.source_actor
LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.id = e.target_actor
"""


class StoryStage:
    """Story state for one store; create once per run and call :meth:`update` per batch."""

    def __init__(self, store, settings: Settings | None = None, merge_settings: MergeSettings | None = None,
                 dup_threshold: float = 0.7):
        self.store = store
        self.clusterer = StoryClusterer(settings)
        self.dups = DuplicateIndex(threshold=dup_threshold)
        self.merger = EventMerger(merge_settings)
        self.story_of: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}  # story id -> its articles (copies included)
        self.seq = 0
        self.stale_events: set[str] = set()  # summaries to refresh (see refresh())
        self.stale_stories: set[str] = set()
        self._queued: list[tuple] | None = None  # writes held for one transaction (see batched())
        self._load()

    # -- state from earlier runs ------------------------------------------------
    def _load(self) -> None:
        con = self.store.con
        rows = con.execute("SELECT article_id, story_id, duplicate_of, outlet, published, minhash, features, seq "
                           "FROM story_articles ORDER BY seq").fetchall()
        feats = []
        for aid, sid, dup, outlet, published, minhash, features, seq in rows:
            f = ArticleFeatures.from_json(aid, outlet, published, json.loads(features) if features else {})
            feats.append((f, sid, dup))
            if minhash:
                self.dups.restore(aid, self.dups.from_bytes(minhash), dup)
            self.story_of[aid] = sid
            self.members.setdefault(sid, []).append(aid)
            self.seq = max(self.seq, seq + 1)
        self.clusterer.observe([f for f, _, _ in feats])
        last: dict[str, dt.date] = {}
        n: Counter[str] = Counter()
        for f, sid, dup in feats:
            n[sid] += not dup
            if f.published and (sid not in last or f.published > last[sid]):
                last[sid] = f.published
        for f, sid, dup in feats:  # only stories "when" still allows to grow (or to take a follow-up) come back
            if not dup and self.clusterer.standing(last.get(sid), n[sid]) != "retired":
                self.clusterer.add_member(sid, f)
        self.clusterer.retire()  # those past "when" go to the archive, where a follow-up finds them
        # the others keep their ids: a split does not give one of them to a new story
        self.clusterer.retired.update(set(self.members) - set(self.clusterer.stories) - set(self.clusterer.archive))
        restored = self.store.query(
            f"SELECT em.event_id, m.* FROM event_mentions em JOIN ({_MENTION_SQL}) m "
            "ON m.article_id = em.article_id AND m.id = em.mention_id ORDER BY em.article_id, m.id")
        for r in restored:
            self.merger.restore(r.pop("event_id"), Mention.from_row(r, self._duplicate_of(r["article_id"])))
        # summaries a killed run marked stale (or never wrote)
        self.stale_stories.update(r[0] for r in con.execute(
            "SELECT DISTINCT sa.story_id FROM story_articles sa LEFT JOIN stories s USING (story_id) "
            "WHERE s.updated_at IS NULL").fetchall())
        self.stale_events.update(r[0] for r in con.execute(
            "SELECT DISTINCT em.event_id FROM event_mentions em LEFT JOIN merged_events m USING (event_id) "
            "WHERE m.updated_at IS NULL UNION SELECT event_id FROM merged_events WHERE updated_at IS NULL"
        ).fetchall())

    def _mention_rows(self, where: str) -> list[dict[str, Any]]:
        return self.store.query(f"{_MENTION_SQL} WHERE {where} ORDER BY e.article_id, e.sentence, e.id")

    # -- updating ------------------------------------------------------------------
    @contextmanager
    def batched(self):
        """The placements of the updates made inside are written together, in one transaction, at
        the end: a run places the batches it wrote in one go this way, each batch as by its own
        :meth:`update` (a commit costs the one writer more than a batch's rows). Whatever reads the
        placement tables (:meth:`refresh`, :meth:`recount`) writes what is held first."""
        self._queued = []
        try:
            yield self
            self._flush()
        finally:
            self._queued = None

    def _flush(self) -> None:
        if self._queued:
            held, self._queued = self._queued, []
            self._write(held)

    def pending(self) -> list[str]:
        """Stored articles not placed yet (new, or left by a killed run), oldest first."""
        self._flush()
        rows = self.store.con.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles) "
            "ORDER BY published NULLS LAST, processed_at, id").fetchall()
        return [r[0] for r in rows]

    def update(self, article_ids: Iterable[str] | None = None,
               prepared: dict[str, Prepared] | None = None, *, refresh: bool = True) -> UpdateSummary:
        """Place ``article_ids`` (default: every pending article) and merge their events.

        ``prepared`` (from :func:`prepare`, by the worker that processed the
        articles) saves reading their records back; the others are read.
        With ``refresh`` off the touched summaries wait for :meth:`refresh`."""
        import time

        t0 = time.perf_counter()
        ids = list(dict.fromkeys(self.pending() if article_ids is None else article_ids))
        summary = UpdateSummary()
        if ids:
            inputs = {a: p for a, p in (prepared or {}).items() if p.params == self.dups.params}
            missing = [a for a in ids if a not in inputs]
            if missing:
                inputs.update(prepare(self._records(missing).values(), self.dups))
            stored = [aid for aid in ids if aid in inputs]
            new = [aid for aid in stored if aid not in self.story_of]
            if self.clusterer.sweep_due(len(new)):  # stories about to retire: their summaries first
                self.refresh()
            placed = self._place(new, inputs, summary)
            merges = self.clusterer.repair({p["story_id"] for p in placed if p["duplicate_of"] is None})
            if merges:
                self._merge_stories(merges, placed)
            splits = self.clusterer.split({self.story_of[p["article_id"]] for p in placed})
            if splits:
                self._split_stories(splits, placed)
            touched = {self.story_of[a] for a in ids if a in self.story_of}
            self._write_placements(placed, touched)
            # articles never placed before have no mentions stored: theirs came with their inputs
            made = {a: inputs[a].mentions for a in new if inputs[a].mentions is not None}
            self._merge_events(stored, summary, made if len(made) == len(stored) else None)
            summary.story_ids = sorted(touched)
        if refresh:
            self.refresh()
        summary.seconds = round(time.perf_counter() - t0, 3)
        return summary

    def recount(self, article_ids: Iterable[str]) -> None:
        """Refresh the counts of the stories and merged events of placed articles that
        arrived again (a verbatim copy from another outlet: a new occurrence, same id)."""
        ids = [a for a in dict.fromkeys(article_ids) if a in self.story_of]
        if not ids:
            return
        self._flush()
        events = self._select_for("SELECT DISTINCT event_id FROM event_mentions WHERE article_id IN "
                                  "(SELECT k FROM _keys)", set(ids))
        self.stale_events.update(r[0] for r in events)
        self.stale_stories.update(self.story_of[a] for a in ids)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the stale summaries: the merged events and stories touched since the last refresh."""
        self._flush()
        held, self._queued = self._queued, None  # summaries read what they write: written at once
        try:
            self._refresh_events(self.stale_events)
            self._refresh_stories(self.stale_stories)
        finally:
            self._queued = held
        self.stale_events, self.stale_stories = set(), set()

    def _records(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        con = self.store.con
        con.register("_story_ids", _keys_table(ids, "id"))
        try:
            rows = con.execute("SELECT a.id, a.record FROM articles a JOIN _story_ids USING (id)").fetchall()
        finally:
            con.unregister("_story_ids")
        return {aid: json.loads(rec) for aid, rec in rows}

    def _place(self, ids: list[str], inputs: dict[str, Prepared], summary: UpdateSummary) -> list[dict]:
        feats = [inputs[a].features for a in ids]
        self.clusterer.observe(feats)
        placed = []
        for aid, f in zip(ids, feats):
            sig = self.dups.from_bytes(inputs[aid].minhash)
            orig, sim = self.dups.add(aid, sig)
            score = None
            if orig is not None and orig in self.story_of:
                sid = self.story_of[orig]
                summary.duplicates += 1
            else:
                orig, sim = None, None
                sid, score = self.clusterer.add(f)
                if score is None:
                    summary.new_stories += 1
                else:
                    summary.joined_stories += 1
            self.story_of[aid] = sid
            self.members.setdefault(sid, []).append(aid)
            placed.append({"article_id": aid, "story_id": sid, "duplicate_of": orig, "duplicate_similarity": sim,
                           "story_score": score, "seq": self.seq, "outlet": f.outlet, "published": f.published,
                           "minhash": inputs[aid].minhash, "features": json.dumps(f.to_json())})
            self.seq += 1
        summary.articles += len(placed)
        return placed

    def _merge_stories(self, merges: list[tuple[str, str]], placed: list[dict]) -> None:
        """Move the articles of each story the clusterer's repair absorbed (see
        :meth:`StoryClusterer.repair`) into the story that took it: the batch's own placements
        before they are written, the stored ones by one relabelling written with them. The
        absorbed story's summary goes, the merged one's and its merged events' are stale."""
        summary_of = {p["article_id"]: p for p in placed}
        stored = []
        for gone, keep in merges:
            moved = self.members.pop(gone, [])
            self.members.setdefault(keep, []).extend(moved)
            for aid in moved:
                self.story_of[aid] = keep
                if aid in summary_of:
                    summary_of[aid]["story_id"] = keep
                else:
                    stored.append(aid)
            self.stale_stories.update((gone, keep))
        if stored:  # (those of articles whose writes are still held were marked stale with them)
            events = self._select_for("SELECT DISTINCT event_id FROM event_mentions WHERE article_id IN "
                                      "(SELECT k FROM _keys)", set(stored))
            self.stale_events.update(r[0] for r in events)
        op = ("relabel", merges)
        self._submit(op)

    def _split_stories(self, splits: list[tuple[str, str, list[str]]], placed: list[dict]) -> None:
        """Move the articles the clusterer's split took out of a story (see
        :meth:`StoryClusterer.split`), with their copies, to the new story: the batch's own
        placements before they are written, the stored ones by one write with them. Both
        stories' summaries and the moved articles' merged events are stale."""
        placing = {p["article_id"]: p for p in placed}
        stored: list[tuple[str, list[str]]] = []
        for sid, new_id, ids in splits:
            going = set(ids)
            going.update(a for a in self.members.get(sid, []) if self.dups.original.get(a) in going)
            self.members[sid] = [a for a in self.members.get(sid, []) if a not in going]
            self.members[new_id] = sorted(going)
            for aid in going:
                self.story_of[aid] = new_id
                if aid in placing:
                    placing[aid]["story_id"] = new_id
            stored.append((new_id, sorted(going - set(placing))))
            self.stale_stories.update((sid, new_id))
        moved = {a for _, ids in stored for a in ids}
        if moved:  # (those of articles whose writes are still held were marked stale with them)
            events = self._select_for("SELECT DISTINCT event_id FROM event_mentions WHERE article_id IN "
                                      "(SELECT k FROM _keys)", moved)
            self.stale_events.update(r[0] for r in events)
        op = ("move", [(new_id, ids) for new_id, ids in stored if ids])
        if not op[1]:
            return
        self._submit(op)

    def _write_placements(self, placed: list[dict], touched: set[str]) -> None:
        self.stale_stories.update(touched)
        if not placed:
            return
        # placed articles are new to story_articles (what is there is in story_of): nothing to delete
        self._replace("story_articles", "article_id", placed, keys=[], stale=("stories", "story_id", touched))

    def _replace(self, table: str, key: str, rows: list[dict[str, Any]], keys: Iterable[str],
                 stale: tuple[str, str, set[str]] | None = None, select: str | None = None) -> None:
        """Delete the rows of ``table`` whose ``key`` is in ``keys``, insert ``rows`` (or what the query
        ``select`` yields: it may read the keys as ``_keys(k)`` and the rows as ``_rows``); in the same
        transaction, mark the ``stale`` (table, key, keys) summary rows as such. Inside
        :meth:`batched` the write waits for the others, to share their transaction."""
        op = (table, key, rows, list(keys), stale, select)
        self._submit(op)

    def _submit(self, op: tuple) -> None:
        """Write ``op`` now, or inside :meth:`batched` with the others, in their transaction."""
        if self._queued is not None:
            self._queued.append(op)
        else:
            self._write([op])

    def _write(self, ops: list[tuple]) -> None:
        """The replacements ``ops`` (see :meth:`_replace`), in order, in one transaction."""
        con = self.store.con
        con.execute("BEGIN TRANSACTION")
        try:
            for op in ops:
                if op[0] == "relabel":  # stories merged by the repair: (absorbed, kept) in order
                    for gone, keep in op[1]:
                        con.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", [keep, gone])
                        con.execute("UPDATE stories SET updated_at = NULL WHERE story_id IN (?, ?)", [gone, keep])
                        # the absorbed id, and ids that led to it, lead to the kept story from now on
                        con.execute("UPDATE story_aliases SET story_id = ? WHERE story_id = ?", [keep, gone])
                        con.execute(f"INSERT OR REPLACE INTO story_aliases VALUES (?, ?, {_now_sql()})", [gone, keep])
                        con.execute("DELETE FROM story_aliases WHERE alias = ?", [keep])
                    continue
                if op[0] == "move":  # articles split off into new stories: (new story, article ids)
                    for new_id, ids in op[1]:
                        con.execute("DELETE FROM story_aliases WHERE alias = ?", [new_id])  # a real story again
                        con.register("_keys", _keys_table(ids))
                        con.execute("UPDATE stories SET updated_at = NULL WHERE story_id IN "
                                    "(SELECT story_id FROM story_articles WHERE article_id IN (SELECT k FROM _keys))")
                        con.execute("UPDATE story_articles SET story_id = ? WHERE article_id IN (SELECT k FROM _keys)",
                                    [new_id])
                        con.unregister("_keys")
                    continue
                table, key, rows, keys, stale, select = op
                con.register("_keys", _keys_table(keys))
                if keys:
                    con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT k FROM _keys)")
                if rows:
                    con.register("_rows", arrow_table(rows))
                if rows or select:
                    con.execute(f"INSERT INTO {table} BY NAME {select or 'SELECT * FROM _rows'}")
                con.unregister("_keys")
                if rows:
                    con.unregister("_rows")
                if stale and stale[2]:
                    con.register("_stale", _keys_table(sorted(stale[2])))
                    con.execute(f"UPDATE {stale[0]} SET updated_at = NULL WHERE {stale[1]} IN (SELECT k FROM _stale)")
                    con.unregister("_stale")
            con.execute("COMMIT")
        except Exception as e:
            import duckdb

            try:
                con.execute("ROLLBACK")
            except duckdb.Error:  # the failure (e.g. disk full) already ended the transaction
                pass
            if isinstance(e, (duckdb.Error, OSError)):
                tables = ", ".join(dict.fromkeys("story_articles" if op[0] in ("relabel", "move") else op[0] for op in ops))
                raise StoreError(f"updating {tables} failed ({str(e).splitlines()[0]}); the articles are stored: "
                                 "fix the cause (free disk space?) and re-run the same command to place them into "
                                 "stories", input=self.store.path, code="store_write") from None
            raise

    # -- events --------------------------------------------------------------------
    def _merge_events(self, ids: list[str], summary: UpdateSummary,
                      made: dict[str, list[dict[str, Any]]] | None = None) -> None:
        """Assign the events of the articles ``ids`` to merged events; ``made``: the mention rows of
        every one of them, all new (:func:`mention_rows`), else they are read from the store."""
        if made is not None:
            old: set[str] = set()
            rows = [r for aid in sorted(ids) for r in made[aid]]
        else:
            con = self.store.con
            con.register("_ev_ids", _keys_table(ids, "id"))
            try:
                old = {r[0] for r in con.execute(
                    "SELECT DISTINCT event_id FROM event_mentions WHERE article_id IN (SELECT id FROM _ev_ids)"
                ).fetchall()}
                rows = self._mention_rows("e.article_id IN (SELECT id FROM _ev_ids)")
            finally:
                con.unregister("_ev_ids")
        if old:  # re-processed articles: forget their earlier mentions before placing the new ones
            for group in self.merger.blocks.values():
                for _, members in group:
                    members[:] = [m for m in members if m.article_id not in set(ids)]
        mentions = []
        for r in rows:
            dup = self._duplicate_of(r["article_id"])
            eid = self.merger.assign(Mention.from_row(r, dup))
            mentions.append({"event_id": eid, "article_id": r["article_id"], "mention_id": r["id"],
                             "outlet": r.get("outlet"), "published": r.get("published"),
                             "is_duplicate": dup is not None, "sentence": r.get("sentence"),
                             "reported_by": r.get("reported_by") or "[]"})
        merged = {m["event_id"] for m in mentions}
        touched = old | merged
        self._replace("event_mentions", "article_id", mentions, keys=ids if old else [],  # none stored: none to delete
                      stale=("merged_events", "event_id", touched))
        self.stale_events.update(touched)
        summary.mentions += len(mentions)
        summary.merged_events += len(merged)

    def _duplicate_of(self, article_id: str) -> str | None:
        return self.dups.original.get(article_id)

    def _refresh_events(self, event_ids: set[str]) -> None:
        if not event_ids:
            return
        self._replace("merged_events", "event_id", [], keys=sorted(event_ids),
                      select=f"SELECT *, {_now_sql()} AS updated_at FROM ({_MERGED_SQL})")

    def _select_for(self, sql: str, keys: set[str]) -> list[tuple]:
        """The rows of ``sql``, which reads the given keys from the table ``_keys`` (column ``k``)."""
        con = self.store.con
        con.register("_keys", _keys_table(sorted(keys)))
        try:
            return con.execute(sql).fetchall()
        finally:
            con.unregister("_keys")

    # -- stories -------------------------------------------------------------------
    def _refresh_stories(self, story_ids: set[str]) -> None:
        if not story_ids:
            return
        retired = {sid for sid in story_ids if sid not in self.clusterer.stories}
        before = {sid: (names, places) for sid, names, places in self._select_for(
            "SELECT story_id, top_names, top_places FROM stories WHERE story_id IN (SELECT k FROM _keys)", retired)
        } if retired else {}
        tops = []
        for sid in sorted(story_ids):
            story = self.clusterer.stories.get(sid)
            if story is None and sid in before:  # retired: its summary no longer changes
                names, places = before[sid]
            else:
                top = [f for f, _ in Counter(story.vec if story else {}).most_common()]
                shown = story.display if story else {}
                names = json.dumps(_summary(top, "n:", shown, 8))
                places = json.dumps(_summary(top, "p:", shown, 5))
            tops.append({"story_id": sid, "top_names": names, "top_places": places})
        self._replace("stories", "story_id", tops, keys=sorted(story_ids),
                      select=f"SELECT q.*, t.top_names, t.top_places, {_now_sql()} AS updated_at "
                             f"FROM ({_STORY_SQL}) q JOIN _rows t USING (story_id)")


def _summary(top: list[str], kind: str, shown: dict[str, str], n: int) -> list[str]:
    """A story's ``n`` strongest names (``kind`` "n:") or places ("p:") as its articles write them,
    each once (accents aside: "Brasilia", "Brasília"), a surname not after the full name it is part
    of; a place known only by its country code ("p:ken") is not shown."""
    out: dict[str, str] = {}
    for f in top:
        if f.startswith(kind):
            written = shown.get(f) or (f[2:] if kind == "n:" else None)
            key = fold(written) if written else ""
            if key and key not in out and not any(key in k.split() for k in out):
                out[key] = written
                if len(out) == n:
                    break
    return list(out.values())


def _keys_table(keys: Sequence[str], name: str = "k"):
    """Keys as a one-column Arrow table, to be registered and read with ``IN (SELECT ...)``."""
    import pyarrow as pa

    return pa.table({name: pa.array(list(keys), type=pa.string())})


def _now_sql() -> str:
    """This moment (UTC) as a SQL literal: the summaries' ``updated_at``."""
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    return f"TIMESTAMP '{now.isoformat(sep=' ')}'"


def _occurrences_sql(articles: str) -> str:
    """A CTE ``occ``: every arrival (article_id, outlet, url, occ_n) of the articles selected by
    ``articles`` (SQL yielding ids), the first arrival numbered 1. A verbatim copy from another
    outlet is the same article (same text, same id) arriving again: it counts as an article and
    a source of its own, and as a copy when copies are discounted. Articles stored without
    occurrences (migration 009) arrive once, as stored."""
    return f"""occ AS (
    SELECT article_id, outlet, url,
           row_number() OVER (PARTITION BY article_id ORDER BY first_seen, path, outlet, url) AS occ_n
    FROM (SELECT article_id, path, outlet, url, first_seen FROM occurrences WHERE article_id IN ({articles})
          UNION ALL
          SELECT id, path, outlet, url, processed_at FROM articles a WHERE id IN ({articles})
          AND NOT EXISTS (SELECT 1 FROM occurrences o WHERE o.article_id = a.id))
)"""


_MERGED_SQL = f"""
WITH {_occurrences_sql("SELECT article_id FROM event_mentions WHERE event_id IN (SELECT k FROM _keys)")},
m AS (
    SELECT em.event_id, em.article_id, em.mention_id, em.is_duplicate, occ.outlet, occ.occ_n,
           e.cameo, e.cameo_root, e.quad_class, e.goldstein, e.source_code, e.source_name,
           e.source_country, e.target_code, e.target_name, e.target_country, e.date, e.place_name,
           e.place_country, e.place_lat, e.place_lon, e.negated, e.modality, e.confidence,
           a.tone_score, occ.url, sa.story_id, sa.seq, sa.duplicate_of,
           (em.is_duplicate OR occ.occ_n > 1) AS is_copy,
           struct_pack(sc := e.source_code, sn := e.source_name, sco := e.source_country,
                       tc := e.target_code, tn := e.target_name, tco := e.target_country) AS dyad
    FROM event_mentions em
    JOIN events e ON e.article_id = em.article_id AND e.id = em.mention_id
    JOIN articles a ON a.id = em.article_id
    JOIN occ ON occ.article_id = em.article_id
    LEFT JOIN story_articles sa ON sa.article_id = em.article_id
    WHERE em.event_id IN (SELECT k FROM _keys)
)
-- who did it to whom: the commonest (source, target) pair of the mentions, taken whole (the mentions
-- of a mutual act run both ways, A -> B and B -> A, and field by field could give A -> A)
SELECT * EXCLUDE (dyad), dyad.sc AS source_code, dyad.sn AS source_name, dyad.sco AS source_country,
       dyad.tc AS target_code, dyad.tn AS target_name, dyad.tco AS target_country
FROM (
SELECT event_id,
       mode(story_id) AS story_id,
       mode(cameo) AS cameo, mode(cameo_root) AS cameo_root, mode(quad_class) AS quad_class,
       avg(goldstein) AS goldstein,
       mode(dyad) AS dyad,
       mode(date) AS date, mode(place_name) AS place_name, mode(place_country) AS place_country,
       avg(place_lat) AS place_lat, avg(place_lon) AS place_lon,
       bool_or(negated) AS negated, mode(modality) AS modality,
       count(*) AS n_mentions,
       count(DISTINCT article_id || ':' || occ_n) AS n_articles,
       count(DISTINCT coalesce(outlet, article_id)) AS n_sources,
       count(DISTINCT coalesce(duplicate_of, article_id)) AS n_original_articles,
       count(DISTINCT coalesce(outlet, article_id)) FILTER (WHERE NOT is_copy) AS n_original_sources,
       count(*) FILTER (WHERE NOT is_copy) AS n_original_mentions,
       avg(confidence) AS confidence, avg(tone_score) AS avg_tone,
       arg_min(article_id, coalesce(seq, 0) * 1000000 + occ_n) AS first_article,
       arg_min(url, coalesce(seq, 0) * 1000000 + occ_n) AS source_url
FROM m GROUP BY event_id
)
"""

_STORY_SQL = f"""
WITH {_occurrences_sql("SELECT article_id FROM story_articles WHERE story_id IN (SELECT k FROM _keys)")},
n AS (
    SELECT s.story_id, count(*) AS n_articles, count(DISTINCT coalesce(occ.outlet, s.article_id)) AS n_outlets
    FROM story_articles s JOIN occ ON occ.article_id = s.article_id
    WHERE s.story_id IN (SELECT k FROM _keys) GROUP BY s.story_id
)
SELECT s.story_id,
       arg_min(a.headline, s.seq) AS title,
       arg_min(s.article_id, s.seq) AS first_article,
       min(s.published) AS first_published, max(s.published) AS last_published,
       any_value(n.n_articles) AS n_articles,
       count(*) FILTER (WHERE s.duplicate_of IS NULL) AS n_originals,
       any_value(n.n_outlets) AS n_outlets,
       (SELECT count(DISTINCT em.event_id) FROM event_mentions em JOIN story_articles x
            ON x.article_id = em.article_id WHERE x.story_id = s.story_id) AS n_events
FROM story_articles s JOIN articles a ON a.id = s.article_id JOIN n ON n.story_id = s.story_id
WHERE s.story_id IN (SELECT k FROM _keys)
GROUP BY s.story_id
"""


def update(store, article_ids: Iterable[str] | None = None, prepared: dict[str, Prepared] | None = None,
           **kwargs: Any) -> UpdateSummary:
    """Place new articles of ``store`` into stories and merge their events (see :class:`StoryStage`)."""
    return StoryStage(store, **kwargs).update(article_ids, prepared)
