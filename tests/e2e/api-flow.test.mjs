// The seed's example driven through the real client (Agents Playground) API: what the user sees (WS messages,
// invoke answers) and what iTop holds. The playground acts as its config's currentUser only, so each person has
// their own playground (their own Teams client) and works in their personal chat with the bot.
// Needs ITOP_URL and PLAYGROUND_<LYON|NATHALIE|HAMID|HUGUES> (run.sh sets them).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { playgrounds, actionData, verbs, buttons, cardText, input, choices, cardOf } from './lib/playground.mjs';
import { Itop } from './lib/itop.mjs';

const TITLE = 'Droit de création de cours Moodle pour Jean Dupont';
const SCHOOL_REFERENCE = 'LYON-2024-117';
const QUESTION = "Jean Dupont a-t-il déjà un compte sur OpenMoodle ?";
const SOLUTION = 'Droit de créateur de cours accordé à Jean Dupont.';
const REOPEN_REASON = "Jean Dupont ne voit pas encore le bouton « Créer un cours ».";
const esc = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CARD = 'application/vnd.microsoft.card.adaptive';

const clients = playgrounds('lyon', 'nathalie', 'hamid', 'hugues');
const itop = Itop.fromEnv();
const timings = {};
// The notifications the bot posts in the subscribed channel, seen by Nathalie's client (a member of the team).
const channelNotice = (re, from = 0) => {
  const pg = clients.nathalie;
  const channel = pg.config.teams[0].channels.find((c) => c.name === 'OpenMoodle');
  return timed('notice ' + re.source.slice(0, 24), () => pg.waitFor((e) => e.action === 'createMessage'
    && e.actionConversationId?.startsWith(channel.id) && e.message?.from?.id === pg.bot.id && re.test(e.message.text ?? ''),
  { from, timeoutMs: 20000, what: `the channel notification ${re}` }));
};
// The opener's (and agent's) personal notices: the bot's own messages in that person's personal chat, a line of text
// (« Your ticket R-… ») or, for a resolution, the ticket card with that line in its banner (the playground passes the
// message's text, not its summary).
const NOTICE = /^(Your ticket|Ticket) R-\d+ /;
const noticeText = (message) => message?.text || cardText(cardOf(message) ?? {}).split('\n').find((line) => NOTICE.test(line)) || '';
const isNotice = (pg, e) => e.action === 'createMessage' && e.actionConversationId?.startsWith(pg.personalChat)
  && e.message?.from?.id === pg.bot.id && NOTICE.test(noticeText(e.message));
const noticesOf = (pg, from = 0) => pg.events.slice(from).filter((e) => isNotice(pg, e)).map((e) => noticeText(e.message));
// The poller delivers when it finds the change (1 s polls, later on a busy machine): wait for the message, never a fixed time.
const personalNotice = (name, re, from) => {
  const pg = clients[name];
  return timed(`${name} notice ${re.source.slice(0, 24)}`, () => pg.waitFor((e) => isNotice(pg, e) && re.test(noticeText(e.message)),
    { from, timeoutMs: 30000, what: `${name}'s personal notice ${re}` }).catch((error) => {
    const mine = pg.events.slice(from ?? 0).filter((e) => e.actionConversationId?.startsWith(pg.personalChat) && e.message?.from?.id === pg.bot.id);
    throw new Error(`${error.message}; the bot's messages in that chat since: ${JSON.stringify(mine.map((e) => [e.action, noticeText(e.message)]))}`);
  }));
};
const timed = async (name, fn) => { const t0 = performance.now(); try { return await fn(); } finally { timings[name] = Math.round(performance.now() - t0); } };

describe('seed flow through the Agents Playground', { concurrency: 1 }, () => {
  let ticketId, reference, resolvedNotice, huguesFrom, lyonAfterReopen;

  before(async () => {
    await Promise.all(Object.values(clients).map((c) => c.connect()));
    assert.equal(clients.lyon.me.email, 'support@insa-lyon.fr');
    assert.equal(clients.nathalie.me.email, 'nathalie.matheu@groupe-insa.fr');
    assert.equal(clients.hamid.me.email, 'hamid.le-fleurier@insa-toulouse.fr');
    assert.equal(clients.hugues.me.email, 'hugues.le-moane@insa-rennes.fr');
    for (const c of Object.values(clients)) {
      assert.match(c.me.id, /^29:/);
      assert.match(c.personalChat, /^a:/);
    }
  });

  after(() => {
    const n = clients.nathalie;
    const channel = n.config?.teams[0].channels.find((c) => c.name === 'OpenMoodle');
    const notices = n.events.filter((e) => e.action === 'createMessage' && channel && e.actionConversationId?.startsWith(channel.id)
      && e.message?.from?.id === n.bot.id).map((e) => e.message.text);
    for (const c of Object.values(clients)) c.close();
    console.log('timings (ms):', JSON.stringify(timings));
    console.log('channel messages:', JSON.stringify(notices));
  });

  it('group desk (Nathalie): subscribes the team channel "OpenMoodle" to the brique OpenMoodle', async () => {
    const pg = clients.nathalie;
    const channel = pg.config.teams[0].channels.find((c) => c.name === 'OpenMoodle');
    assert.ok(channel, 'the OpenMoodle channel of the config');
    const from = pg.events.length;
    // A new channel post that @mentions the bot (Teams only delivers mentions in channels).
    await pg.send(channel.id, '/ticket subscribe OpenMoodle', pg.me.id, { mention: true });
    const reply = await pg.waitFor((e) => e.action === 'createMessage' && e.actionConversationId?.startsWith(channel.id)
      && e.message?.from?.id === pg.bot.id, { from, what: 'the subscription answer in the channel' });
    assert.match(reply.message.text ?? '', /OpenMoodle/);
    assert.match(reply.message.text ?? '', /subscribed/);
  });

  it('Lyon support: /ticket in the personal chat opens the form, pre-filled from the words', async () => {
    const pg = clients.lyon, personal = pg.personalChat, lyon = pg.me;
    const form = await timed('ticketForm', () => pg.sendForCard(personal, '/ticket ' + TITLE, lyon.id));
    assert.equal(input(form.card, 'brique')?.value, '2', 'brique guessed: OpenMoodle');
    assert.equal(input(form.card, 'title')?.value, TITLE);
    assert.ok(Object.values(choices(form.card, 'onBehalfOf')).includes('Jean Dupont'));
    assert.ok(verbs(form.card).includes('openTicket'));

    // The cascade: "update the services" keeps what was typed and lists the sub-services.
    const refreshed = await timed('refreshForm', () => pg.execute(personal, form.messageId, 'refreshForm', {
      ...actionData(form.card, 'refreshForm'), brique: '2', service: '4', title: TITLE, schoolReference: SCHOOL_REFERENCE,
    }, lyon.id));
    assert.equal(refreshed.type, CARD);
    assert.ok(Object.values(choices(refreshed.value, 'subService')).includes('Droit de création de cours'));
    assert.equal(input(refreshed.value, 'schoolReference')?.value, SCHOOL_REFERENCE);

    // Submit (Action.Execute openTicket with every input): the ticket card replaces the form.
    const from = pg.events.length;
    const created = await timed('openTicket', () => pg.execute(personal, form.messageId, 'openTicket', {
      ...actionData(refreshed.value, 'openTicket'),
      brique: '2', service: '4', subService: '8', title: TITLE,
      description: 'Jean Dupont, enseignant, doit pouvoir créer ses cours sur OpenMoodle.',
      onBehalfOf: '11', schoolReference: SCHOOL_REFERENCE,
      userWords: 'Bonjour, je voudrais pouvoir créer mon cours de thermodynamique sur Moodle.',
      ticketType: 'service_request', urgency: '3', needsApproval: 'false',
    }, lyon.id));
    assert.equal(created.type, CARD, 'invoke answer: ' + JSON.stringify(created).slice(0, 500));
    const data = actionData(created.value, 'refresh') ?? created.value.refresh?.action?.data;
    ticketId = Number(data?.ticketId);
    assert.ok(ticketId > 0, 'the ticket card carries the ticket id');

    const stored = await itop.ticket(ticketId);
    reference = stored.ref;
    assert.equal(stored.status, 'new');
    assert.equal(String(stored.org_id), '3');
    assert.equal(String(stored.caller_id), '11');
    assert.equal(String(stored.service_id), '4');
    assert.equal(String(stored.servicesubcategory_id), '8');
    assert.equal(stored.title, TITLE);
    assert.match(stored.description, /LYON-2024-117/);
    assert.match(stored.description, /thermodynamique/);
    const text = cardText(created.value);
    assert.ok(text.includes(reference), 'the card shows ' + reference);
    assert.match(text, /Jean Dupont/);
    // The card tells the story (issue 14): who acts next, the description, the user's words, as plain text.
    assert.match(text, /New for \d+ minutes?, to be qualified by the group desk/);
    assert.match(text, /Description\nJean Dupont, enseignant, doit pouvoir créer ses cours sur OpenMoodle\./);
    assert.match(text, /User's words\nBonjour, je voudrais pouvoir créer mon cours de thermodynamique sur Moodle\./);
    assert.doesNotMatch(text, /<p>|Propos de l'utilisateur/);
    assert.ok(!verbs(created.value).includes('assign'), 'the school support may not assign');

    // What the user sees: the form message is updated in place with the ticket card.
    const update = await pg.waitFor((e) => e.action === 'updateMessage' && e.message?.messageId === form.messageId
      && cardText(e.message.attachments?.[0]?.content ?? {}).includes(reference), { from, what: 'the form updated with the ticket card' });
    assert.equal(update.actionConversationId, personal);
    await channelNotice(new RegExp(`^New ticket ${reference}: Droit de création de cours Moodle pour Jean Dupont \\(INSA Lyon\\) — by Support INSA Lyon$`));
  });

  it('group desk (Nathalie): shows the ticket, picks the team then assigns Hamid', async () => {
    assert.ok(ticketId, 'needs the ticket of the first step');
    const pg = clients.nathalie, chat = pg.personalChat, nathalie = pg.me;
    const desk = await timed('deskCard', () => pg.sendForCard(chat, '/ticket ' + ticketId, nathalie.id));
    assert.ok(verbs(desk.card).includes('assignPickTeam'), 'desk verbs: ' + verbs(desk.card));
    const lyonFrom = clients.lyon.events.length;
    const picked = await pg.execute(chat, desk.messageId, 'assignPickTeam', { ...actionData(desk.card, 'assignPickTeam'), assignTeam: '19' }, nathalie.id);
    assert.equal(picked.type, CARD);
    assert.ok(Object.values(choices(picked.value, 'assignAgent')).includes('Hamid Le Fleurier'));
    const assigned = await timed('assign', () => pg.execute(chat, desk.messageId, 'assign', {
      ...actionData(picked.value, 'assign'), assignTeam: '19', assignAgent: '3', assignTicketType: 'service_request',
    }, nathalie.id));
    assert.equal(assigned.type, CARD);
    const stored = await itop.ticket(ticketId);
    assert.equal(stored.status, 'assigned');
    assert.equal(String(stored.team_id), '19');
    assert.equal(String(stored.agent_id), '3');
    assert.equal(stored.request_type, 'service_request');
    assert.match(cardText(assigned.value), /Hamid Le Fleurier/);
    assert.match(cardText(assigned.value), /Intervenants Moodle/);
    await channelNotice(new RegExp(`^${reference} assigned to Hamid Le Fleurier \\(Intervenants Moodle\\) — by Nathalie Matheu$`));
    // The opener (the Lyon support, who filled the form) is told in their personal chat; Nathalie, who clicked, is not.
    await personalNotice('lyon', new RegExp(`^Your ticket ${reference} “${TITLE}” is assigned to Hamid Le Fleurier \\(Intervenants Moodle\\)\\. — by Nathalie Matheu$`), lyonFrom);
  });

  it('intervenant Hamid: hands the ticket over to Hugues with a private note', async () => {
    assert.ok(reference, 'needs the ticket of the first step');
    const pg = clients.hamid, chat = pg.personalChat, hamid = pg.me;
    const card = await pg.sendForCard(chat, '/ticket ' + reference, hamid.id);
    assert.ok(verbs(card.card).includes('reassign'), 'Hamid verbs: ' + verbs(card.card));
    const note = "Hugues, peux-tu faire l'action d'administration sur la plateforme de l'INSA Toulouse ?";
    const lyonFrom = clients.lyon.events.length;
    const reassigned = await timed('reassign', () => pg.execute(chat, card.messageId, 'reassign', {
      ...actionData(card.card, 'reassign'), reassignAgent: '5', reassignNote: note,
    }, hamid.id));
    assert.equal(reassigned.type, CARD);
    const stored = await itop.ticket(ticketId);
    assert.equal(stored.status, 'assigned');
    assert.equal(String(stored.agent_id), '5');
    assert.match(JSON.stringify(stored.private_log), /administration/);
    assert.match(cardText(reassigned.value), /Hugues Le Moane/);
    await channelNotice(new RegExp(`^${reference} (re)?assigned to Hugues Le Moane — by Hamid Le Fleurier$`));
    await personalNotice('lyon', new RegExp(`^Your ticket ${reference} “${TITLE}” is assigned to Hugues Le Moane \\(Intervenants Moodle\\)\\. — by Hamid Le Fleurier$`), lyonFrom);
  });

  it('intervenant Hugues: reads the story, puts it on hold with a question, then resumes it in one click', async () => {
    assert.ok(ticketId, 'needs the ticket of the first step');
    const pg = clients.hugues, chat = pg.personalChat, hugues = pg.me;
    const card = await pg.sendForCard(chat, '/ticket ' + ticketId, hugues.id);
    assert.equal(input(card.card, 'resolveService')?.value, '4', 'service pre-filled');
    // Hamid's hand-over note reaches Hugues's card: the private log, for the group side.
    const story = cardText(card.card);
    assert.match(story, /Assigned to Hugues Le Moane \(team Intervenants Moodle\) for \d+ minutes?/);
    const notes = story.slice(story.indexOf('Internal notes (group only)'));
    assert.match(notes, /^Internal notes \(group only\)\nHamid Le Fleurier\n · /, story);
    assert.match(notes, /Hugues, peux-tu faire l'action d'administration sur la plateforme de l'INSA Toulouse \?/);

    huguesFrom = pg.events.length;
    const lyonFrom = clients.lyon.events.length;
    const held = await timed('hold', () => pg.execute(chat, card.messageId, 'pending', {
      ...actionData(card.card, 'pending'), pendingReason: QUESTION,
    }, hugues.id));
    assert.equal(held.type, CARD);
    assert.equal((await itop.ticket(ticketId)).status, 'pending');
    // The opener reads the question in their personal chat (waiting for it also keeps the poller from merging the
    // hold and the resume into one change).
    await personalNotice('lyon', new RegExp(`^Your ticket ${reference} “${TITLE}” is on hold, question asked: ${esc(QUESTION)} — by Hugues Le Moane$`), lyonFrom);

    assert.ok(verbs(held.value).includes('resume'), 'Resume offered: ' + verbs(held.value));
    const resumed = await timed('resume', () => pg.execute(chat, card.messageId, 'resume', actionData(held.value, 'resume'), hugues.id));
    assert.equal(resumed.type, CARD);
    const stored = await itop.ticket(ticketId);
    assert.deepEqual([stored.status, String(stored.team_id), String(stored.agent_id)], ['assigned', '19', '5']);
    // Back with Hugues: the opener is told; Hugues, the agent who clicked, is not (checked when his next notice comes).
    await personalNotice('lyon', new RegExp(`^Your ticket ${reference} “${TITLE}” is assigned to Hugues Le Moane \\(Intervenants Moodle\\)\\. — by Hugues Le Moane$`), lyonFrom);
  });

  it('intervenant Hugues: resolves it and writes to the Lyon support', async () => {
    assert.ok(ticketId, 'needs the ticket of the first step');
    const pg = clients.hugues, chat = pg.personalChat, hugues = pg.me;
    const card = await pg.sendForCard(chat, '/ticket ' + ticketId, hugues.id);
    const lyonFrom = clients.lyon.events.length;
    const resolved = await timed('resolve', () => pg.execute(chat, card.messageId, 'resolve', {
      ...actionData(card.card, 'resolve'), resolveService: '4', resolveSubService: '8', resolveSolution: SOLUTION,
    }, hugues.id));
    assert.equal(resolved.type, CARD);
    let stored = await itop.ticket(ticketId);
    assert.equal(stored.status, 'resolved');
    assert.match(stored.solution, /créateur de cours/);

    const message = 'Bonjour, Jean Dupont peut maintenant créer ses cours. Bonne journée !';
    const commented = await pg.execute(chat, card.messageId, 'comment', {
      ...actionData(resolved.value, 'comment'), commentText: message, commentPublic: 'true',
    }, hugues.id);
    assert.equal(commented.type, CARD);
    stored = await itop.ticket(ticketId);
    assert.match(JSON.stringify(stored.public_log), /peut maintenant cr/);
    assert.match(cardText(commented.value), /peut maintenant créer ses cours/);
    await channelNotice(new RegExp(`^${reference} resolved — by Hugues Le Moane$`));
    // The comment seen by the poller before anyone acts again: a reopen polled with it would take it as its reason and
    // Hugues as its author (README, "Known limits").
    await channelNotice(new RegExp(`^${reference} — new comment by Hugues Le Moane: Bonjour, Jean Dupont peut maintenant créer ses cours\\. Bonne journée !$`));

    // The opener's notice of the resolution is the ticket card: the solution, and Close / Reopen that work from it.
    resolvedNotice = await personalNotice('lyon', new RegExp(`^Your ticket ${reference} “${TITLE}” is resolved — by Hugues Le Moane$`), lyonFrom);
    const notice = cardOf(resolvedNotice.message);
    assert.ok(notice, 'the resolved notice carries the ticket card');
    const text = cardText(notice);
    assert.ok(text.includes(`Your ticket ${reference} “${TITLE}” is resolved — by Hugues Le Moane`), text);
    assert.match(text, /Its solution is below: close it if it suits you, otherwise reopen it saying why\./);
    // Good news in the resolved status's colour, and the solution read once, under its heading.
    assert.equal(notice.body[0].style, 'good');
    assert.match(text, new RegExp(`Solution\\n${esc(SOLUTION)}`));
    assert.equal(text.split(SOLUTION).length, 2, text);
    assert.doesNotMatch(text, /Internal notes|peux-tu faire l'action/);
    assert.deepEqual(verbs(notice).sort(), ['close', 'reopen']);
    // No other button (the reason sub-form's submit is « Reopen » too).
    assert.deepEqual([...new Set(buttons(notice))].sort(), ['Close', 'Reopen']);
  });

  it('Lyon support: reads the solution, reopens with a reason; Hugues is told, she is not', async () => {
    assert.ok(resolvedNotice, 'needs the resolved notice of the previous step');
    const pg = clients.lyon, personal = pg.personalChat, lyon = pg.me;
    const card = await pg.sendForCard(personal, '/ticket ' + reference, lyon.id);
    // The school support reads the solution before closing, never the group's private log.
    const story = cardText(card.card);
    assert.match(story, /Resolved \d+ minutes? ago, waiting for the school to close it/);
    assert.match(story, new RegExp(`Solution\\n${esc(SOLUTION)}`));
    assert.doesNotMatch(story, /Internal notes|peux-tu faire l'action/);
    assert.ok(verbs(card.card).includes('close'), 'Lyon verbs: ' + verbs(card.card));
    assert.ok(!verbs(card.card).includes('resolve'));

    // She reopens from the card she just asked for. Not from the notice: it was drawn when the resolution was seen, and
    // Hugues's comment may come after (a second later on the real iTop), which makes its buttons answer « out of date »
    // (README, "Known limits"); the second notice, with nothing after it, is the one she closes from.
    lyonAfterReopen = pg.events.length;
    const reopened = await timed('reopen', () => pg.execute(personal, card.messageId, 'reopen', {
      ...actionData(card.card, 'reopen'), reopenReason: REOPEN_REASON,
    }, lyon.id));
    assert.equal(reopened.type, CARD, JSON.stringify(reopened).slice(0, 400));
    const stored = await itop.ticket(ticketId);
    assert.equal(stored.status, 'assigned');
    assert.equal(String(stored.agent_id), '5');
    assert.match(JSON.stringify(stored.public_log), /ne voit pas encore le bouton/);
    // The agent hears that it is back with the reason, and it is the first notice Hugues got since he put it on hold:
    // his own resume (which gave it back to him) told him nothing.
    await personalNotice('hugues', new RegExp(`^Ticket ${reference} “${TITLE}” is back to you, reopened: ${esc(REOPEN_REASON)}$`), huguesFrom);
    assert.equal(noticesOf(clients.hugues, huguesFrom).length, 1, JSON.stringify(noticesOf(clients.hugues, huguesFrom)));
  });

  it('Hugues resolves again; the Lyon support closes from the new notice, and no button is left (each step is also notified in the channel)', async () => {
    const hugues = clients.hugues;
    const card = await hugues.sendForCard(hugues.personalChat, '/ticket ' + ticketId, hugues.me.id);
    const channelFrom = clients.nathalie.events.length;
    const again = await hugues.execute(hugues.personalChat, card.messageId, 'resolve', {
      ...actionData(card.card, 'resolve'), resolveService: '4', resolveSubService: '8', resolveSolution: 'Droit accordé, le cache de Moodle est vidé.',
    }, hugues.me.id);
    assert.equal(again.type, CARD);
    assert.equal((await itop.ticket(ticketId)).status, 'resolved');

    // The Lyon support's next notice after her reopen is this resolution: her own reopen told her nothing.
    const pg = clients.lyon, personal = pg.personalChat, lyon = pg.me;
    const second = await personalNotice('lyon', new RegExp(`^Your ticket ${reference} “${TITLE}” is resolved — by Hugues Le Moane$`), lyonAfterReopen);
    assert.deepEqual(noticesOf(pg, lyonAfterReopen), [noticeText(second.message)]);
    const notice = cardOf(second.message);
    assert.match(cardText(notice), /Solution\nDroit accordé, le cache de Moodle est vidé\./);
    const closed = await timed('close', () => pg.execute(personal, second.message.messageId, 'close', actionData(notice, 'close'), lyon.id));
    assert.equal(closed.type, CARD);
    const stored = await itop.ticket(ticketId);
    assert.equal(stored.status, 'closed');
    assert.deepEqual(verbs(closed.value), []);
    await channelNotice(new RegExp(`^${reference} closed — by Support INSA Lyon$`), channelFrom);

    // Everything the opener was told, in order: two assignments, the hold, the resume, two resolutions; never her own
    // reopen. (Her close is the last change: its absence is only seen up to the channel's notice of it.)
    assert.deepEqual(noticesOf(pg).map((t) => t.replace(/ “.*?”/, '')), [
      `Your ticket ${reference} is assigned to Hamid Le Fleurier (Intervenants Moodle). — by Nathalie Matheu`,
      `Your ticket ${reference} is assigned to Hugues Le Moane (Intervenants Moodle). — by Hamid Le Fleurier`,
      `Your ticket ${reference} is on hold, question asked: ${QUESTION} — by Hugues Le Moane`,
      `Your ticket ${reference} is assigned to Hugues Le Moane (Intervenants Moodle). — by Hugues Le Moane`,
      `Your ticket ${reference} is resolved — by Hugues Le Moane`,
      `Your ticket ${reference} is resolved — by Hugues Le Moane`,
    ]);
    // The group desk and Hamid are neither the opener nor the agent of these changes: nothing in their personal chats.
    assert.deepEqual(noticesOf(clients.nathalie), []);
  });
});
