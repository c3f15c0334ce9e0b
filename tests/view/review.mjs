// Opens newsgraph's HTML review pages in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core) and checks what a reviewer
// relies on:
//   - the page opens with no console error and no uncaught exception;
//   - entity mentions are highlighted with their type's class;
//   - selecting a relation highlights exactly its evidence text (compared
//     with the `exact` of the same relation in newsgraph's JSON-LD output);
//   - article text that looks like HTML stays text.
// Usage: node review.mjs CASES.json
// CASES.json: [{name, page, jsonld?, marks?: [[class, text]], sections?,
//               screenshot?, xss?}]
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
const fail = (name, why) => { failures++; console.log(`FAIL ${name}: ${why}`); };
const ok = (name, what) => console.log(`ok   ${name}: ${what}`);

for (const c of cases) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`dialog opened: ${d.message()}`); d.dismiss(); });
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(c.page).href, { waitUntil: 'load' });

  if (errors.length) fail(c.name, `console errors: ${errors.join(' | ')}`);
  else ok(c.name, 'opens with no console error');
  if (requests.length) fail(c.name, `fetched ${requests.join(', ')}`);

  for (const [cls, text] of c.marks || []) {
    const found = await page.locator(`section mark.${cls}`, { hasText: text }).count();
    if (found) ok(c.name, `"${text}" highlighted as ${cls}`);
    else fail(c.name, `no mark.${cls} with "${text}"`);
  }

  if (c.sections !== undefined) {
    const sections = await page.locator('section.doc').count();
    const links = await page.locator('nav.toc a').count();
    if (sections === c.sections && links === c.sections) ok(c.name, `${sections} sections, ${links} contents links`);
    else fail(c.name, `${sections} sections and ${links} links, expected ${c.sections}`);
    // The contents link to the last section lands on it.
    const last = page.locator('nav.toc a').last();
    const target = (await last.getAttribute('href')).slice(1);
    if (await page.locator(`section[id="${target}"]`).count() !== 1) fail(c.name, `link to missing #${target}`);
  }

  if (c.jsonld) {
    // Every relation, selected, highlights its evidence and shows its rule.
    const expected = new Map();
    for (const line of readFileSync(c.jsonld, 'utf8').split('\n').filter(Boolean)) {
      for (const n of JSON.parse(line).graph)
        if (n.evidence) expected.set(n.id, { exact: n.evidence.map((e) => e.exact), rule: n.rule });
    }
    // A real mouse click on each relation of a page; on a batch page, clicks
    // dispatched inside the page (one round trip for hundreds).
    let seen;
    if (c.sections === undefined) {
      seen = [];
      const rels = page.locator('.rel');
      for (let i = 0, n = await rels.count(); i < n; i++) {
        const rel = rels.nth(i);
        await rel.click();
        const section = rel.locator('xpath=ancestor::section[1]');
        seen.push({ iri: await rel.getAttribute('data-iri'),
                    lit: await section.locator('.text .hl').allTextContents(),
                    info: await section.locator('.info').textContent() });
      }
    } else {
      seen = await page.evaluate(() => Array.from(document.querySelectorAll('.rel')).map((rel) => {
        rel.click();
        const section = rel.closest('section');
        return { iri: rel.dataset.iri, info: section.querySelector('.info').textContent,
                 lit: Array.from(section.querySelectorAll('.text .hl')).map((x) => x.textContent) };
      }));
    }
    const count = seen.length;
    let right = 0;
    for (const { iri, lit, info } of seen) {
      const want = expected.get(iri);
      if (!want) { fail(c.name, `relation ${iri} is not in the JSON-LD`); continue; }
      const got = lit.join('');
      if (got !== want.exact.join('')) fail(c.name, `${iri}: highlighted "${got}", evidence "${want.exact.join('')}"`);
      else if (!info.includes(want.rule)) fail(c.name, `${iri}: info "${info}" lacks rule ${want.rule}`);
      else right++;
    }
    if (count !== expected.size) fail(c.name, `${count} relations listed, ${expected.size} in the JSON-LD`);
    else if (right === count) ok(c.name, `each of ${count} relations highlights exactly its evidence`);
  }

  if (c.xss) {
    const text = await page.locator('section .text').first().textContent();
    const scripts = await page.locator('section script, section img').count();
    if (!text.includes(c.xss) || scripts) fail(c.name, `markup in the article was not kept as text`);
    else ok(c.name, `"${c.xss}" shown as text`);
  }

  if (c.screenshot) {
    const rel = page.locator('.rel').first();
    if (await rel.count()) await rel.click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: c.screenshot, fullPage: false });
    ok(c.name, `screenshot ${c.screenshot}`);
  }
  await context.close();
}
await browser.close();
console.log(failures ? `${failures} failed` : 'all browser checks passed');
process.exit(failures ? 1 : 0);
