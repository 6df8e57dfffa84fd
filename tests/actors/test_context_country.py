"""Where the article places a mention whose own words name no country
(tacitus.actors.context_country); sentences written for these tests."""


def mention(resolver, nlp, text, wanted):
    found = [m for m in resolver.resolve(nlp(text)) if m.text == wanted]
    assert found, wanted
    return found[-1]


def test_a_government_title_is_of_the_article_s_government_not_of_a_place_abroad(package_resolver, nlp):
    text = ("The Canadian government said on Monday it would end its training mission in Mali. "
            "Ottawa's decision followed months of debate in the Canadian cabinet. "
            "The defence minister said the withdrawal from Mali would be complete by June.")
    minister = mention(package_resolver, nlp, text, "defence minister")
    assert minister.country == "CAN" and "government of the article's dominant country" in minister.why


def test_without_a_dominant_government_the_sentence_decides(package_resolver, nlp):
    text = "The defence minister said the troops in Mali would stay."
    minister = mention(package_resolver, nlp, text, "defence minister")
    assert minister.country == "MLI"


def test_plural_government_nouns_keep_the_sentence_s_country(package_resolver, nlp):
    text = ("The Canadian government said on Monday it would end its training mission in Mali. "
            "Ottawa's decision followed months of debate in the Canadian cabinet. "
            "Officials in Bamako said the withdrawal had been expected.")
    officials = mention(package_resolver, nlp, text, "Officials")
    assert officials.country == "MLI"


def test_the_of_phrase_names_the_owner_of_a_sector_noun(package_resolver, nlp):
    text = ("Moscow said on Friday that Russian jets would keep flying. The Kremlin denied any role. "
            "Several towns were bombed by the regime of Bashar al-Assad, the Russian defence ministry claimed.")
    regime = mention(package_resolver, nlp, text, "regime")
    assert regime.country == "SYR" and "of 'Bashar al-Assad'" in regime.why


def test_an_of_phrase_without_an_actor_leaves_the_context_to_decide(package_resolver, nlp):
    text = "The army of the north said troops in Mali would stay."
    army = [m for m in package_resolver.resolve(nlp(text)) if "army" in m.text][-1]
    assert army.country == "MLI"


def test_foreign_in_a_government_title_names_its_remit_not_an_outsider(package_resolver, nlp):
    text = ("Kenya's president spoke to reporters in Nairobi. The foreign minister later met foreign diplomats "
            "in Nairobi.")
    found = {m.text: m for m in package_resolver.resolve(nlp(text))}
    assert found["foreign minister"].country == "KEN"
    assert found["diplomats"].country is None
