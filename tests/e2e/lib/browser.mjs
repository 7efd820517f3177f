// Headless Debian Chromium (never a downloaded browser) through playwright-core, in a throw-away profile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** A persistent context (the playground's UI keeps state in local storage); close() also removes the profile. */
export async function launchChromium({ width = 1440, height = 1100 } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-udd-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width, height },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a playground's UI and waits for its composer (Lexical's contenteditable; the cards' inputs are textboxes too);
 * `logPanel: false` hides the panel of the playground's exchanges with the bot.
 */
export async function openPlayground(context, url, { logPanel = true } = {}) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const composer = page.locator('[contenteditable="true"]').first();
  await composer.waitFor({ timeout: 60_000 });
  if (logPanel === false) await page.locator('button[title="Hide log panel"]').click();
  return { page, composer };
}

/** Types a message in the composer and sends it. */
export async function type(composer, text) {
  await composer.click();
  await composer.pressSequentially(text);
  await composer.press('Enter');
}
