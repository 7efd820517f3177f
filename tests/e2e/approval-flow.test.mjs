// Approvals through the real client (Agents Playground): the Lyon support asks for an approval when opening a ticket,
// and the two approvers of INSA Lyon in the iTop seed (Hélène Dechelette, person 4, and Eloise Joyeux, person 2; run.sh
// starts the bot with them as Roles:ApproverEmails) decide from the card the bot posts proactively in their personal
// chats. Asserts on what each person's client shows (WS messages, invoke answers) and on iTop.
// Needs ITOP_URL and PLAYGROUND_<LYON|HELENE|ELOISE> (run.sh sets them).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { playgrounds, actionData, verbs, cardText, cardOf, choices } from './lib/playground.mjs';
import { Itop } from './lib/itop.mjs';

const CARD = 'application/vnd.microsoft.card.adaptive';
const clients = playgrounds('lyon', 'helene', 'eloise');
const itop = Itop.fromEnv();
const approvers = () => [clients.helene, clients.eloise];
const publicLog = (ticket) => JSON.stringify(ticket.public_log);
const privateLog = (ticket) => JSON.stringify(ticket.private_log);

/** The next message of the bot in the person's personal chat after event `from` that matches. */
const botMessage = (pg, test, what, from) => pg.waitFor((e) => e.action === 'createMessage' && e.actionConversationId === pg.personalChat
  && e.message?.from?.id === pg.bot.id && test(e.message), { from, what });

/** The approval card of the ticket, posted by the bot in the approver's personal chat after event `from`. */
async function approvalCardIn(pg, ticketId, from) {
  const event = await botMessage(pg, (m) => actionData(cardOf(m), 'approve')?.ticketId === String(ticketId),
    `the approval card of ticket ${ticketId} in ${pg.me.name}'s chat`, from);
  return { messageId: event.message.messageId, card: cardOf(event.message) };
}

/** The card of the message, once the bot updated it in place (WS updateMessage) with a card matching `test`. */
const updatedCard = async (pg, messageId, test, what, from = 0) => cardOf((await pg.waitFor((e) => e.action === 'updateMessage'
  && e.actionConversationId === pg.personalChat && e.message?.messageId === messageId && test(cardOf(e.message) ?? {}),
{ from, what })).message);

/** The Lyon support opens a ticket with "needs approval" ticked; both approvers' cards come back with it. */
async function openWithApproval(title, description) {
  const pg = clients.lyon, chat = pg.personalChat;
  const marks = approvers().map((a) => a.events.length);
  const form = await pg.sendForCard(chat, '/ticket ' + title);
  let created = await pg.execute(chat, form.messageId, 'openTicket', {
    ...actionData(form.card, 'openTicket'), brique: '2', service: '4', subService: '8', title, description,
    onBehalfOf: '11', ticketType: 'service_request', urgency: '3', needsApproval: 'true',
  });
  // The same person and sub-service as an earlier ticket of the run: the bot first says « Déjà demandé ? ».
  if (created.type === CARD && verbs(created.value).includes('createAnyway')) {
    created = await pg.execute(chat, form.messageId, 'createAnyway', actionData(created.value, 'createAnyway'));
  }
  assert.equal(created.type, CARD, 'invoke answer: ' + JSON.stringify(created).slice(0, 500));
  const ticketId = Number(created.value.refresh?.action?.data?.ticketId);
  assert.ok(ticketId > 0, 'the ticket card carries the ticket id');
  const [helene, eloise] = await Promise.all(approvers().map((a, i) => approvalCardIn(a, ticketId, marks[i])));
  return { ticketId, ref: (await itop.ticket(ticketId)).ref, created: created.value, ticketMessageId: form.messageId, cards: { helene, eloise } };
}

describe('approvals through the Agents Playground', { concurrency: 1 }, () => {
  let first;

  before(async () => {
    await Promise.all(Object.values(clients).map((c) => c.connect()));
    assert.equal(clients.lyon.me.email, 'support@insa-lyon.fr');
    assert.equal(clients.helene.me.email, 'helene.dechelette@insa-lyon.fr');
    assert.equal(clients.eloise.me.email, 'eloise.joyeux@insa-lyon.fr');

    // The approvers have the app: in Teams, adding it (or an admin pushing it) makes Teams send installationUpdate in
    // their personal chat, and the playground's client does the same (its UI on opening the chat). That is what lets the
    // bot reach them here: each person has their own playground (serviceUrl), so the bot's other way, looking them up by
    // e-mail in a team roster (PersonalChatFinder), finds nobody (the playground's member API only knows ids) and a chat
    // it opened would land in another person's client. Hélène only installed the app (the bot links her chat to her iTop
    // person on the install, before the welcome card); Eloise also used it already (/tickets, an identified turn).
    for (const pg of approvers()) {
      const from = pg.events.length;
      await pg.install();
      const welcome = await botMessage(pg, (m) => /I help you open and follow/.test(cardText(cardOf(m))), `the welcome card of ${pg.me.name}`, from);
      assert.equal(welcome.actionConversationId, pg.personalChat);
    }
    await clients.eloise.sendForCard(clients.eloise.personalChat, '/tickets');
  });

  after(() => { for (const c of Object.values(clients)) c.close(); });

  it('Lyon support asks for approval: iTop waits for Hélène, each approver gets the card in their personal chat', async () => {
    first = await openWithApproval('Droit de création de cours Moodle pour Jean Dupont',
      "Jean Dupont, enseignant, doit pouvoir créer ses cours sur OpenMoodle.\nAccord de la direction d'ici vendredi.");
    const stored = await itop.ticket(first.ticketId);
    assert.equal(stored.status, 'waiting_for_approval');
    assert.equal(String(stored.approver_id), '4', 'the first configured approver of the school');
    assert.match(cardText(first.created), /Waiting for approval/);

    for (const [name, { card }] of Object.entries(first.cards)) {
      const text = cardText(card);
      assert.ok(text.includes('Approval requested: ' + first.ref), `${name}: ${text}`);
      assert.match(text, /Droit de création de cours Moodle pour Jean Dupont/);
      assert.match(text, /Requested by Support INSA Lyon/);
      assert.match(text, /School INSA Lyon/);
      assert.match(text, /Service OpenMoodle › Droits Moodle › Droit de création de cours/);
      assert.match(text, /Designated approver Hélène Dechelette/);
      // Why, as the opener wrote it: iTop keeps the description in HTML, the card shows its text.
      assert.match(text, /Jean Dupont, enseignant, doit pouvoir créer ses cours sur OpenMoodle\.\nAccord de la direction d'ici vendredi\./);
      assert.doesNotMatch(text, /<p>|&#39;/);
      assert.ok(verbs(card).includes('approve') && verbs(card).includes('reject'), `${name} verbs: ${verbs(card)}`);
      assert.deepEqual([...card.refresh.userIds].sort(), [clients.helene.me.id, clients.eloise.me.id].sort());
    }
  });

  it('a non-approver (the Lyon support, with the card\'s data) is refused and sees no button; iTop unchanged', async () => {
    assert.ok(first, 'needs the ticket of the first step');
    const pg = clients.lyon, chat = pg.personalChat;
    const { card } = first.cards.helene;
    // The opener's client clicking Approve with the approval card's payload (a forged card: the invoke goes from their
    // chat, on the message that holds their ticket card).
    const tried = await pg.execute(chat, first.ticketMessageId, 'approve', { ...actionData(card, 'approve'), approveComment: "J'approuve moi-même." });
    assert.equal(tried.type, CARD, JSON.stringify(tried).slice(0, 300));
    assert.match(cardText(tried.value), /You cannot do this on this ticket\./);
    assert.deepEqual(verbs(tried.value).filter((v) => v === 'approve' || v === 'reject'), []);

    // The card's refresh (Teams asks for it for the users of refresh.userIds; the playground does not, so it is asked
    // here): the Lyon support gets the status only, an approver the buttons.
    const refreshData = card.refresh.action.data;
    const lyonView = await pg.execute(chat, first.ticketMessageId, 'refresh', refreshData);
    assert.match(cardText(lyonView.value), /Waiting for the approver's decision\./);
    assert.deepEqual(verbs(lyonView.value).filter((v) => v === 'approve' || v === 'reject'), []);
    const eloise = clients.eloise;
    const eloiseView = await eloise.execute(eloise.personalChat, first.cards.eloise.messageId, 'refresh', refreshData);
    assert.ok(verbs(eloiseView.value).includes('approve'), 'Eloise verbs: ' + verbs(eloiseView.value));

    const stored = await itop.ticket(first.ticketId);
    assert.equal(stored.status, 'waiting_for_approval');
    assert.doesNotMatch(publicLog(stored), /Demande approuv/);
  });

  it('Hélène approves with a comment: iTop approved and logged, Eloise\'s card updated in place, the Lyon support told', async () => {
    assert.ok(first, 'needs the ticket of the first step');
    const helene = clients.helene, eloise = clients.eloise, lyon = clients.lyon;
    const marks = { helene: helene.events.length, eloise: eloise.events.length, lyon: lyon.events.length };
    const { messageId, card } = first.cards.helene;
    const comment = 'Accord de la direction des études.';
    const approved = await helene.execute(helene.personalChat, messageId, 'approve', { ...actionData(card, 'approve'), approveComment: comment });
    assert.equal(approved.type, CARD, JSON.stringify(approved).slice(0, 300));
    assert.match(cardText(approved.value), /Approved by Hélène Dechelette on /);
    assert.ok(cardText(approved.value).includes(comment));
    assert.deepEqual(verbs(approved.value).filter((v) => v === 'approve' || v === 'reject'), []);

    const stored = await itop.ticket(first.ticketId);
    assert.equal(stored.status, 'approved');
    assert.equal(String(stored.approver_id), '4');
    assert.ok(publicLog(stored).includes('Demande approuvée par Hélène Dechelette : ' + comment), publicLog(stored));

    // Every copy of the card shows the decision: Eloise's, and Hélène's own message.
    for (const [pg, copy, from] of [[eloise, first.cards.eloise, marks.eloise], [helene, first.cards.helene, marks.helene]]) {
      const shown = await updatedCard(pg, copy.messageId, (c) => /Approved by Hélène Dechelette/.test(cardText(c)),
        `${pg.me.name}'s copy updated with the decision`, from);
      assert.deepEqual(verbs(shown).filter((v) => v === 'approve' || v === 'reject'), []);
    }
    const told = await botMessage(lyon, (m) => (m.text ?? '').startsWith(`Request ${first.ref} was approved`), 'the Lyon support told', marks.lyon);
    assert.equal(told.message.text, `Request ${first.ref} was approved by Hélène Dechelette. Comment: ${comment}`);
  });

  it('a second request: Eloise must give a reason to reject; then iTop rejected and logged, the Lyon support told', async () => {
    const second = await openWithApproval('Espace de cours Moodle pour la promo 2027', 'Un espace de cours partagé pour les 4 groupes de TD.');
    const eloise = clients.eloise, helene = clients.helene, lyon = clients.lyon;
    const { messageId, card } = second.cards.eloise;
    assert.equal((await itop.ticket(second.ticketId)).status, 'waiting_for_approval');

    // Reject with an empty reason (what the client sends for an input left empty): the card says why, nothing moves.
    const missing = await eloise.execute(eloise.personalChat, messageId, 'reject', { ...actionData(card, 'reject'), rejectComment: '' });
    assert.equal(missing.type, CARD, JSON.stringify(missing).slice(0, 300));
    assert.match(cardText(missing.value), /Say why it is rejected\./);
    assert.ok(verbs(missing.value).includes('reject'), 'still offered: ' + verbs(missing.value));
    let stored = await itop.ticket(second.ticketId);
    assert.equal(stored.status, 'waiting_for_approval');
    assert.doesNotMatch(publicLog(stored), /Demande refus/);

    const marks = { helene: helene.events.length, lyon: lyon.events.length };
    const reason = 'Pas de budget cette année.';
    const rejected = await eloise.execute(eloise.personalChat, messageId, 'reject', { ...actionData(card, 'reject'), rejectComment: reason });
    assert.match(cardText(rejected.value), /Rejected by Eloise Joyeux on /);
    assert.deepEqual(verbs(rejected.value).filter((v) => v === 'approve' || v === 'reject'), []);
    stored = await itop.ticket(second.ticketId);
    assert.equal(stored.status, 'rejected');
    assert.ok(publicLog(stored).includes('Demande refusée par Eloise Joyeux : ' + reason), publicLog(stored));

    await updatedCard(helene, second.cards.helene.messageId, (c) => /Rejected by Eloise Joyeux/.test(cardText(c)),
      "Hélène's copy updated with the decision", marks.helene);
    const told = await botMessage(lyon, (m) => (m.text ?? '').startsWith(`Request ${second.ref} was rejected`), 'the Lyon support told', marks.lyon);
    assert.equal(told.message.text, `Request ${second.ref} was rejected by Eloise Joyeux. Reason: ${reason}. It can be reopened from its card.`);

    // As the message says: the ticket card of the Lyon support offers to reopen it (rejected → new).
    const ticketCard = await lyon.sendForCard(lyon.personalChat, '/ticket ' + second.ref);
    assert.ok(verbs(ticketCard.card).includes('reopen'), 'Lyon verbs: ' + verbs(ticketCard.card));
    const reopened = await lyon.execute(lyon.personalChat, ticketCard.messageId, 'reopen', { ...actionData(ticketCard.card, 'reopen'), reopenReason: 'The budget was found.' });
    assert.equal(reopened.type, CARD);
    assert.equal((await itop.ticket(second.ticketId)).status, 'new');
  });

  it('a third request: Hélène hands it over to Eloise with a message; iTop waits for Eloise, who is told and approves from her updated card', async () => {
    const third = await openWithApproval('Inscription de 40 étudiants Erasmus sur OpenMoodle', 'Les étudiants Erasmus du semestre de printemps arrivent lundi.');
    const helene = clients.helene, eloise = clients.eloise;
    const { messageId, card } = third.cards.helene;
    assert.equal(String((await itop.ticket(third.ticketId)).approver_id), '4');

    // "Hand over" on Hélène's card: the other approver of the school only, never the current one (herself).
    assert.ok(verbs(card).includes('handOffApproval'), 'Hélène verbs: ' + verbs(card));
    assert.deepEqual(choices(card, 'handOffApprover'), { 2: 'Eloise Joyeux' });

    const mark = eloise.events.length;
    const message = "Je suis en congés jusqu'au 7, Eloise suit les inscriptions.";
    const handed = await helene.execute(helene.personalChat, messageId, 'handOffApproval',
      { ...actionData(card, 'handOffApproval'), handOffApprover: '2', handOffComment: message });
    assert.equal(handed.type, CARD, JSON.stringify(handed).slice(0, 300));
    assert.match(cardText(handed.value), /Request handed over to Eloise Joyeux\./);
    assert.match(cardText(handed.value), /Designated approver Eloise Joyeux/);

    const stored = await itop.ticket(third.ticketId);
    assert.equal(stored.status, 'waiting_for_approval');
    assert.equal(String(stored.approver_id), '2', 'Eloise, person 2');
    // iTop's log is written in French whatever the clicker's Teams language.
    assert.ok(privateLog(stored).includes(`Demande d'approbation transmise par Hélène Dechelette à Eloise Joyeux : ${message}`), privateLog(stored));

    // Eloise's client: a personal message with Hélène's words, and her copy of the card updated in place naming her.
    const told = await botMessage(eloise, (m) => (m.text ?? '').includes(`handed the approval request ${third.ref} over to you`),
      'Eloise told of the hand-over', mark);
    assert.equal(told.message.text, `Hélène Dechelette handed the approval request ${third.ref} over to you: “${message}”`);
    const updated = await updatedCard(eloise, third.cards.eloise.messageId, (c) => /Designated approver Eloise Joyeux/.test(cardText(c)),
      "Eloise's copy naming her as the approver", mark);
    assert.ok(verbs(updated).includes('approve'), 'Eloise verbs: ' + verbs(updated));
    // The hand-over note reaches Eloise's card (issue 14): who, when, and Hélène's words as plain text.
    assert.match(cardText(updated), /Handed over by Hélène Dechelette on .*\(Paris time\)\n.*Je suis en congés jusqu'au 7, Eloise suit les inscriptions\./);
    assert.deepEqual(choices(updated, 'handOffApprover'), { 4: 'Hélène Dechelette' });
    assert.ok(updated.refresh.userIds.includes(eloise.me.id));
    const posted = eloise.events.slice(mark).filter((e) => e.action === 'createMessage' && actionData(cardOf(e.message), 'approve')?.ticketId === String(third.ticketId));
    assert.deepEqual(posted, [], 'Eloise already had the card: no second one');

    // Eloise approves from the updated card (the card she had before carries the ticket's earlier state).
    const comment = 'Inscriptions validées avec la scolarité.';
    const approved = await eloise.execute(eloise.personalChat, third.cards.eloise.messageId, 'approve',
      { ...actionData(updated, 'approve'), approveComment: comment });
    assert.equal(approved.type, CARD, JSON.stringify(approved).slice(0, 300));
    assert.match(cardText(approved.value), /Approved by Eloise Joyeux on /);
    const decided = await itop.ticket(third.ticketId);
    assert.equal(decided.status, 'approved');
    assert.equal(String(decided.approver_id), '2');
    assert.ok(publicLog(decided).includes('Demande approuvée par Eloise Joyeux : ' + comment), publicLog(decided));
  });
});
