"""Entities: mentions merged into entities (extract/entities.py), namesakes kept apart."""

from newsledger.extract.entities import merge
from newsledger.extract.stage import extract_texts


def _mentions(texts):
    from newsledger.model import Mention

    out = []
    for aid, names in texts:
        pos = 0
        for name, label in names:
            out.append(Mention(aid, "s", name, label, pos, pos + len(name), name))
            pos += len(name) + 1
    return out


def test_entities_merge_variants_and_keep_namesakes_apart():
    facts = extract_texts(
        [
            (
                "a1",
                "s",
                "Sergei Lavrov met Kim Jong Un in Wonsan. Lavrov praised Kim for his support of the United States talks.",
            ),
            ("a2", "s", "Sergey Lavrov said Kim Jong-un and his daughter Kim Ju-ae attended. The U.S. did not comment."),
        ]
    )
    entities = {e.name: e for e in merge(facts.mentions)}
    lav = next(e for e in entities.values() if "Lavrov" in e.name)
    assert {"Sergei Lavrov", "Sergey Lavrov", "Lavrov"} <= set(lav.aliases)
    kims = [e for e in entities.values() if e.name.startswith("Kim")]
    assert len({e.id for e in kims}) == 2


def test_entity_merging_does_not_depend_on_how_the_shuffle_orders_groups(scrambled_shuffle):
    texts = [
        ("a1", "s", "President Trump spoke with Kim Jong Un. Trump said Kim Jong Un was ready. Kim Jong Un and Kim Ju-ae waved."),
        ("a2", "s", "Kim said nothing. The U.S. and the United States Senate disagreed, the US said."),
        ("a3", "s", "Donald Trump met Vladimir Putin. Putin and Trump, who praised Kim, spoke for an hour."),
    ]
    plain, scrambled = extract_texts(texts).mentions, extract_texts(texts).mentions
    ents = merge(plain)
    assert merge(scrambled, scrambled_shuffle) == ents
    assert [m.entity_id for m in scrambled] == [m.entity_id for m in plain]
    by_id = {e.id: e for e in ents}
    kim = by_id[next(m.entity_id for m in plain if m.article_id == "a2" and m.text == "Kim")]
    assert kim.name == "Kim Jong Un" and kim.articles == ["a1", "a2", "a3"]  # the Kim who dominates, in reading order


def test_full_names_whose_given_names_or_initials_disagree_stay_apart():
    ms = _mentions(
        [
            ("a1", [("George H.W. Bush", "PERSON"), ("George W. Bush", "PERSON"), ("A. J. Smith", "PERSON")]),
            ("a2", [("Matt Smith", "PERSON"), ("Sergei V. Lavrov", "PERSON")]),
            ("a3", [("Smith", "PERSON"), ("Sergei Lavrov", "PERSON"), ("Lavrov", "PERSON"), ("George Bush", "PERSON")]),
        ]
    )
    ents = merge(ms)
    names = {e.name: set(e.aliases) for e in ents}
    assert "George H.W. Bush" in names and "George W. Bush" in names  # two presidents
    assert names["A. J. Smith"] == {"A. J. Smith"} and names["Matt Smith"] == {"Matt Smith"}  # a bare Smith with two rivals
    assert names["Smith"] == {"Smith"}
    lavrov = next(a for n, a in names.items() if "Lavrov" in n)
    assert {"Sergei V. Lavrov", "Sergei Lavrov", "Lavrov"} <= lavrov  # no initials joins the one variant with them
    assert not any({"George H.W. Bush", "George Bush"} <= a for a in names.values())  # two variants: it stays itself


def test_a_bare_surname_takes_the_one_candidate_of_its_story():
    ms = _mentions(
        [
            ("a1", [("Anna Kowalski", "PERSON"), ("Jan Kowalski", "PERSON")]),
            ("a2", [("Jan Kowalski", "PERSON")]),
            ("a3", [("Kowalski", "PERSON")]),  # story s2 only knows Jan
            ("a4", [("Kowalski", "PERSON")]),  # story s1 knows both, neither dominates
        ]
    )
    stories = {"a1": "s1", "a2": "s2", "a3": "s2", "a4": "s1"}
    ents = merge(ms, story_of=stories.get)
    by_id = {e.id: e for e in ents}
    assert by_id[ms[3].entity_id].name == "Jan Kowalski"
    assert by_id[ms[4].entity_id].name == "Kowalski"


def test_two_surnames_joined_by_a_hyphen_name_a_pair_not_a_person():
    ms = _mentions(
        [("a1", [("Olena Marchenko", "PERSON"), ("Pavel Orlov", "PERSON"), ("Marchenko-Orlov", "PERSON"), ("Orlov", "PERSON")])]
    )
    ents = merge(ms)
    assert ms[2].entity_id is None
    assert all("Marchenko-Orlov" not in e.aliases for e in ents)
    assert {e.name for e in ents} == {"Olena Marchenko", "Pavel Orlov"}


def test_a_nationality_is_one_entity_whatever_the_model_tags_it():
    ms = _mentions(
        [
            ("a1", [("Moldovan", "NORP"), ("Moldova", "GPE"), ("Moldovan", "GPE")]),
            ("a2", [("Moldovan", "NORP"), ("Moldovans", "NORP"), ("Icelandic", "GPE")]),
        ]
    )
    ents = {(e.name, e.label): e for e in merge(ms)}
    assert set(ents) == {("Moldovan", "NORP"), ("Moldova", "GPE"), ("Icelandic", "GPE")}
    assert ents[("Moldovan", "NORP")].mentions == 4 and "Moldovans" in ents[("Moldovan", "NORP")].aliases


def test_a_family_name_written_first_goes_to_the_storys_dominant_bearer_a_surname_to_the_last_named():
    ms = _mentions(
        [
            ("a1", [("Ri Sol-gang", "PERSON"), ("Ri Sol-gang", "PERSON"), ("Ri Sol-gang", "PERSON")]),
            ("a2", [("Ri Ok-hwa", "PERSON"), ("Ri", "PERSON")]),  # his sister, then a bare Ri
            ("a3", [("Jane Holt", "PERSON"), ("Peter Holt", "PERSON"), ("Holt", "PERSON")]),  # a surname: the last named
        ]
    )
    ents = merge(ms)
    by_id = {e.id: e for e in ents}
    assert by_id[ms[4].entity_id].name == "Ri Sol-gang"
    assert by_id[ms[7].entity_id].name == "Peter Holt"


def test_a_full_name_the_model_once_calls_an_organisation_is_still_the_person():
    ms = _mentions([("a1", [("Marta Bellini", "PERSON")]), ("a2", [("Marta Bellini", "ORG"), ("Harbor Authority", "ORG")])])
    ents = {(e.name, e.label): e for e in merge(ms)}
    assert ents[("Marta Bellini", "PERSON")].mentions == 2 and ("Harbor Authority", "ORG") in ents


def test_a_name_followed_by_a_description_resolves_to_the_person_it_starts_with():
    from newsledger.extract.entities import resolver
    from newsledger.model import Entity

    people = [
        Entity("p1", "Marta Bellini", "PERSON", ["Marta Bellini"], 4),
        Entity("p2", "Marta Rossi", "PERSON", ["Marta Rossi"], 3),
        Entity("p3", "Jon Varga", "PERSON", ["Jon Varga"], 2),
    ]
    resolve = resolver(people)
    assert resolve("Marta Rossi of the port authority") == "Marta Rossi"
    assert resolve("Jon Varga, a harbour pilot") == "Jon Varga"
    assert resolve("Marta Bellini the mayor") == "Marta Bellini"
    assert resolve("Marta Ferri of the union") == "Marta Ferri of the union"  # a first name alone is no prefix


def test_a_name_after_a_courtesy_title_is_a_person_whatever_the_model_called_it():
    from newsledger.extract.entities import honorific_people

    text = "Mr Okwuosa's lawyer met Dr. T. Varga and Dame Ines Mora; Lord Chancellor Ann Pike; Miss World 2021; Ms Lund's Plan."
    ents = [(0, 10, "GPE", "Mr Okwuosa"), (61, 76, "ORG", "Chancellor Ann")]
    out = honorific_people(text, ents)
    assert (0, 10, "PERSON", "Mr Okwuosa") in out  # relabelled, possessive left out
    assert ("PERSON", "T. Varga") in {(lab, t) for *_, lab, t in out}  # missed by the model: added, initial kept
    assert ("PERSON", "Ines Mora") in {(lab, t) for *_, lab, t in out}
    assert (61, 76, "ORG", "Chancellor Ann") in out  # titles that name offices or contests are not courtesy titles
    assert not any(t.startswith(("World", "Chancellor Ann Pike")) and lab == "PERSON" for *_, lab, t in out)
    assert ("PERSON", "Lund") in {(lab, t) for *_, lab, t in out}  # a possessive ends the name: not "Lund's Plan"


def test_a_pronoun_after_a_titled_name_the_model_misread_speaks_for_that_person():
    for text, name in [
        ('Mrs Oyelaran-Hughes thanked the volunteers. "It has been a long week," she said.', "Oyelaran-Hughes"),
        ('After the vote, Mr Tshabangu left the chamber. "We lost tonight," he told reporters.', "Tshabangu"),
    ]:
        facts = extract_texts([("a1", "s", text)])
        assert any(m.label == "PERSON" and name in m.text for m in facts.mentions)
        (q,) = [q for q in facts.quotes if q.kind == "direct"]
        assert q.speaker is not None and name in q.speaker
