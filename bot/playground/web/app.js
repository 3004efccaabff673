// The playground page: a small Telegram client for `criw demo`, acting as one persona at a time.
// All state lives in the emulator; the page asks for a view, draws it, and waits on the change feed.

import { Refused, api, pause } from "./api.js";
import { LANGUAGES, STRINGS, tourAction, translate } from "./i18n.js";
import { drawChats, drawConversation, drawPersonas } from "./draw.js";
import { el } from "./render.js";

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
  stickToBottom: false, // scroll to the newest message on the next draw
  say: null, // what the status line says (a function of the language)
  offline: false, // ...and whether that is "lost touch with the demo"
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
  if (state.say) $("status").textContent = state.say();
}

// What the status line says, kept as a function so it can be said again in the other language.
function announce(say) {
  state.say = say;
  state.offline = false;
  $("status").textContent = say ? say() : "";
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

const page = {
  state,
  t,
  actions: { openChat: (chatId) => openChat(chatId), send: (text) => send(text), press: (...args) => pressButton(...args),
    closeCommands: () => closeCommands() },
};

function drawTour(view) {
  const tour = view.tour;
  $("tour").disabled = !view.controls.tour || Boolean(tour && tour.running);
  $("reset").disabled = !view.controls.reset;
  const step = tour ? (tour.running ? tour.step : -1) : 0; // -1: finished
  if (!tour || step === state.tourStep) return;
  state.tourStep = step;
  if (step === 0) { announce(() => t("tour_starting")); return; }
  if (tour.running) {
    announce(() => {
      const action = tourAction(state.lang, tour.action);
      return action ? t("tour_step", { n: tour.step, action }) : t("tour_step_only", { n: tour.step });
    });
  } else announce(() => t(tour.failed ? "tour_failed" : "tour_done"));
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
  const asked = { as: state.as, chat: state.chat };
  const view = await api.view(asked.as, asked.chat, state.lang);
  const moved = () => state.as !== asked.as || state.chat !== asked.chat;
  if (moved()) return refreshNow(); // another persona or chat was chosen while we asked
  if (view.world !== state.world) newWorld(view);
  state.view = view;
  state.version = view.version;
  if (!view.personas.length) return undefined;
  drawTour(view);
  if (moved()) return refreshNow(); // the tour moved on
  if (view.as !== state.answersFor) { // another persona: their old pop-ups are old, the last one's are gone
    state.answersShown = null;
    $("toasts").replaceChildren();
  }
  state.answersFor = view.as;
  state.as = view.as;
  state.chat = view.chat.id;
  remember("criw.as", state.as);
  drawPersonas(view, page);
  drawChats(view, page);
  drawConversation(view, page);
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
  if (!first && state.resetting) announce(() => (view.tour ? t("tour_starting") : t("fresh")));
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
  $("reset").addEventListener("click", () => { state.resetting = true; announce(() => t("resetting")); act(api.reset); });
  $("tour").addEventListener("click", () => { state.resetting = true; announce(() => t("resetting")); act(api.tour); });
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
      if (state.offline) announce(null);
      failures = 0;
    } catch (error) {
      // A reset closes the port for a moment; so does stopping `criw demo`. Keep trying, gently.
      failures += 1;
      if (failures > 2 && !state.resetting) {
        announce(() => t("offline"));
        state.offline = true;
      }
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
