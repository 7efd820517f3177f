// The pictures of the README's feature table (issue 16): the ticket search in the message-extension dialog and an iTop
// ticket link unfurled then sent, in the Lyon support's playground (headless Debian Chromium). Run it while
// `bash tests/e2e/chat.sh lyon` runs, giving that playground's URL and the bot's iTop (the sandbox URL its log prints):
//   node --experimental-websocket tests/e2e/search-screenshots.mjs http://127.0.0.1:56150 http://127.0.0.1:<sandbox port>/
// Creates three INSA Lyon tickets in that iTop (as in its console) and writes screenshots/search-*.png beside this file.
import assert from 'node:assert/strict';
import { launchChromium, openPlayground } from './lib/browser.mjs';
import { Itop } from './lib/itop.mjs';

const [lyonUrl, itopUrl] = process.argv.slice(2);
assert.ok(lyonUrl && itopUrl, 'usage: search-screenshots.mjs <lyon playground> <iTop URL>');
const shots = new URL('./screenshots/', import.meta.url).pathname;
const itop = new Itop(itopUrl, process.env.ITOP_TOKEN || undefined);

const tickets = [];
for (const [title, service] of [
  ['Droit de création de cours Moodle pour Jean Dupont', 4],
  ['Restauration du cours Moodle de chimie organique', 5],
  ['Inscription d\'un enseignant au cours Moodle de thermique', 4],
]) {
  tickets.push(await itop.createTicket({ org_id: 3, caller_id: 11, service_id: service, title, description: 'Créé pour les captures.' }));
}

const browser = await launchChromium({ width: 1280, height: 960 });
try {
  const { page } = await openPlayground(browser.context, lyonUrl, { logPanel: false });
  await page.getByLabel('Trigger Message Extension App').click();
  await page.getByText('Search Command').click();
  await page.getByPlaceholder('Enter a search term').fill('moodle');
  await page.getByText(tickets[2].ref, { exact: false }).first().waitFor({ timeout: 30_000 });
  await page.getByText(tickets[0].ref, { exact: false }).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: shots + 'search-1-results.png' });
  console.log('wrote screenshots/search-1-results.png');
  await page.keyboard.press('Escape');

  await page.getByLabel('Trigger Message Extension App').click();
  await page.getByText('Link Unfurling').click();
  await page.getByLabel('Enter an URL').fill(`${itop.baseUrl}pages/UI.php?operation=details&class=UserRequest&id=${tickets[0].ref}`);
  await page.getByRole('button', { name: 'Send to Conversation' }).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Send to Conversation' }).click();
  const card = page.locator('.ac-adaptiveCard').last();
  await card.getByText(tickets[0].ref, { exact: false }).first().waitFor({ timeout: 30_000 });
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(500);
  await page.screenshot({ path: shots + 'search-2-unfurled.png' });
  console.log('wrote screenshots/search-2-unfurled.png');
} finally {
  await browser.close();
}
