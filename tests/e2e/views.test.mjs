// The debugger's views in real Chromium: the Mill's figure wheels, the Store (watchpoints,
// jumping, the whole Store), the stack, the bell, the machine program beside the source,
// the progress of a long run, and the phone layout.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, assertAccessible, launch, openStudio, text, typeProgram } from "./helpers.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const click = (page, id) => page.locator(`[data-testid="${id}"]`).click();
const registerOf = (page, name) =>
  page.locator(".register", { has: page.locator(`[data-testid="reg-${name}"]`) });
// The figures a register's wheels show, most significant first.
const wheelFigures = (page, name) =>
  registerOf(page, name).locator("svg .digit .figure").allTextContents().then((t) => t.join(""));
const movedWheels = (page, name) => registerOf(page, name).locator("svg .digit.moved").count();

// Waits until a row is inside its scrolling panel's visible area (the panel scrolls on the
// next frame); fails if it never is.
const shownInPanel = (page, testid) => page.waitForFunction((id) => {
  const el = document.querySelector(`[data-testid="${id}"]`);
  if (!el) return false;
  const panel = el.closest(".store-scroll, .listing-scroll").getBoundingClientRect();
  const r = el.getBoundingClientRect();
  return r.top >= panel.top && r.bottom <= panel.bottom + 1;
}, testid, { timeout: 2000 });

test("registers are drawn as figure wheels, with the turned wheels marked", async () => {
  const { page, errors } = await openStudio(env);
  await typeProgram(page, "        LOAD A, 1234\n        LOAD B, -5\n        ADD A, 1\n        HALT\n");
  await click(page, "step");
  assert.equal(await text(page, "reg-A"), "1234");
  assert.equal(await wheelFigures(page, "A"), "1234");
  assert.equal(await movedWheels(page, "A"), 4, "every figure of A turned from 0");
  assert.equal(await registerOf(page, "A").locator("svg .folded text").textContent(), "46×0");
  assert.equal(await registerOf(page, "A").locator("svg .sign .figure").textContent(), "+");
  assert.ok(await registerOf(page, "A").evaluate((el) => el.classList.contains("changed")));

  await click(page, "step");
  assert.equal(await text(page, "reg-B"), "-5");
  assert.equal(await registerOf(page, "B").locator("svg .sign .figure").textContent(), "−");
  assert.equal(await registerOf(page, "B").locator("svg .sign.moved").count(), 1, "the sign wheel turned");
  assert.equal(await movedWheels(page, "A"), 0, "A did not change in this step");

  await click(page, "step");
  assert.equal(await wheelFigures(page, "A"), "1235");
  assert.equal(await movedWheels(page, "A"), 1, "only the units wheel turned");
  assert.equal(await registerOf(page, "A").locator("svg .digit.moved .figure").textContent(), "5");
  await page.screenshot({ path: `${ARTIFACTS}/mill-wheels.png` });

  await page.locator('[data-testid="all-wheels"]').check();
  assert.equal(await registerOf(page, "A").locator("svg .digit").count(), 50);
  assert.equal((await wheelFigures(page, "A")).replace(/^0+/, ""), "1235");
  assert.equal(await registerOf(page, "A").locator("svg .folded").count(), 0);
  // Fifty wheels scroll inside the register; the page does not widen.
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth));
  assert.deepEqual(errors, []);
  await page.close();
});

const WATCHED = [
  ".data total 0",
  "        LOAD A, 0",
  "loop:   ADD A, 1",
  "        CMP A, 50",
  "        JLT loop",
  "        STOR A, [total]",
  "        LOAD A, 7",
  "        STOR A, [total]",
  "        HALT",
  "",
].join("\n");

test("a watched Store column stops a run at the step that writes it, and Run back returns there", async () => {
  const { page } = await openStudio(env);
  await typeProgram(page, WATCHED);
  await click(page, "step");
  await page.locator('[data-testid="watch-0"]').check();
  await click(page, "run");
  await page.waitForFunction(() => document.querySelector('[data-testid="run"]:not([disabled])'));
  // LOAD, then 50 rounds of three instructions, then the STOR: step 152.
  assert.equal(await text(page, "steps"), "152");
  assert.equal(await text(page, "col-0"), "50");
  assert.equal(await text(page, "run-note"), "Stopped: column 0 (total) changed from 0 to 50");
  assert.match(await page.locator('[data-testid="store"] tr.changed').innerText(), /total/);
  await page.screenshot({ path: `${ARTIFACTS}/store-watchpoint.png` });

  await click(page, "run");
  await page.waitForFunction(() => document.querySelector('[data-testid="steps"]').textContent === "154");
  assert.equal(await text(page, "col-0"), "7");
  await click(page, "run");
  await page.waitForFunction(() => document.querySelector('[data-testid="steps"]').textContent === "155");

  await click(page, "run-back");
  assert.equal(await text(page, "steps"), "154");
  await click(page, "run-back");
  assert.equal(await text(page, "steps"), "152");
  assert.equal(await text(page, "col-0"), "50");
  assert.match(await text(page, "run-note"), /column 0 \(total\) changed from 0 to 50/);

  // Unwatched, the run goes to the end; and a new run keeps the watchpoints set.
  await page.locator('[data-testid="watch-0"]').uncheck();
  await click(page, "run");
  await page.waitForFunction(() => document.querySelector('[data-testid="steps"]').textContent === "155");
  await page.locator('[data-testid="watch-0"]').check();
  await click(page, "reset");
  await click(page, "run");
  await page.waitForFunction(() => document.querySelector('[data-testid="steps"]').textContent === "152");
  await page.close();
});

test("jumping to a column or a data name shows it in the Store, anywhere in it", async () => {
  const { page } = await openStudio(env);
  await typeProgram(page, ".zero pad 5000\n.data far 77, 78\n        LOAD A, [far+1]\n        HALT\n");
  assert.equal(await text(page, "store-hint"), "Step or run the program to see its Store, or show a column.");
  // Jumping needs no run first.
  const jump = async (where) => {
    await page.locator('[data-testid="store-jump"]').fill(where);
    await page.locator('[data-testid="store-jump"]').press("Enter");
  };
  await jump("far");
  const row = page.locator('[data-testid="store-row-5000"]');
  await row.waitFor();
  await page.locator('[data-testid="store-hint"]').waitFor({ state: "detached" });
  assert.equal(await text(page, "col-5000"), "77");
  assert.match(await row.innerText(), /far/);
  await shownInPanel(page, "store-row-5000");
  assert.ok(await row.evaluate((el) => el.classList.contains("target")));
  assert.equal(await text(page, "store-range"), "columns 4992 to 5055 of 0 to 9999");
  assert.equal(await text(page, "store-error"), "");
  await page.screenshot({ path: `${ARTIFACTS}/store-jump.png` });

  await jump("far+1");
  assert.equal(await text(page, "col-5001"), "78");
  await jump("9999");
  await shownInPanel(page, "store-row-9999");
  assert.ok(await page.locator('[data-testid="store-later"]').isDisabled());
  await click(page, "store-earlier");
  assert.equal(await text(page, "store-range"), "columns 9872 to 9935 of 0 to 9999");

  await jump("12345");
  assert.equal(await text(page, "store-error"), "there is no column 12345: the Store has columns 0 to 9999");
  await jump("farther");
  assert.equal(await text(page, "store-error"), "no data named `farther` (this program has `pad`, `far`)");
  await jump("0");
  assert.equal(await text(page, "store-error"), "");
  await shownInPanel(page, "store-row-0");
  await page.close();
});

test("the stack shows its entries top first, with their columns", async () => {
  const { page } = await openStudio(env);
  await typeProgram(page, "        PUSH 5\n        PUSH 7\n        POP A\n        POP B\n        HALT\n");
  assert.equal(await text(page, "stack"), "Not started");
  await click(page, "step");
  await click(page, "step");
  assert.equal(await page.locator('[data-testid="stack"] li').count(), 2);
  assert.match(await text(page, "stack-0"), /^9998\s+7\s+top$/);
  assert.match(await text(page, "stack-1"), /^9999\s+5$/);
  assert.ok(await page.locator('[data-testid="stack-0"]').evaluate((el) => el.classList.contains("changed")), "the entry just pushed");
  await click(page, "step");
  assert.match(await text(page, "stack-0"), /^9999\s+5\s+top$/);
  await click(page, "step-back");
  assert.match(await text(page, "stack-0"), /^9998\s+7\s+top$/);
  await click(page, "step");
  await click(page, "step");
  assert.equal(await text(page, "stack"), "Empty");
  await page.close();
});

const BELLS = "        LOAD B, 3\nring:   BELL\n        SUB B, 1\n        JNZ ring\n        HALT\n";

test("the bell: each ring is counted and shown, and sounds unless muted (remembered)", async () => {
  const { page } = await openStudio(env);
  await typeProgram(page, BELLS);
  assert.equal(await text(page, "bells"), "0");
  await click(page, "run");
  await page.locator(".bell.ringing").waitFor();
  assert.equal(await text(page, "bells"), "3");
  const sounded = Number(await page.locator('[data-testid="bells"]').getAttribute("data-sounded"));
  assert.ok(sounded >= 1, "a tone was started");
  await page.screenshot({ path: `${ARTIFACTS}/bell.png` });

  // Step by step, each ring counts.
  await click(page, "reset");
  assert.equal(await text(page, "bells"), "0");
  await click(page, "step");
  await click(page, "step");
  assert.equal(await text(page, "bells"), "1");
  await click(page, "step-back");
  assert.equal(await text(page, "bells"), "0");

  await page.locator('[data-testid="mute"]').check();
  await page.reload();
  await page.locator('[data-testid="run"]:not([disabled])').waitFor();
  assert.ok(await page.locator('[data-testid="mute"]').isChecked(), "the mute is remembered");
  await click(page, "run");
  await page.waitForFunction(() => document.querySelector('[data-testid="bells"]').textContent === "3");
  assert.equal(await page.locator('[data-testid="bells"]').getAttribute("data-sounded"), "0", "muted: no tone");
  await page.locator('[data-testid="mute"]').uncheck();
  await page.close();
});

test("the machine program beside the source, linked both ways", async () => {
  const { page } = await openStudio(env);
  await typeProgram(page, [
    "; count down",
    "        LOAD A, 3",
    "again:  SUB A, 1",
    "",
    "        JNZ again",
    "        HALT",
    "",
  ].join("\n"));
  const rows = page.locator('[data-testid="listing"] tbody tr');
  assert.equal(await page.locator(".listing-empty").count(), 0);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="listing"] tbody tr').length === 4);
  assert.deepEqual(await rows.allInnerTexts(), ["0\t\tLOAD A, 3", "1\tagain\tSUB  A, 1", "2\t\tJNZ  again", "3\t\tHALT"]);
  const linked = () => page.locator('[data-testid="listing"] tr.linked').evaluateAll((r) => r.map((e) => e.dataset.testid));
  const editorLinked = () => page.locator(".cm-linked-line").allInnerTexts();

  // A source line pointed at: its instruction lights up.
  await page.locator(".cm-line").nth(4).hover();
  assert.deepEqual(await linked(), ["insn-2"]);
  await page.locator(".cm-line").nth(3).hover();
  assert.deepEqual(await linked(), [], "a blank line has no instruction");
  // An instruction pointed at: its source line lights up in the editor.
  await page.locator('[data-testid="insn-1"]').hover();
  assert.deepEqual(await editorLinked(), ["again:  SUB A, 1"]);
  assert.deepEqual(await linked(), ["insn-1"]);
  // Clicked, it stays linked after the pointer leaves.
  await page.locator('[data-testid="insn-3"]').click();
  await page.locator("h1").hover();
  assert.deepEqual(await editorLinked(), ["        HALT"]);
  assert.deepEqual(await linked(), ["insn-3"]);
  // A click on a source line chooses it too.
  await page.locator(".cm-line").nth(1).click();
  await page.locator("h1").hover();
  assert.deepEqual(await linked(), ["insn-0"]);

  // While debugging, the next instruction is highlighted.
  await click(page, "step");
  await click(page, "step");
  await click(page, "step");
  const current = page.locator('[data-testid="listing"] tr.current');
  assert.equal(await current.getAttribute("data-testid"), "insn-1", "back round the loop");
  assert.equal(await current.getAttribute("aria-current"), "step");
  assert.equal(await page.locator(".cm-current-step").innerText(), "again:  SUB A, 1");
  await page.screenshot({ path: `${ARTIFACTS}/program-view.png` });
  await assertAccessible(page, "while debugging");
  await page.close();
});

test("a long run shows its progress, and pausing or stopping it says what the loop was doing", async () => {
  const { page } = await openStudio(env);
  await typeProgram(page, "        LOAD A, 0\nspin:   ADD A, 1\n        JMP spin\n");
  await click(page, "run");
  await page.waitForFunction(() => /^Running: [\d,]{9,} steps, \d+ million steps a second$/.test(document.querySelector('[data-testid="progress"]').textContent));
  await page.screenshot({ path: `${ARTIFACTS}/long-run-progress.png` });
  await click(page, "pause");
  const steps = Number(await text(page, "steps"));
  assert.equal(await text(page, "progress"), "");
  assert.equal(
    await text(page, "run-note"),
    `Paused after ${steps.toLocaleString("en-US")} steps; the last 1,000,000 steps stayed within lines 2–3 (\`spin\`)`,
  );
  assert.equal(Number(await text(page, "steps")), steps, "looking back left the run where it was");
  await page.screenshot({ path: `${ARTIFACTS}/long-run-note.png` });

  await click(page, "run");
  await page.waitForFunction((before) => Number(document.querySelector('[data-testid="steps"]').textContent) > before + 2_000_000, steps);
  await click(page, "stop");
  assert.match(await text(page, "run-note"), /^Stopped after [\d,]{9,} steps; the last 1,000,000 steps stayed within lines 2–3 \(`spin`\)$/);
  assert.equal(await text(page, "steps"), "0");

  // Without a history to look back on, the note says where the run goes next.
  await page.locator('[data-testid="record"]').uncheck();
  await click(page, "run");
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="steps"]').textContent) > 2_000_000);
  await click(page, "pause");
  assert.match(await text(page, "run-note"), /; the next 1,000,000 steps stay within lines 2–3 \(`spin`\)$/);

  // A short run says nothing of the kind.
  await page.locator('[data-testid="record"]').check();
  await typeProgram(page, "        LOAD A, 1\n        HALT\n");
  await click(page, "run");
  await page.waitForFunction(() => document.querySelector('[data-testid="run"]:not([disabled])'));
  assert.equal(await text(page, "run-note"), "");
  await page.close();
});

for (const theme of ["light", "dark"]) {
  test(`on a 360 px touch screen (${theme}) the page fits, and Run and Step work by tapping`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const { page, errors } = await openStudio(env, { context });
    await page.locator('[data-testid="theme"]').selectOption(theme);
    const overflow = () => page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
    assert.equal(await page.evaluate(() => innerWidth), 360);
    assert.ok(await overflow() <= 0, "no sideways scrolling at load");
    await page.locator('[data-testid="step"]').tap();
    await page.locator('[data-testid="step"]').tap();
    assert.equal(await text(page, "steps"), "2");
    await page.locator('[data-testid="run"]').tap();
    await page.waitForFunction(() => document.querySelector('[data-testid="output"]').textContent.startsWith("1\n2\n6\n"));
    assert.match(await text(page, "output"), /^1\n2\n6\n24\n120\n720\n5040\n40320\n362880\n3628800\n$/);
    assert.equal(await text(page, "reg-A"), "3628800");
    // Every control is on the screen's width and big enough to tap.
    for (const button of await page.locator('[role="toolbar"] button').all()) {
      assert.ok(await button.isVisible());
      const box = await button.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 360, `${await button.innerText()} is within the screen`);
      assert.ok(box.height >= 44, `${await button.innerText()} is tall enough to tap`);
    }
    await page.locator('[data-testid="all-wheels"]').check();
    await page.locator('[data-testid="store-jump"]').fill("9999");
    await page.locator('[data-testid="store-go"]').tap();
    assert.ok(await overflow() <= 0, "no sideways scrolling with fifty wheels and the Store shown");
    await page.locator('[data-testid="all-wheels"]').uncheck();
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: `${ARTIFACTS}/phone-360-${theme}.png`, fullPage: true });
    // At twice the text size the page still fits (a phone widens its layout to fit what
    // overflows, so the width itself is checked too).
    await page.locator('[data-testid="font-size"]').selectOption("200");
    assert.equal(await page.evaluate(() => innerWidth), 360);
    assert.ok(await overflow() <= 0, "no sideways scrolling at 200 % text");
    await page.locator('[data-testid="font-size"]').selectOption("100");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("the desktop layout in the dark theme", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const { page } = await openStudio(env, { context });
  await page.locator('[data-testid="theme"]').selectOption("dark");
  await page.locator('[data-testid="examples"]').selectOption("primes");
  await page.waitForFunction(() => document.querySelector('[data-testid="editor"] .cm-content').innerText.includes("isprime"));
  for (let i = 0; i < 12; i++) await click(page, "step");
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth));
  await page.screenshot({ path: `${ARTIFACTS}/desktop-dark.png`, fullPage: true });
  await context.close();
});
