from bot.domain.roles import becomes_first_coordinator, may_appoint_coordinator


def test_only_a_coordinator_may_appoint_another():
    assert may_appoint_coordinator("coordinator")
    assert not may_appoint_coordinator("member")
    assert not may_appoint_coordinator(None)


def test_the_first_telegram_admin_to_use_the_bot_becomes_coordinator():
    assert becomes_first_coordinator(False, "creator")
    assert becomes_first_coordinator(False, "administrator")
    assert not becomes_first_coordinator(False, "member")


def test_no_one_becomes_first_coordinator_once_a_group_has_one():
    assert not becomes_first_coordinator(True, "administrator")
