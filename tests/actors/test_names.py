"""People the knowledge base does not know, described where they are named. All sentences are
written for these tests."""

import datetime as dt

WHEN = dt.date(2019, 3, 1)


def mentions(package_resolver, nlp, text):
    return package_resolver.resolve(nlp(text), WHEN)


def by_text(found):
    return {m.text: m for m in found}


def test_name_in_apposition_to_a_described_actor(package_resolver, nlp):
    text = "The EU special envoy for Libya, Marten Ostrowski, arrived. Ostrowski met the militia leaders."
    found = by_text(mentions(package_resolver, nlp, text))
    assert found["Marten Ostrowski"].code == "IGOEU" and found["Marten Ostrowski"].kind == "person"
    assert found["Ostrowski"].code == "IGOEU" and "same person" in found["Ostrowski"].why


def test_name_with_its_own_apposition(package_resolver, nlp):
    text = "Dana Kellerby, the Canadian deputy foreign minister, rejected the claim."
    found = by_text(mentions(package_resolver, nlp, text))
    assert found["Dana Kellerby"].country == "CAN"


def test_name_with_membership_of_phrase(package_resolver, nlp):
    found = by_text(mentions(package_resolver, nlp, "Yusuf al-Rami of the Syrian opposition council spoke first."))
    assert found["Yusuf al-Rami"].country == "SYR"
    member = by_text(mentions(package_resolver, nlp, "Omar Haddad, a member of the Iraqi parliament, objected."))
    assert member["Omar Haddad"].country == "IRQ"


def test_particle_keeps_a_first_name_from_matching_a_known_surname(package_resolver, nlp):
    found = mentions(package_resolver, nlp, "Ibrahim al-Wadi of the Libyan navy denied the report.")
    assert all(m.country in (None, "LBY") for m in found), [(m.text, m.code) for m in found]


def test_undescribed_unknown_name_blocks_a_known_surname(package_resolver, nlp):
    text = "On Monday Lindsey Graham criticised the plan. Graham said it was reckless."
    found = mentions(package_resolver, nlp, text)
    later = [m for m in found if m.text == "Graham"]
    assert all(m.country != "CAN" for m in later), [(m.text, m.code, m.why) for m in later]


def test_a_topic_country_alone_does_not_describe(package_resolver, nlp):
    found = by_text(mentions(package_resolver, nlp, "Nadia Brenner, who lives in Syria, wrote the report."))
    assert "Nadia Brenner" not in found


def test_repeated_surname_follows_the_context_country_of_its_first_mention(package_resolver, nlp):
    text = "Interior Minister Rafael Tunaro visited Lima on Monday. Tunaro said the curfew would end."
    found = mentions(package_resolver, nlp, text)
    first = [m for m in found if m.text.endswith("Rafael Tunaro")][0]
    later = [m for m in found if m.text == "Tunaro"][0]
    assert first.country == "PER" and later.country == "PER" and later.code == first.code


def test_abbreviation_defined_after_an_actor_phrase_names_it_later(package_resolver, nlp):
    text = "The Sudanese opposition alliance (SOA) met in Cairo. The SOA later rejected the offer."
    found = [m for m in mentions(package_resolver, nlp, text) if m.text == "SOA"]
    assert len(found) == 2 and all(m.code == "SDNOPP" for m in found), [(m.text, m.code) for m in found]


def test_abbreviation_after_a_phrase_naming_no_actor_is_left_alone(package_resolver, nlp):
    found = mentions(package_resolver, nlp, "The new trade rules (NTR) took effect. The NTR cut tariffs.")
    assert not [m for m in found if m.text == "NTR"]


def test_a_bare_agent_noun_introduces_an_unknown_person(package_resolver, nlp):
    text = "Soldiers detained activist Maria Quispe in Lima. Quispe was freed on Sunday."
    found = mentions(package_resolver, nlp, text)
    first = [m for m in found if m.text.endswith("Maria Quispe")][0]
    later = [m for m in found if m.text == "Quispe"][0]
    assert first.kind == "person" and first.country == "PER" and later.country == "PER"


def test_an_agent_noun_right_before_an_unknown_name_is_its_title(package_resolver, nlp):
    text = "The Iraqi chief negotiator Ahmed Ja’abari rejected the plan. He said talks were over."
    found = mentions(package_resolver, nlp, text)
    named = by_text(found)
    assert named["Ahmed Ja’abari"].code == "IRQGOV" and named["Ahmed Ja’abari"].kind == "person"
    assert [m.code for m in found if m.text == "He"] == ["IRQGOV"]


def test_a_pronoun_takes_the_nearest_subject_even_one_a_late_pass_found(package_resolver, nlp):
    text = ("Foreign Minister Sergei Lavrov visited Ankara. The Iraqi chief negotiator Karim Dwalli spoke "
            "on Monday. He said talks were over.")
    found = mentions(package_resolver, nlp, text)
    assert [m.code for m in found if m.text == "He"] == ["IRQGOV"]


def test_a_clause_inside_the_of_phrase_does_not_describe_the_name(package_resolver, nlp):
    text = ("The risk is real, said Jonas Verbeke, director of countering extremism at the Carnegie Institute, "
            "who pointed out that Hezbollah had claimed the attack.")
    found = by_text(mentions(package_resolver, nlp, text))
    assert "Jonas Verbeke" not in found or found["Jonas Verbeke"].code != found["Hezbollah"].code
