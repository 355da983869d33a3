// Shared by the browser tests: Chromium, the studio page, typing a program, reading values,
// and axe-core.
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

export const ARTIFACTS = "test-artifacts";

// Serves dist/ and launches Debian's Chromium.
export async function launch() {
  await mkdir(ARTIFACTS, { recursive: true });
  const server = await serve("dist");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--autoplay-policy=no-user-gesture-required",
    ],
  });
  return {
    server, browser,
    close: async () => { await browser.close(); server.close(); },
  };
}

// Opens the studio (optionally in a context with its own options) and waits until a
// student could start: the editor is there and Run is enabled.
export async function openStudio(env, { context, query = "" } = {}) {
  const page = await (context ?? env.browser).newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(env.server.url + query);
  await page.locator('[data-testid="editor"] .cm-content').waitFor();
  await page.locator('[data-testid="run"]:not([disabled])').waitFor();
  return { page, errors };
}

// Replaces the editor's text the way a student would: select all, then type.
export async function typeProgram(page, text) {
  await page.locator('[data-testid="editor"] .cm-content').click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

export const text = (page, id) => page.locator(`[data-testid="${id}"]`).innerText();

// Runs axe-core in every theme; fails on any serious or critical violation.
export async function assertAccessible(page, where) {
  if (!(await page.evaluate(() => "axe" in globalThis))) {
    await page.addScriptTag({ content: await readFile("node_modules/axe-core/axe.min.js", "utf8") });
  }
  for (const theme of ["light", "dark", "contrast"]) {
    await page.locator('[data-testid="theme"]').selectOption(theme);
    const result = await page.evaluate(() => globalThis.axe.run());
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad.map((v) => `${where}, ${theme}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(" ")})`), []);
  }
  await page.locator('[data-testid="theme"]').selectOption("light");
}
