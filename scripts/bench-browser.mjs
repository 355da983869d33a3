// The web app's budgets in headless Chromium, over the built dist/:
//   node scripts/bench-browser.mjs
// Prints the time to interactive (cold load on localhost, until the editor takes input and
// Run is enabled; median of five) and the emulator's speed in the browser with reverse
// recording off and on (a 150-million-step counting loop run from the Run button).
import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/serve.mjs";

const server = await serve("dist");
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function open(query = "") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + query);
  await page.locator('[data-testid="editor"] .cm-content').waitFor();
  await page.locator('[data-testid="run"]:not([disabled])').waitFor();
  const ms = await page.evaluate(() => performance.now());
  return { page, context, ms };
}

const loads = [];
for (let i = 0; i < 5; i++) {
  const { context, ms } = await open();
  loads.push(ms);
  await context.close();
}
loads.sort((a, b) => a - b);
console.log(`interactive after a cold load: median ${loads[2].toFixed(0)} ms (of ${loads.map((m) => m.toFixed(0)).join(", ")})`);

const LOOP = "        LOAD A, 0\nloop:   ADD A, 1\n        CMP A, 50000000\n        JLT loop\n        WRPRN A\n        HALT\n";
for (const record of ["off", "on"]) {
  const { page, context } = await open(`?record=${record}`);
  await page.locator('[data-testid="editor"] .cm-content').click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(LOOP);
  await page.waitForTimeout(300);
  const start = await page.evaluate(() => performance.now());
  await page.locator('[data-testid="run"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]').textContent === "50000000", null, { timeout: 120_000 });
  const end = await page.evaluate(() => performance.now());
  const steps = Number(await page.locator('[data-testid="steps"]').innerText());
  console.log(`emulator in the browser, recording ${record}: ${(steps / (end - start) / 1000).toFixed(0)} million instructions per second (${steps} steps)`);
  await context.close();
}
await browser.close();
server.close();
