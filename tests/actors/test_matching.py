"""Matching tests: when a one-word name is a known person's surname. The people, their country
and all sentences are invented for these tests."""

import datetime as dt
from pathlib import Path

import pytest

from tacitus.actors import ActorKnowledgeBase, ActorResolver

FIXTURES = Path(__file__).parent / "fixtures" / "actors"
OVERLAY = """
countries:
  - {code: ZZQ, name: Quarland, adjectives: [Quarlandic], capital: Quarville}
people:
  - {person_id: karim-selim, name: Karim Selim, aliases: "", country: ZZQ, sector: GOV, role: Prime Minister, start: 1990, end: 1995}
  - {person_id: selim-adan, name: Selim Adan, aliases: "", country: ZZQ, sector: GOV, role: Foreign Minister, start: 1980, end: 1984}
  - {person_id: selim-farah, name: Selim Farah, aliases: "", country: ZZQ, sector: GOV, role: Interior Minister, start: 1980, end: 1984}
  - {person_id: marta-scarlet, name: Marta Scarlet, aliases: Scarlet, country: ZZQ, sector: GOV, role: Prime Minister, start: 1996, end: 1999}
  - {person_id: tomas-warden, name: Tomas Warden, aliases: Warden, country: ZZQ, sector: GOV, role: Prime Minister, start: 2008, end: 2012}
  - {person_id: ivo-pell, name: Ivo Pell, aliases: "", country: ZZQ, sector: GOV, role: Warden, start: 2000, end: 2020}
  - {person_id: ulla-brandqvist, name: Ulla Brandqvist, aliases: "", country: ZZQ, sector: GOV, role: Prime Minister, start: 2000, end: 2004}
"""


@pytest.fixture(scope="module")
def resolver(nlp, tmp_path_factory):
    overlay = tmp_path_factory.mktemp("surnames") / "people.yaml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    return ActorResolver(ActorKnowledgeBase.load([overlay], data_dir=FIXTURES), nlp)


def people(resolver, nlp, text, date):
    mentions = resolver.resolve(nlp(text), dt.date.fromisoformat(date))
    return {m.text: m.actor_id for m in mentions if m.kind == "person"}


def test_a_word_that_begins_more_names_than_it_ends_is_not_a_former_holder(resolver, nlp):
    assert "Selim" not in people(resolver, nlp, "Selim told the crowd that the strike would go on.", "2010-05-04")


def test_a_given_name_surname_names_the_holder_at_the_date(resolver, nlp):
    found = people(resolver, nlp, "Selim told the crowd that the strike would go on.", "1992-05-04")
    assert found.get("Selim") == "karim-selim"


def test_an_earlier_full_name_still_names_the_person(resolver, nlp):
    text = "Karim Selim returned to Quarville on Sunday. Selim told the crowd that the strike would go on."
    assert people(resolver, nlp, text, "2010-05-04").get("Selim") == "karim-selim"


def test_an_adjective_is_not_a_former_holder(resolver, nlp):
    assert "Scarlet" not in people(resolver, nlp, "Scarlet said the vote had been rigged.", "2010-05-04")


def test_an_adjective_surname_names_the_holder_at_the_date(resolver, nlp):
    assert people(resolver, nlp, "Scarlet said the vote had been rigged.", "1997-05-04").get("Scarlet") == "marta-scarlet"


def test_a_word_after_a_determiner_is_not_even_the_holder_at_the_date(resolver, nlp):
    assert "Scarlet" not in people(resolver, nlp, "She wore the Scarlet to the ball.", "1997-05-04")


def test_an_adjective_or_title_surname_repeats_the_full_name(resolver, nlp):
    text = "Marta Scarlet and Tomas Warden met in Quarville. Scarlet said the vote had been rigged. Warden agreed."
    found = people(resolver, nlp, text, "2010-05-04")
    assert found.get("Scarlet") == "marta-scarlet" and found.get("Warden") == "tomas-warden"


def test_a_title_alone_is_not_a_surname_even_of_a_holder(resolver, nlp):
    found = people(resolver, nlp, "Warden said the vote had been rigged.", "2010-05-04")
    assert "tomas-warden" not in found.values()


def test_a_title_before_the_word_makes_it_a_name(resolver, nlp):
    found = people(resolver, nlp, "Prime Minister Scarlet said the vote had been rigged.", "2010-05-04")
    assert "marta-scarlet" in found.values()


def test_a_distinctive_surname_names_a_former_holder(resolver, nlp):
    found = people(resolver, nlp, "Brandqvist said the vote had been rigged.", "2010-05-04")
    assert found.get("Brandqvist") == "ulla-brandqvist"


def test_a_given_name_a_person_is_known_by_stays_theirs(resolver, nlp, tmp_path):
    overlay = tmp_path / "known_by.yaml"
    overlay.write_text(OVERLAY + "  - {person_id: selim-bayar, name: Selim Bayar, aliases: Selim, country: ZZQ, "
                       "sector: GOV, role: Defence Minister, start: 1970, end: 1975}\n", encoding="utf-8")
    known_by = ActorResolver(ActorKnowledgeBase.load([overlay], data_dir=FIXTURES), nlp)
    found = people(known_by, nlp, "Selim told the crowd that the strike would go on.", "2010-05-04")
    assert found.get("Selim") == "selim-bayar"


def test_a_name_modifying_a_noun_after_a_determiner_stays_a_name(resolver, nlp):
    found = people(resolver, nlp, "Voters punished the Trump administration in May.", "2018-05-04")
    assert found.get("Trump") == "donald-trump"
