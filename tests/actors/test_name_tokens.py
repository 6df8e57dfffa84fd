"""Name tokens: what single tokens and short runs say about names (tacitus.actors.name_tokens)."""

from tacitus.actors.name_tokens import defines_an_abbreviation, modifier_token, name_like, name_run


def test_capitalised_proper_nouns_look_like_a_name_and_dates_do_not(nlp):
    doc = nlp("Minister Amina Okoye flew to Accra on Monday.")
    assert name_like(doc[1:3])
    assert not name_like(doc[3:4])  # "flew"
    assert not name_like(doc[7:8])  # "Monday" is a date


def test_a_name_runs_after_a_capitalised_title_through_its_particles(nlp):
    doc = nlp("Trade Minister Karel van der Berg arrived in Lagos.")
    start = 2
    assert name_run(doc, start, len(doc)) == (2, 6)
    # nothing follows the title within the limit
    assert name_run(doc, start, start) is None


def test_an_upper_case_form_in_brackets_after_a_name_defines_an_abbreviation(nlp):
    doc = nlp("The Coastal Farmers Union (CFU) met the minister.")
    i = next(t.i for t in doc if t.text == "CFU")
    assert defines_an_abbreviation(doc, i, i + 1)
    assert not defines_an_abbreviation(doc, 1, 2)


def test_possessives_and_adjectives_may_stand_between_a_country_and_its_agent(nlp):
    doc = nlp("Ghana's new envoy spoke.")
    assert modifier_token(doc[1])  # 's
    assert modifier_token(doc[2])  # new
    assert not modifier_token(doc[4])  # spoke
