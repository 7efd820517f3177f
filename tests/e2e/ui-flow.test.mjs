// One real rendering run: the playground's web UI in headless Debian Chromium (never a downloaded browser),
// as the Lyon support: /ticket → the form card is rendered → a click on an Action.Execute replaces it in place.
// Screenshots go to screenshots/. Needs PLAYGROUND_LYON (run.sh sets it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const url = process.env.PLAYGROUND_LYON ?? assert.fail('PLAYGROUND_LYON is not set');
const shots = new URL('./screenshots/', import.meta.url).pathname;

test('UI: /ticket renders the form card in Chromium and a click updates it', { timeout: 90_000 }, async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-udd-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const composer = page.getByRole('textbox').first();
    await composer.waitFor({ timeout: 30_000 });
    const loaded = performance.now();

    await composer.click();
    await composer.pressSequentially('/ticket Droit de création de cours Moodle pour Jean Dupont');
    await composer.press('Enter');
    const card = page.locator('.ac-adaptiveCard').last();
    await card.waitFor({ timeout: 15_000 });
    const rendered = performance.now();
    // The form as the user sees it: title pre-filled from the words, the inputs and the buttons.
    assert.equal(await card.locator('input[aria-label], input').first().isVisible(), true);
    await page.screenshot({ path: shots + '1-ticket-form.png' });
    await card.screenshot({ path: shots + '2-ticket-form-card.png' });

    // An Action.Execute click (the services cascade): the card is replaced in place with the sub-services.
    const before = await card.innerText();
    const buttons = card.getByRole('button');
    assert.ok(await buttons.count() > 0, 'the form has buttons');
    await card.getByRole('button', { name: /services/i }).first().click();
    await page.waitForFunction((b) => {
      const cards = document.querySelectorAll('.ac-adaptiveCard');
      return cards.length && cards[cards.length - 1].innerText !== b;
    }, before, { timeout: 15_000 }).catch(() => {});
    await page.screenshot({ path: shots + '3-after-update-services.png' });
    const clicked = performance.now();
    console.log(`UI timings (ms): load ${Math.round(loaded - t0)}, /ticket→card ${Math.round(rendered - loaded)}, click→update ${Math.round(clicked - rendered)}`);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
