from eventwire.actors import MentionIndex
from eventwire.document import Actor


def test_longest_overlapping_mention_wins():
    xi = Actor("a1", "Xi Jinping", "CHNGOV", "CHN", "GOV", mentions=[[0, 10], [40, 57]])
    chn = Actor("a2", "China", "CHN", "CHN", None, mentions=[[44, 51]])
    idx = MentionIndex([xi, chn])
    assert idx.at(3, 5)[0] is xi
    assert idx.at(44, 51)[0] is xi  # "the Chinese president" contains "Chinese"
    assert idx.at(20, 30) is None
    assert [a.id for a, _, _ in idx.in_range(40, 60)] == ["a1", "a2"]
