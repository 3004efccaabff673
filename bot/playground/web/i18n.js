// The page's own words, Cymraeg first. Every key has both languages; a test checks they match.
// Placeholders are {name}; they are filled in with plain text, never as HTML.

export const STRINGS = {
  cy: {
    page_title: "Criw · maes chwarae",
    title: "Criw · maes chwarae",
    tagline: "Y bot go iawn, yn siarad â Telegram ffug ar eich cyfrifiadur chi. Dim tocyn, dim rhyngrwyd.",
    skip: "Neidio i'r sgwrs",
    persona_label: "Pwy ydych chi?",
    role_coordinator: "cydlynydd",
    role_member: "aelod",
    note_welsh: "yn siarad Cymraeg",
    note_easy_read: "yn darllen y fersiwn Hawdd ei Ddeall",
    play_tour: "Chwarae'r daith",
    reset: "Ailosod y demo",
    other_language: "English",
    other_language_hint: "English: show this page in English",
    chats: "Sgyrsiau",
    private_chat: "bot · sgwrs breifat",
    members: "{n} aelod",
    new_messages: "negeseuon newydd",
    no_messages: "Dim negeseuon eto.",
    back: "Yn ôl i'r sgyrsiau",
    bot_absent: "Dydy Criw ddim yn y grŵp hwn eto.",
    add_bot: "Ychwanegu Criw at y grŵp",
    start_hint: "Pwyswch Dechrau i siarad â Criw.",
    start: "Dechrau",
    message_label: "Neges",
    message_placeholder: "Ysgrifennwch neges…",
    send: "Anfon",
    commands: "Gorchmynion",
    edited: "golygwyd",
    you: "Chi",
    buttons: "Botymau",
    voice: "Neges llais",
    picture: "Llun",
    download: "Lawrlwytho {name} ({size})",
    copied: "Wedi copïo: {text}",
    reply_to: "Ateb i {name}",
    added: "Ychwanegodd {actor} {names} at y grŵp",
    joined: "Ymunodd {names} â'r grŵp",
    removed: "Tynnodd {actor} {names} o'r grŵp",
    upgraded: "Mae'r grŵp wedi dod yn uwch-grŵp",
    and: " a ",
    and_vowel: " ac ",
    ok: "Iawn",
    resetting: "Wrthi'n ailosod y demo…",
    fresh: "Mae'r demo yn barod o'r newydd.",
    tour_starting: "Mae'r daith yn dechrau…",
    tour_step: "Taith, cam {n}: {action}",
    tour_done: "Dyna ddiwedd y daith. Rhowch gynnig arni eich hun!",
    tour_failed: "Stopiodd y daith ar ei hanner. Mae'r manylion yn y derfynell.",
    offline: "Wedi colli cysylltiad â'r demo. Yn trio eto…",
    refused: "Doedd hynny ddim yn bosib. Rhowch gynnig arall arni.",
    tour_taps: "{name} yn pwyso [{label}]",
    tour_sends: "{name} yn anfon {text}",
    tour_adds_bot: "{name} yn ychwanegu Criw at y grŵp",
    tour_follows_link: "{name} yn dilyn y ddolen i sgwrs breifat",
    tour_step_only: "Taith, cam {n}",
    size_bytes: "{n} beit",
    size_kb: "{n} KB",
  },
  en: {
    page_title: "Criw · playground",
    title: "Criw · playground",
    tagline: "The real bot, talking to a pretend Telegram on your own computer. No token, no internet.",
    skip: "Skip to the conversation",
    persona_label: "Who are you?",
    role_coordinator: "coordinator",
    role_member: "member",
    note_welsh: "speaks Welsh",
    note_easy_read: "Easy Read",
    play_tour: "Play the tour",
    reset: "Reset demo",
    other_language: "Cymraeg",
    other_language_hint: "Cymraeg: dangos y dudalen hon yn Gymraeg",
    chats: "Chats",
    private_chat: "bot · private chat",
    members: "{n} members",
    members_one: "{n} member",
    new_messages: "new messages",
    no_messages: "No messages yet.",
    back: "Back to chats",
    bot_absent: "Criw is not in this group yet.",
    add_bot: "Add Criw to the group",
    start_hint: "Press Start to talk to Criw.",
    start: "Start",
    message_label: "Message",
    message_placeholder: "Write a message…",
    send: "Send",
    commands: "Commands",
    edited: "edited",
    you: "You",
    buttons: "Buttons",
    voice: "Voice message",
    picture: "Picture",
    download: "Download {name} ({size})",
    copied: "Copied: {text}",
    reply_to: "Reply to {name}",
    added: "{actor} added {names} to the group",
    joined: "{names} joined the group",
    removed: "{actor} removed {names} from the group",
    upgraded: "The group became a supergroup",
    and: " and ",
    and_vowel: " and ",
    ok: "OK",
    resetting: "Resetting the demo…",
    fresh: "The demo is fresh again.",
    tour_starting: "The tour is starting…",
    tour_step: "Tour, step {n}: {action}",
    tour_done: "That's the end of the tour. Now try it yourself!",
    tour_failed: "The tour stopped part-way. The details are in the terminal.",
    offline: "Lost touch with the demo. Trying again…",
    refused: "That wasn't possible. Please try again.",
    tour_taps: "{name} taps [{label}]",
    tour_sends: "{name} sends {text}",
    tour_adds_bot: "{name} adds Criw to the group",
    tour_follows_link: "{name} follows the link to a private chat",
    tour_step_only: "Tour, step {n}",
    size_bytes: "{n} bytes",
    size_kb: "{n} KB",
  },
};

export const LANGUAGES = ["cy", "en"];

// Counts: a key may have forms per plural category (members_one); Welsh needs none here, since a
// noun after a numeral stays singular ("4 aelod").
export function plural(lang, key, n) {
  const category = new Intl.PluralRules(lang).select(n);
  const table = STRINGS[lang] || STRINGS.cy;
  return translate(lang, `${key}_${category}` in table ? `${key}_${category}` : key, { n });
}

export function translate(lang, key, values = {}) {
  const table = STRINGS[lang] || STRINGS.cy;
  const template = table[key] ?? STRINGS.cy[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// The demo's tour describes its steps in English ("Alys taps [Cymraeg]"); say them in the page's language.
// A step no pattern knows is shown in English only on the English page; the Welsh page just counts it.
const TOUR_PATTERNS = [
  [/^(\S+) taps \[(.+?)\]/, (m) => ["tour_taps", { name: m[1], label: m[2] }]],
  [/^(\S+) adds Criw to the group$/, (m) => ["tour_adds_bot", { name: m[1] }]],
  [/^(\S+) follows the link/, (m) => ["tour_follows_link", { name: m[1] }]],
  [/^(\S+): (.+)$/, (m) => ["tour_sends", { name: m[1], text: m[2] }]],
];

export function tourAction(lang, action) {
  for (const [pattern, make] of TOUR_PATTERNS) {
    const found = pattern.exec(action);
    if (found) {
      const [key, values] = make(found);
      return translate(lang, key, values);
    }
  }
  return lang === "en" ? action : null;
}

export function fileSize(lang, bytes) {
  if (bytes < 1024) return translate(lang, "size_bytes", { n: bytes });
  return translate(lang, "size_kb", { n: Math.max(1, Math.round(bytes / 1024)) });
}
