"""The emulator's HTML parse mode: Telegram's tags and entities pass, anything Telegram rejects fails."""

from __future__ import annotations

import pytest

from bot.playground.emulator_html import HtmlEntityError, ParsedText, parse_html, strip_text, utf16_len
from bot.playground.emulator_messages import caption_text, message_text
from bot.playground.emulator_wire import ApiError, Call


def html_message(text: str) -> Call:
    return Call("sendMessage", {"chat_id": 1, "text": text, "parse_mode": "HTML"})


def test_every_telegram_tag_becomes_its_entity():
    source = (
        "<b>b</b><strong>b</strong><i>i</i><em>i</em><u>u</u><ins>u</ins><s>s</s><strike>s</strike>"
        '<del>s</del><tg-spoiler>p</tg-spoiler><span class="tg-spoiler">p</span><code>c</code>'
        '<pre>p</pre><a href="https://criw.cymru">a</a><blockquote>q</blockquote>'
        '<blockquote expandable>e</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
    )
    parsed = parse_html(source)
    assert parsed.text == "bbiiuusssppcpaqe👍"
    assert [e["type"] for e in parsed.entities] == [
        "bold", "bold", "italic", "italic", "underline", "underline", "strikethrough", "strikethrough",
        "strikethrough", "spoiler", "spoiler", "code", "pre", "text_link", "blockquote",
        "expandable_blockquote", "custom_emoji",
    ]  # fmt: skip
    link = next(e for e in parsed.entities if e["type"] == "text_link")
    assert link["url"] == "https://criw.cymru"


def test_tags_nest_and_are_case_insensitive():
    parsed = parse_html("<B>Croeso <I>i bawb</I></B>")
    assert parsed == ParsedText(
        "Croeso i bawb",
        [{"type": "bold", "offset": 0, "length": 13}, {"type": "italic", "offset": 7, "length": 6}],
    )


def test_entity_offsets_are_counted_in_utf16_code_units():
    parsed = parse_html("😀 ŵ <b>iawn</b>")
    assert parsed.entities == [{"type": "bold", "offset": 5, "length": 4}]
    assert utf16_len("😀") == 2


def test_pre_with_a_language_class_on_its_code_is_one_pre_entity():
    parsed = parse_html('<pre><code class="language-python">print(1)</code></pre>')
    assert parsed.entities == [{"type": "pre", "offset": 0, "length": 8, "language": "python"}]


def test_the_four_named_entities_and_numeric_references_are_decoded():
    parsed = parse_html("&lt;b&gt; &amp; &quot;hi&quot; &#379; &#x175; &#128512;")
    assert parsed.text == '<b> & "hi" Ż ŵ 😀'


def test_a_bare_ampersand_stays_literal_as_on_telegram():
    assert parse_html("Tom & Jerry &amp co").text == "Tom & Jerry & co"


def test_an_unknown_named_entity_is_refused_because_people_would_see_it_literally():
    with pytest.raises(HtmlEntityError, match='Unsupported HTML entity "&nbsp;"'):
        parse_html("a&nbsp;b")
    assert parse_html("a&nbsp;b", strict_entities=False).text == "a&nbsp;b"


def test_entities_inside_attribute_values_are_decoded():
    parsed = parse_html('<a href="https://x.cymru/?a=1&amp;b=2">x</a>')
    assert parsed.entities[0]["url"] == "https://x.cymru/?a=1&b=2"


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("<br>", 'Unsupported start tag "br" at byte offset 0'),
        ("<p>hi</p>", 'Unsupported start tag "p" at byte offset 0'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<b>bold", "Can't find end tag corresponding to start tag b"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<b", "Unclosed start tag at byte offset 0"),
        ("<b>x</b", "Unclosed end tag at byte offset 4"),
        ('<a href="x>y</a>', "Unclosed start tag at byte offset 0"),
        (
            "<b class>x</b>",
            'Expected equal sign in declaration of an attribute of the tag "b" at byte offset 0',
        ),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<tg-emoji>👍</tg-emoji>", "Invalid custom emoji identifier specified"),
        ("é<br>", 'Unsupported start tag "br" at byte offset 2'),
    ],
)
def test_malformed_or_unsupported_html_is_refused_with_telegrams_reason(source, reason):
    with pytest.raises(HtmlEntityError) as refused:
        parse_html(source)
    assert str(refused.value) == reason


def test_surrounding_whitespace_is_trimmed_and_entities_follow():
    parsed = strip_text(parse_html("\n  <b> Helo </b>\n"))
    assert parsed == ParsedText("Helo", [{"type": "bold", "offset": 0, "length": 4}])


def test_text_length_is_counted_after_parsing_html():
    exactly = message_text(html_message("<b>" + "&lt;" * 4096 + "</b>"))
    assert len(exactly.text) == 4096
    with pytest.raises(ApiError, match="message is too long") as refused:
        message_text(html_message("<i>" + "a" * 4097 + "</i>"))
    assert refused.value.error_code == 400


def test_text_that_is_only_markup_or_whitespace_is_empty():
    for text in ("<b></b>", "   ", "<i> </i>"):
        with pytest.raises(ApiError, match="Bad Request: message text is empty"):
            message_text(html_message(text))


def test_captions_may_be_empty_but_not_longer_than_1024_characters():
    def caption(text: str) -> Call:
        return Call("sendPhoto", {"caption": text, "parse_mode": "HTML"})

    assert caption_text(caption("")).text == ""
    assert len(caption_text(caption("<b>" + "c" * 1024 + "</b>")).text) == 1024
    with pytest.raises(ApiError, match="message caption is too long"):
        caption_text(caption("c" * 1025))


def test_a_parse_error_is_reported_as_telegrams_bad_request():
    with pytest.raises(ApiError) as refused:
        message_text(html_message("<b>x"))
    assert refused.value.description == (
        "Bad Request: can't parse entities: Can't find end tag corresponding to start tag b"
    )


def test_without_parse_mode_markup_is_plain_text():
    parsed = message_text(Call("sendMessage", {"text": "<b>not bold</b>"}))
    assert parsed == ParsedText("<b>not bold</b>", [])
