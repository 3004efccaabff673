"""Whatever nothing else handles: unknown commands, stray text, photos and the like, old or forged buttons.

In private nobody is left with "I didn't understand" alone: words that read as someone having a hard time
get the safety net (handlers/safety_net.py), anything else the home screen (handlers/home.py).
"""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.events import EventKind, Media
from bot.chat.router import Router
from bot.i18n.easy import Readable, both
from handlers.home import asks_for_home, show_home
from handlers.old_button import OLD_BUTTON
from handlers.safety_net import answer_distress, reads_as_distress_here
from handlers.start import ask_language

router = Router(name=__name__)


async def fallback(ctx: Context) -> None:
    """Answer politely and offer the way in; never act on what we did not understand."""
    event = ctx.event
    if event.kind is EventKind.CALLBACK:
        await ctx.answer(OLD_BUTTON, alert=True)
        return
    addressed_to_us = event.text.split(" ", 1)[0].lower().endswith("@" + ctx.platform.bot_username.lower())
    if event.command and not event.is_private and not addressed_to_us:
        return  # in a group, an unknown command may be another bot's: stay quiet
    if event.command and not event.is_private:
        await ctx.reply(_unknown_command)
    elif event.command:
        await show_home(ctx, _unknown_command)
    elif reads_as_distress_here(event.text):
        await answer_distress(ctx)  # before anything else, set up or not
    elif not _set_up(ctx):
        await ask_language(ctx)
    elif asks_for_home(event.text):
        await show_home(ctx)
    else:
        await show_home(ctx, _stray_text)


async def media(ctx: Context) -> None:
    """A photo, sticker, voice note, file or place in private: say what Criw can do with it."""
    if ctx.conversation is not None:  # in the middle of a question: the answer is wanted as words
        await ctx.reply(_words_please)
        return
    if not _set_up(ctx):
        await ask_language(ctx)
        return
    await show_home(ctx, _MEDIA_SAID.get(ctx.event.media or Media.OTHER, _MEDIA_SAID[Media.OTHER]))


def _set_up(ctx: Context) -> bool:
    """Someone who hasn't chosen a language yet is asked that first: the home screen would be in both."""
    return ctx.person is None or ctx.person.language is not None


_unknown_command = both(
    lambda tr: tr._("Sorry, I don't know that command. Try /help to see what I can do."),
    lambda tr: tr.p_("easy", "❓ Sorry, I don't know that command.\nℹ️ Send /help to see what I can do."))
_stray_text = both(
    lambda tr: tr._("💬 Thanks for your message. I'm a bot, so I can't answer it myself, but here is what I can "
                    "do for you."),
    lambda tr: tr.p_("easy", "💬 Thank you for your message.\n🤖 I am a bot. I can not answer it.\n"
                           "👇 Here is what I can do."))
_words_please = both(
    lambda tr: tr._("✍️ I can only read words here. Please write your answer, or use the buttons above."),
    lambda tr: tr.p_("easy", "✍️ I can only read words here.\n👆 Please write your answer.\n"
                           "👆 Or press a button above."))

_MEDIA_SAID: dict[Media, Readable] = {
    Media.PHOTO: both(
        lambda tr: tr._("📷 Thanks for the photo. I can't look at photos, so I haven't kept it."),
        lambda tr: tr.p_("easy", "📷 Thank you for the photo.\n🙈 I can not look at photos.")),
    Media.STICKER: both(
        lambda tr: tr._("😊 Thanks for the sticker!"),
        lambda tr: tr.p_("easy", "😊 Thank you for the sticker!")),
    Media.VOICE: both(
        lambda tr: tr._("🎙 Thanks for your voice note. I can't listen to voice notes, so please write to me or "
                        "use the buttons. To talk to someone, press Get help."),
        lambda tr: tr.p_("easy", "🎙 Thank you for your voice note.\n🙉 I can not listen to voice notes.\n"
                               "👆 Please use the buttons.\n🆘 To talk to someone, press Get help.")),
    Media.DOCUMENT: both(
        lambda tr: tr._("📄 Thanks for the file. I can't open files sent here, so I haven't kept it."),
        lambda tr: tr.p_("easy", "📄 Thank you for the file.\n🙈 I can not open files.")),
    Media.LOCATION: both(
        lambda tr: tr._("📍 Thanks for the place. I use a place only when I ask for one, such as where a lift "
                        "should pick you up, so I haven't kept it."),
        lambda tr: tr.p_("easy", "📍 Thank you for the place.\n🚗 I only need a place when I ask for it.\n"
                               "🙈 I did not keep it.")),
    Media.OTHER: both(
        lambda tr: tr._("💬 Thanks for sending that. I can only read words and button presses."),
        lambda tr: tr.p_("easy", "💬 Thank you.\n🤖 I can only read words and buttons.")),
}

router.fallback = fallback
router.media = media
