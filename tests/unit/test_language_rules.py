from bot.domain import language


def test_a_person_who_has_not_chosen_gets_both_languages_welsh_first():
    assert language.for_person(None) == ("cy", "en")


def test_a_person_who_chose_welsh_gets_only_welsh():
    assert language.for_person("cy") == ("cy",)


def test_a_group_is_bilingual_unless_it_chose_one_language():
    assert language.for_group(None) == ("cy", "en")
    assert language.for_group("bilingual") == ("cy", "en")
    assert language.for_group("en") == ("en",)
    assert language.for_group("nonsense") == ("cy", "en")


def test_telegrams_language_code_is_only_a_hint():
    assert language.suggested("cy") == "cy"
    assert language.suggested("en-GB") == "en"
    assert language.suggested("de") is None
    assert language.suggested(None) is None
