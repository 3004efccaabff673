// Drawing messages. Message text is always set as text (textContent, DOM nodes), never parsed as HTML:
// formatting comes from the message's entities, whose offsets are UTF-16 units, like JS strings.

import { fileSize, plural, translate } from "./i18n.js";

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

function entityElement(entity, slice, ctx) {
  switch (entity.type) {
    case "bold": return el("strong");
    case "italic": return el("em");
    case "underline": return el("u");
    case "strikethrough": return el("s");
    case "spoiler": return el("span", { class: "spoiler" });
    case "code": return el("code");
    case "pre": return el("pre", { class: "pre" });
    case "blockquote":
    case "expandable_blockquote": return el("blockquote");
    case "text_link": return link(entity.url);
    case "url": return link(/^https?:/i.test(slice) ? slice : `https://${slice}`);
    case "email": return link(`mailto:${slice}`);
    case "phone_number": return link(`tel:${slice.replace(/[^\d+]/g, "")}`);
    case "bot_command": {
      // Tapping a command in a message sends it, as in Telegram.
      const button = el("button", { type: "button", class: "inline-command" });
      button.addEventListener("click", () => ctx.onCommand(slice));
      return button;
    }
    default: return el("span", { class: entity.type.replace(/[^a-z_]/g, "") });
  }
}

function link(url) {
  if (!SAFE_LINK.test(url || "")) return el("span", { class: "link" });
  return el("a", { href: url, target: "_blank", rel: "noopener noreferrer" });
}

// Builds text[start, end) into parent, nesting entities that lie inside one another.
function build(parent, text, start, end, entities, ctx) {
  let position = start;
  let index = 0;
  while (index < entities.length) {
    const entity = entities[index];
    if (entity.offset < position) { index += 1; continue; } // overlaps a previous one: keep the text only
    if (entity.offset >= end) break;
    const stop = Math.min(entity.offset + entity.length, end);
    const inner = [];
    let next = index + 1;
    while (next < entities.length && entities[next].offset < stop) inner.push(entities[next++]);
    parent.append(text.slice(position, entity.offset));
    const node = entityElement(entity, text.slice(entity.offset, stop), ctx);
    build(node.tagName === "PRE" ? node.appendChild(el("code")) : node, text, entity.offset, stop, inner, ctx);
    parent.append(node);
    position = stop;
    index = next;
  }
  parent.append(text.slice(position, end));
}

export function formattedText(text, entities, ctx) {
  const container = el("div", { class: "text" });
  const sorted = [...(entities || [])].sort((a, b) => a.offset - b.offset || b.length - a.length);
  build(container, text, 0, text.length, sorted, ctx);
  return container;
}

function timeOf(date, lang) {
  const when = new Date(date * 1000);
  const shown = new Intl.DateTimeFormat(lang === "cy" ? "cy-GB" : "en-GB", {
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/London",
  }).format(when);
  return el("time", { datetime: when.toISOString(), text: shown });
}

function fileNode(file, caption, ctx) {
  const t = (key, values) => translate(ctx.lang, key, values);
  if (file.kind === "photo") {
    return el("img", { class: "photo", src: file.url, alt: caption || t("picture"), width: file.width || null,
      height: file.height || null, loading: "lazy" });
  }
  if (file.kind === "voice") {
    return el("figure", { class: "voice" },
      el("figcaption", { text: `🔊 ${t("voice")}` }),
      el("audio", { controls: true, preload: "metadata", src: file.url, "aria-label": t("voice") }));
  }
  return el("a", { class: "document", href: file.url, download: file.name },
    el("span", { class: "document-icon", "aria-hidden": "true", text: "📄" }),
    el("span", { text: t("download", { name: file.name, size: fileSize(ctx.lang, file.size) }) }));
}

function serviceText(service, lang) {
  // "Alys a Ben", "Ben ac Alys": Welsh "a" becomes "ac" before a vowel.
  const names = service.names.map((name, index) => (index === 0 ? name
    : translate(lang, /^[aeiouwyâêîôûŵŷ]/i.test(name) ? "and_vowel" : "and") + name)).join("");
  if (service.kind === "added" && service.names.length === 1 && service.names[0] === service.actor) {
    return translate(lang, "joined", { names });
  }
  return translate(lang, service.kind, { actor: service.actor, names });
}

function keyboard(message, ctx) {
  const rows = el("div", { class: "keyboard", role: "group", "aria-label": translate(ctx.lang, "buttons") });
  message.buttons.forEach((row, rowIndex) => {
    const line = el("div", { class: "keyboard-row" });
    row.forEach((button, column) => {
      const node = el("button", { type: "button", class: `key key-${button.kind}`, text: button.text,
        "data-key": `${message.id}:${rowIndex}:${column}`, disabled: button.kind === "other" });
      node.addEventListener("click", () => ctx.onButton(message, button, node));
      line.append(node);
    });
    rows.append(line);
  });
  return rows;
}

export function messageNode(message, ctx) {
  const t = (key, values) => translate(ctx.lang, key, values);
  if (message.service) {
    return el("li", { class: "service", "data-id": message.id }, el("p", { text: serviceText(message.service, ctx.lang) }));
  }
  const who = message.mine ? "mine" : message.from.is_bot ? "bot" : "other";
  const bubble = el("div", { class: "bubble" });
  const sender = message.mine ? t("you") : message.from.name;
  // Others' names show in groups; elsewhere a visually hidden name still tells screen reader users who spoke.
  bubble.append(el("p", { class: ctx.isGroup && !message.mine ? "sender" : "sender visually-hidden", text: sender }));
  if (message.reply_to) {
    bubble.append(el("blockquote", { class: "reply", "aria-label": t("reply_to", { name: message.reply_to.name }) },
      el("strong", { text: message.reply_to.name }), el("span", { text: message.reply_to.text })));
  }
  if (message.file) bubble.append(fileNode(message.file, message.text, ctx));
  if (message.text) bubble.append(formattedText(message.text, message.entities, ctx));
  bubble.append(el("p", { class: "meta" },
    message.edited ? el("span", { class: "edited", text: t("edited") }) : null, timeOf(message.date, ctx.lang)));
  const item = el("li", { class: `message ${who}`, "data-id": message.id, "data-rev": message.rev }, bubble);
  if (message.buttons.length) item.append(keyboard(message, ctx));
  return item;
}

export function initials(title) {
  const words = title.split(/[\s·]+/).filter(Boolean);
  return words.slice(0, 2).map((word) => [...word][0].toUpperCase()).join("");
}

export function chatSubtitle(chat, lang) {
  return chat.type === "private" ? translate(lang, "private_chat") : plural(lang, "members", chat.members);
}
