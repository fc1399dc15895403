// The real search.js against the index Baken builds for the Almelo site: what readers type, and what they find.
// Run with `node --test Tests/search-js/`; BAKEN_OUTPUT may name an already built site.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const engine = createRequire(import.meta.url)(path.join(repo, "themes/baken/static/js/search.js"));
const cases = JSON.parse(fs.readFileSync(path.join(repo, "Tests/search-js/cases.json"), "utf8"));
let output;
const indexes = {};

// In the browser each index file is a <script>; here it runs in this context and calls bakenSearch() the same way.
engine.run = (url) => {
  vm.runInThisContext(fs.readFileSync(fileURLToPath(url.split("?")[0]), "utf8"));
  return Promise.resolve();
};

before(() => {
  output = process.env.BAKEN_OUTPUT;
  if (!output) {
    output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baken-search-js-")), "public");
    const binary = ["debug", "release"].map((c) => path.join(repo, ".build", c, "baken")).find((b) => fs.existsSync(b));
    execFileSync(binary, ["build", "--site", repo, "--output", output], { stdio: "ignore" });
  }
});

function index(language) {
  if (!indexes[language]) {
    const manifest = fs.readFileSync(path.join(output, "search-index", language, "index.js"), "utf8");
    const version = /"version":"(\w+)"/.exec(manifest)[1];
    indexes[language] = new engine.Index(pathToFileURL(path.join(output, "search-index", language, "index.js")).href + "?v=" + version);
  }
  return indexes[language].open();
}

// The addresses of the first `count` results, with `#id` for results in a section.
async function search(language, query, count = 3, filter = null) {
  const found = await engine.rank(await index(language), query, filter);
  if (!found) return [];
  const idx = await index(language);
  return Promise.all(found.results.slice(0, count).map(async (result) => {
    const record = await engine.pageRecord(idx, result.page);
    const part = engine.section(idx, record, result.section);
    return "/" + engine.address(idx, record) + (part.id ? "#" + part.id : "");
  }));
}

const pageOf = (url) => url.split("#")[0];

test("folds and splits words exactly like the build", () => {
  for (const [word, folded] of cases.fold) assert.equal(engine.fold(word), folded, word);
  for (const [text, words] of cases.words) assert.deepEqual(engine.words(text).map(([a, b]) => text.slice(a, b)), words, text);
});

test("a word in the title puts its page first", async () => {
  assert.equal(pageOf((await search("nl", "nafluiten"))[0]), "/normen/nafluiten/");
  assert.equal(pageOf((await search("en", "catcalling"))[0]), "/en/norms/catcalling/");
});

test("other forms of a word find it through its stem", async () => {
  assert.ok((await search("nl", "meldingen")).map(pageOf).includes("/melden/"));
  const inflected = (await search("nl", "seksuele", 5)).map(pageOf);
  assert.ok(inflected.length > 0);
  assert.deepEqual(inflected, (await search("nl", "seksueel", 5)).map(pageOf));
  assert.ok((await search("en", "harassed", 10)).length > 0);
});

test("a word finds the compounds it is part of", async () => {
  const compound = await search("nl", "straatintimidatie", 20);
  const part = await search("nl", "intimidatie", 50);
  assert.ok(compound.length > 0);
  assert.ok(compound.map(pageOf).every((url) => part.map(pageOf).includes(url)));
});

test("the start of a word already finds it, while typing", async () => {
  const typed = await search("nl", "intim", 5);
  assert.ok(typed.length > 0);
  assert.deepEqual(typed.map(pageOf), (await search("nl", "intimidatie", 5)).map(pageOf));
});

test("one typo finds the word", async () => {
  const typo = (await search("nl", "intimdatie", 3)).map(pageOf);
  assert.ok(typo.length > 0);
  assert.deepEqual(typo, (await search("nl", "intimidatie", 3)).map(pageOf));
  assert.equal(pageOf((await search("nl", "nafluitne"))[0]), "/normen/nafluiten/");
});

test("a result in a section leads to its heading", async () => {
  const urls = await search("nl", "fluit je zelf weleens", 3);
  assert.equal(urls[0], "/normen/nafluiten/#fluit-je-zelf-weleens");
});

test("Arabic is found in Arabic script, with or without vowel marks", async () => {
  const plain = await search("ar", "التحرش", 5);
  assert.ok(plain.length > 0);
  assert.deepEqual(await search("ar", "التَّحَرُّش", 5), plain);
});

test("filters keep only pages of a type or audience", async () => {
  const idx = await index("nl");
  const facets = await engine.facets(idx);
  const norm = idx.manifest.types.indexOf("norm");
  const found = await engine.rank(idx, "straat", (page) => facets.types.charCodeAt(page) - 48 === norm);
  assert.ok(found.results.length > 0);
  for (const result of found.results) {
    const record = await engine.pageRecord(idx, result.page);
    assert.equal(idx.manifest.types[record[2]], "norm");
  }
});

test("nothing matches nonsense", async () => {
  assert.deepEqual(await search("nl", "qqqxxzz"), []);
});
