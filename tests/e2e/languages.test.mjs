// C and Python in real Chromium: the language menu, each language's examples and links,
// compiling as the student types, stepping by source line, the IR beside the machine
// program, the optimisations switched off, and faults at their lines.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { ARTIFACTS, assertAccessible, launch, openStudio, text, typeProgram } from "./helpers.mjs";

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const click = (page, id) => page.locator(`[data-testid="${id}"]`).click();
const editorText = (page) => page.locator('[data-testid="editor"] .cm-content').innerText();
const waitForOutput = (page, want) =>
  page.waitForFunction((w) => document.querySelector('[data-testid="output"]').textContent === w, want);
const waitForEditor = (page, part) =>
  page.waitForFunction((p) => document.querySelector('[data-testid="editor"] .cm-content').innerText.includes(p), part);
const listingLength = (page) => page.locator('[data-testid="listing"] tbody tr').count();
// Waits until a program compiles: Run is enabled.
const compiled = (page) => page.locator('[data-testid="run"]:not([disabled])').waitFor();
// Waits until the IR view shows the program just typed (compiling waits for a pause in typing).
const irShows = (page, part) =>
  page.waitForFunction((p) => document.querySelector('[data-testid="ir"]')?.innerText.includes(p), part);

test("a link opens a C example, which runs to the corpus's output and shows what main returned", async () => {
  const { page, errors } = await openStudio(env, { query: "?lang=c&example=fib" });
  assert.equal(await page.locator('[data-testid="language"]').inputValue(), "c");
  assert.equal(await page.locator('[data-testid="examples"]').inputValue(), "fib");
  assert.match(await editorText(page), /int fib\(int n\)/);
  // C and Python are offered; languages the engine cannot compile yet are not.
  const offered = await page.locator('[data-testid="language"] option:not([disabled])').evaluateAll((o) => o.map((e) => e.value));
  assert.deepEqual(offered, ["basm", "c", "py"]);
  assert.ok(await page.locator('[data-testid="language"] option[value="hs"]').isDisabled());
  // The C keywords are highlighted.
  assert.ok(await page.locator(".cm-line span", { hasText: /^int$/ }).count() > 0);

  await click(page, "run");
  await waitForOutput(page, await readFile("tests/programs/c/corpus_fib.out", "utf8"));
  assert.equal(await text(page, "result"), "0");
  assert.match(await text(page, "engine-time"), /\d/);
  assert.equal(await text(page, "fault"), "");
  await page.screenshot({ path: `${ARTIFACTS}/c-fib.png`, fullPage: true });
  await assertAccessible(page, "a C example");
  assert.deepEqual(errors, []);
  await page.close();
});

test("every example of C and Python opens from its menu and runs", async () => {
  const { page } = await openStudio(env, { query: "?lang=c" });
  const cases = [
    ["c", "sum_cards", "tests/programs/c/corpus_sum_cards"],
    ["py", "cards_max", "tests/programs/python/cards_max"],
    ["py", "primes", "tests/programs/python/primes"],
  ];
  for (const [language, example, file] of cases) {
    await page.locator('[data-testid="language"]').selectOption(language);
    await page.locator('[data-testid="examples"]').selectOption(example);
    await compiled(page);
    const cards = await readFile(`${file}.in`, "utf8").catch(() => "");
    assert.equal(await page.locator('[data-testid="input-cards"]').inputValue(), cards.split(/\s+/).filter(Boolean).join(" "));
    await click(page, "run");
    await waitForOutput(page, await readFile(`${file}.out`, "utf8"));
  }
  const titles = await page.locator('[data-testid="examples"] option').allInnerTexts();
  assert.equal(titles.length, 7, "my program and the six Python programs of the corpus");
  await page.close();
});

test("in Python, an undeclared name is marked on its line with a hint; fixed, the program runs", async () => {
  const { page, errors } = await openStudio(env);
  await page.locator('[data-testid="language"]').selectOption("py");
  await waitForEditor(page, "def factorial");
  await typeProgram(page, "total = 0\nfor i in range(5):\n    total += i\nprint(totl)\n");
  const diagnostic = page.locator('[data-testid="diagnostic"]');
  await diagnostic.first().waitFor();
  assert.equal(await diagnostic.count(), 1);
  assert.equal(await diagnostic.innerText(), "line 4:7: undeclared name `totl` (hint: did you mean `total`?)");
  assert.ok(await page.locator('[data-testid="run"]').isDisabled());
  // The editor marks the name itself.
  await page.locator(".cm-lintRange-error").first().waitFor();
  assert.equal(await page.locator(".cm-lintRange-error").innerText(), "totl");
  await page.screenshot({ path: `${ARTIFACTS}/python-diagnostic.png` });
  // Its place takes the cursor there.
  await page.locator('[data-testid="diagnostic"] button').click();
  assert.equal(await page.locator(".cm-activeLine").innerText(), "print(totl)");
  await page.keyboard.type("a");
  await page.waitForFunction(() => document.querySelector('[data-testid="diagnostic"]')?.innerText.includes("`atotl`"));

  await typeProgram(page, "total = 0\nfor i in range(5):\n    total += i\nprint(total)\n");
  await diagnostic.first().waitFor({ state: "detached" });
  await compiled(page);
  await click(page, "run");
  await waitForOutput(page, "10\n");
  assert.equal(await page.locator('[data-testid="result"]').count(), 0, "a Python program returns nothing");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the editor indents Python after a colon and C inside braces", async () => {
  const { page } = await openStudio(env, { query: "?lang=py" });
  await typeProgram(page, "");
  await page.keyboard.type("for i in range(3):");
  await page.keyboard.press("Enter");
  await page.keyboard.type("print(i)");
  assert.deepEqual(await page.locator(".cm-line").allInnerTexts(), ["for i in range(3):", "    print(i)"]);
  await click(page, "run");
  await waitForOutput(page, "0\n1\n2\n");

  await page.locator('[data-testid="language"]').selectOption("c");
  await typeProgram(page, "");
  await page.keyboard.type("int main(void) {");
  await page.keyboard.press("Enter");
  await page.keyboard.type("return 7;");
  await page.keyboard.press("Enter");
  await page.keyboard.type("}");
  assert.deepEqual(await page.locator(".cm-line").allInnerTexts(), ["int main(void) {", "    return 7;", "}"]);
  // Ctrl+/ comments a line out in the language's own way, and back in.
  await page.locator(".cm-line").nth(1).click();
  await page.keyboard.press("Control+/");
  assert.equal(await page.locator(".cm-line").nth(1).innerText(), "    // return 7;");
  await page.keyboard.press("Control+/");
  assert.equal(await page.locator(".cm-line").nth(1).innerText(), "    return 7;");
  await click(page, "run");
  await page.locator('[data-testid="result"]').waitFor();
  assert.equal(await text(page, "result"), "7");
  await page.close();
});

const STEPPED = [
  "#include <stdio.h>",
  "int main(void) {",
  "    int n;",
  "    scanf(\"%d\", &n);",
  "    int a = n + 1;",
  "    int b = a * 3;",
  "    printf(\"%d\\n\", b);",
  "    return 0;",
  "}",
  "",
].join("\n");

test("step line moves through a C program one source line at a time; step, one instruction", async () => {
  const { page } = await openStudio(env, { query: "?lang=c" });
  await typeProgram(page, STEPPED);
  await page.locator('[data-testid="input-cards"]').fill("4");
  await compiled(page);
  const currentLine = () => page.locator(".cm-current-step").innerText();
  const lines = [];
  for (let i = 0; i < 5; i++) {
    await click(page, "step-line");
    lines.push(await currentLine());
  }
  assert.deepEqual(lines, [
    "    scanf(\"%d\", &n);",
    "    int a = n + 1;",
    "    int b = a * 3;",
    "    printf(\"%d\\n\", b);",
    "    return 0;",
  ]);
  assert.equal(await text(page, "output"), "15\n");

  // One instruction at a time: the step count goes up by one, the next instruction moves on.
  await click(page, "reset");
  await click(page, "step-line");
  const steps = Number(await text(page, "steps"));
  const pc = Number(await text(page, "pc"));
  await click(page, "step");
  assert.equal(Number(await text(page, "steps")), steps + 1);
  assert.equal(await page.locator('[data-testid="listing"] tr.current').getAttribute("data-testid"), `insn-${await text(page, "pc")}`);
  assert.notEqual(Number(await text(page, "pc")), pc);
  // The current IR instruction is the next machine instruction's.
  const title = await page.locator('[data-testid="listing"] tr.current').getAttribute("title");
  const ir = /IR #(\d+)/.exec(title)?.[1];
  if (ir !== undefined) {
    assert.equal(await page.locator('[data-testid="ir"] tr.current').getAttribute("data-testid"), `ir-${ir}`);
  }
  await page.screenshot({ path: `${ARTIFACTS}/c-step-line.png` });
  await page.close();
});

test("step line moves through a Python program too, and the IR row of each line is current", async () => {
  const { page } = await openStudio(env, { query: "?lang=py" });
  await typeProgram(page, "x = int(input())\ny = x * 2\nprint(y)\n");
  await page.locator('[data-testid="input-cards"]').fill("21");
  const lines = [];
  for (let i = 0; i < 3; i++) {
    await click(page, "step-line");
    lines.push(await page.locator(".cm-current-step").innerText());
    const current = page.locator('[data-testid="ir"] tr.current');
    if (await current.count() > 0) assert.equal(await current.getAttribute("title"), `from line ${i + 1}`);
  }
  assert.deepEqual(lines, ["x = int(input())", "y = x * 2", "print(y)"]);
  // And back a line: to the first step of the line before.
  await click(page, "step-line-back");
  assert.equal(await page.locator(".cm-current-step").innerText(), "y = x * 2");
  await click(page, "step-line-back");
  assert.equal(await page.locator(".cm-current-step").innerText(), "x = int(input())");
  await click(page, "step-line");
  assert.equal(await page.locator(".cm-current-step").innerText(), "y = x * 2");
  await click(page, "run");
  await waitForOutput(page, "42\n");
  await page.close();
});

test("in C, a breakpoint stops at its line, and an endless loop pauses with a note naming its function", async () => {
  const { page } = await openStudio(env, { query: "?lang=c" });
  await typeProgram(page, [
    "#include <stdio.h>",
    "int main(void) {",
    "    int total = 0;",
    "    for (int i = 1; i <= 4; i++) {",
    "        total += i * i;",
    "    }",
    "    printf(\"%d\\n\", total);",
    "    return 0;",
    "}",
    "",
  ].join("\n"));
  await page.locator(".cm-line").nth(4).click();
  await page.keyboard.press("F9");
  await page.locator(".cm-breakpoint:visible").waitFor();
  await click(page, "run");
  await page.waitForFunction(() => document.querySelector('[data-testid="run-note"]').textContent !== "");
  assert.equal(await text(page, "run-note"), "Stopped at the breakpoint on line 5");
  assert.equal(await page.locator(".cm-current-step").innerText(), "        total += i * i;");
  for (let round = 2; round <= 4; round++) {
    await click(page, "run");
    await page.waitForFunction(() => document.querySelector('[data-testid="run"]:not([disabled])'));
  }
  await page.locator(".cm-breakpoint:visible").click();
  await click(page, "run");
  await waitForOutput(page, "30\n");

  await typeProgram(page, "int main(void) {\n    int x = 0;\n    while (x >= 0)\n        x = x + 1;\n    return 0;\n}\n");
  await click(page, "run");
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="steps"]').textContent) > 2_000_000);
  await click(page, "pause");
  assert.match(await text(page, "run-note"), /^Paused after [\d,]+ steps; the last 1,000,000 steps stayed within lines 3–4 \(`main`\)$/);
  await click(page, "stop");
  assert.equal(await text(page, "steps"), "0");
  await page.close();
});

test("the IR view links its rows with the source and the machine program", async () => {
  const { page } = await openStudio(env, { query: "?lang=c" });
  await typeProgram(page, STEPPED);
  await irShows(page, "= read");
  const irRows = page.locator('[data-testid="ir"] tbody tr[data-testid^="ir-"]');
  assert.ok(await irRows.count() > 3);
  assert.match(await page.locator('[data-testid="ir"]').innerText(), /func main\(\)/);
  // The IR row of line 6, `int b = a * 3;`.
  const row = page.locator('[data-testid="ir"] tr[title="from line 6"]').first();
  const id = (await row.getAttribute("data-testid")).slice("ir-".length);
  await row.hover();
  assert.deepEqual(await page.locator(".cm-linked-line").allInnerTexts(), ["    int b = a * 3;"]);
  const machine = await page.locator('[data-testid="listing"] tr.linked-ir').evaluateAll((r) => r.map((e) => e.title));
  assert.ok(machine.length > 0, "the machine instructions made from it are marked");
  for (const title of machine) assert.equal(title, `from line 6, IR #${id}`);
  assert.ok(await page.locator('[data-testid="listing"] tr.linked').count() >= machine.length);

  // A source line pointed at marks its IR rows.
  await page.locator(".cm-line").nth(4).hover();
  const marked = await page.locator('[data-testid="ir"] tr.linked').evaluateAll((r) => r.map((e) => e.title));
  assert.ok(marked.length > 0);
  for (const title of marked) assert.equal(title, "from line 5");
  // A machine row pointed at marks its IR row.
  const insn = page.locator('[data-testid="listing"] tr[title^="from line 6, IR"]').first();
  const its = /IR #(\d+)/.exec(await insn.getAttribute("title"))[1];
  await insn.hover();
  assert.deepEqual(
    await page.locator('[data-testid="ir"] tr.linked-ir').evaluateAll((r) => r.map((e) => e.dataset.testid)),
    [`ir-${its}`],
  );
  await page.screenshot({ path: `${ARTIFACTS}/c-ir-view.png` });
  await page.locator('[data-testid="theme"]').selectOption("dark");
  await row.hover();
  await page.screenshot({ path: `${ARTIFACTS}/c-ir-view-dark.png` });
  await page.locator('[data-testid="theme"]').selectOption("light");
  await assertAccessible(page, "the IR view");
  await page.close();
});

test("without the optimisations the machine program is longer and prints the same", async () => {
  const { page } = await openStudio(env, { query: "?lang=c&example=bubble" });
  const want = await readFile("tests/programs/c/corpus_bubble.out", "utf8");
  const optimize = page.locator('[data-testid="optimize"]');
  assert.ok(await optimize.isChecked(), "on by default");
  const optimised = await listingLength(page);
  await click(page, "run");
  await waitForOutput(page, want);
  const optimisedSteps = Number(await text(page, "steps"));

  await optimize.uncheck();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="listing"] tbody tr').length !== n, optimised);
  const plain = await listingLength(page);
  assert.ok(plain > optimised, `${plain} instructions without the optimisations, ${optimised} with them`);
  assert.match(await text(page, "program-length"), new RegExp(` ${plain} instructions`));
  assert.equal(await text(page, "steps"), "0", "a new program starts a new run");
  await click(page, "run");
  await waitForOutput(page, want);
  assert.ok(Number(await text(page, "steps")) > optimisedSteps);
  await page.screenshot({ path: `${ARTIFACTS}/c-unoptimised.png` });
  await optimize.check();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="listing"] tbody tr').length === n, optimised);
  await page.close();
});

test("switching language and back keeps what was typed in each, and the language is remembered", async () => {
  const { page } = await openStudio(env);
  await typeProgram(page, "        WRPRN 7\n        HALT\n");
  await page.locator('[data-testid="input-cards"]').fill("1 2");
  await page.locator('[data-testid="language"]').selectOption("c");
  await waitForEditor(page, "int factorial");
  await typeProgram(page, "int main(void) {\n    return 42;\n}\n");
  await page.locator('[data-testid="language"]').selectOption("py");
  await waitForEditor(page, "def factorial");
  await typeProgram(page, "print(6 * 7)\n");
  await page.locator('[data-testid="language"]').selectOption("basm");
  await waitForEditor(page, "WRPRN 7");
  assert.equal(await page.locator('[data-testid="input-cards"]').inputValue(), "1 2");
  await compiled(page);
  await click(page, "run");
  await waitForOutput(page, "7");
  await page.locator('[data-testid="language"]').selectOption("c");
  await waitForEditor(page, "return 42;");
  assert.equal(await page.locator('[data-testid="input-cards"]').inputValue(), "");
  await compiled(page);
  await click(page, "run");
  await page.locator('[data-testid="result"]').waitFor();
  assert.equal(await text(page, "result"), "42");

  // An example opened in C, then a reload: C again, with that example.
  await page.locator('[data-testid="examples"]').selectOption("gcd");
  await waitForEditor(page, "int gcd");
  await page.reload();
  await compiled(page);
  assert.equal(await page.locator('[data-testid="language"]').inputValue(), "c");
  assert.equal(await page.locator('[data-testid="examples"]').inputValue(), "gcd");
  await page.locator('[data-testid="examples"]').selectOption("mine");
  await waitForEditor(page, "return 42;");
  await page.locator('[data-testid="language"]').selectOption("py");
  await waitForEditor(page, "print(6 * 7)");
  await page.close();
});

test("a bad language or example in a link falls back without an error or lost work", async () => {
  const context = await env.browser.newContext();
  const { page, errors } = await openStudio(env, { context });
  await typeProgram(page, "        WRPRN 5\n        HALT\n");
  await page.waitForTimeout(200);
  for (const query of ["?lang=klingon&example=fib", "?lang=hs", "?example=nothing"]) {
    await page.goto(env.server.url + query);
    await compiled(page);
    assert.equal(await page.locator('[data-testid="language"]').inputValue(), "basm", query);
    assert.match(await editorText(page), /WRPRN 5/, query);
    assert.equal(await page.locator('[data-testid="diagnostic"]').count(), 0, query);
  }
  await page.goto(`${env.server.url}?lang=c&example=nothing`);
  await compiled(page);
  assert.equal(await page.locator('[data-testid="language"]').inputValue(), "c");
  assert.equal(await page.locator('[data-testid="examples"]').inputValue(), "mine");
  assert.match(await editorText(page), /int factorial/);
  await page.goto(`${env.server.url}?lang=py`);
  await compiled(page);
  assert.equal(await page.locator('[data-testid="language"]').inputValue(), "py");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a Python index out of range and a C division by zero show their lines", async () => {
  const { page } = await openStudio(env, { query: "?lang=py" });
  await typeProgram(page, "xs = [1, 2, 3]\ni = int(input())\nprint(xs[0])\nprint(xs[i])\n");
  await page.locator('[data-testid="input-cards"]').fill("3");
  await compiled(page);
  await click(page, "run");
  await page.waitForFunction(() => document.querySelector('[data-testid="fault"]').textContent !== "");
  assert.equal(await text(page, "fault"), "line 4: index out of range");
  assert.equal(await text(page, "output"), "1\n", "what was printed before stays");
  assert.equal(await page.locator(".cm-current-step").innerText(), "print(xs[i])");
  await page.screenshot({ path: `${ARTIFACTS}/python-fault.png` });
  await click(page, "step-back");
  assert.equal(await text(page, "fault"), "");

  await page.locator('[data-testid="language"]').selectOption("c");
  await typeProgram(page, "#include <stdio.h>\nint main(void) {\n    int d;\n    scanf(\"%d\", &d);\n    printf(\"%d\\n\", 100 / d);\n    return 0;\n}\n");
  await page.locator('[data-testid="input-cards"]').fill("0");
  await compiled(page);
  await click(page, "run");
  await page.waitForFunction(() => document.querySelector('[data-testid="fault"]').textContent !== "");
  assert.equal(await text(page, "fault"), "line 5: division by zero");
  assert.equal(await page.locator('[data-testid="result"]').count(), 0, "no result after a fault");
  await page.close();
});

for (const theme of ["light", "dark"]) {
  test(`C on a 360 px phone (${theme}): the IR and the machine program fit`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const { page, errors } = await openStudio(env, { context, query: "?lang=c&example=bubble" });
    await page.locator('[data-testid="theme"]').selectOption(theme);
    await page.locator('[data-testid="step-line"]').tap();
    await page.locator('[data-testid="step-line"]').tap();
    assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth), "no sideways scrolling");
    const ir = await page.locator('[data-testid="ir"]').boundingBox();
    assert.ok(ir.x >= 0, "the IR view starts on the screen");
    await page.locator(".program-view").screenshot({ path: `${ARTIFACTS}/c-phone-360-${theme}-program.png` });
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: `${ARTIFACTS}/c-phone-360-${theme}.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
