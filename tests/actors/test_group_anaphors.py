"""Groups referred back to by a description (tacitus.actors.group_anaphors); sentences written
for these tests."""

import datetime as dt

WHEN = dt.date(2019, 3, 1)


def mentions(package_resolver, nlp, text):
    return {m.text: m for m in package_resolver.resolve(nlp(text), WHEN)}


def test_the_group_is_the_group_named_before(package_resolver, nlp):
    found = mentions(package_resolver, nlp, "Hezbollah fired rockets at Israel. The group said the strikes would go on.")
    assert found["The group"].code == found["Hezbollah"].code and found["The group"].kind == "group"


def test_a_qualified_description_takes_the_group_in_place_of_a_context_country(package_resolver, nlp):
    text = "Islamic State claimed the bombing in Manbij. Officials in Syria said the terrorist group had sleeper cells."
    found = mentions(package_resolver, nlp, text)
    described = next(m for t, m in found.items() if t.endswith("terrorist group"))
    assert described.code == found["Islamic State"].code


def test_the_latest_group_named_before_is_the_one_meant(package_resolver, nlp):
    text = "Hamas and Islamic Jihad were blamed at first, but Hezbollah later said the group had fired."
    found = mentions(package_resolver, nlp, text)
    assert found["the group"].code == found["Hezbollah"].code


def test_a_group_noun_with_its_own_nationality_is_not_a_reference_back(package_resolver, nlp):
    text = "Hezbollah fired rockets. The Kurdish militia attacked a checkpoint near Afrin."
    found = mentions(package_resolver, nlp, text)
    assert all(m.code != found["Hezbollah"].code for t, m in found.items() if "militia" in t)


def test_no_group_named_before_leaves_the_description_alone(package_resolver, nlp):
    found = mentions(package_resolver, nlp, "The group said it would fight on. Hezbollah denied it.")
    assert "The group" not in found
