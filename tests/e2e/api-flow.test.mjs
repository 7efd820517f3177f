// The seed's example driven through the real client (Agents Playground) API: what the user sees (WS messages,
// invoke answers) and what iTop holds. The playground acts as its config's currentUser only, so each person has
// their own playground (their own Teams client) and works in their personal chat with the bot.
// Needs ITOP_URL and PLAYGROUND_<LYON|NATHALIE|HAMID|HUGUES> (run.sh sets them).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { playgrounds, actionData, verbs, cardText, input, choices } from './lib/playground.mjs';
import { Itop } from './lib/itop.mjs';

const TITLE = 'Droit de création de cours Moodle pour Jean Dupont';
const SCHOOL_REFERENCE = 'LYON-2024-117';
const CARD = 'application/vnd.microsoft.card.adaptive';

const clients = playgrounds('lyon', 'nathalie', 'hamid', 'hugues');
const itop = Itop.fromEnv();
const timings = {};
// The notifications the bot posts in the subscribed channel, seen by Nathalie's client (a member of the team).
const channelNotice = (re) => {
  const pg = clients.nathalie;
  const channel = pg.config.teams[0].channels.find((c) => c.name === 'OpenMoodle');
  return timed('notice ' + re.source.slice(0, 24), () => pg.waitFor((e) => e.action === 'createMessage'
    && e.actionConversationId?.startsWith(channel.id) && e.message?.from?.id === pg.bot.id && re.test(e.message.text ?? ''),
  { from: 0, timeoutMs: 20000, what: `the channel notification ${re}` }));
};
const timed = async (name, fn) => { const t0 = performance.now(); try { return await fn(); } finally { timings[name] = Math.round(performance.now() - t0); } };

describe('seed flow through the Agents Playground', { concurrency: 1 }, () => {
  let ticketId, reference;

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
  });

  it('intervenant Hamid: hands the ticket over to Hugues with a private note', async () => {
    assert.ok(reference, 'needs the ticket of the first step');
    const pg = clients.hamid, chat = pg.personalChat, hamid = pg.me;
    const card = await pg.sendForCard(chat, '/ticket ' + reference, hamid.id);
    assert.ok(verbs(card.card).includes('reassign'), 'Hamid verbs: ' + verbs(card.card));
    const note = "Hugues, peux-tu faire l'action d'administration sur la plateforme de l'INSA Toulouse ?";
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
  });

  it('intervenant Hugues: resolves it and writes to the Lyon support', async () => {
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
    const resolved = await timed('resolve', () => pg.execute(chat, card.messageId, 'resolve', {
      ...actionData(card.card, 'resolve'), resolveService: '4', resolveSubService: '8',
      resolveSolution: 'Droit de créateur de cours accordé à Jean Dupont.',
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
  });

  it('Lyon support: closes it from the personal chat, and no button is left (each step is also notified in the channel)', async () => {
    assert.ok(reference, 'needs the ticket of the first step');
    const pg = clients.lyon, personal = pg.personalChat, lyon = pg.me;
    const card = await pg.sendForCard(personal, '/ticket ' + reference, lyon.id);
    assert.ok(verbs(card.card).includes('close'), 'Lyon verbs: ' + verbs(card.card));
    // The school support reads the solution before closing, never the group's private log.
    const story = cardText(card.card);
    assert.match(story, /Resolved \d+ minutes? ago, waiting for the school to close it/);
    assert.match(story, /Solution\nDroit de créateur de cours accordé à Jean Dupont\./);
    assert.doesNotMatch(story, /Internal notes|peux-tu faire l'action/);
    assert.ok(!verbs(card.card).includes('resolve'));
    const closed = await timed('close', () => pg.execute(personal, card.messageId, 'close', actionData(card.card, 'close'), lyon.id));
    assert.equal(closed.type, CARD);
    const stored = await itop.ticket(ticketId);
    assert.equal(stored.status, 'closed');
    assert.deepEqual(verbs(closed.value), []);
    await channelNotice(new RegExp(`^${reference} closed — by Support INSA Lyon$`));
  });
});
