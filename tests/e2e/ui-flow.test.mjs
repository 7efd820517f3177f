// One real rendering run: the playground's web UI in headless Debian Chromium (never a downloaded browser),
// as the Lyon support: /ticket → the form card is rendered → a service is chosen and "Update the choices" clicked
// (Action.Execute) → the card is replaced in place with the sub-services → /tickets shows the list.
// Screenshots go to artifacts/screenshots/ (ignored by git; the README's copies are in screenshots/).
// Needs PLAYGROUND_LYON (run.sh sets it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launchChromium, openPlayground, type } from './lib/browser.mjs';

const url = process.env.PLAYGROUND_LYON ?? assert.fail('PLAYGROUND_LYON is not set');
const shots = new URL('./artifacts/screenshots/', import.meta.url).pathname;
fs.mkdirSync(shots, { recursive: true });

test('UI: /ticket renders the form card in Chromium and a click updates it', { timeout: 90_000 }, async () => {
  const browser = await launchChromium();
  try {
    const t0 = performance.now();
    const { page, composer } = await openPlayground(browser.context, url);
    const loaded = performance.now();

    await type(composer, '/ticket Droit de création de cours Moodle pour Jean Dupont');
    const card = page.locator('.ac-adaptiveCard').last();
    await card.waitFor({ timeout: 15_000 });
    const rendered = performance.now();
    // The form as the user sees it: the title pre-filled from the words, and the create button.
    await card.getByRole('button', { name: /Create the ticket|Créer le ticket/ }).waitFor({ timeout: 5_000 });
    assert.equal(await card.locator('input').evaluateAll((xs) => xs.some((x) => x.value.includes('Moodle pour Jean Dupont'))), true);
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: shots + '1-ticket-form.png' });

    // An Action.Execute click (the choices cascade): the UI posts the adaptiveCard/action invoke, the bot answers
    // with a card (200) and the card is re-rendered in place with the title still there.
    // Choose the service "Droits Moodle" in the compact ChoiceSet (a Fluent combobox: Area, then Service).
    await card.getByRole('combobox').nth(1).click();
    await page.getByRole('option', { name: 'Droits Moodle' }).click();
    const invoked = page.waitForResponse((r) => r.url().endsWith('/_conversation/v1/invoke'), { timeout: 15_000 });
    await card.getByRole('button', { name: /Update the choices|Mettre à jour/ }).click();
    const response = await invoked;
    assert.equal(response.status(), 200);
    const answer = await response.json();
    assert.equal(answer.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(answer).slice(0, 300));
    await page.locator('.ac-adaptiveCard').last().locator('input[value="Droit de création de cours Moodle pour Jean Dupont"]')
      .waitFor({ state: 'attached', timeout: 15_000 });
    // The cascade: the answer offers the sub-services of "Droits Moodle".
    assert.match(JSON.stringify(answer.value), /"title":"Droit de création de cours"/);
    await page.locator('.ac-adaptiveCard').last().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: shots + '2-after-update-choices.png' });
    const clicked = performance.now();

    // The user's ticket list (the tickets of the other flows, and the seed's): a second card rendered.
    const cards = await page.locator('.ac-adaptiveCard').count();
    await type(composer, '/tickets');
    await page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, cards, { timeout: 15_000 });
    const list = page.locator('.ac-adaptiveCard').last();
    await list.getByText(/R-0000\d\d/).first().waitFor({ timeout: 5_000 });
    await list.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: shots + '3-my-tickets.png' });
    console.log(`UI timings (ms): load ${Math.round(loaded - t0)}, /ticket→card ${Math.round(rendered - loaded)}, click→update ${Math.round(clicked - rendered)}, /tickets→list ${Math.round(performance.now() - clicked)}`);
  } finally {
    await browser.close();
  }
});
