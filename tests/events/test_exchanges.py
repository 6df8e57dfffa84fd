"""Requests, offers and their answers across a story: who asked whom through whom, and the
request a refusal presupposes (texts written for these tests)."""


def find(events, event_type=None, cameo=None, source=None, target=None):
    return [
        e for e in events
        if (event_type is None or e["event"] == event_type)
        and (cameo is None or e["cameo"] == cameo)
        and (source is None or (e["source"] or {}).get("country") == source)
        and (target is None or (e["target"] or {}).get("country") == target)
    ]


def test_request_carried_by_an_intermediary(code_text):
    # Acceptance (2017 sample): a US request for a meeting passed to Iran through France's president.
    events = code_text("Washington's request for talks with Rouhani was delivered by French President "
                       "Emmanuel Macron on Tuesday.", "2017-09-23")
    [request] = find(events, "REQUEST", source="USA", target="IRN")
    assert request["cameo"] == "026"
    assert request["intermediary"]["code"] == "FRAGOV"
    assert request["intermediary"]["text"] == "French President Emmanuel Macron"
    assert request["date"] == "2017-09-19"


def test_carrier_without_a_sender_is_the_source(code_text):
    events = code_text("Norway's foreign minister delivered a message to the Taliban on Monday.", "2021-09-01")
    [message] = [e for e in events if e["cameo"] == "010"]
    assert message["source"]["country"] == "NOR"
    assert message["intermediary"] is None


def test_a_refused_offer_was_made(code_text):
    events = code_text("Pakistan rejected an offer from India for border talks.", "2019-06-05")
    [refusal] = find(events, "REJECT", source="PAK", target="IND")
    [offer] = find(events, source="IND", target="PAK")
    assert offer["cameo"][:2] in ("02", "03")
    assert "implied" in offer["evidence"]["rule"]
    assert offer["trigger"]["text"] == "offer"
    assert refusal["event_id"] != offer["event_id"]


def test_a_refusal_without_an_asker_implies_nothing(code_text):
    events = code_text("Pakistan rejected the proposal.", "2019-06-05")
    assert not find(events, "REQUEST") and not find(events, "AGREE")


def test_the_message_that_carried_an_earlier_request_is_that_request(code_text):
    text = ("Officials on Thursday confirmed that Chile had turned down a request for a meeting with the "
            "Bolivian president.\n"
            "The Bolivian message to Chile was delivered by the Peruvian foreign minister on March 3 in Lima.")
    events = code_text(text, "2019-03-16")
    [carried] = [e for e in events if e["sentence_index"] == 1 and e["source"]["country"] == "BOL"]
    assert carried["event"] == "REQUEST" and carried["cameo"] == "026"
    assert "refers-back" in carried["evidence"]["rule"]
    assert carried["intermediary"]["country"] == "PER"
    # The refusal is dated and placed by the exchange it belongs to, not by the confirmation.
    [refusal] = find(events, "REJECT", source="CHL", target="BOL")
    assert refusal["date"] == "2019-03-03" and refusal["location"]["name"] == "Lima"
    assert refusal["evidence"]["date_via"] == "related event"
    assert refusal["attribution"]["date"] == "2019-03-14"


def test_a_statement_with_no_earlier_request_stays_a_statement(code_text):
    events = code_text("The Bolivian message to Chile was delivered by the Peruvian foreign minister.", "2019-03-16")
    assert {e["cameo"] for e in events if e["source"]["country"] == "BOL"} == {"010"}


def test_when_and_where_the_report_was_made(code_text):
    # Acceptance (2017 sample): the spokesman's Sunday statement in Tehran, published on a Saturday.
    text = ("Word of the offer first spread on Sunday, when Venezuela's foreign ministry spokesman told "
            "reporters in Caracas that \"a request was made by the Colombian side, but it was not accepted "
            "by Maduro\".")
    events = code_text(text, "2019-03-09")
    [request] = find(events, "REQUEST", source="COL")
    assert request["attribution"]["date"] == "2019-03-03"
    assert request["attribution"]["place"] == "Caracas"
    # undated in its own words, the request happened no later than the day it was reported
    assert request["date"] == "2019-03-03" and request["evidence"]["date_via"] == "date of the report"
    # the second quoted clause is the spokesman's too, whatever the parse made of it
    [refusal] = find(events, "REJECT", source="VEN")
    assert refusal["attribution"]["text"].endswith("spokesman")


def test_a_date_on_the_reporter_is_not_part_of_its_name(code_text):
    events = code_text("Western diplomats on Friday confirmed that Serbia had rejected the plan.", "2020-02-22")
    [refusal] = find(events, "REJECT", source="SRB")
    assert refusal["attribution"]["text"] == "Western diplomats"
    assert refusal["attribution"]["date"] == "2020-02-21"


def test_a_named_pair_on_an_event_noun_and_its_modality(code_text):
    events = code_text("Talk of the planned India-Pakistan summit grew louder.", "2015-12-01")
    [summit] = find(events, "CONSULT", source="IND", target="PAK")
    assert summit["factuality"] == "future"
    assert summit["evidence"]["factuality_cue"] == "'planned summit'"


def test_a_quotation_running_over_sentences_keeps_its_speaker(code_text):
    # Acceptance (2017 sample): the State Department spokeswoman confirms the refusal in a quotation.
    text = ("At Monday's briefing, State Department spokesman Ned Price said of the report, \"We made the "
            "offer … The Venezuelan officials said no and that was it.\"")
    events = code_text(text, "2022-03-10")
    [refusal] = find(events, "REJECT", source="VEN")
    assert refusal["factuality"] == "reported"
    assert refusal["attribution"]["code"] == "USAGOV" and refusal["attribution"]["date"] == "2022-03-07"


def test_a_scheduled_meeting_is_no_offer(code_text):
    events = code_text("The Kenyan and Ugandan presidents are due to meet in Nairobi on Friday.", "2022-03-01")
    assert find(events, "CONSULT") and not find(events, "AGREE")


def test_a_meeting_the_text_says_will_happen_is_no_offer(code_text):
    events = code_text("The Kenyan foreign minister will attend the regional summit in Kampala on Friday.", "2022-03-01")
    assert find(events, "CONSULT", source="KEN") and not find(events, "AGREE")
    stated = code_text("Kenya said it will attend the regional summit in Kampala.", "2022-03-01")
    assert find(stated, "AGREE", source="KEN")


def test_preparing_or_hoping_to_act_is_no_offer(code_text):
    events = code_text("Chad is preparing to send troops to support the Malian army.", "2022-03-01")
    assert not find(events, "AGREE")


def test_a_commitment_to_act_is_an_offer_or_a_threat(code_text):
    offer = code_text("Japan pledged to provide emergency aid to Tonga.", "2022-03-01")
    assert find(offer, "AGREE", source="JPN")
    threat = code_text("Ethiopia vowed to attack the rebels in Tigray.", "2022-03-01")
    assert find(threat, "THREATEN", source="ETH")
