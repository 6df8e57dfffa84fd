"""Resolver tests. The first group runs on the small fixture knowledge base (the mechanism); the
second on the package data (the knowledge), skipping when a data file is not written yet.
All sentences are written for these tests."""

import datetime as dt
import importlib.resources
from pathlib import Path

import pytest

from tacitus.actors import ActorKnowledgeBase, ActorResolver

FIXTURES = Path(__file__).parent / "fixtures" / "actors"
PACKAGE_ACTORS = Path(str(importlib.resources.files("tacitus") / "data" / "actors"))
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def resolver(nlp):
    return ActorResolver(ActorKnowledgeBase.load(data_dir=FIXTURES), nlp)


def resolve(resolver, nlp, text, date=None):
    return resolver.resolve(nlp(text), D(date) if date else None)


def find(mentions, text):
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[(m.text, m.code) for m in mentions]}"
    return found[0]


# (date or None, sentence, mention text, code, name or None)
MECHANISM_CASES = [
    # names, aliases, adjectives, possessives
    ("2017-09-19", "President Hassan Rouhani rejected the proposal on Tuesday.", "President Hassan Rouhani", "IRNGOV", "Hassan Rouhani"),
    ("2017-09-19", "Iran's foreign ministry issued a statement.", "Iran's foreign ministry", "IRNGOV", None),
    ("2017-09-19", "Iranian officials denied the report.", "Iranian officials", "IRNGOV", None),
    ("2017-09-19", "Iranians celebrated in the streets.", "Iranians", "IRN", None),
    ("2017-09-19", "The Islamic Republic of Iran condemned the vote.", "Islamic Republic of Iran", "IRN", None),
    ("2017-09-19", "Iran's army held drills near the border.", "Iran's army", "IRNMIL", None),
    (None, "The US and Britain signed a pact.", "US", "USA", None),
    (None, "The US and Britain signed a pact.", "Britain", "GBR", None),
    (None, "Israel and the Palestinians resumed talks.", "Israel", "ISR", None),
    (None, "Israel and the Palestinians resumed talks.", "Palestinians", "PSE", None),
    # government seats and capitals
    (None, "The White House welcomed the decision.", "White House", "USAGOV", None),
    (None, "The Kremlin dismissed the accusation.", "Kremlin", "RUSGOV", None),
    (None, "The State Department summoned the envoy.", "State Department", "USAGOV", None),
    (None, "The Pentagon ordered more ships to the region.", "Pentagon", "USAMIL", None),
    (None, "Downing Street declined to comment.", "Downing Street", "GBRGOV", None),
    ("2017-09-19", "Tehran rejected the offer from the Europeans.", "Tehran", "IRNGOV", None),
    ("2000-03-01", "Beijing protested against the arms sale.", "Beijing", "CHNGOV", None),
    ("1988-06-01", "Moscow rejected the plan.", "Moscow", "SUNGOV", None),
    ("2005-06-01", "Moscow rejected the plan.", "Moscow", "RUSGOV", None),
    # country + sector nouns
    (None, "Israeli troops fired tear gas.", "Israeli troops", "ISRMIL", None),
    (None, "Palestinian protesters threw stones.", "Palestinian protesters", "PSECVL", None),
    (None, "German soldiers arrived on Monday.", "German soldiers", "DEUMIL", None),
    (None, "Egypt's government approved the deal.", "Egypt's government", "EGYGOV", None),
    (None, "The Syrian army shelled the town.", "Syrian army", "SYRMIL", None),
    (None, "Chinese warships entered the strait.", "Chinese warships", "CHNMIL", None),
    (None, "A British businessman was detained.", "British businessman", "GBRBUS", None),
    (None, "An official of Iraq confirmed the talks.", "official of Iraq", "IRQGOV", None),
    (None, "United Nations troops withdrew.", "United Nations troops", "IGOUNO", None),
    # titles and names, known and unknown
    ("2014-03-01", "U.S. Secretary of State John Kerry flew to Geneva.", "U.S. Secretary of State John Kerry", "USAGOV", "John Kerry"),
    ("2015-06-01", "Chancellor Angela Merkel met the press.", "Chancellor Angela Merkel", "DEUGOV", "Angela Merkel"),
    ("2003-01-10", "British Prime Minister Tony Blair spoke to parliament.", "British Prime Minister Tony Blair", "GBRGOV", "Tony Blair"),
    ("1995-01-10", "President Hosni Mubarak received the delegation.", "President Hosni Mubarak", "EGYGOV", "Hosni Mubarak"),
    ("2017-09-19", "Ayatollah Seyyed Ali Khamenei addressed the crowd.", "Ayatollah Seyyed Ali Khamenei", "IRNGOV", "Ali Khamenei"),
    (None, "Iranian Foreign Ministry Spokesman Bahram Qasemi spoke to reporters.", "Iranian Foreign Ministry Spokesman Bahram Qasemi", "IRNGOV", "Bahram Qasemi"),
    (None, "France will send ships, Defence Minister Pierre Joxe said.", "Defence Minister Pierre Joxe", "FRAGOV", "Pierre Joxe"),
    (None, "Dutch Foreign Minister Hans van den Broek arrived.", "Dutch Foreign Minister Hans van den Broek", "NLDGOV", "Hans van den Broek"),
    ("2018-01-01", "Secretary-General Antonio Guterres called for calm.", "Secretary-General Antonio Guterres", "IGOUNO", "Antonio Guterres"),
    # people at the date
    ("2015-06-01", "Trump criticised the trade deal.", "Trump", "USABUS", "Donald Trump"),
    ("2017-09-19", "Trump criticised the trade deal.", "Trump", "USAGOV", "Donald Trump"),
    ("2025-06-01", "Trump criticised the trade deal.", "Trump", "USAGOV", "Donald Trump"),
    ("2017-05-13", "Macron thanked his voters.", "Macron", "FRAELI", "Emmanuel Macron"),
    ("2017-05-15", "Macron thanked his voters.", "Macron", "FRAGOV", "Emmanuel Macron"),
    ("2021-01-19", "Biden named his cabinet.", "Biden", "USAELI", "Joe Biden"),
    ("2021-01-21", "Biden named his cabinet.", "Biden", "USAGOV", "Joe Biden"),
    ("1991-02-01", "President Bush addressed the nation.", "President Bush", "USAGOV", "George H. W. Bush"),
    ("2003-03-20", "President Bush addressed the nation.", "President Bush", "USAGOV", "George W. Bush"),
    ("1998-05-01", "Bush campaigned in Austin.", "Bush", "USAGOV", "George W. Bush"),
    ("1999-01-01", "Hafez Assad received the envoy.", "Hafez Assad", "SYRGOV", "Hafez al-Assad"),
    ("2011-05-01", "Assad promised reforms.", "Assad", "SYRGOV", "Bashar al-Assad"),
    ("1988-03-01", "Gorbachev proposed new talks.", "Gorbachev", "SUNGOV", "Mikhail Gorbachev"),
    # descriptions by role at the date
    ("2017-09-19", "Iran's president addressed the assembly.", "Iran's president", "IRNGOV", "Hassan Rouhani"),
    ("2017-09-19", "The Iranian foreign minister left early.", "Iranian foreign minister", "IRNGOV", "Mohammad Javad Zarif"),
    ("2014-05-01", "The US secretary of state called his counterpart.", "US secretary of state", "USAGOV", "John Kerry"),
    ("2017-09-19", "The US secretary of state called.", "US secretary of state", "USAGOV", "Rex Tillerson"),
    ("2010-06-01", "The president of Germany met the chancellor of Germany.", "chancellor of Germany", "DEUGOV", "Angela Merkel"),
    ("2023-06-01", "The German chancellor visited Paris.", "German chancellor", "DEUGOV", "Olaf Scholz"),
    ("2008-01-01", "The British prime minister visited Paris.", "British prime minister", "GBRGOV", "Gordon Brown"),
    ("2015-01-01", "China's president arrived in Moscow.", "China's president", "CHNGOV", "Xi Jinping"),
    ("2017-09-19", "Rouhani refused to meet his US counterpart.", "US counterpart", "USAGOV", "Donald Trump"),
    ("2014-03-01", "Rouhani refused to meet his US counterpart.", "US counterpart", "USAGOV", "Barack Obama"),
    ("2017-09-19", "Zarif met his US counterpart in New York.", "US counterpart", "USAGOV", "Rex Tillerson"),
    ("2017-09-19", "The Iranian president said an American counterpart was not welcome.", "Iranian president", "IRNGOV", "Hassan Rouhani"),
    # IGOs and groups
    (None, "The United Nations General Assembly adopted the text.", "United Nations General Assembly", "IGOUNO", None),
    (None, "The EU imposed new sanctions.", "EU", "IGOEU", None),
    (None, "Hamas fired rockets.", "Hamas", "PSEHMS", None),
]


@pytest.mark.parametrize("date,sentence,text,code,name", MECHANISM_CASES)
def test_mechanism(resolver, nlp, date, sentence, text, code, name):
    mention = find(resolve(resolver, nlp, sentence, date), text)
    assert mention.code == code, mention.why
    if name is not None:
        assert mention.name == name, mention.why
    assert not mention.place


def test_mention_offsets_and_possessive(resolver, nlp):
    text = "Yesterday Iran's leaders met."
    doc = nlp(text)
    mention = find(resolver.resolve(doc), "Iran's leaders")
    assert text[mention.span[0]:mention.span[1]] == "Iran's leaders"
    assert doc[mention.start:mention.end].text == "Iran's leaders"
    bare = find(resolver.resolve(nlp("Sanctions hurt Iran's economy.")), "Iran")
    assert bare.end - bare.start == 1  # the "'s" is not part of the name


def test_case_matters(resolver, nlp):
    mentions = resolve(resolver, nlp, "Let us talk about the US economy.")
    assert [m.text for m in mentions] == ["US"]


def test_capital_as_location_is_flagged(resolver, nlp):
    mentions = resolve(resolver, nlp, "Delegates met in Tehran on Monday.", "2017-09-19")
    tehran = find(mentions, "Tehran")
    assert tehran.place and tehran.code == "IRN" and tehran.sector is None
    flew = find(resolve(resolver, nlp, "The minister flew to Tehran.", "2017-09-19"), "Tehran")
    assert flew.place
    wrote = find(resolve(resolver, nlp, "The minister wrote to Tehran.", "2017-09-19"), "Tehran")
    assert not wrote.place and wrote.code == "IRNGOV"
    suburb = find(resolve(resolver, nlp, "A bomb exploded in a suburb of Baghdad."), "Baghdad")
    assert suburb.place


def test_country_as_location_is_flagged(resolver, nlp):
    mentions = resolve(resolver, nlp, "Refugees from Syria arrived in Germany and Britain.")
    assert all(m.place for m in mentions if m.kind == "country")
    assert not find(resolve(resolver, nlp, "Germany criticised Britain."), "Britain").place


def test_coordinated_adjectives_share_the_noun(resolver, nlp):
    mentions = resolve(resolver, nlp, "Senior Hungarian and Romanian officials agreed on a plan.")
    assert [(m.text, m.code) for m in mentions] == [("Hungarian", "HUNGOV"), ("Romanian officials", "ROUGOV")]
    ships = resolve(resolver, nlp, "German and British warships sailed on Monday.")
    assert [m.code for m in ships] == ["DEUMIL", "GBRMIL"]


def test_agent_without_country_keeps_sector_only(resolver, nlp):
    officials = find(resolve(resolver, nlp, "Western officials said the talks failed."), "officials")
    assert (officials.code, officials.country, officials.sector) == (None, None, "GOV")


def test_stance_prefix_is_not_nationality(resolver, nlp):
    mentions = resolve(resolver, nlp, "An anti-Iran activist was arrested.")
    assert all(m.country != "IRN" for m in mentions)


def test_backer_is_not_nationality(package_resolver, nlp):
    backed = package_resolver.resolve(nlp("Iranian-backed militias attacked the base."))
    assert [m.country for m in backed if m.text.endswith("militias")] == [None]
    alone = find(package_resolver.resolve(nlp("UN-sponsored talks resumed on Monday.")), "UN")
    assert alone.code == "IGOUNO"


def test_unknown_title_without_country_never_guesses(resolver, nlp):
    joxe = find(resolve(resolver, nlp, "Defence Minister Pierre Joxe said the ships were ready."), "Defence Minister Pierre Joxe")
    assert joxe.country is None and joxe.sector == "GOV" and "no country" in joxe.why


def test_surname_repeats_the_earlier_person(resolver, nlp):
    mentions = resolve(resolver, nlp, "Iranian envoy Bahram Qasemi arrived. Qasemi said the talks would go on.")
    first = find(mentions, "Iranian envoy Bahram Qasemi")
    later = [m for m in mentions if m.text == "Qasemi"][0]
    assert later.code == first.code == "IRNGOV" and later.name == "Bahram Qasemi"
    assert "same person" in later.why and mentions[later.refers_to] is first


def test_same_surname_follows_the_article_not_the_date(resolver, nlp):
    text = "George W. Bush spoke first. Later Bush said he was hopeful."
    mentions = resolve(resolver, nlp, text, "1991-02-01")
    assert [m.name for m in mentions if m.text == "Bush"] == ["George W. Bush"]


def test_pronouns_point_to_the_last_compatible_subject(resolver, nlp):
    text = "President Hassan Rouhani spoke on Tuesday. He rejected the offer. The Kremlin and Iran disagreed. They issued statements."
    mentions = resolve(resolver, nlp, text, "2017-09-19")
    he = find(mentions, "He")
    assert he.kind == "pronoun" and he.code == "IRNGOV" and he.name == "Hassan Rouhani"
    assert "President Hassan Rouhani" in he.why
    they = [m for m in mentions if m.text == "They"]
    assert they and they[0].kind == "pronoun" and they[0].code in ("RUSGOV", "IRN")


def test_an_object_pronoun_is_not_its_own_clause_s_subject(package_resolver, nlp):
    text = ("President Emmanuel Macron spoke on Monday with his German counterpart, Chancellor Olaf Scholz, "
            "who urged him to send more tanks to Ukraine.")
    him = find(package_resolver.resolve(nlp(text), D("2023-01-16")), "him")
    assert him.kind == "pronoun" and him.code == "FRAGOV" and "Macron" in him.why
    told = find(package_resolver.resolve(nlp("Macron arrived on Monday. Scholz told him to wait."), D("2023-01-16")),
                "him")
    assert told.code == "FRAGOV"


def test_they_may_be_the_group_a_partitive_subject_counts_not_a_lone_capital(package_resolver, nlp):
    text = ("A crowd of Kenyan protesters marched on parliament with banners saying Nairobi is ours. "
            "They also burned tyres.")
    they = find(package_resolver.resolve(nlp(text), D("2023-07-07")), "They")
    assert they.code.startswith("KEN") and "protesters" in they.why


def test_person_pronoun_may_repeat_a_titled_agent(package_resolver, nlp):
    mentions = package_resolver.resolve(nlp("The Kenyan envoy arrived on Monday. He rejected the plan."))
    he = find(mentions, "He")
    assert he.code == "KENGOV" and he.kind == "pronoun"
    crowd = package_resolver.resolve(nlp("Kenyan officials arrived on Monday. He rejected the plan."))
    assert not [m for m in crowd if m.text == "He"]


def test_envoy_takes_the_organisation_of_its_sentence_not_the_host_country(package_resolver, nlp):
    text = "UN-brokered talks opened in Geneva, and the special envoy urged calm. The special envoy flew to Damascus."
    envoys = [m for m in package_resolver.resolve(nlp(text)) if m.text == "special envoy"]
    assert envoys[0].code == "IGOUNO" and envoys[0].country is None
    assert envoys[1].country is None  # not Syria, where he went


def test_first_word_of_a_place_name_is_not_a_surname(package_resolver, nlp):
    found = package_resolver.resolve(nlp("Dar es Salaam announced a curfew on Friday."), D("2020-11-01"))
    assert not [m for m in found if m.kind == "person"], [(m.text, m.code) for m in found]


def test_titled_name_spelt_otherwise_is_the_holder_at_the_date(package_resolver, nlp):
    text = "Emir Sheikh Sabah Al Ahmad opened the donors' summit. Later Al Ahmad thanked the guests."
    found = package_resolver.resolve(nlp(text), D("2014-01-15"))
    emir = find(found, "Emir Sheikh Sabah Al Ahmad")
    assert emir.code == "KWTGOV" and "emir" in emir.why
    assert find(found, "Ahmad").code == "KWTGOV"
    nobody = find(package_resolver.resolve(nlp("Emir Sheikh Walid Rahimi opened the summit."), D("2014-01-15")),
                  "Emir Sheikh Walid Rahimi")
    assert nobody.country is None


def test_pronoun_without_antecedent_is_left_alone(resolver, nlp):
    assert resolve(resolver, nlp, "He said nothing.") == []


def test_administration_takes_the_dominant_government(resolver, nlp):
    text = "The White House rejected the report. A senior administration official said it was false."
    official = find(resolve(resolver, nlp, text), "administration official")
    assert official.code == "USAGOV" and "lower confidence" in official.why


def test_no_date_is_said(resolver, nlp):
    trump = find(resolve(resolver, nlp, "Trump spoke."), "Trump")
    assert trump.code == "USAGOV" and "no date" in trump.why


def test_vocab_only_constructor(nlp):
    resolver = ActorResolver(ActorKnowledgeBase.load(data_dir=FIXTURES), nlp.vocab)
    assert find(resolver.resolve(nlp("The U.S. Secretary of State spoke."), D("2014-05-01")), "U.S. Secretary of State").name == "John Kerry"


# ------------------------------------------------------------------ the package data
def skip_unless_written(*needed):
    for name in needed:
        if not (PACKAGE_ACTORS / name).exists():
            pytest.skip(f"{name} not written yet")


HEADS_EAM = "people/heads_europe_americas_oceania.csv"
HEADS_AAM = "people/heads_africa_asia_middle_east.csv"
MINISTERS = "people/ministers_spokespeople_others.csv"

# (needed file, date, sentence, mention text, code, name or None)
KNOWLEDGE_CASES = [
    ("countries.yaml", None, "The White House declined to comment.", "White House", "USAGOV", None),
    ("countries.yaml", None, "The Kremlin called the claim absurd.", "Kremlin", "RUSGOV", None),
    ("countries.yaml", None, "Tehran rejected the demand.", "Tehran", "IRNGOV", None),
    ("countries.yaml", None, "Kenyan police dispersed the crowd.", "Kenyan police", "KENCOP", None),
    ("countries.yaml", None, "Brazilian farmers blocked the highway.", "Brazilian farmers", "BRAAGR", None),
    ("countries.yaml", None, "Indonesian troops patrolled the island.", "Indonesian troops", "IDNMIL", None),
    ("countries.yaml", None, "Mexican judges ordered a recount.", "Mexican judges", "MEXJUD", None),
    ("countries.yaml", None, "Ukrainian lawmakers passed the bill.", "Ukrainian lawmakers", "UKRLEG", None),
    ("igos.yaml", None, "NATO warned of new drills.", "NATO", "IGO", None),
    ("igos.yaml", None, "The United Nations Security Council met on Friday.", "United Nations Security Council", "IGO", None),
    ("groups.yaml", None, "Hamas fired rockets at dawn.", "Hamas", None, None),
    ("groups.yaml", "2019-02-01", "Isis fighters surrendered in the desert.", "Isis fighters", "IMGINSISL", None),
    ("groups.yaml", "2015-02-01", "A video released by Isil showed the hostages.", "Isil", "IMGINSISL", None),
    ("groups.yaml", None, "The Kurdistan Workers’ party denied the claim.", "Kurdistan Workers’ party", "TURREBPKK", None),
    ("groups.yaml", None, "The People’s Protection Units withdrew.", "People’s Protection Units", "SYRREBYPG", None),
    ("igos.yaml", None, "The security council demanded an immediate ceasefire.", "security council", "IGO", None),
    ("countries.yaml", None, "N Korea fired two missiles into the sea.", "N Korea", "PRK", None),
    ("countries.yaml", None, "S. Korea protested to Tokyo.", "S. Korea", "KOR", None),
    (HEADS_AAM, "2017-09-19", "President Hassan Rouhani rejected the invitation.", "President Hassan Rouhani", "IRNGOV", "Hassan Rouhani"),
    (HEADS_AAM, "2017-09-19", "Iran's president rejected the invitation.", "Iran's president", "IRNGOV", "Hassan Rouhani"),
    (HEADS_AAM, "2022-09-19", "Iran's president rejected the invitation.", "Iran's president", "IRNGOV", "Ebrahim Raisi"),
    (HEADS_AAM, "2008-01-10", "Iran's president rejected the invitation.", "Iran's president", "IRNGOV", "Mahmoud Ahmadinejad"),
    (HEADS_AAM, "1995-06-01", "Egyptian President Hosni Mubarak hosted the summit.", "Egyptian President Hosni Mubarak", "EGYGOV", "Hosni Mubarak"),
    (HEADS_AAM, "2019-06-01", "Egypt's president hosted the summit.", "Egypt's president", "EGYGOV", "Abdel Fattah el-Sisi"),
    (HEADS_AAM, "2000-01-01", "Israeli Prime Minister Ehud Barak agreed to the talks.", "Israeli Prime Minister Ehud Barak", "ISRGOV", "Ehud Barak"),
    (HEADS_AAM, "2002-06-01", "Israel's prime minister agreed to the talks.", "Israel's prime minister", "ISRGOV", "Ariel Sharon"),
    (HEADS_AAM, "2000-06-01", "Palestinian leader Yasser Arafat rejected the map.", "Palestinian leader Yasser Arafat", "PSEGOV", "Yasser Arafat"),
    (HEADS_AAM, "2002-06-01", "Nigerian President Olusegun Obasanjo flew to Accra.", "Nigerian President Olusegun Obasanjo", "NGAGOV", "Olusegun Obasanjo"),
    (HEADS_AAM, "2010-06-01", "Bouteflika pardoned the prisoners.", "Bouteflika", "DZAGOV", "Abdelaziz Bouteflika"),
    (HEADS_AAM, "2016-06-01", "Nigeria's president visited Lagos.", "Nigeria's president", "NGAGOV", "Muhammadu Buhari"),
    (HEADS_AAM, "2010-06-01", "Syrian President Bashar al-Assad met the envoy.", "Syrian President Bashar al-Assad", "SYRGOV", "Bashar al-Assad"),
    (HEADS_AAM, "1990-10-01", "Saddam Hussein threatened Kuwait.", "Saddam Hussein", "IRQGOV", "Saddam Hussein"),
    (HEADS_EAM, "2017-09-19", "Rouhani said he would not meet his US counterpart.", "US counterpart", "USAGOV", "Donald Trump"),
    (HEADS_EAM, "2015-06-01", "Trump announced a campaign.", "Trump", "USABUS", "Donald Trump"),
    (HEADS_EAM, "2017-09-19", "Trump announced new tariffs.", "Trump", "USAGOV", "Donald Trump"),
    (HEADS_EAM, "2025-06-01", "Trump announced new tariffs.", "Trump", "USAGOV", "Donald Trump"),
    (HEADS_EAM, "2017-05-15", "President Emmanuel Macron named a cabinet.", "President Emmanuel Macron", "FRAGOV", "Emmanuel Macron"),
    (HEADS_EAM, "2017-05-13", "Emmanuel Macron named a cabinet.", "Emmanuel Macron", "FRAELI", "Emmanuel Macron"),
    (HEADS_EAM, "2021-01-21", "Joe Biden signed orders.", "Joe Biden", "USAGOV", "Joe Biden"),
    (HEADS_EAM, "2010-01-01", "Brazil's president visited Caracas.", "Brazil's president", "BRAGOV", None),
    (HEADS_EAM, "2012-06-01", "Chancellor Angela Merkel rejected eurobonds.", "Chancellor Angela Merkel", "DEUGOV", "Angela Merkel"),
    (HEADS_EAM, "1995-06-01", "Russian President Boris Yeltsin fired the minister.", "Russian President Boris Yeltsin", "RUSGOV", "Boris Yeltsin"),
    (HEADS_EAM, "2003-03-20", "President Bush ordered the strikes.", "President Bush", "USAGOV", "George W. Bush"),
    (HEADS_EAM, "2010-03-20", "President Obama signed the bill.", "President Obama", "USAGOV", "Barack Obama"),
    (MINISTERS, "2014-03-01", "U.S. Secretary of State John Kerry flew to Kiev.", "U.S. Secretary of State John Kerry", "USAGOV", "John Kerry"),
    (MINISTERS, "2015-03-01", "Iranian Foreign Minister Mohammad Javad Zarif met reporters.", "Iranian Foreign Minister Mohammad Javad Zarif", "IRNGOV", None),
    (MINISTERS, "2018-01-01", "U.N. Secretary-General Antonio Guterres appealed for calm.", "U.N. Secretary-General Antonio Guterres", "IGOUNO", None),
]


@pytest.mark.parametrize("needed,date,sentence,text,code,name", KNOWLEDGE_CASES)
def test_knowledge(nlp, package_resolver, needed, date, sentence, text, code, name):
    skip_unless_written(needed)
    mention = find(package_resolver.resolve(nlp(sentence), D(date) if date else None), text)
    if code is None:
        assert mention.code, mention.why
    elif code == "IGO":
        assert mention.code and mention.code.startswith("IGO"), mention.why
    else:
        assert mention.code == code, mention.why
    if name is not None:
        assert mention.name == name, mention.why


def test_group_named_by_the_ground_it_holds_takes_a_country(package_resolver, nlp):
    text = "Government troops shelled rebel positions near Aleppo in Syria. Military exercises began in Syria."
    found = package_resolver.resolve(nlp(text))
    assert find(found, "rebel").code == "SYRREB"
    assert all(m.country is None for m in found if m.text == "Military")
