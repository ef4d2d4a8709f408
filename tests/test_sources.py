"""Sources a reader recognises: outlet rules, input names, JSON Lines records, publication floors;
speakers as identities; events typed and written as the text writes them."""

import json
import time
from collections import Counter

import pytest
from click.testing import CliRunner

from newsledger.clean.articles import clean_document
from newsledger.clean.outlets import find_outlet, from_text, from_url
from newsledger.cli import main
from newsledger.ingest.readers import read_input, shown_name
from newsledger.ledger.speakers import identify
from newsledger.model import Document, Entity


@pytest.mark.parametrize(
    ("text", "byline", "name", "rule"),
    [
        ("OSLO (Northwind News) - The fjord ferry resumed service.", None, "Northwind News", "credit"),
        ("(Harbor Press) — Two ferries collided near the pier.", None, "Harbor Press", "credit"),
        ("The council met.\n\n© 2023 Lakeside Media Group. All rights reserved.", None, "Lakeside Media Group", "copyright"),
        ("The council met.\n\nCopyright (c) The Valley Courier", None, "The Valley Courier", "copyright"),
        ("The council met.", "By Ana Ruiz, Coastal Herald", "Coastal Herald", "byline"),
        ("The council met.", "Tom Berg | The Evening Ledger", "The Evening Ledger", "byline"),
    ],
)
def test_an_outlet_named_in_the_text(text, byline, name, rule):
    found = from_text(text, byline)
    assert found is not None and found.name == name and found.evidence.startswith(rule)


def test_no_outlet_from_an_ordinary_byline_or_a_photo_credit_inside_prose():
    assert from_text("The council met.", "By Ana Ruiz and Tom Berg") is None
    assert from_text("The mayor, pictured here © Getty Images, spoke.") is None


def test_outlet_rules_in_order_and_the_url_domain_last():
    assert find_outlet(given="Daily Example", metadata="Other", url="https://x.example.org/a").evidence == "given"
    assert find_outlet(metadata="Example Times | News, sport, opinion and much more from around the world today").name == (
        "Example Times"
    )
    assert find_outlet(text="Nothing here.", url="https://www.news.example.co.uk/2024/01/02/a").name == "example.co.uk"
    assert from_url("http://127.0.0.1:8000/story") is None


def test_inputs_are_named_as_the_user_named_them(tmp_path):
    assert shown_name(str(tmp_path / "crawl" / "a" / "b.txt"), str(tmp_path / "crawl")) == "crawl/a/b.txt"
    assert shown_name(str(tmp_path / "one.html"), str(tmp_path / "one.html")) == "one.html"
    assert shown_name("corpus/a.txt", "corpus") == "corpus/a.txt"
    assert shown_name("https://example.org/x", "https://example.org/x") == "https://example.org/x"


def test_a_json_lines_record_with_a_title_is_one_article_with_its_date_and_outlet(tmp_path):
    f = tmp_path / "records.jsonl"
    records = [
        {"title": "Ferry resumes", "text": "The ferry resumed.\n\nIt had stopped for a week.\n\nRiders cheered.", "date": "2013-05-03",
         "source": {"id": "x", "name": "Fjord Times"}},
        {"title": "Council votes", "text": "The council voted.", "pubDate": "Fri, 03 May 2013 10:00:00 GMT", "publisher": 7},
    ]  # fmt: skip
    f.write_text("\n".join(json.dumps(r) for r in records))
    docs = list(read_input(str(f), name="records.jsonl"))
    assert [d.source for d in docs] == ["records.jsonl#L1", "records.jsonl#L2"]
    assert docs[0].published == "2013-05-03" and docs[0].outlet == "Fjord Times"
    assert docs[1].published == "Fri, 03 May 2013 10:00:00 GMT" and docs[1].outlet is None
    assert any("'publisher'" in w for w in docs[1].warnings)  # a field that cannot be read is reported
    (art,) = clean_document(docs[0])
    assert art.role == "main" and art.text.count("\n\n") == 2 and art.published == "2013-05-03"
    assert art.outlet == "Fjord Times"
    (art2,) = clean_document(docs[1])
    assert art2.published == "2013-05-03"


def test_a_json_lines_record_without_a_title_is_still_one_article(tmp_path):
    # short paragraphs that share no name or pronoun read like a page of teasers when they come as a plain file
    body = (
        "We are off to see an old harbour town.\n\nUNESCO listed it for its beauty.\n\n"
        "Fishing boats still unload at dawn.\n\nThe answer comes in a few minutes."
    )
    f = tmp_path / "records.jsonl"
    f.write_text(json.dumps({"id": "r1", "text": body, "published": "1998-01-08"}))
    (doc,) = read_input(str(f), name="records.jsonl")
    (art,) = clean_document(doc)
    assert art.role == "main" and art.text.count("\n\n") == 3 and art.published == "1998-01-08"


def test_a_date_merely_mentioned_is_a_floor_not_a_publication_date():
    text = "Obituary\n\nThe poet was born on April 22, 1923, in a small town.\n\nShe wrote nine books and taught for decades."
    (art,) = clean_document(Document(id="d", source="obit.txt", format="text", content=text))
    assert art.published is None and art.published_after == "1923-04-22"
    assert "latest date the text mentions" in art.published_evidence


ENTS = {
    "p1": Entity("p1", "Marta Bellini", "PERSON", ["Marta Bellini", "Bellini"], 3),
    "o1": Entity("o1", "Harbor Authority", "ORG", ["Harbor Authority"], 2),
}


def _quote(sentence, speaker, start, end):
    return {"speaker": speaker, "speaker_start": start, "speaker_end": end, "sentence_start": 0, "sentence": sentence}


def _identify(sentence, speaker, mentions):
    start = sentence.index(speaker)
    return identify(
        _quote(sentence, speaker, start, start + len(speaker)), mentions, ENTS, lambda n: n, {e.name: e for e in ENTS.values()}
    )


def test_a_speaker_is_the_entity_named_in_the_phrase_with_its_role():
    s = "Regional governor Marta Bellini said the tents would arrive."
    sp = _identify(s, "Regional governor Marta Bellini", [(18, 31, "p1", "PERSON")])
    assert (sp.kind, sp.name, sp.role) == ("person", "Marta Bellini", "Regional governor")
    s2 = "Marta Bellini, the head of the regional council, said the roads were closed."
    sp2 = _identify(s2, "Marta Bellini, the head of the regional council", [(0, 13, "p1", "PERSON")])
    assert (sp2.kind, sp2.name, sp2.role) == ("person", "Marta Bellini", "head of the regional council")


def test_a_speaker_that_is_no_one_in_particular_keeps_its_kind():
    s = "Harbor Authority officials said the pier was safe."
    sp = _identify(s, "Harbor Authority officials", [(0, 16, "o1", "ORG")])
    assert (sp.kind, sp.affiliation) == ("anonymous", "Harbor Authority")
    assert _identify("A statement from the ministry said the pier was safe.", "A statement", []).kind == "document"
    assert _identify("The ministry said the pier was safe.", "The ministry", []).kind == "body"
    assert _identify("Residents of the old town said the pier was safe.", "Residents of the old town", []).kind == "anonymous"
    assert _identify("A sharp rise in ferry fares suggests demand is strong.", "A sharp rise in ferry fares", []).kind == "other"
    assert _identify("The Harbor Authority said it would reopen.", "The Harbor Authority", [(4, 20, "o1", "ORG")]).kind == (
        "organisation"
    )


def test_events_are_written_as_the_text_writes_them_and_typed():
    from newsledger.extract.stage import extract_texts

    facts = extract_texts(
        [
            ("e1", "s", "The coast guard seized two fishing boats near Varenna on March 3, 2021.", "2021-03-05"),
            ("e2", "s", "Marta Bellini met with the harbour workers in Kestrel on 4 May 2020.", "2020-05-06"),
            ("e3", "s", "On Tuesday, the port authority said it had sent 40 trucks of food to Kestrel.", "2020-05-07"),
            ("e4", "s", "Rescuers dug through the rubble all night on June 2, 2019.", "2019-06-03"),
        ]
    )
    by = {e.span.article_id: e for e in facts.events}
    assert (by["e1"].action, by["e1"].event_type, by["e1"].event_date) == ("seized two fishing boats", "attack", "2021-03-03")
    assert (by["e2"].action, by["e2"].event_type, by["e2"].actor2) == ("met with", "meeting", "harbour workers")
    assert by["e3"].action.startswith("said it had sent 40 trucks") and by["e3"].event_type == "statement"
    assert by["e3"].action_lemma.split()[0] == "say" and by["e3"].event_date == "2020-05-05"
    assert by["e4"].event_type == "other"


def test_an_articles_first_sentence_is_an_event_dated_by_its_publication():
    from newsledger.extract.stage import extract_texts

    facts = extract_texts(
        [
            ("l1", "s", "Marta Bellini has resigned as mayor of Varenna.\nShe gave no reason.", "2016-09-14"),
            ("l2", "s", "The Norwegian coast guard said it had towed a burning trawler into Torvik on Sunday.", "2016-09-14"),
            ("l3", "s", "It was a quiet week in the harbour.", "2016-09-14"),
            ("l4", "s", "Marta Bellini has resigned as mayor of Varenna.", None),
        ]
    )
    by = {e.span.article_id: e for e in facts.events}
    assert (by["l1"].event_date, by["l1"].date_evidence, by["l1"].actor1) == ("2016-09-14", "published", "Marta Bellini")
    assert by["l1"].action == "has resigned"
    assert (by["l2"].event_date, by["l2"].date_evidence) == ("2016-09-11", "text:Sunday")  # its own words date it
    assert by["l2"].action.startswith("had towed a burning trawler") and by["l2"].actor1 == "Norwegian coast guard"
    assert "l3" not in by  # no named actor
    assert (by["l4"].event_date, by["l4"].date_evidence, by["l4"].action) == ("", "undated", "has resigned")  # no date at all


def test_a_description_with_a_name_in_apposition_is_that_person():
    s = "The harbour master, Marta Bellini, said the pier was safe."
    sp = _identify(s, "The harbour master, Marta Bellini", [(20, 33, "p1", "PERSON")])
    assert (sp.kind, sp.name, sp.role) == ("person", "Marta Bellini", "harbour master")


def _leads(*texts: str, published: str | None = "2016-09-14") -> dict[str, object]:
    from newsledger.extract.stage import extract_texts

    facts = extract_texts([(f"x{n}", "s", t, published) for n, t in enumerate(texts)])
    return {e.span.article_id: e for e in facts.events}


def test_a_lead_event_is_looked_for_in_the_opening_sentences_when_the_first_sets_a_scene():
    by = _leads(
        "It was a grey morning on the quay.\nThe Varenna port authority has closed the northern harbour to fishing boats.",
        "Nobody expected the vote to be close. Senator Marta Bellini has resigned from the transport committee.",
        "Fog lay over the quay. It lifted at noon. The wind rose. Marta Bellini has resigned as mayor.",  # fourth: too late
    )
    assert by["x0"].action.startswith("has closed the northern harbour") and by["x0"].date_evidence == "published"
    assert by["x1"].actor1 == "Marta Bellini" and by["x1"].action.startswith("has resigned")
    assert "x2" not in by


def test_a_reported_clause_naming_no_one_stays_the_speakers_statement():
    by = _leads(
        "Passengers on the night ferries could save an hour a day, transport minister Marta Bellini has claimed.",
        "Local shops will lose trade, the Varenna Chamber of Commerce warned.",
        "The Norwegian coast guard said it had towed a burning trawler into Torvik.",
    )
    assert (by["x0"].actor1, by["x0"].event_type) == ("Marta Bellini", "statement")
    assert by["x1"].event_type == "statement" and "Chamber of Commerce" in by["x1"].actor1
    assert by["x2"].action.startswith("had towed a burning trawler")  # a pronoun subject: the speaker's own act


def test_be_to_reports_the_verb_after_it():
    by = _leads(
        "The Varenna ferry company is to close its northern terminal.",
        "Rock band Stormhaven are set to play at the harbour festival.",
    )
    assert by["x0"].action == "to close its northern terminal" and "Varenna" in by["x0"].actor1
    assert by["x1"].action.startswith("to play") and by["x1"].actor1 == "Stormhaven"


def test_a_common_noun_acts_only_as_a_body_or_a_person_with_a_named_party():
    by = _leads(
        "A judge has dismissed a bid by Orevale Mining Corp to halt the strike.",
        "The government has rejected claims that Marta Bellini misled parliament.",
        "The storm on the Varenna coast flooded dozens of homes.",  # a happening, not an actor
        "Plans to close three schools have been unveiled by the Kestrel Regional Council.",
    )
    assert (by["x0"].actor1, by["x0"].action) == ("judge", "has dismissed a bid")
    assert by["x1"].actor1 == "government" and by["x1"].event_type == "statement"
    assert "x2" not in by
    assert "Council" in by["x3"].actor1 and by["x3"].actor2 == "Plans"  # the passive's agent acts


def test_names_joined_in_a_subject_are_all_its_actors_and_short_gaps_are_written():
    by = _leads(
        "Harbour operators Telnor and Vexa have both launched night ferries to Kestrel.",
        "Shipping firms Orevale, Brantley and Corvin have jointly signed a fuel pact.",
    )
    assert by["x0"].action == "have both launched night ferries" and by["x0"].actor1 == "Telnor and Vexa"
    assert by["x1"].action == "have jointly signed a fuel pact" and by["x1"].event_type == "agreement"


def test_a_launch_attacks_only_with_an_assault_or_a_weapon_for_its_object():
    from newsledger.extract.events import event_type

    assert event_type("launch offensive") == event_type("fire missile") == "attack"
    assert event_type("launch phone") == event_type("fire manager") == "other"
    assert event_type("launch") == "attack"


def test_verbs_of_state_or_wish_report_no_event():
    by = _leads(
        "The new timetable would mean longer waits for Varenna commuters.",
        "The Kestrel Ferry Company wants to expand its fleet.",
        "Marta Bellini hopes to win the Varenna mayoral race.",
        "The Kestrel Ferry Company has bought two new ships.",
    )
    assert not {"x0", "x1", "x2"} & by.keys()
    assert by["x3"].action == "has bought two new ships"


def test_every_event_names_the_rule_that_made_it():
    by = _leads(
        "The Varenna ferry company is to close its northern terminal.",
        "The Norwegian coast guard said it had towed a burning trawler into Torvik.",
        "Marta Bellini has resigned as mayor of Varenna.",
        "Marta Bellini met the harbour workers in Kestrel on 4 May 2016.",
    )
    assert [by[k].rule for k in ("x0", "x1", "x2", "x3")] == ["lead:be_to", "lead:reported_act", "lead:main_verb", "dated"]


def test_the_run_counts_the_facts_each_rule_made(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Ferry Fares Rise\n\nThe Kestrel ferry company raised fares by 5% on Monday, and 40 crews went on strike.\n"
    )
    res = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--quiet"])
    assert res.exit_code == 0, res.output
    counted = json.loads((tmp_path / "o" / "run.json").read_text())["rules"]
    claims = [json.loads(line) for line in (tmp_path / "o" / "claims.jsonl").open()]
    assert counted["claims"] == dict(Counter(c["rule"] for c in claims)) and counted["claims"]["percent"] == 1
    assert sum(counted["times"].values()) >= 1 and sum(counted["events"].values()) >= 1


def test_the_run_says_where_the_time_went(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Ferry Fares Rise\n\nThe Kestrel ferry company raised fares by 5% on Monday.\n")
    started = time.perf_counter()
    res = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "o"), "--quiet"])
    wall = time.perf_counter() - started
    assert res.exit_code == 0, res.output
    phases = json.loads((tmp_path / "o" / "run.json").read_text())["phase_seconds"]
    assert list(phases) == ["read", "extract", "stories", "entities", "figure_groups", "timeline", "cross_article", "export"]
    assert all(v >= 0 for v in phases.values()) and 0 < sum(phases.values()) <= wall + 0.005 * len(phases)  # each rounded


def test_a_reported_clause_written_before_its_verb_reads_in_lower_case_after_it():
    by = _leads(
        "The talks with the union have failed, the Kestrel Ferry Company said.",
        '"Higher fares will hit commuters hardest," transport minister Marta Bellini has warned.',
        "Varenna is safe again, Marta Bellini said.",  # a name keeps its capital
    )
    assert by["x0"].action == "said the talks with the union have failed"
    assert by["x1"].action.startswith("has warned higher fares will hit commuters")
    assert by["x2"].action.startswith("said Varenna is safe")
