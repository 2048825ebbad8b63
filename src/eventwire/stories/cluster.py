"""Incremental story clustering: each arriving article joins the closest story or starts one.

Single pass, no re-clustering: articles arrive in batches; each is compared
with the stories it shares rare features with (an inverted index keeps that
to a handful per article), joins the best one if the similarity clears the
threshold, else starts a new story whose id is fixed from then on (derived
from its first article, so ids are stable across runs).

Similarity is the cosine between the article's TF-IDF vector and the story's
centroid, where names, places and years count beside words (see
:mod:`.features`); names and places only the article holds (a witness quoted
once) leave the cosine of a report that shares its who and where with the
story (:meth:`StoryClusterer.evidence`). "When" gates it: an article published more than
``max_gap_days`` from a story's nearest report is not compared with it unless
it names the month of the story's happening (a charge, a trial, a sentencing
reported long after: :meth:`Story.recalled_by`, up to ``recall_days``), and
two sets of mentioned years that do not meet lower the score. "Who" also
vetoes: two happenings of one kind (two title fights of one champion, two
offers to one player) share nearly every word, so an article whose lead names
a participant the story never mentions, while the story's leads agree on one of
the same kind the article never mentions, does not join it
(:meth:`Story.participant_clash`), and the figures its lead reports that the
story never mentions lower the score (:meth:`Story.shared_figures`), the more
when the story's leads agree on a figure the article never mentions
(:meth:`Story.figure_clash`). Passages
an article shares with a story's members (six-word runs: rewritten wire copy,
the same statement) raise the score (:meth:`Story.shared_passages`): they tell
a report of the happening from a report of another of its kind better than
words do, and carry an early report that names other people than the later
ones into their story. Document frequencies grow as articles
arrive, so idf is that of the corpus so far.

Placing an article is final, but two reports of one happening can start two
stories before the report that bridges them arrives; after each batch,
:meth:`StoryClusterer.repair` merges a story the batch touched into another
when they now agree (a local repair; the larger story keeps its id), and
:meth:`StoryClusterer.split` takes the second of two happenings out of a story
whose members form two groups that the repair would never have merged, or
whose leads say two parties did the act, never both in one lead (two clubs'
offers to one player), or report two identifying figures no member mentions
together (23 pirates caught, and 26; not a toll that rises within days); the
repair never merges two such stories back.

The state (document frequencies, story centroids, postings) is rebuilt from
the store's per-article features when a run starts (:meth:`StoryClusterer.add_member`);
nothing is pickled.
"""
from __future__ import annotations

import bisect
import datetime as dt
import heapq
import math
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter

from .features import ArticleFeatures, Weights, vector
from .sketch import PassageCounts

DISPLAY_PER_STORY = 400  # written forms of names and places a story keeps for its summary (first seen)


@dataclass
class Story:
    id: str
    vec: dict[str, float] = field(default_factory=dict)  # sum of member unit vectors
    norm2: float = 0.0
    n: int = 0
    dates: list[dt.date] = field(default_factory=list)  # the members' publication dates, sorted, each once
    recalls: set[str] = field(default_factory=set)  # the months members name (ArticleFeatures.recalls)
    years: Counter = field(default_factory=Counter)
    named: set[str] = field(default_factory=set)  # every name and figure any member mentions (``n:``, ``f:``)
    # the participants members' leads name: group -> (members naming it, kind, the keys that name it)
    lead: dict[str, tuple[int, str, set[str]]] = field(default_factory=dict)
    n_lead: int = 0  # members whose lead names anyone
    # who members' leads say acted: actor -> (members naming it so, the keys that name it); see features.lead_agents
    agents: dict[str, tuple[int, set[str]]] = field(default_factory=dict)
    n_agents: int = 0  # members whose lead names anyone who acted
    lead_figures: Counter = field(default_factory=Counter)  # the figures members' leads report, by members
    n_figures: int = 0  # members whose lead reports a figure
    passages: set[int] = field(default_factory=set)  # the members' passages (features.passages), up to a cap
    solo: tuple[ArticleFeatures, dict[str, float]] | None = None  # the one member (features, vector) while alone
    # each member as (what Story.add reads of its features, its vector) while the story may still be split
    # (see StoryClusterer.split); None once it outgrew that
    members: list[tuple[ArticleFeatures, dict[str, float]]] | None = field(default_factory=list)
    split_check: int = 0  # the size at which the next split check is due
    display: dict[str, str] = field(default_factory=dict)  # how members write its names and places (summaries)

    def add(self, v: dict[str, float], a: ArticleFeatures, max_passages: int) -> None:
        vec = self.vec
        dot = 0.0
        for f, x in v.items():
            old = vec.get(f, 0.0)
            dot += x * old
            vec[f] = old + x
        self.norm2 += 2.0 * dot + sum(x * x for x in v.values())
        self.n += 1
        self.solo = (a, v) if self.n == 1 else None
        if self.members is not None:
            self.members.append((_kept(a), v))
        published = a.published
        if published:
            i = bisect.bisect_left(self.dates, published)
            if i == len(self.dates) or self.dates[i] != published:
                self.dates.insert(i, published)
        self.recalls.update(a.recalls)
        for f in v:
            if f.startswith("y:"):
                self.years[f] += 1
        self.named.update(f for f in a.counts if f[:2] in ("n:", "f:"))
        if a.lead:
            self.n_lead += 1
        for kind, *keys in a.lead:
            group = kind + ":" + keys[0]
            n, _, known = self.lead.get(group, (0, kind, set()))
            self.lead[group] = (n + 1, kind, known | set(keys))
        if len(self.passages) < max_passages:
            self.passages.update(a.passages)
        self._keep_display(a.display)
        if a.figures:
            self.n_figures += 1
            self.lead_figures.update(a.figures)
        if a.agents:
            self.n_agents += 1
        for keys in a.agents:
            n, known = self.agents.get(keys[0], (0, set()))
            self.agents[keys[0]] = (n + 1, known | set(keys))

    def absorb(self, other: "Story") -> None:
        """Take ``other``'s members in (see :meth:`StoryClusterer.repair`)."""
        dot = _dot(self.vec, other.vec)
        for f, x in other.vec.items():
            self.vec[f] = self.vec.get(f, 0.0) + x
        self.norm2 += other.norm2 + 2.0 * dot
        self.n += other.n
        self.solo = None
        self.members = None if self.members is None or other.members is None else self.members + other.members
        self.dates = sorted(set(self.dates) | set(other.dates))
        self.recalls |= other.recalls
        self.years.update(other.years)
        self.named |= other.named
        self.passages |= other.passages
        self._keep_display(other.display)
        self.n_lead += other.n_lead
        self.n_agents += other.n_agents
        self.n_figures += other.n_figures
        self.lead_figures.update(other.lead_figures)
        for actor, (n, keys) in other.agents.items():
            n0, known = self.agents.get(actor, (0, set()))
            self.agents[actor] = (n0 + n, known | keys)
        for group, (n, kind, keys) in other.lead.items():
            n0, _, known = self.lead.get(group, (0, kind, set()))
            self.lead[group] = (n0 + n, kind, known | keys)

    def _keep_display(self, written: dict[str, str]) -> None:
        """Add written forms of names and places, the first seen of each, up to ``DISPLAY_PER_STORY``."""
        for f, form in written.items():
            if len(self.display) >= DISPLAY_PER_STORY:
                break
            self.display.setdefault(f, form)

    def unit(self, k: int) -> dict[str, float]:
        """The centroid's ``k`` strongest features, unit length: the story as one article's vector."""
        top = heapq.nlargest(k, self.vec.items(), key=itemgetter(1))
        norm = math.sqrt(sum(x * x for _, x in top)) or 1.0
        return {f: x / norm for f, x in top}

    @property
    def last(self) -> dt.date | None:
        """The newest member's publication date (None when none is dated)."""
        return self.dates[-1] if self.dates else None

    def days_apart(self, other: "Story") -> int:
        """Days between the nearest publication dates of the two stories (0 when either is undated)."""
        if not self.dates or not other.dates:
            return 0
        a, b = (self.dates, other.dates) if len(self.dates) <= len(other.dates) else (other.dates, self.dates)
        return min(self._gap(b, d) for d in a)

    @staticmethod
    def _gap(dates: list[dt.date], day: dt.date) -> int:
        """Days from ``day`` to the nearest of the sorted ``dates``."""
        i = bisect.bisect_left(dates, day)
        return min(abs((dates[j] - day).days) for j in (i - 1, i) if 0 <= j < len(dates))

    def slim(self, k: int) -> None:
        """Keep what a story past "when" needs to take a follow-up (:meth:`recalled_by`): its
        centroid's ``k`` strongest features (at its length), no members, no passages."""
        scale = math.sqrt(self.norm2)
        self.vec = {f: x * scale for f, x in self.unit(k).items()}
        self.norm2 = self.norm2 if self.vec else 0.0
        self.members, self.passages, self.solo = None, set(), None

    def participant_clash(self, a: ArticleFeatures, core_share: float) -> bool:
        """Whether the article's lead names someone this story never mentions while the story's
        leads agree on someone of the same kind (a person, an organisation, a facility) that the
        article never mentions: the same kind of happening with another participant (another
        opponent, victim, club), which word overlap alone would merge."""
        if not a.lead or not self.n_lead:
            return False
        new = {kind for kind, *keys in a.lead if not any("n:" + k in self.named for k in keys)}
        if not new:
            return False
        need = core_share * self.n_lead
        return any(n >= need and kind in new and not any("n:" + k in a.counts for k in keys)
                   for n, kind, keys in self.lead.values())

    def figure_clash(self, a: ArticleFeatures, core_share: float, min_members: int) -> bool:
        """Whether the article's lead reports a figure this story never mentions while the leads of
        ``core_share`` of its members (``min_members`` at least) agree on an identifying figure
        (:func:`identifying`) the article never mentions: another magnitude, toll or count, another
        happening of the same kind (23 pirates caught, then 26 three years later). A toll that rises
        between reports clashes too, so a clash only lowers the score (``Settings.figure_clash``):
        "when" and the words still decide."""
        if not a.figures or self.n_figures < min_members or all(f in self.named for f in a.figures):
            return False
        need = max(min_members, core_share * self.n_figures)
        return any(n >= need and identifying(f) and f not in a.counts for f, n in self.lead_figures.items())

    def figures_apart(self, other: "Story", min_members: int, near_days: int) -> bool:
        """Whether each story's leads report, in ``min_members`` members or more, an identifying
        figure (:func:`identifying`) the other never mentions (5.6 and 5.9 for a magnitude, 23 and
        26 pirates), unless both are reported within ``near_days`` of each other: a toll rises and
        an estimate is revised in the days after a happening."""
        if self.dates and other.dates and self.days_apart(other) <= near_days:
            return False

        def own(x: "Story", y: "Story") -> bool:
            return any(n >= min_members and identifying(f) and f not in y.named for f, n in x.lead_figures.items())
        return own(self, other) and own(other, self)

    def agents_apart(self, other: "Story", min_members: int) -> bool:
        """Whether each story's leads say, in ``min_members`` members or more, that a party acted
        whom no lead of the other says acted: two happenings of one kind, however alike their words."""
        def own(x: "Story", y: "Story") -> bool:
            theirs = set().union(*(keys for _, keys in y.agents.values())) if y.agents else set()
            return any(n >= min_members and not keys & theirs for n, keys in x.agents.values())
        return own(self, other) and own(other, self)

    def shared_figures(self, a: ArticleFeatures) -> float:
        """Share of the figures the article's lead reports that this story mentions too (1.0 when the
        lead reports none): reports of one happening repeat its magnitude, toll, sum or count, a
        report of another happening of the same kind has its own."""
        if not a.figures:
            return 1.0
        return sum(1 for f in a.figures if f in self.named) / len(a.figures)

    def shared_passages(self, passages) -> int:
        """How many of ``passages`` (an article's rare ones: :meth:`StoryClusterer.rare_passages`) a
        member of this story has too: text one report took from another, or both from one statement."""
        return len(self.passages.intersection(passages)) if self.passages and passages else 0

    def cosine(self, v: dict[str, float]) -> float:
        if self.norm2 <= 0:
            return 0.0
        vec = self.vec
        return sum(x * vec.get(f, 0.0) for f, x in v.items()) / math.sqrt(self.norm2)

    def shared_salient(self, v: dict[str, float], k: int, named: list[tuple[float, str]] | None = None) -> float:
        """Share (by weight) of the article's ``k`` strongest names and places (``named``, when
        already picked: :func:`salient`) that this story holds too; 1.0 when the article names
        nobody and nowhere."""
        named = salient(v, k) if named is None else named
        total = sum(x for x, _ in named)
        if total <= 0:
            return 1.0
        return sum(x for x, f in named if f in self.vec) / total

    def recalled_by(self, a: ArticleFeatures) -> bool:
        """Whether the article names a month of this story's happening (the month of a report, or
        of the week before it): a charge, a trial or a sentencing reported long after names when it
        happened ("convicted in an April 2007 shooting"), which "when" alone would keep apart."""
        if not a.recalls or not self.dates:
            return False
        return bool(self.months() & set(a.recalls))

    def months(self) -> set[str]:
        """The months ("2007-04") this story's happening may be named by: its reports' and the week before each."""
        return {d.isoformat()[:7] for day in self.dates for d in (day, day - dt.timedelta(days=7))}

    def gap_days(self, published: dt.date | None) -> int:
        """Days between ``published`` and the nearest publication date of this story's members (0 when
        either is unknown): a follow-up long after (:meth:`recalled_by`) leaves the months between
        closed to other reports."""
        if published is None or not self.dates:
            return 0
        return self._gap(self.dates, published)


@dataclass
class Settings:
    threshold: float = 0.12
    max_gap_days: int = 60  # "when": no joining a story this many days from its nearest report ...
    recall_days: int = 730  # ... unless the article names the story's month (Story.recalled_by), this long (0: never)
    recall_min: int = 3  # stories of this many articles stay open that long, slimmed (StoryClusterer.retire)
    who_where: float = 0.5  # how much the share of the article's salient names/places the story holds counts
    salient: int = 4  # that many strongest names and places per article
    year_clash: float = 0.6  # score factor when both mention years and none is shared
    participant_clash: float = 0.0  # score factor when the leads name different participants (Story.participant_clash)
    figure_clash: float = 0.5  # score factor when the leads report different figures (Story.figure_clash) ...
    figure_min: int = 2  # ... the story's figure reported by this many members' leads at least
    figure_split: int = 3  # split: two identifying figures each in this many leads, never together (0: off) ...
    figure_days: int = 7  # ... unless both sides' reports are dated this close (a toll rising, an estimate revised)
    agent_split: int = 3  # split: two parties each said to act in this many members' leads, never together (0: off)
    what_figures: float = 0.4  # how much the share of the article's lead figures the story mentions counts
    passage_bonus: float = 0.3  # added to a score when the article shares ``passages_full`` passages with the story
    passages_full: int = 2  # shared passages that earn the whole bonus (fewer earn their share)
    passages_min: int = 2  # fewer shared passages than this earn nothing (one phrase may be a formula both use)
    passage_max_articles: int = 20  # a passage more recent articles hold is a stock phrase: no evidence
    story_passages: int = 3000  # a story stops collecting its members' passages at this many
    core_share: float = 0.5  # a story's participant: named in the leads of this share of its members
    merge_threshold: float = 0.5  # repair: two stories whose centroids score this much become one
    rejoin_threshold: float = 0.3  # repair: a one-article story whose article scores this much with another joins it
    merge_passages: int = 5  # repair: two stories sharing this many rare passages earn the passage bonus (0: off)
    max_merges: int = 5  # repair: merges per touched story and batch
    split_min: int = 6  # split: each of the two groups holds at least this many articles
    split_max: int = 200  # split: stories larger than this are not split (their members are not kept)
    split_growth: float = 1.25  # split: a story is checked again when it has grown by this factor
    probe_features: int = 20  # an article's strongest rare features used to find candidates
    max_candidates: int = 30
    posting_cap: int = 300  # stories kept per feature in the inverted index (most recent)
    common_df: float = 0.05  # features in more than this share of articles find no candidates ...
    common_min: int = 10  # ... and in more than this many: a small folder's big story keeps its names as probes
    sweep_every: int = 1000  # articles between retirements of stories too old to join
    weights: Weights = field(default_factory=Weights)


class StoryClusterer:
    """The in-memory clustering state; feed it with :meth:`add` in arrival order."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.df: Counter[str] = Counter()
        self.n_docs = 0
        self.stories: dict[str, Story] = {}
        # feature -> the stories holding it, as an insertion-ordered set (most recent last)
        self.postings: dict[str, dict[str, None]] = {}
        self.latest: dt.date | None = None  # newest publication date seen
        self.retired: set[str] = set()
        # stories past "when" that a follow-up may still join (Story.recalled_by), slimmed, by id and by month
        self.archive: dict[str, Story] = {}
        self.archive_months: dict[str, set[str]] = {}
        self.absorbed: set[str] = set()  # ids of stories the repair merged into others
        self.passage_counts = PassageCounts()
        self._since_sweep = 0

    # -- corpus statistics -------------------------------------------------
    def observe(self, feats: list[ArticleFeatures]) -> None:
        """Count the features of newly arrived articles into the document frequencies."""
        for a in feats:
            self.df.update(a.counts.keys())
            self.passage_counts.add(a.passages)
            if a.published and (self.latest is None or a.published > self.latest):
                self.latest = a.published
        self.n_docs += len(feats)
        self._since_sweep += len(feats)
        if self._since_sweep >= self.settings.sweep_every:
            self.retire()

    def sweep_due(self, n: int) -> bool:
        """Whether observing ``n`` more articles retires old stories (see :meth:`retire`)."""
        return self._since_sweep + n >= self.settings.sweep_every

    def retire(self) -> int:
        """Take out of the candidate index the stories that "when" rules out for a new report: last
        report more than ``max_gap_days`` before the newest article. One of ``recall_min`` articles
        or more goes to the archive, slimmed (:meth:`Story.slim`), where only a report that names its
        month finds it (:meth:`Story.recalled_by`), for ``recall_days``; the others, and archived
        ones older than that, are dropped. Ids stay valid; the cost per article stays flat as the
        corpus grows. Returns how many stories left the index."""
        self._since_sweep = 0
        if self.latest is None:
            return 0
        old = [sid for sid, st in self.stories.items() if self.standing(st.last, st.n) != "live"]
        for sid in old:
            story = self.stories.pop(sid)
            if self.standing(story.last, story.n) == "archived":
                story.slim(self.settings.weights.max_features)
                self.archive[sid] = story
                for m in story.months():
                    self.archive_months.setdefault(m, set()).add(sid)
            else:
                self.retired.add(sid)
        for sid in [sid for sid, st in self.archive.items() if self.standing(st.last, st.n) == "retired"]:
            self._unarchive(sid)
            self.retired.add(sid)
        return len(old)

    def standing(self, last: dt.date | None, n: int) -> str:
        """What "when" leaves a story of ``n`` articles last reported on ``last``: "live" (within
        ``max_gap_days`` of the newest article, or undated), "archived" (open to follow-ups only:
        ``recall_min`` articles or more, within ``recall_days``) or "retired"."""
        if last is None or self.latest is None:
            return "live"
        s, days = self.settings, (self.latest - last).days
        if days <= s.max_gap_days:
            return "live"
        return "archived" if days <= s.recall_days and n >= s.recall_min else "retired"

    def _unarchive(self, sid: str) -> Story:
        story = self.archive.pop(sid)
        for m in story.months():
            ids = self.archive_months.get(m)
            if ids is not None:
                ids.discard(sid)
                if not ids:
                    del self.archive_months[m]
        return story

    def idf(self, feature: str) -> float:
        return math.log((self.n_docs + 1) / (self.df.get(feature, 0) + 1)) + 1.0

    def vector(self, a: ArticleFeatures) -> dict[str, float]:
        return vector(a.counts, self.idf, self.settings.weights)

    # -- clustering ----------------------------------------------------------
    def candidates(self, v: dict[str, float]) -> list[str]:
        s = self.settings
        limit = max(s.common_min, s.common_df * self.n_docs)
        probes = [f for f, _ in sorted(v.items(), key=lambda kv: -kv[1]) if self.df.get(f, 0) <= limit]
        hits: Counter[str] = Counter()
        stories = self.stories
        for f in probes[:s.probe_features]:
            plist = self.postings.get(f)
            if not plist:
                continue
            gone = [sid for sid in plist if sid not in stories]
            for sid in gone:  # retired since: leave the index
                del plist[sid]
            hits.update(plist.keys())
        return [sid for sid, _ in hits.most_common(s.max_candidates)]

    def rare_passages(self, a: ArticleFeatures) -> list[int]:
        """The article's passages few recent articles hold (``passage_max_articles``): the ones
        whose sharing is evidence of one happening, not a stock phrase."""
        return self.passage_counts.rare(a.passages, self.settings.passage_max_articles)

    def score(self, story: Story, v: dict[str, float], a: ArticleFeatures, view: tuple | None = None,
              rare: list[int] | None = None) -> float:
        """How well the article (features ``a``, vector ``v``) fits ``story``: :meth:`fit` plus
        :meth:`passage_bonus`; ``view`` is :meth:`view` of ``v`` and ``rare``
        :meth:`rare_passages` of ``a`` when already made (one article, many candidates)."""
        score = self.fit(story, v, a, view)
        if score > 0:
            score += self.passage_bonus(story, self.rare_passages(a) if rare is None else rare)
        return score

    def fit(self, story: Story, v: dict[str, float], a: ArticleFeatures, view: tuple | None = None) -> float:
        """The article's score before passages: similarity, weighed by who, where, when and figures."""
        s = self.settings
        gap = story.gap_days(a.published)
        follow_up = gap > s.max_gap_days
        if follow_up and not (gap <= s.recall_days and story.recalled_by(a)):
            return 0.0
        score = self._score(story, v, view)
        if s.what_figures > 0:
            score *= (1.0 - s.what_figures) + s.what_figures * story.shared_figures(a)
        if s.participant_clash < 1.0 and story.participant_clash(a, s.core_share):
            score *= s.participant_clash
        if s.figure_clash < 1.0 and story.figure_clash(a, s.core_share, s.figure_min):
            score *= s.figure_clash
        # "when" does not vouch for a follow-up, so it must fit as well as a report that declined a
        # story once must to rejoin it: another happening of the kind in the same place can name the
        # month of the first ("the second quake since the one in February")
        return score if not follow_up or score >= s.rejoin_threshold else 0.0

    def passage_bonus(self, story: Story, rare: list[int]) -> float:
        """What the article's rare passages that the story holds too add to its score: nothing for
        fewer than ``passages_min``, ``passage_bonus`` for ``passages_full`` or more."""
        s = self.settings
        if s.passage_bonus <= 0:
            return 0.0
        n = story.shared_passages(rare)
        return s.passage_bonus * min(1.0, n / s.passages_full) if n >= s.passages_min else 0.0

    def view(self, v: dict[str, float]) -> tuple[list[str], list[tuple[float, str]], dict[str, float]]:
        """What scoring reads of a vector: its years, its strongest names and places, and its
        :meth:`evidence`. The strongest names are picked among those another article holds too:
        by idf alone they would be the ones only this article holds (a witness quoted once), which
        no story can share. An article whose every name is its own is judged by those."""
        seen = self.evidence(v)
        k = self.settings.salient
        return [f for f in v if f.startswith("y:")], salient(seen, k) or salient(v, k), seen

    def evidence(self, v: dict[str, float]) -> dict[str, float]:
        """``v`` without the names and places no other article holds, at unit length: what a story
        can share. A name one article alone mentions dilutes the cosine of a report that shares
        its who and where with a story; :meth:`_score` reads this vector only then, so the first
        report of another happening of the kind, whose names are all new, is still judged by
        everything it names."""
        df = self.df
        kept = {f: x for f, x in v.items() if f[0] not in "np" or df.get(f, 0) > 1}
        if len(kept) == len(v):
            return v
        norm = math.sqrt(sum(x * x for x in kept.values())) or 1.0
        return {f: x / norm for f, x in kept.items()}

    def _score(self, story: Story, v: dict[str, float], view: tuple | None = None) -> float:
        """Similarity weighed by who, where and years: the cosine (of the :meth:`evidence` when the
        story holds some of the article's strongest names and places) times their share, lowered
        when the years mentioned never meet."""
        s = self.settings
        years, named, seen = self.view(v) if view is None else view
        share = story.shared_salient(v, s.salient, named)
        score = story.cosine(seen if share > 0 else v)
        if s.who_where > 0:
            score *= (1.0 - s.who_where) + s.who_where * share
        if years and story.years and not any(y in story.years for y in years):
            score *= s.year_clash
        return score

    def best(self, a: ArticleFeatures, v: dict[str, float]) -> tuple[str | None, float]:
        view, rare = self.view(v), self.rare_passages(a)
        pool = {sid: self.stories[sid] for sid in self.candidates(v)}
        for m in a.recalls if self.archive else ():  # the archived stories of the months it names
            pool.update((sid, self.archive[sid]) for sid in self.archive_months.get(m, ()))
        fits = sorted(((self.fit(story, v, a, view), sid) for sid, story in pool.items()),
                      key=itemgetter(0), reverse=True)
        best_id, best_score = None, 0.0
        most = self.settings.passage_bonus if rare else 0.0
        for fit, sid in fits:  # best fit first: the passages of one that cannot win are not compared
            if fit <= 0 or fit + most <= best_score:
                break
            sc = fit + (self.passage_bonus(pool[sid], rare) if most else 0.0)
            if sc > best_score:
                best_id, best_score = sid, sc
        return best_id, best_score

    def add(self, a: ArticleFeatures) -> tuple[str, float | None]:
        """Place one (already observed) article; returns (story id, score, None if it starts a story)."""
        v = self.vector(a)
        sid, score = self.best(a, v)
        if sid is None or score < self.settings.threshold:
            sid = story_id_for(a.article_id)
            self.add_member(sid, a, v)
            return sid, None
        self.add_member(sid, a, v)
        return sid, round(score, 4)

    def repair(self, touched) -> list[tuple[str, str]]:
        """Merge the stories that ``touched`` (the stories the last batch changed) now show to be one.

        Placing an article is final, so two reports of one happening that arrived before their
        common ground (a third report, a follow-up) stay in two stories. After each batch, each
        touched story that grew is compared with its candidates as articles are: with a story of
        one article by that article's score (:meth:`score`, against ``rejoin_threshold``: above the
        arrival threshold, as the article declined once), with a larger one by its centroid
        (:meth:`_score`, against ``merge_threshold``, plus the passage bonus when their members
        share ``merge_passages`` rare passages: pieces of one happening's reporting that copy each
        other's text), never across more than ``max_gap_days`` nor between stories whose leads say
        different parties acted (:meth:`Story.agents_apart`) or report different identifying
        figures (:meth:`Story.figures_apart`). The
        best pair over its threshold merges, the larger story keeping its id (on a tie, the
        candidate): a local repair, nothing else is re-clustered. Returns (absorbed id, id it went
        into) in order."""
        merges = []
        # a story the batch began has been compared with every story already: its article with
        # those before it, later articles with it; the stories that grew are the ones to look at
        grown = [sid for sid in set(touched) if sid in self.stories and self.stories[sid].n > 1]
        for sid in sorted(grown, key=lambda x: (self.stories[x].n, x)):
            for _ in range(self.settings.max_merges):
                story = self.stories.get(sid)
                if story is None or story.norm2 <= 0:
                    break
                other = self._closest(sid, story)
                if other is None:
                    break
                keep, gone = (other, sid) if self.stories[other].n >= story.n else (sid, other)
                self._absorb(keep, gone)
                merges.append((gone, keep))
                sid = keep
        return merges

    def _closest(self, sid: str, story: Story) -> str | None:
        s = self.settings
        v = story.unit(s.weights.max_features)
        view = self.view(v)
        best_id, best_margin = None, 0.0
        for oid in self.candidates(v):
            other = self.stories[oid]
            if oid == sid or not self._may_meet(story, other):
                continue
            if s.agent_split and story.agents_apart(other, s.agent_split):
                continue
            if s.figure_split and story.figures_apart(other, s.figure_split, s.figure_days):
                continue
            small, big = (story, other) if story.n <= other.n else (other, story)
            if small.solo is not None:
                a, va = small.solo
                score, need = self.score(big, va, a), s.rejoin_threshold
            else:
                score, need = self._score(other, v, view), s.merge_threshold
                if s.merge_passages and need > score >= need - s.passage_bonus \
                        and self._shared_rare_passages(story, other) >= s.merge_passages:
                    score += s.passage_bonus
            if score >= need and score - need >= best_margin:
                best_id, best_margin = oid, score - need
        return best_id

    def _may_meet(self, story: Story, other: Story) -> bool:
        """Whether "when" lets two stories merge: reports within ``max_gap_days`` of each other, or
        one names the other's month within ``recall_days`` (the reports of a trial and of the crime)."""
        s = self.settings
        apart = story.days_apart(other)
        if apart <= s.max_gap_days:
            return True
        return apart <= s.recall_days and bool(story.recalls & other.months() or other.recalls & story.months())

    def _shared_rare_passages(self, story: Story, other: Story) -> int:
        """How many passages few recent articles hold (``passage_max_articles``) both stories'
        members have: pieces of one happening's reporting copy each other's text at length."""
        both = story.passages & other.passages
        return len(self.passage_counts.rare(list(both), self.settings.passage_max_articles)) if both else 0

    def _absorb(self, keep: str, gone: str) -> None:
        story, other = self.stories[keep], self.stories.pop(gone)
        story.absorb(other)
        self.absorbed.add(gone)
        for f in other.vec:
            plist = self.postings.get(f)
            if plist is not None:
                plist.pop(gone, None)
        self._index(keep, other.vec)  # the kept story now answers for the absorbed one's features

    def split(self, touched) -> list[tuple[str, str, list[str]]]:
        """Split the stories ``touched`` that hold two happenings: (story id, new story id, the
        article ids that go to the new story) for each.

        Two happenings of one kind (one coach fired, the same coach hired years later) share
        nearly every word, and the first report of the second can join the story of the first;
        later reports of each then join the mixture. Such a story's members form two groups:
        bisected (two-means on the members' vectors), each group at least ``split_min`` articles
        and the cosine of the groups' centroids under ``merge_threshold`` (two stories the repair
        would never merge), the smaller group becomes a story of its own and the larger keeps the
        id. A story is checked as it grows (each time by ``split_growth``), up to ``split_max``
        members, so the cost per article stays flat.

        Who acted splits too, and at any size: when the leads of ``agent_split`` members say one
        party acted, as many say another did and no lead says both (:func:`_agent_sides`), the two
        parties' reports are two happenings however alike their words. So are the reports of two
        identifying figures that no member mentions together (:func:`_figure_sides`), unless they
        are dated within ``figure_days`` of each other."""
        s = self.settings
        out = []
        for sid in sorted(set(touched)):
            story = self.stories.get(sid)
            if story is None or story.members is None:
                continue
            if story.n > s.split_max:
                story.members = None  # too large to be a fresh mixture: its members need not be kept
                continue
            sides = _agent_sides(story.members, s.agent_split) if s.agent_split else None
            if sides is None and s.figure_split:
                sides = _figure_sides(story.members, s.figure_split, s.figure_days)
            if sides is None:
                if story.n < max(2 * s.split_min, story.split_check):
                    continue
                story.split_check = math.ceil(story.n * s.split_growth)
                big, small = _bisect(story.members)
                if len(small) < s.split_min:
                    continue
            else:
                big, small = sides
            left, right = Story(sid), Story("")
            for a, v in big:
                left.add(v, a, s.story_passages)
            for a, v in small:
                right.add(v, a, s.story_passages)
            if sides is None and _dot(left.vec, right.vec) / math.sqrt(left.norm2 * right.norm2) >= s.merge_threshold:
                continue
            right.id = next((i for i in (story_id_for(a.article_id) for a, _ in small)
                             if i not in self.stories and i not in self.archive and i not in self.retired
                             and i not in self.absorbed),
                            "st_" + small[0][0].article_id[16:32])  # no id in use (or merged away) is taken
            left.split_check = right.split_check = story.split_check
            self.stories[sid], self.stories[right.id] = left, right
            self._index(right.id, right.vec)
            out.append((sid, right.id, [a.article_id for a, _ in small]))
        return out

    def _index(self, story_id: str, vec: dict[str, float]) -> None:
        cap = self.settings.posting_cap
        for f in vec:
            plist = self.postings.setdefault(f, {})
            plist.pop(story_id, None)
            plist[story_id] = None
            if len(plist) > cap:
                del plist[next(iter(plist))]

    def add_member(self, story_id: str, a: ArticleFeatures, v: dict[str, float] | None = None) -> None:
        """Put ``a`` into ``story_id`` (creating it): used by :meth:`add` and to restore stored state."""
        v = self.vector(a) if v is None else v
        story = self.stories.get(story_id)
        if story is None and story_id in self.archive:  # a follow-up: the story is back in the index
            story = self.stories[story_id] = self._unarchive(story_id)
            self._index(story_id, story.vec)
        if story is None:
            story = self.stories[story_id] = Story(story_id)
        story.add(v, a, self.settings.story_passages)
        self._index(story_id, v)


def story_id_for(article_id: str) -> str:
    """A story's id, fixed by the article that started it."""
    return "st_" + article_id[:16]


def salient(v: dict[str, float], k: int) -> list[tuple[float, str]]:
    """The ``k`` strongest names and places of a vector, as (weight, feature), strongest first."""
    return heapq.nlargest(k, ((x, f) for f, x in v.items() if f[0] in "np"))


def _kept(a: ArticleFeatures) -> ArticleFeatures:
    """What :meth:`Story.add` reads of an article, for a story's member list: its names, figures
    and years, lead participants and figures, passages, publication date (not its words)."""
    counts = {f: c for f, c in a.counts.items() if f[:2] in ("n:", "f:", "y:")}
    return ArticleFeatures(a.article_id, None, a.published, counts, lead=a.lead, figures=a.figures,
                           passages=a.passages, display=a.display, agents=a.agents)


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(f, 0.0) for f, x in a.items())


def _agent_sides(members: list, min_members: int) -> tuple[list, list] | None:
    """Two groups of (features, vector) members when two parties are each said to act in the
    leads of ``min_members`` members or more and never in the same lead (the Angels' offer and the
    Red Sox' offer to one player): the members naming each party, and every other member with the
    group whose centroid it is closer to; the larger group first. None when no such pair."""
    said: dict[str, set[int]] = {}
    for i, (a, _) in enumerate(members):
        for keys in a.agents:
            said.setdefault(keys[0], set()).add(i)
    parties = sorted((p for p, ids in said.items() if len(ids) >= min_members), key=lambda p: -len(said[p]))
    pair = next(((x, y) for i, x in enumerate(parties) for y in parties[i + 1:] if not said[x] & said[y]), None)
    return None if pair is None else _sides(members, said[pair[0]], said[pair[1]])


def _sides(members: list, first: set[int], second: set[int]) -> tuple[list, list]:
    """The members in ``first`` and those in ``second`` (indices), every other member with the
    group whose centroid it is closer to; the larger group first."""
    seeds = [first, second]
    sums = [_sum(members[i][1] for i in ids) for ids in seeds]
    norms = _norms(sums)
    groups: tuple[list, list] = ([], [])
    for i, m in enumerate(members):
        groups[0 if i in first else 1 if i in second else _nearer(m[1], sums, norms)].append(m)
    return _larger_first(groups)


def identifying(figure: str) -> bool:
    """Whether a figure (an ``f:`` key) can tell one happening from another of its kind: a
    fraction (a magnitude, a share) or a number of 10 or more (a toll, a count, a sum). One to
    nine recur in any report for many reasons (two suspects, three hours, two parties)."""
    value = figure[2:]
    return "." in value or len(value) > 1


def _figure_sides(members: list, min_members: int, near_days: int) -> tuple[list, list] | None:
    """Two groups of (features, vector) members when two identifying figures are each reported
    in the leads of ``min_members`` members or more and never together in a member (23 pirates
    caught, and 26): the members mentioning each, and every other member with the group whose
    centroid it is closer to; the larger group first. None when no such pair, or when both
    figures' reports are dated within ``near_days`` of each other (a toll rising, an estimate
    revised)."""
    said: dict[str, set[int]] = {}
    for i, (a, _) in enumerate(members):
        for f in a.figures:
            if identifying(f):
                said.setdefault(f, set()).add(i)
    figures = sorted((f for f, ids in said.items() if len(ids) >= min_members), key=lambda f: -len(said[f]))

    def apart(x: str, y: str) -> bool:
        if any(x in a.counts and y in a.counts for a, _ in members):
            return False
        dx = [members[i][0].published for i in said[x] if members[i][0].published]
        dy = sorted(members[i][0].published for i in said[y] if members[i][0].published)
        return not (dx and dy and min(Story._gap(dy, day) for day in dx) <= near_days)
    pair = next(((x, y) for i, x in enumerate(figures) for y in figures[i + 1:] if apart(x, y)), None)
    if pair is None:
        return None
    x, y = pair
    return _sides(members, {i for i, (a, _) in enumerate(members) if x in a.counts},
                  {i for i, (a, _) in enumerate(members) if y in a.counts})


def _bisect(members: list, rounds: int = 10) -> tuple[list, list]:
    """Two groups of (features, vector) members by two-means on the vectors (cosine to each
    group's sum), seeded by the member least like the rest and the member least like that one;
    the larger group first."""
    vecs = [v for _, v in members]
    total = _sum(vecs)
    first = min(range(len(vecs)), key=lambda i: _dot(vecs[i], total))
    second = min(range(len(vecs)), key=lambda j: _dot(vecs[j], vecs[first]))
    sums = [dict(vecs[second]), dict(vecs[first])]
    side = None
    for _ in range(rounds):
        norms = _norms(sums)
        new = [_nearer(v, sums, norms) for v in vecs]
        if new == side:
            break
        side = new
        sums = [_sum(v for v, k in zip(vecs, side) if k == g) for g in (0, 1)]
    return _larger_first(([m for m, k in zip(members, side) if k == 0], [m for m, k in zip(members, side) if k == 1]))


def _sum(vecs) -> dict[str, float]:
    """The sum of sparse vectors (a group's centroid, unnormalised)."""
    out: dict[str, float] = {}
    for v in vecs:
        for f, x in v.items():
            out[f] = out.get(f, 0.0) + x
    return out


def _norms(sums: list[dict[str, float]]) -> list[float]:
    return [math.sqrt(_dot(c, c)) or 1.0 for c in sums]


def _nearer(v: dict[str, float], sums: list[dict[str, float]], norms: list[float]) -> int:
    """0 or 1: the group whose sum ``v`` has the larger cosine with (0 on a tie)."""
    return 0 if _dot(v, sums[0]) / norms[0] >= _dot(v, sums[1]) / norms[1] else 1


def _larger_first(groups: tuple[list, list]) -> tuple[list, list]:
    return groups if len(groups[0]) >= len(groups[1]) else (groups[1], groups[0])
