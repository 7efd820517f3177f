// The pictures of the README's "first ten minutes", taken from the playgrounds of the chat command in headless Debian
// Chromium (apt-get install -y chromium): the Lyon support's welcome card and ticket form, the approval card in Hélène
// Dechelette's chat and her decision, the ticket card the group desk gets then. Run it while `bash tests/e2e/chat.sh` runs with its default
// people, giving their URLs in its order (Lyon support, group desk, intervenant, approver):
//   node --experimental-websocket tests/e2e/chat-screenshots.mjs http://127.0.0.1:56150 … http://127.0.0.1:56153
// Writes screenshots/chat-*.png beside this file (the README's copies). It opens a real ticket in the bot's iTop.
import assert from 'node:assert/strict';
import { launchChromium, openPlayground, type } from './lib/browser.mjs';
import { Playground, actionData } from './lib/playground.mjs';

const [lyonUrl, deskUrl, , approverUrl] = process.argv.slice(2);
assert.ok(lyonUrl && deskUrl && approverUrl, 'usage: chat-screenshots.mjs <lyon> <desk> <intervenant> <approver>');
const shots = new URL('./screenshots/', import.meta.url).pathname;
const TITLE = 'Droit de création de cours Moodle pour Jean Dupont';

const browser = await launchChromium({ width: 1280, height: 960 });
const lastCard = (page) => page.locator('.ac-adaptiveCard').last();
async function shoot(page, card, name) {
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: shots + name });
  console.log('wrote screenshots/' + name);
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
  const created = await api.execute(api.personalChat, draft.messageId, 'openTicket', {
    ...actionData(draft.card, 'openTicket'), brique: '2', service: '4', subService: '8', title: TITLE,
    description: "Jean Dupont, enseignant, doit pouvoir créer ses cours sur OpenMoodle.\nAccord de la direction d'ici vendredi.",
    onBehalfOf: '11', ticketType: 'service_request', urgency: '3', needsApproval: 'true',
  });
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
} finally {
  await browser.close();
}
