// The web app in real Chromium: what a student does and sees.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const ARTIFACTS = "test-artifacts";
let server;
let browser;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await serve("dist");
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openStudio() {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.locator('[data-testid="editor"] .cm-content').waitFor();
  await page.locator('[data-testid="run"]:not([disabled])').waitFor();
  return { page, errors };
}

// Replaces the editor's text the way a student would: select all, then type.
async function typeProgram(page, text) {
  await page.locator('[data-testid="editor"] .cm-content').click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

const text = (page, id) => page.locator(`[data-testid="${id}"]`).innerText();

test("a student sees a diagnostic, fixes it, runs the program and steps back", async () => {
  const { page, errors } = await openStudio();
  await typeProgram(page, "        LOAD A, 6\n        MUL A, 7\n        WRPRN A\n        HALT\n");
  const diagnostic = page.locator('[data-testid="diagnostic"]');
  await diagnostic.first().waitFor();
  assert.match(await diagnostic.first().innerText(), /line 2:9: unknown mnemonic `MUL`/);
  assert.ok(await page.locator('[data-testid="run"]').isDisabled(), "Run is disabled while the program does not compile");
  await page.screenshot({ path: `${ARTIFACTS}/diagnostic.png` });

  await typeProgram(page, "        LOAD A, 6\n        MULT A, 7\n        WRPRN A\n        HALT\n");
  await page.locator('[data-testid="diagnostic"]').waitFor({ state: "detached" });
  await page.locator('[data-testid="run"]:not([disabled])').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="output"]').textContent === "42");
  assert.equal(await text(page, "reg-A"), "42");
  assert.equal(await text(page, "engine-time"), "14 s");

  // Back three steps, to just after the LOAD.
  for (let i = 0; i < 3; i++) await page.locator('[data-testid="step-back"]').click();
  assert.equal(await text(page, "steps"), "1");
  assert.equal(await text(page, "reg-A"), "6");
  assert.equal(await text(page, "pc"), "1");
  assert.equal(await text(page, "output"), "");
  await page.locator('[data-testid="step"]').click();
  assert.equal(await text(page, "reg-A"), "42");
  await page.screenshot({ path: `${ARTIFACTS}/stepped-back.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test("an endless loop keeps the page responsive and Stop ends it", async () => {
  const { page } = await openStudio();
  await typeProgram(page, "loop:   ADD A, 1\n        JMP loop\n");
  await page.locator('[data-testid="run"]:not([disabled])').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="steps"]').textContent) > 3_000_000);
  await page.locator('[data-testid="pause"]').click();
  const paused = Number(await text(page, "steps"));
  await page.waitForTimeout(300);
  assert.equal(Number(await text(page, "steps")), paused, "nothing runs after Pause");
  await page.locator('[data-testid="stop"]').click();
  assert.equal(await text(page, "steps"), "0");
  await page.close();
});

test("a runtime fault shows its line, and stepping back leaves it", async () => {
  const { page } = await openStudio();
  await typeProgram(page, "        RDCRD B\n        LOAD A, 100\n        DIV A, B\n        HALT\n");
  await page.locator('[data-testid="input-cards"]').fill("0");
  await page.locator('[data-testid="run"]:not([disabled])').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="fault"]').textContent !== "");
  assert.equal(await text(page, "fault"), "line 3: division by zero");
  await page.locator('[data-testid="step-back"]').click();
  assert.equal(await text(page, "fault"), "");
  assert.equal(await text(page, "reg-A"), "100");
  await page.close();
});

test("what the student typed survives a reload", async () => {
  const { page } = await openStudio();
  await typeProgram(page, "        WRPRN 1234\n        HALT\n");
  await page.waitForTimeout(200);
  await page.reload();
  await page.locator('[data-testid="editor"] .cm-content').waitFor();
  assert.match(await page.locator('[data-testid="editor"] .cm-content').innerText(), /WRPRN 1234/);
  await page.close();
});

test("the main page has no serious or critical accessibility violation", async () => {
  const { page } = await openStudio();
  await page.addScriptTag({ content: await readFile("node_modules/axe-core/axe.min.js", "utf8") });
  const result = await page.evaluate(() => globalThis.axe.run());
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), []);
  await page.close();
});

test("step over a call, step out of one, and drag the timeline", async () => {
  const { page } = await openStudio();
  await typeProgram(page, [
    ".data total 0",
    "main:   LOAD A, 5",
    "        CALL double",
    "        STOR A, [total]",
    "        HALT",
    "double: ADD A, A",
    "        RET",
    "",
  ].join("\n"));
  await page.locator('[data-testid="step"]:not([disabled])').click();
  assert.equal(await text(page, "pc"), "1");
  await page.locator('[data-testid="step-over"]').click();
  assert.equal(await text(page, "pc"), "2", "stopped after the call returned");
  assert.equal(await text(page, "reg-A"), "10");
  await page.locator('[data-testid="step"]').click();
  assert.equal(await text(page, "col-0"), "10", "the Store shows the column written");
  assert.match(await page.locator('[data-testid="store"] tr.changed').innerText(), /total/);

  // Back to the start of the run and into the call, then out of it.
  await page.locator('[data-testid="timeline"]').fill("2");
  assert.equal(await text(page, "steps"), "2");
  assert.equal(await text(page, "pc"), "4", "inside the call");
  await page.locator('[data-testid="step-out"]').click();
  assert.equal(await text(page, "pc"), "2");
  assert.equal(await text(page, "sp"), "10000");
  await page.screenshot({ path: `${ARTIFACTS}/store-and-timeline.png` });
  await page.close();
});

test("opening an example keeps the student's program, and links open examples", async () => {
  const { page } = await openStudio();
  await page.locator('[data-testid="examples"]').selectOption("mine");
  await typeProgram(page, "        WRPRN 7\n        HALT\n");
  await page.locator('[data-testid="examples"]').selectOption("primes");
  await page.waitForFunction(() => document.querySelector('[data-testid="editor"] .cm-content').innerText.includes("isprime"));
  await page.locator('[data-testid="run"]:not([disabled])').click();
  const primes = await readFile("tests/programs/asm/primes.out", "utf8");
  await page.waitForFunction((want) => document.querySelector('[data-testid="output"]').textContent === want, primes);
  await page.locator('[data-testid="examples"]').selectOption("mine");
  await page.waitForFunction(() => document.querySelector('[data-testid="editor"] .cm-content').innerText.includes("WRPRN 7"));
  await page.close();

  const linked = await browser.newPage();
  await linked.goto(`${server.url}?lang=basm&example=sum_cards`);
  await linked.locator('[data-testid="run"]:not([disabled])').click();
  const sum = await readFile("tests/programs/asm/sum_cards.out", "utf8");
  await linked.waitForFunction((want) => document.querySelector('[data-testid="output"]').textContent === want, sum);
  assert.equal(await linked.locator('[data-testid="input-cards"]').inputValue(), "5 100 -30 7 250 -2");
  await linked.close();
});

test("keyboard shortcuts, the speed control and recording", async () => {
  const { page } = await openStudio();
  await typeProgram(page, "loop:   ADD A, 1\n        JMP loop\n");
  await page.locator('[data-testid="run"]:not([disabled])').waitFor();
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Alt+S");
  await page.keyboard.press("Alt+S");
  assert.equal(await text(page, "steps"), "2");
  await page.keyboard.press("Alt+B");
  assert.equal(await text(page, "steps"), "1");
  assert.match(await page.locator(".help").innerText(), /Keyboard shortcuts/);

  // One step a second: a run paused after the first step has taken only a few.
  await page.locator('[data-testid="speed"]').selectOption("1");
  await page.locator('[data-testid="run"]').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="steps"]').textContent) >= 2);
  await page.locator('[data-testid="pause"]').click();
  assert.ok(Number(await text(page, "steps")) < 10, "ran slowly");

  // Without recording there is no stepping back.
  await page.locator('[data-testid="record"]').uncheck();
  await page.locator('[data-testid="step"]').click();
  assert.ok(await page.locator('[data-testid="step-back"]').isDisabled());
  await page.close();
});

test("the theme and text size are chosen and remembered", async () => {
  const { page } = await openStudio();
  await page.locator('[data-testid="theme"]').selectOption("contrast");
  await page.locator('[data-testid="font-size"]').selectOption("150");
  const look = () => page.evaluate(() => [
    document.documentElement.dataset.theme,
    getComputedStyle(document.documentElement).backgroundColor,
    getComputedStyle(document.documentElement).fontSize,
  ]);
  const chosen = await look();
  assert.deepEqual(chosen, ["contrast", "rgb(0, 0, 0)", "24px"]);
  await page.reload();
  await page.locator('[data-testid="run"]:not([disabled])').waitFor();
  assert.deepEqual(await look(), chosen);
  await page.screenshot({ path: `${ARTIFACTS}/high-contrast.png` });
  await page.close();
});

test("every theme has no serious or critical accessibility violation", async () => {
  const { page } = await openStudio();
  await page.addScriptTag({ content: await readFile("node_modules/axe-core/axe.min.js", "utf8") });
  for (const theme of ["light", "dark", "contrast"]) {
    await page.locator('[data-testid="theme"]').selectOption(theme);
    const result = await page.evaluate(() => globalThis.axe.run());
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad.map((v) => `${theme}: ${v.id}: ${v.help}`), []);
  }
  await page.close();
});

test("a breakpoint set in the gutter stops the run, and run to cursor", async () => {
  const { page } = await openStudio();
  await typeProgram(page, [
    "        LOAD A, 0",
    "loop:   ADD A, 1",
    "        CMP A, 5",
    "        JLT loop",
    "        WRPRN A",
    "        HALT",
    "",
  ].join("\n"));
  await page.locator(".cm-line").nth(2).click();
  await page.keyboard.press("F9");
  // The gutter keeps one hidden marker as a spacer; the visible one is the breakpoint.
  await page.locator(".cm-breakpoint:visible").waitFor();
  await page.locator('[data-testid="run"]:not([disabled])').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="pc"]').textContent === "2");
  assert.equal(await text(page, "reg-A"), "1");
  assert.equal(await text(page, "run-note"), "Stopped at the breakpoint on line 3");
  await page.locator('[data-testid="run"]:not([disabled])').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="reg-A"]').textContent === "2");
  assert.equal(await text(page, "pc"), "2");
  await page.screenshot({ path: `${ARTIFACTS}/breakpoint.png` });

  // Clearing it with a click on its marker; then run to the cursor's line.
  await page.locator(".cm-breakpoint:visible").click();
  await page.locator(".cm-breakpoint:visible").waitFor({ state: "detached" });
  await page.locator(".cm-line").nth(4).click();
  await page.locator('[data-testid="run-to-cursor"]').click();
  assert.equal(await text(page, "pc"), "4");
  assert.equal(await text(page, "reg-A"), "5");
  await page.close();
});
