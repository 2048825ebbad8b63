"""What an article is called in listings (eventwire.headline): its title, else its first line that says something."""
from eventwire.headline import MAX_CHARS, headline


def _rec(text, title=None, times=(), sentences=None):
    return {"source": {"title": title}, "text": text, "times": [{"start": a, "end": b} for a, b in times],
            "sentences": sentences if sentences is not None else [{"start": 0, "end": len(text)}]}


def test_untitled_article_is_called_by_its_first_line_that_says_something():
    dateline = "Last Updated: Monday, 28 November 2005, 10:21 GMT"
    text = f"{dateline}\nTen dead in southern Iran quake\nAn earthquake struck the island of Qeshm on Sunday."
    when = text.index("Monday")
    # the sentence splitter glued the dateline to the headline: the lines still count apart
    rec = _rec(text, times=[(when, len(dateline))], sentences=[{"start": 0, "end": text.index("\nAn")},
                                                               {"start": text.index("An "), "end": len(text)}])
    assert headline(rec) == "Ten dead in southern Iran quake"


def test_title_wins_and_addresses_and_bylines_are_skipped():
    text = "https://www.example.com/news/2024/quake\nBy Jane Doe\nA strong quake shook the island of Sulawesi."
    assert headline(_rec(text)) == "A strong quake shook the island of Sulawesi."
    assert headline(_rec(text, title="  Quake   kills eight ")) == "Quake kills eight"


def test_a_long_headline_is_cut_with_an_ellipsis():
    text = "word " * 100
    out = headline(_rec(text))
    assert len(out) == MAX_CHARS and out.endswith("…")
    assert headline(_rec("")) == ""
