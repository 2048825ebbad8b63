"""HTTP API latency on a large store, and a bounded loopback load test.

Builds a synthetic store (default 100,000 events in 20,000 articles; every
event a real record with offsets, written through ``Store.write``), starts
``eventwire serve`` on a free loopback port in a subprocess, then:

1. latency: each main endpoint requested ``--repeat`` times in turn by one
   client; p50/p95 in ms, and the ratio of the p50 to the p50 of a static
   file served by the same server in the same run (the baseline: the cost of
   HTTP and the framework alone);
2. load: ``--clients`` concurrent clients share a fixed budget of
   ``--requests`` requests over a mix of endpoints, stopping at
   ``--time-cap`` seconds whatever is left; reports throughput, error rate
   and latency under load.

    python benchmarks/bench_api.py [--events 100000] [--clients 8] [--requests 2000] [--time-cap 60]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import ROOT, write_result

ACTORS = [  # (key, name, code, country, sector)
    ("CHN", "China", "CHN", "CHN", None), ("RUS", "Russia", "RUS", "RUS", None),
    ("USA", "United States", "USA", "USA", None), ("UKR", "Ukraine", "UKR", "UKR", None),
    ("XI", "Xi Jinping", "CHNGOV", "CHN", "GOV"), ("PUTIN", "Vladimir Putin", "RUSGOV", "RUS", "GOV"),
    ("EU", "European Union", "IGOEU", None, None), ("NATO", "NATO", "IGONATO", None, None),
    ("IND", "India", "IND", "IND", None), ("BRA", "Brazil", "BRA", "BRA", None),
    ("KEN", "Kenya", "KEN", "KEN", None), ("KENCOP", "Kenyan police", "KENCOP", "KEN", "COP"),
    ("PROT", "protesters", "KENOPP", "KEN", "OPP"), ("TUR", "Turkey", "TUR", "TUR", None),
    ("ISR", "Israel", "ISR", "ISR", None), ("IRN", "Iran", "IRN", "IRN", None),
    ("JPN", "Japan", "JPN", "JPN", None), ("KOR", "South Korea", "KOR", "KOR", None),
    ("PAK", "Pakistan", "PAK", "PAK", None), ("DEU", "Germany", "DEU", "DEU", None),
]
VERBS = [  # (words, cameo, goldstein, quad)
    ("met", "040", 1.0, 1), ("praised", "051", 3.4, 1), ("signed an agreement with", "057", 8.0, 1),
    ("sent aid to", "070", 7.0, 2), ("cooperated militarily with", "062", 7.4, 2),
    ("criticised", "111", -2.0, 3), ("threatened", "130", -4.4, 3), ("imposed sanctions on", "163", -8.0, 4),
    ("attacked", "190", -10.0, 4), ("clashed with", "145", -7.5, 4),
]
PLACES = [("Moscow", "RUS", 55.7558, 37.6173), ("Beijing", "CHN", 39.9042, 116.4074),
          ("Washington", "USA", 38.9072, -77.0369), ("Kyiv", "UKR", 50.4501, 30.5234),
          ("Nairobi", "KEN", -1.2921, 36.8219), ("Brussels", "BEL", 50.8503, 4.3517),
          ("New Delhi", "IND", 28.6139, 77.209), ("Ankara", "TUR", 39.9334, 32.8597),
          ("Tokyo", "JPN", 35.6762, 139.6503), ("Brasilia", "BRA", -15.7939, -47.8828)]
OUTLETS = ["Reuters", "Associated Press", "Agence France-Presse", "Xinhua", "TASS", "Bloomberg", "Al Jazeera",
           "BBC", "Nation", "Kyodo"]


def synthetic_docs(n_events: int, per_article: int, seed: int = 7):
    """Documents of ``per_article`` one-sentence events each, annotated with exact offsets."""
    from datetime import date, timedelta

    from eventwire.document import (Actor, Argument, Document, Event, Place, Sentence, Source, TimeExpr,
                                    Trigger)

    rng = random.Random(seed)
    day0 = date(2023, 1, 1)
    n_articles = max(1, n_events // per_article)
    for a in range(n_articles):
        published = day0 + timedelta(days=rng.randrange(730))
        parts, events, sentences, places, times = [], [], [], [], []
        mentions: dict[str, list[list[int]]] = {}
        pos = 0
        for i in range(per_article):
            s_act, t_act = rng.sample(ACTORS, 2)
            verb, cameo, gold, quad = rng.choice(VERBS)
            place = rng.choice(PLACES)
            sent = f"{s_act[1]} {verb} {t_act[1]} in {place[0]} on Monday"
            sent += f" (item {a}.{i})." + (" " if i < per_article - 1 else "")
            start = pos
            s0 = start
            t0 = s0 + len(s_act[1]) + 1 + len(verb) + 1
            p0 = t0 + len(t_act[1]) + 4
            d0 = p0 + len(place[0]) + 4
            for key, off, name in ((s_act[0], s0, s_act[1]), (t_act[0], t0, t_act[1])):
                mentions.setdefault(key, []).append([off, off + len(name)])
            sentences.append(Sentence(start, start + len(sent.rstrip())))
            day = (published - timedelta(days=(published.weekday()) or 7)).isoformat()
            times.append(TimeExpr("Monday", d0, d0 + 6, "DATE", day))
            places.append(Place(place[0], p0, p0 + len(place[0]), place[0], place[1], None, place[2], place[3],
                                None, "city"))
            events.append(Event(
                id=f"e{i}", sentence=i,
                source=[Argument(s_act[0], s_act[1], s_act[2], s_act[3], s0, s0 + len(s_act[1]))],
                target=[Argument(t_act[0], t_act[1], t_act[2], t_act[3], t0, t0 + len(t_act[1]))],
                trigger=Trigger(verb, s0 + len(s_act[1]) + 1, s0 + len(s_act[1]) + 1 + len(verb)),
                cameo=cameo, cameo_root=cameo[:2], plover={"event": None, "mode": None, "context": None},
                goldstein=gold, quad_class=quad, negated=rng.random() < 0.05,
                modality="asserted" if rng.random() < 0.9 else "planned",
                date={"value": day, "text": "Monday", "basis": "weekday before publication"},
                place={"name": place[0], "country": place[1], "lat": place[2], "lon": place[3]},
                confidence=round(rng.uniform(0.4, 0.99), 2)))
            parts.append(sent)
            pos += len(sent)
        text = "".join(parts)
        by_key = {k[0]: k for k in ACTORS}
        doc = Document(raw=text, text=text, source=Source(outlet=rng.choice(OUTLETS), published=published.isoformat(),
                                                           title=f"Synthetic report {a}", published_basis="metadata"))
        doc.sentences, doc.events, doc.times, doc.places = sentences, events, times, places
        doc.actors = [Actor(k, by_key[k][1], by_key[k][2], by_key[k][3], by_key[k][4], None, m)
                      for k, m in mentions.items()]
        doc.pipeline = {"version": "bench", "model": "none", "kb": "bench"}
        yield doc


def build_store(path: Path, n_events: int, per_article: int) -> float:
    from eventwire.store import Store

    t = time.perf_counter()
    with Store(path) as store:
        batch = []
        for doc in synthetic_docs(n_events, per_article):
            batch.append(doc)
            if len(batch) == 2000:
                store.write(batch)
                batch = []
        store.write(batch)
        counts = store.counts()
    assert counts["events"] == (n_events // per_article) * per_article, counts
    return time.perf_counter() - t


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: float) -> float:
    vs = sorted(values)
    return vs[min(len(vs) - 1, int(round(q * (len(vs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--per-article", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=30, help="Requests per endpoint for the latency table.")
    ap.add_argument("--clients", type=int, default=8, help="Concurrent clients in the load test.")
    ap.add_argument("--requests", type=int, default=2000, help="Requests in the load test (all clients).")
    ap.add_argument("--time-cap", type=float, default=60.0, help="Seconds after which the load test stops.")
    ap.add_argument("--db", help="Reuse this store file instead of building one.")
    args = ap.parse_args()

    import httpx

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "bench.duckdb"
        if not db.exists():
            secs = build_store(db, args.events, args.per_article)
            print(f"built {db} with {args.events:,} events in {secs:.1f}s", file=sys.stderr)
        else:
            from eventwire.store import Store

            Store(db).close()  # a reused store gets this version's migrations
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
        server = subprocess.Popen([sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port),
                                   "--log-level", "warning"], env=env, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=30) as c:
                deadline = time.time() + 60
                while True:
                    try:
                        if c.get("/api").status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    if time.time() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not start: " + server.stderr.read().decode()[-2000:])
                    time.sleep(0.2)
                aid = c.get("/api/articles?limit=1").json()["rows"][0]["id"]
                endpoints = {
                    "static file (baseline)": "/static/app.css",
                    "events page": "/api/events?limit=50",
                    "events deep page": "/api/events?limit=50&offset=50000",
                    "events filtered": "/api/events?quad_class=4&date_from=2023-06-01&date_to=2023-12-31&negated=false",
                    "events by actor": "/api/events?actor=RUS",
                    "events text search": "/api/events?search=sanctions",
                    "events CSV 10k": "/api/events.csv?limit=10000",
                    "actors summary": "/api/actors",
                    "dyad CHN-RUS": "/api/dyad?a=CHN&b=RUS",
                    "network": "/api/network",
                    "map": "/api/map",
                    "article + evidence": f"/api/articles/{aid}",
                    "search": "/api/search?q=Moscow",
                    "events HTML page": "/events",
                }
                latency = {}
                for name, url in endpoints.items():
                    c.get(url)  # warm
                    times = []
                    for _ in range(args.repeat):
                        t = time.perf_counter()
                        r = c.get(url)
                        times.append((time.perf_counter() - t) * 1000)
                        assert r.status_code == 200, (url, r.status_code, r.text[:200])
                    latency[name] = times
            base_p50 = statistics.median(latency["static file (baseline)"])
            rows = [{"endpoint": name, "p50 ms": round(statistics.median(v), 1), "p95 ms": round(pct(v, 0.95), 1),
                     "p50 / static": round(statistics.median(v) / base_p50, 1)} for name, v in latency.items()]
            write_result("api_latency", rows, f"API latency on {args.events:,} events, {args.repeat} requests each "
                                              "(one client, loopback)")

            mix = [endpoints[k] for k in ("events page", "events filtered", "events by actor", "actors summary",
                                          "dyad CHN-RUS", "network", "map", "article + evidence", "search")]
            lock = threading.Lock()
            state = {"sent": 0, "ok": 0, "errors": 0, "statuses": {}, "times": []}
            stop_at = time.perf_counter() + args.time_cap

            def client(k: int) -> None:
                rng = random.Random(k)
                with httpx.Client(base_url=base, timeout=30) as cl:
                    while True:
                        with lock:
                            if state["sent"] >= args.requests or time.perf_counter() > stop_at:
                                return
                            state["sent"] += 1
                        url = rng.choice(mix)
                        t = time.perf_counter()
                        try:
                            code = cl.get(url).status_code
                        except httpx.HTTPError as e:
                            code = type(e).__name__
                        dt = (time.perf_counter() - t) * 1000
                        with lock:
                            state["times"].append(dt)
                            state["statuses"][str(code)] = state["statuses"].get(str(code), 0) + 1
                            state["ok" if code == 200 else "errors"] += 1

            t0 = time.perf_counter()
            threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            wall = time.perf_counter() - t0
            done = state["ok"] + state["errors"]
            load = [{"clients": args.clients, "requests": done, "budget": args.requests, "seconds": round(wall, 1),
                     "req/s": round(done / wall, 1), "error rate": round(state["errors"] / max(1, done), 4),
                     "p50 ms": round(statistics.median(state["times"]), 1), "p95 ms": round(pct(state["times"], 0.95), 1),
                     "statuses": json.dumps(state["statuses"]),
                     "capped": "yes" if done < args.requests else "no"}]
            write_result("api_load", load, f"Loopback load test: {args.clients} clients, mixed endpoints, "
                                           f"at most {args.requests} requests or {args.time_cap:g} s")
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
