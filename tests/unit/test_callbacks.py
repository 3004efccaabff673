import pytest

from bot.chat.callbacks import MAX_BYTES, PayloadTooLong, decode, encode


def test_a_payload_round_trips_with_its_version():
    payload = encode("vote", 123, "yes")
    assert payload == "1|vote|123|yes"
    callback = decode(payload)
    assert callback is not None
    assert callback.prefix == "vote"
    assert callback.args == ("123", "yes")
    assert callback.int_arg(0) == 123


def test_a_payload_of_exactly_64_bytes_is_allowed_and_65_is_refused():
    filler = "x" * (MAX_BYTES - len("1|p|"))
    assert len(encode("p", filler).encode()) == MAX_BYTES
    with pytest.raises(PayloadTooLong):
        encode("p", filler + "x")


@pytest.mark.parametrize(
    "forged",
    ["", "2|vote|1", "vote|1", "1|", "1|vote|<b>", "1|vote|" + "9" * 70, "1|lang|cy|ü", "\x00", "1||"],
)
def test_payloads_we_did_not_make_decode_to_nothing(forged):
    assert decode(forged) is None


def test_fields_with_the_separator_or_odd_characters_cannot_be_encoded():
    with pytest.raises(ValueError):
        encode("vote", "a|b")
    with pytest.raises(ValueError):
        encode("vote", "ŵ")


def test_a_missing_or_non_numeric_argument_reads_as_none():
    callback = decode("1|coord|abc")
    assert callback is not None
    assert callback.int_arg(0) is None
    assert callback.int_arg(5) is None
