// Issue 14, "each seed step in one or two clicks": the seed's steps driven through the Agents Playground, counting what
// each person does from the card on screen. A click is a button that reaches the bot; a pick is a choice (or toggle)
// changed from what the card pre-filled; a text is a text input typed (counted apart: "besides typing the texts"); an
// expand is the client-side opening of a sub-form behind its button (Action.ShowCard, no round trip). The goals are on
// clicks + picks. Needs ITOP_URL and PLAYGROUND_<LYON|NATHALIE|HAMID|HUGUES> (run.sh sets them).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { playgrounds, actionData, verbs, input, choices } from './lib/playground.mjs';
import { Itop } from './lib/itop.mjs';

const CARD = 'application/vnd.microsoft.card.adaptive';
const GOALS = { open: 6, assign: 2, hold: 2, resume: 1, reassign: 2, takeIt: 1, resolve: 2, reopen: 2, close: 1 };

const clients = playgrounds('lyon', 'nathalie', 'hamid', 'hugues');
const itop = Itop.fromEnv();
const measured = [];

function* walk(node) {
  if (Array.isArray(node)) { for (const x of node) yield* walk(x); return; }
  if (node && typeof node === 'object') { yield node; for (const v of Object.values(node)) yield* walk(v); }
}

/** Every pre-filled input value of the card: what the client sends when the user changes nothing. */
const defaults = (card) => Object.fromEntries([...walk(card)]
  .filter((n) => typeof n.type === 'string' && n.type.startsWith('Input.') && n.id && n.value !== undefined)
  .map((n) => [n.id, n.value]));

/** True when the verb's button sits behind a sub-form button (Action.ShowCard) rather than on the card. */
const behindShowCard = (card, verb) => [...walk(card)].some((n) => n.type === 'Action.ShowCard' && actionData(n.card, verb));

/**
 * Clicks the verb's button with the user's changes on top of the card's defaults, and counts what the user did.
 * Returns the invoke's answer.
 */
async function act(step, pg, chat, shown, verb, changes = {}, extra = {}) {
  const card = shown.card ?? shown.value;
  const count = { clicks: 1 + (extra.clicks ?? 0), picks: 0, texts: 0, expands: behindShowCard(card, verb) ? 1 : 0 };
  const before = defaults(card);
  for (const [id, value] of Object.entries(changes)) {
    const kind = input(card, id)?.type;
    assert.ok(kind, `${step}: the card has the input ${id}`);
    if (before[id] === value) continue;
    if (kind === 'Input.Text') count.texts++; else count.picks++;
  }
  const answer = await pg.execute(chat, shown.messageId, verb, { ...before, ...changes, ...actionData(card, verb) }, pg.me.id);
  assert.equal(answer.type, CARD, `${step}: ${JSON.stringify(answer).slice(0, 400)}`);
  const prior = measured.find((m) => m.step === step);
  if (prior) for (const k of Object.keys(count)) prior[k] += count[k];
  else measured.push({ step, ...count });
  return { messageId: shown.messageId, value: answer.value };
}

const ticketOf = async (id) => itop.ticket(id);

describe('each step in one or two interactions (issue 14)', { concurrency: 1 }, () => {
  let ticketId;

  before(async () => { await Promise.all(Object.values(clients).map((c) => c.connect())); });

  after(() => {
    for (const c of Object.values(clients)) c.close();
    console.log('interactions per step:', JSON.stringify(measured));
  });

  it('open: typing a sub-service pre-selects brique, service and sub-service; no update round', async () => {
    const pg = clients.lyon, chat = pg.personalChat;
    const form = await pg.sendForCard(chat, '/ticket droit de création de cours pour Jean Dupont', pg.me.id);
    assert.deepEqual(['brique', 'service', 'subService'].map((id) => input(form.card, id)?.value), ['2', '4', '8']);
    // The playground renders choices.data as a typeahead it cannot fill (it has no application/search): run.sh turns the
    // dependent lists off (Forms:DependentChoices=false) and the form keeps its update button as the fallback.
    assert.equal(input(form.card, 'service')['choices.data'], undefined);
    assert.ok(verbs(form.card).includes('refreshForm'));
    let shown = await act('open', pg, chat, form, 'openTicket', {
      description: 'Jean Dupont, enseignant, doit pouvoir créer ses cours.',
      onBehalfOf: '11',
      userWords: 'Bonjour, je voudrais créer mon cours de thermodynamique.',
    });
    if (actionData(shown.value, 'createAnyway')) {
      shown = await act('open', pg, chat, shown, 'createAnyway');
    }
    ticketId = Number((actionData(shown.value, 'refresh') ?? shown.value.refresh?.action?.data)?.ticketId);
    const stored = await ticketOf(ticketId);
    assert.deepEqual([stored.status, String(stored.service_id), String(stored.servicesubcategory_id), String(stored.caller_id)], ['new', '4', '8', '11']);
  });

  it('assign: the brique team is chosen and its agents listed; pick the agent, Assign', async () => {
    const pg = clients.nathalie, chat = pg.personalChat;
    const card = await pg.sendForCard(chat, '/ticket ' + ticketId, pg.me.id);
    assert.equal(input(card.card, 'assignTeam')?.value, '19');
    assert.ok(Object.values(choices(card.card, 'assignAgent')).includes('Hamid Le Fleurier'));
    await act('assign', pg, chat, card, 'assign', { assignAgent: '3' });
    const stored = await ticketOf(ticketId);
    assert.deepEqual([stored.status, String(stored.team_id), String(stored.agent_id)], ['assigned', '19', '3']);
  });

  it('hold, then resume in one click back to the same team and agent', async () => {
    const pg = clients.hamid, chat = pg.personalChat;
    const card = await pg.sendForCard(chat, '/ticket ' + ticketId, pg.me.id);
    const held = await act('hold', pg, chat, card, 'pending', { pendingReason: 'Quel est le nom du cours ?' });
    assert.equal((await ticketOf(ticketId)).status, 'pending');
    assert.ok(verbs(held.value).includes('resume'), 'Resume offered: ' + verbs(held.value));
    await act('resume', pg, chat, held, 'resume');
    const stored = await ticketOf(ticketId);
    assert.deepEqual([stored.status, String(stored.team_id), String(stored.agent_id)], ['assigned', '19', '3']);
  });

  it('reassign lists the other agents of the team; « Je le prends » takes it back in one click', async () => {
    const pg = clients.hamid, chat = pg.personalChat;
    const card = await pg.sendForCard(chat, '/ticket ' + ticketId, pg.me.id);
    const others = choices(card.card, 'reassignAgent');
    assert.ok(!('3' in others) && others['5'] === 'Hugues Le Moane', JSON.stringify(others));
    const moved = await act('reassign', pg, chat, card, 'reassign', { reassignAgent: '5' });
    assert.equal(String((await ticketOf(ticketId)).agent_id), '5');
    await act('takeIt', pg, chat, moved, 'takeIt');
    assert.equal(String((await ticketOf(ticketId)).agent_id), '3');
  });

  it('resolve (service pre-filled), reopen with its reason, resolve again, close', async () => {
    const hugues = clients.hugues, lyon = clients.lyon;
    let card = await hugues.sendForCard(hugues.personalChat, '/ticket ' + ticketId, hugues.me.id);
    await act('resolve', hugues, hugues.personalChat, card, 'resolve', { resolveSolution: 'Droit accordé à Jean Dupont.' });
    assert.equal((await ticketOf(ticketId)).status, 'resolved');
    const lyonCard = await lyon.sendForCard(lyon.personalChat, '/ticket ' + ticketId, lyon.me.id);
    await act('reopen', lyon, lyon.personalChat, lyonCard, 'reopen', { reopenReason: "Le droit n'apparaît pas." });
    assert.equal((await ticketOf(ticketId)).status, 'assigned');
    card = await hugues.sendForCard(hugues.personalChat, '/ticket ' + ticketId, hugues.me.id);
    await hugues.execute(hugues.personalChat, card.messageId, 'resolve',
      { ...defaults(card.card), resolveSolution: 'Droit accordé (vérifié).', ...actionData(card.card, 'resolve') }, hugues.me.id);
    const again = await lyon.sendForCard(lyon.personalChat, '/ticket ' + ticketId, lyon.me.id);
    await act('close', lyon, lyon.personalChat, again, 'close');
    assert.equal((await ticketOf(ticketId)).status, 'closed');
  });

  it('meets the goals of the issue (clicks + picks per step, texts and expands apart)', () => {
    for (const m of measured) {
      assert.ok(m.clicks + m.picks <= GOALS[m.step], `${m.step}: ${m.clicks} click(s) + ${m.picks} pick(s) > ${GOALS[m.step]}`);
    }
    assert.deepEqual(measured.map((m) => m.step), Object.keys(GOALS).filter((s) => measured.some((m) => m.step === s)));
    assert.equal(measured.length, Object.keys(GOALS).length);
  });
});
