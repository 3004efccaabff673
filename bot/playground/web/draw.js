// Drawing a view of the emulator: the persona switcher, the chat list, the open conversation.
// Redraws keep what a person is doing: the keyboard focus, an open list, the scroll position.

import { chatSubtitle, el, initials, messageNode } from "./render.js";

const $ = (id) => document.getElementById(id);

// Redrawing must not take the keyboard focus away: put it back on the same control.
function keepingFocus(container, attribute, redraw) {
  const active = document.activeElement;
  const focused = active && container.contains(active) ? active.getAttribute(attribute) : null;
  redraw();
  if (focused !== null && !container.contains(document.activeElement)) {
    container.querySelector(`[${attribute}="${CSS.escape(focused)}"]`)?.focus();
  }
}

function personaLabel(persona, t) {
  const parts = [t(`role_${persona.role}`)];
  if (persona.note) parts.push(t(`note_${persona.note}`));
  return `${persona.name} · ${parts.join(", ")}`;
}

export function drawPersonas(view, { t }) {
  const select = $("persona");
  const labels = view.personas.map((persona) => [persona.id, personaLabel(persona, t)]);
  const signature = JSON.stringify(labels);
  if (select.dataset.signature !== signature) { // redraw only when it changed: the list may be open
    select.replaceChildren(...labels.map(([id, label]) => el("option", { value: id, text: label })));
    select.dataset.signature = signature;
  }
  select.value = String(view.as);
}

export function drawChats(view, { state, t, actions }) {
  const list = $("chat-list");
  keepingFocus(list, "data-chat-id", () => list.replaceChildren(...view.chats.map((chat) => {
    if (chat.id === view.chat.id || !state.seen.has(chat.id)) state.seen.set(chat.id, chat.last_id);
    const unread = chat.last_id > state.seen.get(chat.id);
    const button = el("button", { type: "button", class: "chat-item", "data-chat-id": chat.id,
      "aria-current": chat.id === view.chat.id ? "true" : null },
      el("span", { class: "avatar", "aria-hidden": "true", text: initials(chat.title) }),
      el("span", { class: "chat-item-text" },
        el("span", { class: "chat-item-title", text: chat.title }),
        el("span", { class: "chat-item-last", text: chat.last_text || t("no_messages") })),
      unread ? el("span", { class: "badge" }, el("span", { "aria-hidden": "true", text: "●" }),
        el("span", { class: "visually-hidden", text: t("new_messages") })) : null);
    button.addEventListener("click", () => actions.openChat(chat.id));
    return el("li", {}, button);
  })));
}

function drawMessages(view, { state, actions }) {
  const list = $("messages");
  const ol = list.querySelector("ol");
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  if (list.dataset.chat !== String(view.chat.id)) { // another chat: message ids start again
    ol.replaceChildren();
    list.dataset.chat = String(view.chat.id);
  }
  const context = {
    lang: state.lang,
    isGroup: view.chat.type !== "private",
    onButton: actions.press,
    onCommand: actions.send,
  };
  keepingFocus(list, "data-key", () => {
    const existing = new Map([...ol.children].map((node) => [node.dataset.id, node]));
    let previous = null;
    for (const message of view.chat.messages) {
      let node = existing.get(String(message.id));
      existing.delete(String(message.id));
      if (!node || node.dataset.rev !== message.rev || node.dataset.lang !== state.lang) {
        const fresh = messageNode(message, context);
        fresh.dataset.lang = state.lang;
        if (node) node.replaceWith(fresh); // an edit: redraw in place, as Telegram does
        node = fresh;
      }
      const wanted = previous ? previous.nextSibling : ol.firstChild;
      if (wanted !== node) ol.insertBefore(node, wanted);
      previous = node;
    }
    for (const gone of existing.values()) gone.remove(); // deleted by the bot
  });
  $("no-messages").hidden = view.chat.messages.length > 0;
  if (nearBottom || state.stickToBottom) list.scrollTop = list.scrollHeight;
  state.stickToBottom = false;
}

function drawCommands(commands, { actions }) {
  $("commands-toggle").hidden = commands.length === 0;
  const menu = $("commands");
  keepingFocus(menu, "data-command", () => menu.replaceChildren(...commands.map((command) => {
    const item = el("button", { type: "button", class: "command", "data-command": command.command },
      el("span", { class: "command-name", text: `/${command.command}` }),
      el("span", { class: "command-about", text: command.description }));
    item.addEventListener("click", () => { actions.closeCommands(); actions.send(`/${command.command}`); });
    return el("li", {}, item);
  })));
}

export function drawConversation(view, page) {
  const chat = view.chat;
  $("chat-title").textContent = chat.title;
  $("chat-sub").textContent = chatSubtitle(chat, page.state.lang);
  $("bot-absent").hidden = chat.type === "private" || chat.bot_present;
  const starting = chat.type === "private" && !chat.started; // Telegram shows Start instead of the box
  $("start-bar").hidden = !starting;
  $("composer").hidden = starting;
  drawCommands(chat.commands || [], page);
  drawMessages(view, page);
}
