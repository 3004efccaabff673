// The emulator's playground API (bot/playground/emulator_playground.py): the page's only server.

const BASE = "api/";

export class Refused extends Error {}

async function call(path, options = {}) {
  const response = await fetch(BASE + path, { cache: "no-store", ...options });
  const body = await response.json().catch(() => ({}));
  if (response.status >= 400 && response.status < 500) throw new Refused(body.error || response.statusText);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return body;
}

function post(path, body) {
  return call(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

export const api = {
  view: (as, chat, lang) => call(`view?${new URLSearchParams({ as: as ?? "", chat: chat ?? "", lang })}`),
  // Long poll: answers when the version passes `since`, at once if the world is a new one.
  changes: (since, world) => call(`changes?${new URLSearchParams({ since, world: world ?? "" })}`),
  send: (as, chat, text) => post("send", { as, chat, text }),
  press: (as, chat, messageId, data) => post("press", { as, chat, message_id: messageId, data }),
  addBot: (as, chat) => post("add-bot", { as, chat }),
  reset: () => post("reset", {}),
  tour: () => post("tour", {}),
};

export const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
