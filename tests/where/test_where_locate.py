"""Event locations from place phrases, venues and datelines (sentences written for these tests)."""

import datetime as dt

from tacitus.actors.mentions import Mention
from tacitus.where import locate_event

PUBLISHED = dt.date(2017, 11, 4)


def word(ctx, text, nth=0):
    return [t for t in ctx.doc if t.text == text][nth]


def place_of(ctx, trigger_text, nth=0):
    return locate_event(word(ctx, trigger_text, nth), ctx)


def country_mention(code):
    return Mention(start=0, end=1, text=code, span=(0, 1), code=code, country=code, sector=None,
                   name=None, actor_id=None, kind="country", why="test")


def token_mention(token, code, country):
    """An actor mention of one token, as the actors stage would leave it."""
    return Mention(start=token.i, end=token.i + 1, text=token.text, span=(token.idx, token.idx + len(token)),
                   code=code, country=country, sector=None, name=None, actor_id=None, kind="country", why="test")


def test_city_in_a_prepositional_phrase_of_an_argument(article_context):
    ctx = article_context("News of the offer first spread on Sunday, when a ministry spokesman told journalists "
                          "in Tehran that the request had been rejected.", PUBLISHED)
    location, evidence = place_of(ctx, "told")
    assert (location.name, location.country, location.geonameid) == ("Tehran", "IRN", 112931)
    assert round(location.lat) == 36 and round(location.lon) == 51
    assert evidence["place_text"] == "Tehran"
    # the main clause has no place of its own
    assert place_of(ctx, "spread") == (None, {})


def test_speech_to_the_general_assembly_is_in_new_york(article_context):
    # Acceptance (2017 sample).
    ctx = article_context(
        "The proposal was passed to Tehran by the Swiss ambassador hours after the president's "
        "address to the UN General Assembly on Sept. 19, where he attacked the deal.", PUBLISHED)
    location, evidence = place_of(ctx, "passed")
    assert (location.name, location.country, location.geonameid) == ("New York City", "USA", 5128581)
    assert "venue" in evidence["place"]
    # the "where" clause describes the same address
    assert place_of(ctx, "attacked")[0].geonameid == 5128581


def test_sidelines_of_the_general_assembly(article_context):
    # Acceptance (2013 sample).
    ctx = article_context("The president was ready to meet his counterpart on the sidelines of the United Nations "
                          "General Assembly, officials said.", dt.date(2013, 9, 24))
    location, _ = place_of(ctx, "meet")
    assert (location.name, location.country) == ("New York City", "USA")


def test_paris_france_by_default_and_paris_texas_in_a_texas_story(article_context):
    plain = article_context("The two presidents met in Paris on Friday.", PUBLISHED)
    assert place_of(plain, "met")[0].country == "FRA"
    texas = article_context("Storms hit northeast Texas overnight. Police arrested two looters in Paris on Friday.",
                            PUBLISHED)
    location, evidence = place_of(texas, "arrested")
    assert (location.name, location.country) == ("Paris", "USA")
    assert "the article names TX" in evidence["place"]
    explicit = article_context("Police arrested two looters in Paris, Texas, on Friday.", PUBLISHED)
    assert place_of(explicit, "arrested")[0].country == "USA"


def test_tripoli_by_the_countries_of_the_story(article_context):
    lebanon = article_context("Troops clashed with gunmen in Tripoli on Saturday.", PUBLISHED,
                              mentions=[country_mention("LBN")])
    assert place_of(lebanon, "clashed")[0].country == "LBN"
    libya = article_context("The UN envoy to Libya arrived on Monday. Rebels attacked a convoy near Tripoli.",
                            PUBLISHED)
    assert place_of(libya, "attacked")[0].country == "LBY"
    adjective = article_context("Lebanese troops clashed with gunmen in Tripoli.", PUBLISHED)
    assert place_of(adjective, "clashed")[0].country == "LBN"


def test_venues(article_context):
    ctx = article_context("The president received the prime minister at the White House. "
                          "The envoy was received at the Kremlin. "
                          "The ministers met at the UN in Geneva. "
                          "The leaders negotiated at Camp David.", PUBLISHED)
    assert place_of(ctx, "received")[0].geonameid == 4140963
    assert place_of(ctx, "received", nth=1)[0].name == "Moscow"
    assert place_of(ctx, "met")[0].name == "Geneva"
    camp = place_of(ctx, "negotiated")[0]
    assert (camp.name, camp.country, camp.geonameid) == ("Camp David", "USA", None)
    assert camp.lat is not None


def test_place_named_as_an_actor_or_a_destination_is_not_the_location(article_context):
    ctx = article_context("Tehran rejected the proposal. Moscow sent troops to Syria.", PUBLISHED)
    assert place_of(ctx, "rejected")[0] is None
    assert place_of(ctx, "sent")[0] is None


def test_country_and_state_level_places(article_context):
    ctx = article_context("Fighting in Syria killed dozens. Officials met in New York. "
                          "The envoy spoke in Washington. Protesters gathered in Georgia.", PUBLISHED)
    syria = place_of(ctx, "killed")[0]
    assert (syria.name, syria.country, syria.lat) == ("Syria", "SYR", None)
    assert place_of(ctx, "met")[0].geonameid == 5128581
    assert place_of(ctx, "spoke")[0].geonameid == 4140963
    assert place_of(ctx, "gathered")[0].country == "GEO"


def test_dateline_when_the_sentence_names_no_place(article_context):
    ctx = article_context("BEIRUT, March 3 (Reuters) - Gunmen fired on a convoy. The army condemned the attack.",
                          PUBLISHED)
    location, evidence = place_of(ctx, "condemned")
    assert (location.name, location.country) == ("Beirut", "LBN")
    assert evidence["place_via"] == "dateline (where the story was filed)"
    qualified = article_context("PARIS, Texas (AP) -- Police arrested two men.", PUBLISHED)
    assert place_of(qualified, "arrested")[0].country == "USA"


def test_a_list_of_places_is_not_a_place_and_its_region(article_context):
    ctx = article_context("Protests broke out in Palestine, Israel and Jordan.", PUBLISHED)
    assert place_of(ctx, "broke")[0].country == "PSE"
    cities = article_context("Protests broke out in Tripoli, Beirut and Sidon.", PUBLISHED)
    assert place_of(cities, "broke")[0].country == "LBN"


def test_venue_named_alone_in_its_phrase(article_context):
    ctx = article_context("Lawmakers debated the bill in Westminster.", PUBLISHED)
    location, evidence = place_of(ctx, "debated")
    assert (location.name, location.country) == ("London", "GBR")
    assert evidence["place"].endswith("(venue 'Westminster')")


def test_the_town_of_a_place_names_the_place(article_context):
    ctx = article_context("Gunfire was heard near the town of Kirkuk and in a northern district of Mosul.", PUBLISHED)
    location, evidence = place_of(ctx, "heard")
    assert (location.name, location.country) == ("Kirkuk", "IRQ")
    assert evidence["place_text"] == "Kirkuk"
    ctx = article_context("Two people were wounded when a rocket struck the bordertown of Kilis.", PUBLISHED)
    assert place_of(ctx, "wounded")[0].name == "Kilis"


def test_geneva_talks_between_iran_and_the_us_are_in_switzerland(code_text):
    # Acceptance (issue 14): a US actor does not make a Swiss city American.
    events = code_text("Iran and the United States held talks in Geneva on Monday, officials said.", "2019-05-06")
    placed = [e["location"] for e in events if e["location"]]
    assert placed and all(p["country"] == "CHE" and p["geonameid"] == 2660646 for p in placed)
    assert placed[0]["feature"] == "city" and placed[0]["precision"] == 10
    consult = next(e for e in events if e["location"])
    assert "USA" in consult["evidence"]["place_runner_up"]


def test_a_us_story_keeps_its_small_towns(article_context):
    ctx = article_context("Floods closed roads across Illinois. Volunteers filled sandbags in Geneva on Sunday.",
                          PUBLISHED)
    location, evidence = place_of(ctx, "filled")
    assert (location.country, location.feature) == ("USA", "city")
    assert "names IL" in evidence["place"]


def test_georgia_the_country_and_the_state(article_context):
    country = article_context("Police dispersed protesters in Georgia on Friday.", PUBLISHED)
    assert place_of(country, "dispersed")[0].country == "GEO"
    state = article_context("Polling stations opened in Savannah at dawn. Police dispersed protesters in Georgia "
                            "on Friday.", PUBLISHED)
    location, _ = place_of(state, "dispersed")
    assert (location.country, location.feature) == ("USA", "admin1")


def test_kurdistan_by_the_actors_of_the_story(article_context):
    iraqi = article_context("Iraqi troops clashed with militants in Kurdistan.", PUBLISHED)
    assert place_of(iraqi, "clashed")[0].country == "IRQ"
    iranian = article_context("Iranian guards clashed with militants in Kurdistan.", PUBLISHED)
    assert place_of(iranian, "clashed")[0].country == "IRN"


def test_villages_and_transliterations(article_context):
    ctx = article_context("Jets bombed farms near Deir Ezzor. Gunmen raided a checkpoint outside Deir ez-Zor.",
                          PUBLISHED)
    first, second = place_of(ctx, "bombed")[0], place_of(ctx, "raided")[0]
    assert first.geonameid == second.geonameid and first.country == "SYR"
    assert (first.name, second.name) == ("Deir Ezzor", "Deir ez-Zor")  # as each text spells it
    village = article_context("Militias shelled the village of Baghuz overnight.", PUBLISHED)
    location = place_of(village, "shelled")[0]
    assert (location.name, location.feature, location.precision) == ("Baghuz", "village", 3)


def test_regions_districts_and_directions(article_context):
    ctx = article_context("Shells fell on homes in eastern Ghouta. Troops massed in Idlib province. "
                          "Jets struck targets in northern Syria.", PUBLISHED)
    ghouta = place_of(ctx, "fell")[0]
    assert (ghouta.name, ghouta.feature) == ("Eastern Ghouta", "admin2")
    idlib = place_of(ctx, "massed")[0]
    assert (idlib.name, idlib.feature, idlib.country) == ("Idlib", "admin1", "SYR")
    syria = place_of(ctx, "struck")[0]
    assert (syria.name, syria.feature, syria.precision) == ("Syria", "country", None)


def test_a_country_phrase_that_goes_on_to_name_a_town(article_context):
    ctx = article_context("Troops pushed into the Kurdish enclave in Syria known as Afrin.", PUBLISHED)
    location, _ = place_of(ctx, "pushed")
    assert (location.name, location.country) == ("Afrin", "SYR")


def test_speaker_place_is_not_the_event_place(article_context):
    ctx = article_context("A spokesman told reporters in Tehran that the request made in New York had been "
                          "refused.", PUBLISHED)
    assert place_of(ctx, "told")[0].name == "Tehran"  # the telling happened there
    assert place_of(ctx, "made")[0].geonameid == 5128581
    refused = place_of(ctx, "refused")[0]
    assert refused is None or refused.name != "Tehran"


def test_same_sentence_place_when_the_clause_names_none(article_context):
    ctx = article_context("After militants stormed a base in Kandahar, the army vowed revenge.", PUBLISHED)
    location, evidence = place_of(ctx, "vowed")
    assert location.name == "Kandahar"
    assert evidence["place_scope"] == "sentence"


def test_the_scene_of_the_lead_for_events_without_a_place(article_context):
    ctx = article_context("A minister told reporters in Ankara that talks had stalled. Jets struck positions near "
                          "Manbij on Sunday. The militia vowed to resist.", PUBLISHED)
    location, evidence = place_of(ctx, "vowed")
    assert location.name == "Manbij"  # not Ankara, where a speaker spoke
    assert evidence["place_scope"] == "article"


def test_title_case_agency_dateline(article_context):
    ctx = article_context("Quito (AFP) - The government declared a state of emergency.", PUBLISHED)
    location, evidence = place_of(ctx, "declared")
    assert (location.name, location.country) == ("Quito", "ECU")
    assert evidence["place_scope"] == "dateline"


def test_a_dateline_places_acts_on_the_ground_only_in_its_country(article_context):
    ctx = article_context("Lima (AFP) - Three policemen were killed in an ambush, and the interior minister "
                          "condemned the killings. The rebels later met church mediators.", PUBLISHED)
    killed, evidence = locate_event(word(ctx, "killed"), ctx, event_type="ASSAULT")
    assert (killed.name, killed.country, killed.feature) == ("Peru", "PER", "country")
    assert evidence["place_scope"] == "dateline" and evidence["place_text"] == "Lima"
    # a statement or a meeting is made where the reporter files from
    assert locate_event(word(ctx, "condemned"), ctx, event_type="ACCUSE")[0].name == "Lima"
    assert locate_event(word(ctx, "met"), ctx, event_type="CONSULT")[0].name == "Lima"


def test_the_capital_is_the_capital_city_of_the_country_named_or_of_the_story(article_context):
    ctx = article_context("Soldiers seized power in Peru. They detained the president after hours of shooting in "
                          "the capital. The ministry raised capital abroad.", PUBLISHED)
    detained, evidence = place_of(ctx, "detained")
    assert (detained.name, detained.country, detained.feature) == ("Lima", "PER", "city")
    assert evidence["place_text"] == "the capital" and "the capital of PER" in evidence["place"]
    assert place_of(ctx, "raised")[1].get("place_scope") != "clause"  # money, no city
    named = article_context("Students marched in the Chilean capital, and a convoy was shelled near Kenya's "
                            "capital.", PUBLISHED)
    assert place_of(named, "marched")[0].name == "Santiago"
    assert place_of(named, "shelled")[0].name == "Nairobi"


def test_clause_only_leaves_out_everything_else(article_context):
    ctx = article_context("BEIRUT, March 3 (Reuters) - The army condemned the attack.", PUBLISHED)
    assert locate_event(word(ctx, "condemned"), ctx, clause_only=True) == (None, {})


def test_statements_are_made_where_their_speaker_spoke(article_context, nlp):
    text = ("Erdogan said in a speech in Ankara that the offensive would start soon. "
            "Erdogan also accused Washington of stalling.")
    doc = nlp(text)
    speaker = [token_mention(t, "TURGOV", "TUR") for t in doc if t.text == "Erdogan"]
    ctx = article_context(text, PUBLISHED, mentions=speaker)
    location, evidence = place_of(ctx, "accused")
    assert (location.name, location.country) == ("Ankara", "TUR")
    assert evidence["place_scope"] == "speaker"
    # what he spoke about is not placed where he spoke
    assert place_of(ctx, "start")[0] is None or place_of(ctx, "start")[0].name != "Ankara"


def test_a_denunciation_is_a_statement_made_where_its_speaker_spoke(article_context, nlp):
    text = ("Erdogan said in a speech in Ankara that the offensive would start soon. "
            "Erdogan also denounced the deal with Brussels.")
    speaker = [token_mention(t, "TURGOV", "TUR") for t in nlp(text) if t.text == "Erdogan"]
    ctx = article_context(text, PUBLISHED, mentions=speaker)
    location, evidence = place_of(ctx, "denounced")
    assert location.name == "Ankara" and evidence["place_scope"] == "speaker"


def test_a_statement_by_any_verb_or_in_a_vow_is_made_where_its_speaker_spoke(article_context, nlp):
    text = ("Erdogan said in a speech in Ankara that the offensive would start soon. Erdogan also delivered a sharp "
            "rebuke to Washington. Erdogan vowed that Turkey would crush the militia in Syria.")
    speaker = [token_mention(t, "TURGOV", "TUR") for t in nlp(text) if t.text in ("Erdogan", "Turkey")]
    ctx = article_context(text, PUBLISHED, mentions=speaker)
    rebuke, evidence = locate_event(word(ctx, "delivered"), ctx, event_type="ACCUSE")
    assert rebuke.name == "Ankara" and evidence["place_scope"] == "speaker"
    threat, evidence = locate_event(word(ctx, "crush"), ctx, event_type="THREATEN")
    assert threat.name == "Ankara" and evidence["place_scope"] == "speaker"
    # the crushing itself would happen where the vow says
    assert locate_event(word(ctx, "crush"), ctx, event_type="ASSAULT")[0].name == "Syria"
    # a verb of no statement event is placed by its own clause and story
    assert locate_event(word(ctx, "delivered"), ctx, event_type="AID")[1]["place_scope"] != "speaker"


def test_an_occasion_fronted_in_the_sentence_says_where_the_speaker_spoke(article_context, nlp):
    text = ("In a keynote speech delivered in Ankara, pitched as the centrepiece of his tour, Erdogan called for "
            "unity. Erdogan also denounced the deal with Brussels.")
    speaker = [token_mention(t, "TURGOV", "TUR") for t in nlp(text) if t.text == "Erdogan"]
    ctx = article_context(text, PUBLISHED, mentions=speaker)
    location, evidence = place_of(ctx, "denounced")
    assert location.name == "Ankara" and evidence["place_scope"] == "speaker"


def test_bare_dateline_after_a_headline_names_a_big_city(article_context):
    ctx = article_context("Talks collapse\n\nNAIROBI: The government suspended the talks.", PUBLISHED)
    location, evidence = place_of(ctx, "suspended")
    assert (location.name, location.country, evidence["place_scope"]) == ("Nairobi", "KEN", "dateline")
    headline = article_context("Talks collapse\n\nNOTE: The government suspended the talks.", PUBLISHED)
    assert place_of(headline, "suspended") == (None, {})


def test_an_assault_on_a_place_happens_there(article_context):
    ctx = article_context("The commander was wounded during an attack on Kirkuk. Sanctions on Iran were tightened.",
                          PUBLISHED)
    assert place_of(ctx, "wounded")[0].name == "Kirkuk"
    assert place_of(ctx, "tightened")[0] is None or place_of(ctx, "tightened")[1]["place_scope"] != "clause"


def test_a_town_named_on_the_noun_a_country_phrase_describes(article_context):
    ctx = article_context("The Kirkuk provincial council in Iraq rejected the plan.", PUBLISHED)
    location, _ = place_of(ctx, "rejected")
    assert (location.name, location.country) == ("Kirkuk", "IRQ")


def test_an_assault_noun_held_in_a_phrase_of_waves_or_series_happens_at_its_target(article_context):
    ctx = article_context("Two waves of airstrikes on Kirkuk killed dozens. A series of raids into Mosul "
                          "followed. Waves of refugees on foot reached Erbil.", PUBLISHED)
    location, evidence = place_of(ctx, "airstrikes")
    assert location.name == "Kirkuk" and evidence["place_via"] == "'on' phrase of 'waves of airstrikes'"
    assert place_of(ctx, "raids")[0].name == "Mosul"
    # "on foot" on a noun holding no assault names no place
    assert place_of(ctx, "refugees")[1].get("place_text") != "foot"


def test_the_scene_of_the_lead_does_not_place_what_the_story_dates_to_another_time(article_context):
    ctx = article_context("Rebels shelled villages near Kirkuk on Thursday. The army answered with air strikes. "
                          "In 2014, the army launched an offensive against the rebels. This year the army also "
                          "raided farms.", PUBLISHED)
    assert place_of(ctx, "answered")[0].name == "Kirkuk"
    assert place_of(ctx, "raided")[0].name == "Kirkuk"  # "this year" may still be the story's news
    launched, evidence = place_of(ctx, "launched")
    assert launched is None or evidence["place_scope"] != "article"


def test_a_village_needs_its_country_in_the_story(article_context):
    vague = article_context("Tensions rose across the Middle East on Monday.", PUBLISHED)
    assert place_of(vague, "rose")[0] is None
    placed = article_context("Syrian jets bombed Kafr Nabl on Monday.", PUBLISHED)
    location = place_of(placed, "bombed")[0]
    assert location is None or location.country == "SYR"


def test_a_withdrawal_from_a_place_happens_there(article_context):
    ctx = article_context("The army began withdrawing troops from Kandahar. The envoy flew from Rome to Paris.",
                          PUBLISHED)
    assert place_of(ctx, "withdrawing")[0].name == "Kandahar"
    flight, evidence = place_of(ctx, "flew")
    assert flight.name != "Rome" and evidence["place_scope"] != "clause"  # a journey's start is not its place


def test_a_later_paragraph_does_not_place_the_lead_when_a_dateline_does(article_context):
    text = ("NAIROBI - The ministry denied that talks had collapsed.\n\n"
            "Separately, gunmen attacked a convoy near Mogadishu on Sunday.")
    ctx = article_context(text, PUBLISHED)
    location, evidence = place_of(ctx, "denied")
    assert (location.name, evidence["place_scope"]) == ("Nairobi", "dateline")
    assert place_of(ctx, "attacked")[0].name == "Mogadishu"


def test_the_scope_of_the_place_evidence_is_an_enum():
    from tacitus.where import PlaceScope

    assert PlaceScope.of({"place_scope": "dateline"}) is PlaceScope.DATELINE
    assert PlaceScope.of({"place_scope": "clause"}) is PlaceScope.CLAUSE
    assert PlaceScope.of({}) is None
    assert {scope.value for scope in PlaceScope} == {"clause", "speaker", "sentence", "article", "dateline", "actor"}


def test_the_stronghold_or_fields_of_a_place_are_at_the_place(article_context):
    ctx = article_context("Dozens were killed in fighting around the gas fields of Homs province. The rebels dug in "
                          "at their last stronghold of Kafr Nabl in Syria. Talks were held at the request of Russia.",
                          PUBLISHED)
    assert place_of(ctx, "killed")[0].name == "Homs"
    assert place_of(ctx, "dug")[0].name == "Kafr Nabl"
    # a request is no place: "at the request of Russia" does not put the talks in Russia
    held = place_of(ctx, "held")
    assert held[1].get("place_scope") != "clause"


def test_a_first_level_region_is_named_as_the_text_spells_it(article_context):
    ctx = article_context("Troops massed in Anbar province.", PUBLISHED)
    location = place_of(ctx, "massed")[0]
    assert (location.name, location.feature, location.country) == ("Anbar", "admin1", "IRQ")  # ISO: Al Anbār


def test_a_foreign_act_in_a_story_filed_from_abroad_is_where_the_opening_sets_it(article_context, nlp):
    text = ("SEOUL: North Korea demolished a border post on Tuesday, and the South convened its security council.\n\n"
            "State media said the post near the town of Kaesong had been destroyed.")
    doc = nlp(text)
    mentions = [token_mention(t, code, code) for t, code in ((doc[3], "PRK"), (doc[13], "KOR"))]
    assert (doc[3].text, doc[13].text) == ("Korea", "South")
    ctx = article_context(text, PUBLISHED, mentions=mentions)
    demolished, evidence = place_of(ctx, "demolished")
    assert (demolished.name, demolished.country, evidence["place_scope"]) == ("Kaesong", "PRK", "article")
    convened, evidence = place_of(ctx, "convened")
    assert (convened.name, evidence["place_scope"]) == ("Seoul", "dateline")


def test_the_town_an_article_names_most_sets_a_story_that_names_no_scene(article_context):
    # the recognizer calls the second "Benghazi" an organisation: the name still counts
    text = ("Libyan police detained the opposition leader on Monday. The former mayor of Benghazi was also held. "
            "Benghazi's police chief said the detentions were lawful. Observers from Tripoli condemned them.")
    ctx = article_context(text, PUBLISHED)
    location, evidence = place_of(ctx, "detained")
    assert (location.name, location.country, evidence["place_scope"]) == ("Benghazi", "LBY", "article")
    once_each = article_context("Police detained the opposition leader on Monday. The former mayor of Benghazi was "
                                "also held. Observers from Tripoli condemned the detentions.", PUBLISHED)
    assert place_of(once_each, "detained") == (None, {})


def test_the_reason_for_an_act_does_not_place_it_but_the_actors_country_may(article_context):
    canada = [country_mention("CAN")]
    text = "Canada expelled an Indian diplomat over the killing of a Sikh leader in British Columbia."
    ctx = article_context(text, PUBLISHED, mentions=canada)
    location, evidence = place_of(ctx, "expelled")
    # the province is where the killing happened; the article places things in Canada
    assert (location.name, location.feature, evidence["place_scope"]) == ("Canada", "country", "actor")
    elsewhere = article_context("Canada expelled an Indian diplomat over the killing of a Sikh leader.", PUBLISHED,
                                mentions=canada)
    assert place_of(elsewhere, "expelled") == (None, {})  # the article places nothing in Canada


def test_a_town_of_another_country_is_not_the_most_named_place(article_context):
    # "Obama" is also a town in Japan; a story about Iran and the US is not set there
    text = "Rouhani refused meeting with Obama\n\nIran's president turned down talks with Obama. Obama was open to talks."
    ctx = article_context(text, PUBLISHED)
    assert [e.label_ for e in ctx.doc.ents if e.text == "Obama"][0] == "GPE"  # the recognizer's mistake
    location, _ = place_of(ctx, "refused")
    assert location is None or location.country != "JPN"


def test_a_capital_standing_for_its_government_is_not_the_most_named_place(article_context):
    from tacitus.where import get_gazetteer
    from tacitus.where.article import article_places

    text = "Turkish police detained a journalist on Monday. Ankara said the arrest was lawful. Ankara rejects criticism."
    starts = [i for i in range(len(text)) if text.startswith("Ankara", i)]
    government = [Mention(start=0, end=0, text="Ankara", span=(i, i + 6), code="TURGOV", country="TUR", sector="GOV",
                          name=None, actor_id=None, kind="capital", why="test") for i in starts]
    ctx = article_context(text, PUBLISHED, mentions=government)
    assert article_places(ctx, get_gazetteer()).most_named is None
    as_places = article_context(text.replace("Ankara said", "Officials in Ankara said").replace(
        "Ankara rejects", "Ankara's governor rejects"), PUBLISHED)
    assert article_places(as_places, get_gazetteer()).most_named.place.name == "Ankara"


def test_the_place_left_is_where_the_leaving_happens(article_context):
    # the place the subject's phrase names describes the actor, not where it left
    ctx = article_context("Rebel fighters in Syria have not left the town of Manbij. The minister, visiting Cairo, "
                          "said the troops would leave Kandahar soon.", PUBLISHED)
    assert place_of(ctx, "left")[0].name == "Manbij"
    location, evidence = place_of(ctx, "leave")
    assert location.name == "Kandahar" and evidence["place_scope"] == "clause"


def test_a_place_named_before_a_meeting_is_where_it_meets(article_context):
    ctx = article_context("The foreign minister will skip the Helsinki summit, and the envoys held the Doha talks "
                          "without him. Critics denounced the Vienna conference.", PUBLISHED)
    assert place_of(ctx, "summit")[0].name == "Helsinki"
    assert place_of(ctx, "skip")[0].name == "Helsinki"  # an act at the meeting happens there
    assert place_of(ctx, "held")[0].name == "Doha"
    # denouncing a meeting does not happen at it
    location = place_of(ctx, "denounced")[0]
    assert location is None or location.name != "Vienna"
    # an organisation before the meeting holds it: the place phrase says where
    ctx = article_context("UN-sponsored talks on Yemen are due to resume in Doha on Tuesday, and the UN talks on "
                          "Libya will follow.", PUBLISHED)
    assert place_of(ctx, "talks")[0].name == "Doha"
    assert place_of(ctx, "talks", nth=1)[0] is None or place_of(ctx, "talks", nth=1)[0].name != "New York City"
