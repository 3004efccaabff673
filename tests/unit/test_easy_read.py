"""Easy Read forms: a message carries both, groups see the standard one, Easy Read readers the other."""

from bot.chat.easy_read import with_extras
from bot.chat.keyboard import Button, Keyboard
from bot.i18n.easy import GENERAL, Subject, both, easy_form, has_easy_form, speech_form, subject_of
from bot.i18n.translator import Tr

ENGLISH, WELSH = Tr("en"), Tr("cy")


def test_a_message_with_both_forms_renders_the_standard_form_where_a_render_is_expected():
    message = both(lambda tr: "standard", lambda tr: "easy")
    assert message(ENGLISH) == "standard"
    assert easy_form(message)(ENGLISH) == "easy"
    assert has_easy_form(message)


def test_a_plain_render_is_its_own_easy_form_and_speech():
    def plain(tr):
        return "plain"

    assert easy_form(plain) is plain and speech_form(plain) is plain
    assert subject_of(plain) == GENERAL


def test_speech_has_its_own_form_when_given_else_the_easy_form():
    assert speech_form(both(str, lambda tr: "easy"))(ENGLISH) == "easy"
    assert speech_form(both(str, str, speech=lambda tr: "said"))(ENGLISH) == "said"


def test_easy_read_forms_come_from_the_easy_context_of_the_catalog():
    assert WELSH.p_("easy", "📖 Easy Read is on.") == "📖 Mae'r fersiwn Hawdd ei Ddeall ymlaen."
    assert WELSH.p_("easy", "🗳️ Votes now:") == "🗳️ Pleidleisiau nawr:"


def test_a_question_gets_not_sure_and_i_need_help_and_listen_buttons_with_words():
    question = Keyboard.of([Button("✅ Ie", "1|x|y"), Button("❌ Na", "1|x|n")])
    keyboard = with_extras(question, WELSH, easy=True, spoken_id=7, subject=Subject("p", 3))
    assert keyboard is not None
    labels = [[button.text for button in row] for row in keyboard.rows]
    assert labels == [["✅ Ie", "❌ Na"], ["🤔 Ddim yn siŵr", "🆘 Angen help"], ["🔊 Gwrando"]]
    assert keyboard.rows[1][1].data == "1|needhelp|p|3"
    assert keyboard.rows[2][0].data == "1|say|7"


def test_a_statement_gets_only_i_need_help_and_no_listen_button_without_voice():
    keyboard = with_extras(None, ENGLISH, easy=True, spoken_id=None, subject=GENERAL)
    assert keyboard is not None and [[b.text for b in row] for row in keyboard.rows] == [["🆘 I need help"]]
    assert with_extras(None, ENGLISH, easy=False, spoken_id=None, subject=GENERAL) is None
