// A small client for the Agents Playground 0.2.28's internal HTTP + WebSocket API (undocumented: the version is
// pinned in package.json). The playground acts as its config's currentUser whatever `from` says.
export class Playground {
  constructor(baseUrl) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.events = [];
    this.waiters = [];
  }

  async connect() {
    this.config = (await this.#json('GET', '/_internal/v1/config')).config;
    const ws = new WebSocket(this.baseUrl.replace(/^http/, 'ws') + '/_ws_conversation/v1/conversations/stream');
    ws.onmessage = (e) => {
      const event = JSON.parse(e.data);
      this.events.push(event);
      for (const w of [...this.waiters]) if (w.test(event)) { this.waiters.splice(this.waiters.indexOf(w), 1); w.resolve(event); }
    };
    await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
    this.ws = ws;
    return this;
  }

  close() { this.ws?.close(); }

  get bot() { return this.config.bot; }
  get me() { return this.config.currentUser; }
  get personalChat() { return this.config.personalChat.id; }
  get groupChat() { return this.config.groupChats[0].id; }

  user(email) {
    const u = [this.config.currentUser, ...this.config.users].find((x) => x.email === email);
    if (!u) throw new Error('no playground user ' + email);
    return u;
  }

  /** Waits for the next WS event (after index `from`) matching `test`. */
  waitFor(test, { from = this.events.length, timeoutMs = 15000, what = 'event' } = {}) {
    const seen = this.events.slice(from).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = { test, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) { this.waiters.splice(i, 1); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)); }
      }, timeoutMs).unref();
    });
  }

  /** Sends a user message; in a group chat the bot is @mentioned (Teams only delivers mentions there). */
  async send(conversationId, text, fromId = this.me.id, { mention = false } = {}) {
    const body = { type: 'text', text, textFormat: 'plain', from: { id: fromId } };
    if (mention) {
      const at = `<at>${this.bot.name}</at>`;
      body.text = `${at} ${text}`;
      body.mentions = [{ mentioned: { id: this.bot.id, name: this.bot.name }, text: at }];
    }
    return this.#json('POST', `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body);
  }

  /** Sends a message and waits for the bot's next message carrying an Adaptive Card in that conversation. */
  async sendForCard(conversationId, text, fromId, options) {
    const from = this.events.length;
    await this.send(conversationId, text, fromId, options);
    const event = await this.waitFor((e) => e.action === 'createMessage' && e.actionConversationId === conversationId
      && e.message?.from?.id === this.bot.id && cardOf(e.message) != null, { from, what: `a card answering "${text}"` });
    return { messageId: event.message.messageId, card: cardOf(event.message), event };
  }

  /**
   * What the client sends when the user adds the app or first opens the bot's chat (the playground's UI does the same):
   * installationUpdate (add) then conversationUpdate (the user and the bot added), in that conversation.
   */
  async install(conversationId = this.personalChat) {
    await this.#json('POST', `/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  }

  /** Clicks an Action.Execute: the playground posts the adaptiveCard/action invoke and returns the bot's answer. */
  async execute(conversationId, replyToId, verb, data, fromId = this.me.id) {
    return this.#json('POST', '/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
      from: { id: fromId }, conversation: { id: conversationId }, replyToId,
    });
  }

  /** Sends another invoke (e.g. composeExtension/query or queryLink, which need no replyToId) and returns the bot's answer. */
  async invoke(name, value, conversationId = this.personalChat, fromId = this.me.id) {
    return this.#json('POST', '/_conversation/v1/invoke', { name, value, from: { id: fromId }, conversation: { id: conversationId } });
  }

  async #json(method, path, body) {
    const response = await fetch(this.baseUrl + path, {
      method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
}

/** One playground (Teams client) per named person, at PLAYGROUND_<NAME> (run.sh sets them): { lyon: Playground, … }. */
export function playgrounds(...names) {
  return Object.fromEntries(names.map((name) => {
    const url = process.env['PLAYGROUND_' + name.toUpperCase()];
    if (!url) throw new Error(`PLAYGROUND_${name.toUpperCase()} is not set`);
    return [name, new Playground(url)];
  }));
}

export function cardOf(message) {
  const a = message?.attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive');
  return a ? a.content : null;
}

function* walk(node) {
  if (Array.isArray(node)) { for (const x of node) yield* walk(x); return; }
  if (node && typeof node === 'object') { yield node; for (const v of Object.values(node)) yield* walk(v); }
}

/** The data of the card's Action.Execute with that verb (null if the card offers none). */
export function actionData(card, verb) {
  for (const n of walk(card)) if (n.type === 'Action.Execute' && n.verb === verb) return { ...(n.data ?? {}) };
  return null;
}

/** The verbs of the card's buttons (the card-level `refresh` action is not a button). */
export function verbs(card) {
  const { refresh, ...rest } = card ?? {};
  return [...new Set([...walk(rest)].filter((n) => n.type === 'Action.Execute').map((n) => n.verb))];
}

/** The titles of the card's buttons, sub-form buttons (Action.ShowCard) included; not the card-level `refresh`. */
export function buttons(card) {
  const { refresh, ...rest } = card ?? {};
  return [...walk(rest)].filter((n) => n.type === 'Action.Execute' || n.type === 'Action.ShowCard').map((n) => n.title);
}

/** Every text the user reads on the card (TextBlocks, facts, choice titles are left out). */
export function cardText(card) {
  const out = [];
  for (const n of walk(card)) {
    if (typeof n.text === 'string') out.push(n.text);
    if (n.type === 'FactSet') for (const f of n.facts ?? []) out.push(`${f.title} ${f.value}`);
  }
  return out.join('\n');
}

export function input(card, id) {
  for (const n of walk(card)) if (typeof n.type === 'string' && n.type.startsWith('Input.') && n.id === id) return n;
  return null;
}

export function choices(card, id) {
  return Object.fromEntries((input(card, id)?.choices ?? []).map((c) => [c.value, c.title]));
}
