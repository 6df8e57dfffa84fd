import datetime as dt
from types import SimpleNamespace

from tacitus.when import infer_year_from_actors

ROLES = {
    "trump": [("President", "2017-01-20", "2021-01-20"), ("President", "2025-01-20", None)],
    "tillerson": [("Secretary of State", "2017-02-01", "2018-03-31")],
    "obama": [("President", dt.date(2009, 1, 20), dt.date(2017, 1, 20)), ("Senator", "2005", "2008-11")],
    "carter": [("President", "1977-01-20", "1981-01-20")],
}
TODAY = dt.date(2026, 11, 22)


def person(actor_id, text, role=None):
    return SimpleNamespace(actor_id=actor_id, text=text, name=text, role=role)


def test_two_office_holders_narrow_the_years():
    result = infer_year_from_actors([person("trump", "President Trump"), person("tillerson", "Rex Tillerson")],
                                    ROLES, today=TODAY)
    assert (result.start, result.end) == (2017, 2018)
    assert result.people == ("trump", "tillerson")
    assert result.confidence < 0.5
    assert "low confidence" in result.evidence and "Tillerson" in result.evidence


def test_one_person_with_two_terms_gives_alternatives():
    result = infer_year_from_actors([person("trump", "Trump")], ROLES, today=TODAY)
    assert (result.start, result.end) == (2017, 2021)
    assert result.alternatives == ((2025, 2026),)


def test_the_named_role_selects_the_term():
    senator = infer_year_from_actors([person("obama", "Senator Obama")], ROLES, today=TODAY)
    assert (senator.start, senator.end) == (2005, 2008)
    resolved = infer_year_from_actors([person("obama", "Obama", role="president")], ROLES, today=TODAY)
    assert (resolved.start, resolved.end) == (2009, 2017)


def test_disagreeing_people_keep_the_majority_and_lower_confidence():
    mentions = [person("trump", "President Trump"), person("tillerson", "Tillerson"),
                person("carter", "President Carter")]
    result = infer_year_from_actors(mentions, ROLES, today=TODAY)
    both = infer_year_from_actors(mentions[:2], ROLES, today=TODAY)
    assert (result.start, result.end) == (2017, 2018)
    assert result.confidence < both.confidence


def test_nothing_known():
    assert infer_year_from_actors([person("nobody", "Nobody"), SimpleNamespace(actor_id=None, text="Iran")],
                                  ROLES, today=TODAY) is None


def test_accepts_a_knowledge_base():
    role = SimpleNamespace(role="Secretary of State", start=dt.date(2017, 2, 1), end=dt.date(2018, 3, 31))
    kb = SimpleNamespace(people={"tillerson": SimpleNamespace(roles=[role])})
    result = infer_year_from_actors([person("tillerson", "Tillerson")], kb, today=TODAY)
    assert (result.start, result.end) == (2017, 2018)
