"""Stage tests: flattened pages in, stories out."""

from newsledger.clean.text import split_stories

BOILERPLATE = ("Subscribe", "Share this", "Comments", "No comments", "Related Articles", "hours ago",
               "Daily Wire Service", "contributed to this report", "[email", "![")  # fmt: skip


def test_main_and_related_stories_are_split_with_roles(fixtures):
    stories = split_stories((fixtures / "page_with_related.txt").read_text())
    assert [s.role for s in stories] == ["main", "related", "related"]
    assert stories[0].title == "Harbour Strike Leaves Port City Without Power for Third Night"
    assert stories[1].title == "Grain Exports Resume From Southern Ports After Two-Week Pause"
    assert stories[2].title == "Parliament Debates New Rules on Drone Imports"


def test_no_boilerplate_survives_in_bodies(fixtures):
    for story in split_stories((fixtures / "page_with_related.txt").read_text()):
        for marker in BOILERPLATE:
            assert marker not in story.text, (marker, story.title)


def test_caption_kept_once_as_caption_not_body(fixtures):
    main = split_stories((fixtures / "page_with_related.txt").read_text())[0]
    assert main.captions == ["Workers repair a power line in the port district on Tuesday. [REUTERS]"]
    assert "Workers repair a power line" not in main.text


def test_subhead_stays_in_story_and_byline_is_found(fixtures):
    main = split_stories((fixtures / "page_with_related.txt").read_text())[0]
    assert "What comes next" in main.paragraphs
    assert main.paragraphs[-1].startswith("The governor asked residents")
    assert main.byline == "Anna Koval"


def test_topic_page_of_unrelated_paragraphs_becomes_teasers(fixtures):
    stories = split_stories((fixtures / "topic_page.txt").read_text())
    assert len(stories) == 6
    assert {s.role for s in stories} == {"teaser"}


def test_article_with_pronoun_continuity_is_not_split(fixtures):
    stories = split_stories((fixtures / "headline_list.txt").read_text())
    assert len(stories) == 1
    assert stories[0].role == "main"
    assert len(stories[0].paragraphs) == 4


def test_headline_list_without_bodies_is_dropped(fixtures):
    text = split_stories((fixtures / "headline_list.txt").read_text())[0].text
    assert "Storm Warnings" not in text and "Rail Strike" not in text


def test_share_bar_glued_to_paragraph_is_removed():
    page = "Main Title Of The Story Here\nWorld NewsFacebookTweetLink Follow The ministry said on Monday that talks would resume next week in Geneva, officials confirmed."
    (story,) = split_stories(page)
    assert story.paragraphs[0].startswith("The ministry said")


LINKS_BOX = """Ferry Operator Raises Fares Across the Northern Routes
By Dana Whitlock
March 3, 2025
The operator of the northern ferry routes will raise fares by 6 percent from April, the company said on Monday, blaming the cost of fuel and a shortage of crew.
Passengers on the island crossings, many of whom commute daily, will pay about 40 pence more for a single ticket under the new schedule, according to the published tables.
The company said the increase was the first in three years and that discounts for students and pensioners would stay in place for the rest of the year at least.
Its chief executive told reporters that the fleet of eleven vessels was ageing and that two new boats ordered last year would not arrive before the summer, leaving the timetable stretched on the busiest crossings.
Related
Island Councils Demand Talks Over Winter Timetable
Harbour Repairs Delayed Until Autumn
Consumer groups called the rise badly timed, arguing that wages in the region have barely moved since the last increase and that the crossings have no alternative.
Regulators are expected to review the new tariffs before they take effect next month.
"""


def test_prose_after_a_box_of_headline_links_continues_the_article():
    stories = split_stories(LINKS_BOX)
    (main,) = [s for s in stories if s.role == "main"]
    assert "Consumer groups called the rise badly timed" in main.text and "Regulators are expected" in main.text
    assert "Harbour Repairs Delayed" not in main.text and len(stories) == 1


WIRE_TITLED = """Council shuts old bridge to trucks

March 3, 2021

The city council voted on Tuesday to close the old bridge to heavy trucks.

Engineers found cracks in two piers

"We cannot take the risk," Mayor Ana Ruiz said.

"The repairs will take a year, and we will reopen it as soon as it is safe."

Trucks will use the ring road.
"""

WIRE_DATELINE = """TORVIK, Norway (Northwind News) - A ferry ran aground near the harbour entrance early on Sunday.

All 112 passengers were taken ashore.

The coast guard said the tide was unusually low.

Divers will inspect the hull.
"""

DIGEST = """Ferry runs aground off Torvik
A ferry ran aground near the harbour entrance early on Sunday, and all passengers were taken ashore safely.
Council shuts old bridge
The city council voted to close the old bridge to heavy trucks after engineers found cracks in two piers.
Bakery wins national prize
A family bakery in the old town won the national bread prize for its rye loaf, the jury said on Friday.
"""


def test_a_wire_article_is_one_article_whatever_its_paragraphs():
    (story,) = split_stories(WIRE_TITLED)
    assert story.role == "main" and story.title == "Council shuts old bridge to trucks"
    assert story.date_lines == ["March 3, 2021"]
    assert story.paragraphs[1] == "Engineers found cracks in two piers"  # a short unpunctuated line is still prose
    assert story.paragraphs[-1] == "Trucks will use the ring road." and len(story.paragraphs) == 5
    (lead,) = split_stories(WIRE_DATELINE)
    assert lead.title is None and len(lead.paragraphs) == 4 and lead.paragraphs[1] == "All 112 passengers were taken ashore."


def test_headlines_each_over_one_paragraph_are_a_listing_not_one_article():
    stories = split_stories(DIGEST)
    assert len(stories) == 3
    assert [s.title for s in stories] == [
        "Ferry runs aground off Torvik",
        "Council shuts old bridge",
        "Bakery wins national prize",
    ]


def test_a_headline_and_one_short_sentence_is_still_an_article():
    for text in (
        "Storm closes mountain pass\n\nMarch 3, 2021\n\nSnow shut the pass.\n",
        "Storm closes mountain pass\nSnow shut it.\n",
    ):
        (story,) = split_stories(text)
        assert story.title == "Storm closes mountain pass" and len(story.paragraphs) == 1
    assert split_stories("Storm closes mountain pass\n") == []


QUAKE_WIRE = """A strong earthquake struck off the coast of Varenna on Tuesday, shaking buildings in the capital.
There were no immediate reports of damage or injuries.
The national seismic office said the quake had a magnitude of 6.4.
It was centred 40 kilometres west of the port at a depth of 15 kilometres.
Residents of the port ran into the streets.
"""
BANK_WIRE = """The central bank raised its main interest rate by a quarter point on Thursday, its third increase this year.

Policymakers said inflation remained too high.

The decision was expected by most economists.

Markets rose slightly after the announcement.
"""


def test_an_untitled_wire_article_of_one_sentence_paragraphs_is_one_article():
    for text, n in ((QUAKE_WIRE, 5), (BANK_WIRE, 4)):
        (story,) = split_stories(text)
        assert story.role == "main" and len(story.paragraphs) == n  # short lines kept, no teasers
