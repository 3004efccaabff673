"""The reply to a button that no longer works (old, or forged), shared by every feature."""

from __future__ import annotations

from bot.i18n.easy import both

OLD_BUTTON = both(lambda tr: tr._("Sorry, this button doesn't work any more."),
                  lambda tr: tr.p_("easy", "❌ Sorry, this button does not work now."))
