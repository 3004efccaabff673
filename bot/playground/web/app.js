// The playground page: a small Telegram client for `criw demo`, acting as one persona at a time.
// All state lives in the emulator; the page asks for a view, draws it, and waits on the change feed.

import { Refused, api, pause } from "./api.js";
import { LANGUAGES, STRINGS, tourAction, translate } from "./i18n.js";
import { chatSubtitle, el, initials, messageNode } from "./render.js";

const $ = (id) => document.getElementById(id);
const stored = (key) => { try { return localStorage.getItem(key); } catch { return null; } };
const remember = (key, value) => { try { localStorage.setItem(key, value); } catch { /* private mode */ } };

const state = {
  lang: LANGUAGES.includes(stored("criw.lang")) ? stored("criw.lang") : "cy",
  as: null, // persona (user id)
  chat: null, // chat id
  view: null, // the last answer of /api/view
  world: null,
  version: -1,
  seen: new Map(), // chat id -> last message id read
  answersShown: null, // highest callback answer number already shown
  answersFor: null, // ...to this persona
  tourStep: null, // the tour step last shown (-1: the end)
  resetting: false,
};

const t = (key, values) => translate(state.lang, key, values);

// -- the page's own words --------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = t("page_title");
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  for (const node of document.querySelectorAll("[data-t-placeholder]")) node.placeholder = t(node.dataset.tPlaceholder);
  for (const node of document.querySelectorAll("[data-t-label]")) node.setAttribute("aria-label", t(node.dataset.tLabel));
  const toggle = $("language");
  toggle.textContent = t("other_language");
  toggle.lang = state.lang === "cy" ? "en" : "cy";
  toggle.title = t("other_language_hint");
  toggle.setAttribute("aria-label", t("other_language_hint"));
}

function announce(text) {
  $("status").textContent = text;
}

function toast(text, alert = false) {
  if (alert) {
    $("alert-text").textContent = text;
    if (!$("alert").open) $("alert").showModal();
    return;
  }
  const note = el("p", { class: "toast", text });
  $("toasts").append(note);
  setTimeout(() => note.remove(), 4000);
}

// -- drawing the view -------------------------------------------------------------------------------

function personaLabel(persona) {
  const parts = [t(`role_${persona.role}`)];
  if (persona.note) parts.push(t(`note_${persona.note}`));
  return `${persona.name} · ${parts.join(", ")}`;
}

function drawPersonas(view) {
  const select = $("persona");
  select.replaceChildren(...view.personas.map((persona) =>
    el("option", { value: persona.id, text: personaLabel(persona), selected: persona.id === view.as })));
}

function drawChats(view) {
  const list = $("chat-list");
  list.replaceChildren(...view.chats.map((chat) => {
    if (chat.id === view.chat.id) state.seen.set(chat.id, chat.last_id);
    if (!state.seen.has(chat.id)) state.seen.set(chat.id, chat.last_id);
    const unread = chat.last_id > state.seen.get(chat.id);
    const button = el("button", { type: "button", class: "chat-item", "aria-current": chat.id === view.chat.id ? "true" : null },
      el("span", { class: "avatar", "aria-hidden": "true", text: initials(chat.title) }),
      el("span", { class: "chat-item-text" },
        el("span", { class: "chat-item-title", text: chat.title }),
        el("span", { class: "chat-item-last", text: chat.last_text || t("no_messages") })),
      unread ? el("span", { class: "badge" }, el("span", { "aria-hidden": "true", text: "●" }),
        el("span", { class: "visually-hidden", text: t("new_messages") })) : null);
    button.addEventListener("click", () => openChat(chat.id));
    return el("li", {}, button);
  }));
}

const messageContext = () => ({
  lang: state.lang,
  isGroup: state.view && state.view.chat.type !== "private",
  onButton: pressButton,
  onCommand: (command) => send(command),
});

function drawMessages(view) {
  const list = $("messages");
  const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : null;
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const existing = new Map([...list.querySelectorAll(":scope > ol > li")].map((node) => [node.dataset.id, node]));
  const ol = list.querySelector("ol");
  const context = messageContext();
  let previous = null;
  const keep = new Set();
  for (const message of view.chat.messages) {
    const id = String(message.id);
    let node = existing.get(id);
    if (!node || node.dataset.rev !== message.rev || node.dataset.lang !== state.lang) {
      const fresh = messageNode(message, context);
      fresh.dataset.lang = state.lang;
      if (node) node.replaceWith(fresh); // an edit: redraw in place, as Telegram does
      node = fresh;
    }
    keep.add(id);
    const wanted = previous ? previous.nextSibling : ol.firstChild;
    if (wanted !== node) ol.insertBefore(node, wanted);
    previous = node;
  }
  for (const [id, node] of existing) if (!keep.has(id)) node.remove();
  $("no-messages").hidden = view.chat.messages.length > 0;
  if (focused && !document.activeElement.closest("#messages")) {
    const again = list.querySelector(`[data-key="${CSS.escape(focused)}"]`);
    if (again) again.focus();
  }
  if (nearBottom || state.stickToBottom) list.scrollTop = list.scrollHeight;
  state.stickToBottom = false;
}

function drawConversation(view) {
  const chat = view.chat;
  $("chat-title").textContent = chat.title;
  $("chat-sub").textContent = chatSubtitle(chat, state.lang);
  $("bot-absent").hidden = chat.type === "private" || chat.bot_present;
  const starting = chat.type === "private" && !chat.started;
  $("start-bar").hidden = !starting;
  $("composer").hidden = starting;
  const commands = chat.commands || [];
  $("commands-toggle").hidden = commands.length === 0;
  $("commands").replaceChildren(...commands.map((command) => {
    const item = el("button", { type: "button", class: "command" },
      el("span", { class: "command-name", text: `/${command.command}` }),
      el("span", { class: "command-about", text: command.description }));
    item.addEventListener("click", () => { closeCommands(); send(`/${command.command}`); });
    return el("li", {}, item);
  }));
  drawMessages(view);
}

function drawTour(view) {
  const tour = view.tour;
  $("tour").disabled = !view.controls.tour || Boolean(tour && tour.running);
  $("reset").disabled = !view.controls.reset;
  const step = tour ? (tour.running ? tour.step : -1) : 0; // -1: finished
  if (!tour || step === state.tourStep) return;
  state.tourStep = step;
  if (step === 0) { announce(t("tour_starting")); return; }
  if (tour.running) announce(t("tour_step", { n: tour.step, action: tourAction(state.lang, tour.action) }));
  else announce(t(tour.failed ? "tour_failed" : "tour_done"));
  // Follow the tour (to its last step, if this page missed it): a private chat belongs to the persona
  // it is with; a group is seen by everyone, so the persona stays.
  const persona = view.personas.find((p) => p.id === tour.chat_id);
  if (persona) state.as = persona.id;
  if (tour.chat_id !== null) state.chat = tour.chat_id;
  state.stickToBottom = true;
  document.body.dataset.view = "chat";
}

function showAnswers(view) {
  const newest = view.answers.length ? view.answers[view.answers.length - 1].n : -1;
  if (state.answersShown === null) { state.answersShown = newest; return; }
  for (const answer of view.answers) if (answer.n > state.answersShown) toast(answer.text, answer.alert);
  state.answersShown = Math.max(state.answersShown, newest);
}

// One refresh at a time, in order: a click and the change feed may both ask for one.
let refreshing = Promise.resolve();
function refresh() {
  const run = refreshing.then(refreshNow);
  refreshing = run.catch(() => {});
  return run;
}

async function refreshNow() {
  const view = await api.view(state.as, state.chat, state.lang);
  if (view.world !== state.world) newWorld(view);
  state.view = view;
  state.version = view.version;
  if (!view.personas.length) return;
  const followed = { as: state.as, chat: state.chat };
  drawTour(view);
  if (state.as !== followed.as || state.chat !== followed.chat) return refreshNow(); // the tour moved on
  if (view.as !== state.answersFor) { // another persona: their old pop-ups are old, the last one's are gone
    state.answersShown = null;
    $("toasts").replaceChildren();
  }
  state.answersFor = view.as;
  state.as = view.as;
  state.chat = view.chat.id;
  remember("criw.as", state.as);
  drawPersonas(view);
  drawChats(view);
  drawConversation(view);
  showAnswers(view);
  Object.assign(document.body.dataset, { as: state.as, chat: state.chat });
  document.body.classList.add("ready");
}

function newWorld(view) {
  const first = state.world === null;
  state.world = view.world;
  state.seen.clear();
  state.answersShown = null;
  state.tourStep = first && view.tour && !view.tour.running ? -1 : null; // an old tour is not news
  $("messages").querySelector("ol").replaceChildren();
  if (!first && state.resetting) announce(view.tour ? t("tour_starting") : t("fresh"));
  state.resetting = false;
}

// -- acting as the persona --------------------------------------------------------------------------

async function act(action) {
  try {
    await action();
  } catch (error) {
    if (error instanceof Refused) {
      console.warn("the emulator refused:", error.message); // technical, and in English: for developers
      toast(t("refused"));
    } else toast(t("offline"));
  }
}

function send(text) {
  state.stickToBottom = true;
  return act(() => api.send(state.as, state.chat, text));
}

function pressButton(message, button, node) {
  if (button.kind === "callback") {
    node.classList.add("pending");
    node.setAttribute("aria-busy", "true");
    return act(() => api.press(state.as, state.chat, message.id, button.data));
  }
  if (button.kind === "start") { // a link to this bot: open its chat and press Start, as Telegram does
    state.chat = state.as;
    document.body.dataset.view = "chat";
    return send(button.payload ? `/start ${button.payload}` : "/start");
  }
  if (button.kind === "url") return window.open(button.url, "_blank", "noopener");
  if (button.kind === "copy") {
    navigator.clipboard?.writeText(button.copy).catch(() => {});
    return toast(t("copied", { text: button.copy }));
  }
  return undefined;
}

function openChat(chatId) {
  state.chat = chatId;
  state.stickToBottom = true;
  document.body.dataset.view = "chat";
  return refresh().then(() => $("chat-title").focus());
}

function closeCommands() {
  $("commands").hidden = true;
  $("commands-toggle").setAttribute("aria-expanded", "false");
}

function wire() {
  $("language").addEventListener("click", () => {
    state.lang = state.lang === "cy" ? "en" : "cy";
    remember("criw.lang", state.lang);
    applyLanguage();
    if (state.view) refresh().catch(() => {});
  });
  $("persona").addEventListener("change", (event) => {
    state.as = Number(event.target.value);
    state.chat = state.as; // start in their private chat with the bot
    state.stickToBottom = true;
    document.body.dataset.view = "chat";
    refresh().catch(() => {});
  });
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const box = $("composer-text");
    if (!box.value.trim()) return;
    const text = box.value;
    box.value = "";
    closeCommands();
    send(text);
  });
  $("start").addEventListener("click", () => {
    // Telegram swaps the Start button for the message box at once; keep the keyboard focus with it.
    $("start-bar").hidden = true;
    $("composer").hidden = false;
    $("composer-text").focus();
    send("/start");
  });
  $("add-bot").addEventListener("click", () => act(() => api.addBot(state.as, state.chat)));
  $("back").addEventListener("click", () => { document.body.dataset.view = "list"; $("chats-heading").focus(); });
  $("commands-toggle").addEventListener("click", () => {
    const opening = $("commands").hidden;
    $("commands").hidden = !opening;
    $("commands-toggle").setAttribute("aria-expanded", String(opening));
    if (opening) $("commands").querySelector("button")?.focus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !$("commands").hidden) { closeCommands(); $("commands-toggle").focus(); }
  });
  $("reset").addEventListener("click", () => { state.resetting = true; announce(t("resetting")); act(api.reset); });
  $("tour").addEventListener("click", () => { state.resetting = true; announce(t("resetting")); act(api.tour); });
  $("alert-ok").addEventListener("click", () => $("alert").close());
}

// -- the change feed --------------------------------------------------------------------------------

async function follow() {
  let failures = 0;
  for (;;) {
    try {
      if (state.version < 0) await refresh();
      const change = await api.changes(state.version, state.world);
      if (change.world !== state.world || change.version !== state.version) await refresh();
      if (failures) announce("");
      failures = 0;
    } catch (error) {
      // A reset closes the port for a moment; so does stopping `criw demo`. Keep trying, gently.
      failures += 1;
      if (failures > 2 && !state.resetting) announce(t("offline"));
      state.version = -1;
      await pause(Math.min(100 * 2 ** (failures - 1), 3000));
    }
  }
}

function start() {
  if (!STRINGS[state.lang]) state.lang = "cy";
  const remembered = Number(stored("criw.as"));
  state.as = Number.isFinite(remembered) && remembered > 0 ? remembered : null;
  applyLanguage();
  wire();
  follow();
}

start();
