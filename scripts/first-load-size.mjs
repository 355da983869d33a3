// Measures the first load: every file in dist/ (all of it is needed to edit, compile and run
// assembly), compressed with brotli at its highest quality as a server would precompress it.
// Prints each file and the total; exits 1 past the budget of 500 KB.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const BUDGET = 500 * 1000;
const dist = process.argv[2] ?? "dist";
let total = 0;
for (const name of readdirSync(dist).sort()) {
  const raw = readFileSync(join(dist, name));
  const compressed = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  }).length;
  total += compressed;
  console.log(`${name.padEnd(40)} ${String(raw.length).padStart(9)} B  ${String(compressed).padStart(8)} B brotli`);
}
console.log(`first load: ${(total / 1000).toFixed(1)} KB brotli (budget ${BUDGET / 1000} KB)`);
process.exit(total <= BUDGET ? 0 : 1);
