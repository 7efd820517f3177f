// The pictures of the README's "first ten minutes", taken from the playgrounds of the chat command in headless Debian
// Chromium (apt-get install -y chromium), each cropped to its card: the Lyon support's welcome card and ticket form, the
// approval card in Hélène Dechelette's chat and her decision, the ticket card the group desk gets then; once the ticket
// is assigned to Hamid Le Fleurier and put on hold, his card with « Reprendre » and the pre-filled « Affecter »; once he
// resolves it, the Lyon support's notice (the card with the solution, « Clôturer » and « Rouvrir »), the reason
// « Rouvrir » asks for, and the `/ticket notifications` card; last, a request made in the iTop console on nobody, which
// the group desk decides: its ticket card's « Approuver ou refuser » turns it into the approval card. Run it while
// `bash tests/e2e/chat.sh` runs with its default people, giving their URLs in its order (Lyon support, group desk,
// intervenant, approver), then the bot's iTop (the sandbox's URL, in the bot's log: « using the embedded iTop sandbox at … »):
//   node --experimental-websocket tests/e2e/chat-screenshots.mjs http://127.0.0.1:56150 … http://127.0.0.1:56153 http://127.0.0.1:NNNNN/
// Writes screenshots/chat-*.png beside this file (the README's copies). It opens real tickets in the bot's iTop.
import assert from 'node:assert/strict';
import { launchChromium, openPlayground, type } from './lib/browser.mjs';
import { Itop } from './lib/itop.mjs';
import { Playground, actionData } from './lib/playground.mjs';

const [lyonUrl, deskUrl, agentUrl, approverUrl, itopUrl] = process.argv.slice(2);
assert.ok(lyonUrl && deskUrl && agentUrl && approverUrl && itopUrl, 'usage: chat-screenshots.mjs <lyon> <desk> <intervenant> <approver> <itop>');
const shots = new URL('./screenshots/', import.meta.url).pathname;
const TITLE = 'Droit de création de cours Moodle pour Jean Dupont';

// Tall enough for the longest card (the form, a card with a sub-form open): the chat pane scrolls inside the page.
const browser = await launchChromium({ width: 1280, height: 1900 });
const lastCard = (page) => page.locator('.ac-adaptiveCard').last();
/** The last card with that button (the welcome card of a page just opened may come after the card asked for). */
const cardWithButton = (page, name) => page.locator('.ac-adaptiveCard').filter({ has: page.getByRole('button', { name }) }).last();
const PAD = 6;
/** The card alone, with a small margin (the playground's frame around it says nothing). */
async function shoot(page, card, name) {
  await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(300);
  const box = await card.boundingBox();
  assert.ok(box, name + ': the card is not on screen');
  const x = Math.max(0, box.x - PAD), y = Math.max(0, box.y - PAD);
  await page.screenshot({ path: shots + name, clip: { x, y, width: box.width + 2 * PAD, height: box.height + 2 * PAD } });
  console.log('wrote screenshots/' + name);
}
/** From the first message's text to the last one's, with the sender line above and the chat column's width. */
async function shootSpan(page, first, last, name) {
  await last.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(300);
  const top = await first.boundingBox(), bottom = await last.boundingBox();
  assert.ok(top && bottom, name + ': the messages are not on screen');
  const x = Math.max(0, top.x - 60), y = Math.max(0, top.y - 38);
  const right = Math.max(top.x + top.width, bottom.x + bottom.width) + 20;
  await page.screenshot({ path: shots + name, clip: { x, y, width: right - x, height: bottom.y + bottom.height + 16 - y } });
  console.log('wrote screenshots/' + name);
}
/** Clicks a button of the card that reaches the bot and waits for the bot's answer. */
async function click(page, card, name) {
  const invoked = page.waitForResponse((r) => r.url().endsWith('/_conversation/v1/invoke'), { timeout: 30_000 });
  await card.getByRole('button', { name }).first().click();
  assert.equal((await invoked).status(), 200);
}

try {
  // Each page load is the client opening the bot's chat: Teams sends the install, the bot links the person and greets.
  const approver = await openPlayground(browser.context, approverUrl, { logPanel: false });
  const lyon = await openPlayground(browser.context, lyonUrl, { logPanel: false });
  await lastCard(lyon.page).getByText(/Bonjour/).first().waitFor({ timeout: 30_000 });
  await shoot(lyon.page, lastCard(lyon.page), 'chat-1-welcome.png');

  // The form, pre-filled from the words; the service chosen, « Mettre à jour les choix » lists its sub-services.
  await type(lyon.composer, '/ticket ' + TITLE);
  let form = lastCard(lyon.page);
  await form.getByRole('button', { name: /Créer le ticket/ }).waitFor({ timeout: 30_000 });
  await form.getByRole('combobox').nth(1).click();
  await lyon.page.getByRole('option', { name: 'Droits Moodle' }).click();
  const invoked = lyon.page.waitForResponse((r) => r.url().endsWith('/_conversation/v1/invoke'), { timeout: 30_000 });
  await form.getByRole('button', { name: /Mettre à jour/ }).click();
  assert.equal((await invoked).status(), 200);
  form = lastCard(lyon.page);
  await form.locator(`input[value="${TITLE}"]`).waitFor({ state: 'attached', timeout: 30_000 });
  await lyon.page.waitForTimeout(500);
  await shoot(lyon.page, form, 'chat-2-form.png');

  // The ticket, opened with « Nécessite une approbation » (through the playground's API, as the Lyon support): the bot
  // asks Hélène Dechelette, INSA Lyon's first approver, in her personal chat.
  const api = await new Playground(lyonUrl).connect();
  const draft = await api.sendForCard(api.personalChat, '/ticket ' + TITLE);
  let created = await api.execute(api.personalChat, draft.messageId, 'openTicket', {
    ...actionData(draft.card, 'openTicket'), brique: '2', service: '4', subService: '8', title: TITLE,
    description: "Jean Dupont, enseignant, doit pouvoir créer ses cours sur OpenMoodle.\nAccord de la direction d'ici vendredi.",
    onBehalfOf: '11', ticketType: 'service_request', urgency: '3', needsApproval: 'true',
  });
  if (actionData(created.value, 'createAnyway')) {
    // A bot that already ran this script shows its earlier tickets as possible duplicates first.
    created = await api.execute(api.personalChat, draft.messageId, 'createAnyway', actionData(created.value, 'createAnyway'));
  }
  api.close();
  const ticketId = created.value?.refresh?.action?.data?.ticketId;
  assert.ok(ticketId, 'the ticket was not created: ' + JSON.stringify(created).slice(0, 300));
  const approval = lastCard(approver.page);
  await approval.getByRole('button', { name: /Approuver/ }).first().waitFor({ timeout: 60_000 });
  await shoot(approver.page, approval, 'chat-3-approval.png');

  // Hélène approves with a comment: her card shows the decision (iTop: approved, the comment in the public log).
  await approval.getByRole('button', { name: /^Approuver$/ }).click();
  await approval.getByRole('textbox').first().fill('Accord de la direction reçu.');
  const decided = approver.page.waitForResponse((r) => r.url().endsWith('/_conversation/v1/invoke'), { timeout: 30_000 });
  await approval.getByRole('button', { name: /Confirmer l'approbation/ }).click();
  assert.equal((await decided).status(), 200);
  await lastCard(approver.page).getByText(/Approuvé par Hélène Dechelette/).first().waitFor({ timeout: 30_000 });
  await approver.page.waitForTimeout(500);
  await shoot(approver.page, lastCard(approver.page), 'chat-4-approved.png');

  // The group desk asks for the ticket: its card, in French, with what Nathalie may do now (assign it).
  const desk = await openPlayground(browser.context, deskUrl, { logPanel: false });
  await type(desk.composer, '/ticket ' + ticketId);
  const card = lastCard(desk.page);
  await card.getByRole('button', { name: /Affecter/ }).first().waitFor({ timeout: 30_000 });
  await desk.page.waitForTimeout(500);
  await shoot(desk.page, card, 'chat-5-ticket-card.png');

  // Nathalie assigns it to Hamid Le Fleurier; Hamid puts it on hold with a question (both through the API, as them).
  const deskApi = await new Playground(deskUrl).connect();
  const deskCard = await deskApi.sendForCard(deskApi.personalChat, '/ticket ' + ticketId);
  const assigned = await deskApi.execute(deskApi.personalChat, deskCard.messageId, 'assign', {
    ...actionData(deskCard.card, 'assign'), assignTeam: '19', assignAgent: '3', assignTicketType: 'service_request',
  });
  deskApi.close();
  assert.equal(assigned.type, 'application/vnd.microsoft.card.adaptive', 'assign: ' + JSON.stringify(assigned).slice(0, 300));
  // The assignment's notice first: two people's changes in the same second are both told as made by one of them (the
  // notifications match the actor by the date of their case-log entry, and iTop dates to the second).
  const assignedLine = lyon.page.getByText(/est assigné à Hamid Le Fleurier/).last();
  await assignedLine.waitFor({ timeout: 60_000 });
  const agentApi = await new Playground(agentUrl).connect();
  const agentCard = await agentApi.sendForCard(agentApi.personalChat, '/ticket ' + ticketId);
  const held = await agentApi.execute(agentApi.personalChat, agentCard.messageId, 'pending', {
    ...actionData(agentCard.card, 'pending'), pendingReason: 'Jean Dupont a-t-il déjà un compte sur OpenMoodle ?',
  });
  assert.equal(held.type, 'application/vnd.microsoft.card.adaptive', 'hold: ' + JSON.stringify(held).slice(0, 300));

  // The Lyon support, who opened it, is told in her personal chat: assigned, then on hold with the question (two lines of
  // text, not cards: the picture spans both messages).
  const heldLine = lyon.page.getByText(/est en attente, question posée/).last();
  await heldLine.waitFor({ timeout: 60_000 });
  await shootSpan(lyon.page, assignedLine, heldLine, 'chat-6-opener-notices.png');

  // Hamid's card of the held ticket: « Reprendre » gives it back to him in one click; « Affecter » opens pre-filled.
  const agent = await openPlayground(browser.context, agentUrl, { logPanel: false });
  await lastCard(agent.page).getByText(/Bonjour/).first().waitFor({ timeout: 30_000 });
  await type(agent.composer, '/ticket ' + ticketId);
  const heldCard = cardWithButton(agent.page, /Reprendre/);
  await heldCard.waitFor({ timeout: 30_000 });
  await heldCard.getByRole('button', { name: /^Affecter$/ }).first().click();
  await heldCard.getByRole('button', { name: /Afficher les agents/ }).first().waitFor({ timeout: 30_000 });
  await shoot(agent.page, heldCard, 'chat-7-on-hold-resume.png');
  await click(agent.page, heldCard, /Reprendre/);

  // Hamid resolves it: the Lyon support's chat gets the notice, the ticket card with the solution, Clôturer and Rouvrir.
  const resumed = await agentApi.sendForCard(agentApi.personalChat, '/ticket ' + ticketId);
  const resolved = await agentApi.execute(agentApi.personalChat, resumed.messageId, 'resolve', {
    ...actionData(resumed.card, 'resolve'), resolveService: '4', resolveSubService: '8',
    resolveSolution: 'Droit de créateur de cours accordé à Jean Dupont sur OpenMoodle.',
  });
  agentApi.close();
  assert.equal(resolved.type, 'application/vnd.microsoft.card.adaptive', 'resolve: ' + JSON.stringify(resolved).slice(0, 300));
  const notice = lyon.page.locator('.ac-adaptiveCard').filter({ hasText: /est résolu — par/ }).last();
  await notice.getByRole('button', { name: /Clôturer/ }).first().waitFor({ timeout: 60_000 });
  await shoot(lyon.page, notice, 'chat-8-resolved-notice.png');

  // « Rouvrir » asks why (the reason goes to the public log and to the agent).
  await notice.getByRole('button', { name: /^Rouvrir$/ }).first().click();
  await notice.getByRole('textbox').first().fill("Jean Dupont ne voit pas encore le bouton « Créer un cours ».");
  await shoot(lyon.page, notice, 'chat-9-reopen-reason.png');

  // What the bot writes to whom, one toggle per kind of notice.
  await type(lyon.composer, '/ticket notifications');
  const toggles = cardWithButton(lyon.page, /Enregistrer/);
  await toggles.waitFor({ timeout: 30_000 });
  await shoot(lyon.page, toggles, 'chat-10-notifications.png');

  // A request made in the iTop console on nobody (INSA Lyon has approvers, iTop names none): the group desk's ticket card
  // says who decides and offers « Approuver ou refuser », which turns it into the approval card, shot here.
  const itop = new Itop(itopUrl);
  const asked = await itop.createTicket({ org_id: 3, caller_id: 11, service_id: 4, servicesubcategory_id: 8,
    title: "Ouverture d'un espace Moodle pour le séminaire de janvier", description: 'Séminaire de janvier, 40 participants extérieurs.' });
  await itop.applyStimulus(asked.id, 'ev_wait_for_approval');
  await type(desk.composer, '/ticket ' + asked.id);
  const decide = cardWithButton(desk.page, /Approuver ou refuser/);
  await decide.waitFor({ timeout: 30_000 });
  await click(desk.page, decide, /Approuver ou refuser/);
  const deskApproval = desk.page.locator('.ac-adaptiveCard').filter({ hasText: asked.ref }).filter({ has: desk.page.getByRole('button', { name: /^Refuser$/ }) }).last();
  await deskApproval.waitFor({ timeout: 30_000 });
  await desk.page.waitForTimeout(500);
  await shoot(desk.page, deskApproval, 'chat-11-desk-approval.png');
} finally {
  await browser.close();
}
