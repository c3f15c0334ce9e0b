#!/usr/bin/env node
// rdfcheck: check newsgraph JSON-LD output against the output contract.
//
// usage: node rdfcheck.mjs --contract DIR [--expect FILE] [--rows | --nquads] OUTPUT...
//
//   OUTPUT     a file holding one JSON-LD object, a JSON array of them, or JSON Lines
//              (one object per line); '-' reads stdin.
//   --contract DIR   the contract folder: DIR/shapes.ttl and DIR/queries/*.rq
//   --expect FILE    also read FILE (JSON-LD, e.g. DIR/example-output.jsonld), run the same
//                    queries on it and require the same multiset of rows per query
//   --rows     print the query rows on stdout (sorted canonical JSON, one per line)
//   --nquads   print the N-Quads on stdout instead
//
// Checks, each failure being a "problem":
//   1. every document converts with jsonld.js toRDF in safe mode, with a document loader that
//      refuses every remote URL (the output must embed its context inline);
//   2. the N-Quads load into an Oxigraph store;
//   3. the union of all graphs (graph names dropped) conforms to DIR/shapes.ttl
//      (rdf-validate-shacl, data in an n3.Store);
//   4. with --expect, the rows equal the expected rows (ignoring ?doc and the graph name).
// Problems go to stderr, then a one-line summary. Exit 0: no problem; 1: problems; 2: usage.

import fs from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import oxigraph from 'oxigraph';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const USAGE = 'usage: node rdfcheck.mjs --contract DIR [--expect FILE] [--rows | --nquads] OUTPUT...';
const REQUIRED_QUERIES = ['changes', 'entities', 'memberships', 'observations'];
const SHACL_LINE_CAP = 50;
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const SH = 'http://www.w3.org/ns/shacl#';
const INTEGER_TYPES = new Set(['integer', 'long', 'int', 'short', 'byte', 'nonNegativeInteger',
  'positiveInteger', 'nonPositiveInteger', 'negativeInteger', 'unsignedLong', 'unsignedInt',
  'unsignedShort', 'unsignedByte'].map(t => XSD + t));
const DECIMAL_TYPES = new Set(['decimal', 'double', 'float'].map(t => XSD + t));

class UsageError extends Error {}

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opt = { contract: null, expect: null, rows: false, nquads: false, inputs: [] };
  const takeValue = (name, inline, i) => {
    if (inline !== undefined) return [inline, i];
    if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value`);
    return [argv[i + 1], i + 1];
  };
  let onlyInputs = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyInputs || a === '-' || !a.startsWith('-')) { opt.inputs.push(a); continue; }
    if (a === '--') { onlyInputs = true; continue; }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    switch (name) {
      case '--contract': [opt.contract, i] = takeValue(name, inline, i); break;
      case '--expect': [opt.expect, i] = takeValue(name, inline, i); break;
      case '--rows': case '--nquads': case '--help': case '-h':
        if (inline !== undefined) throw new UsageError(`${name} takes no value`);
        if (name === '--rows') opt.rows = true;
        else if (name === '--nquads') opt.nquads = true;
        else opt.help = true;
        break;
      default: throw new UsageError(`unknown option ${a}`);
    }
  }
  if (opt.help) return opt;
  if (!opt.contract) throw new UsageError('--contract DIR is required');
  if (!opt.inputs.length) throw new UsageError('no OUTPUT file given');
  if (opt.rows && opt.nquads) throw new UsageError('--rows and --nquads are exclusive');
  if (opt.inputs.filter(f => f === '-').length > 1) throw new UsageError("'-' (stdin) may be given once");
  return opt;
}

function readText(file, what) {
  try {
    return file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${e.message}`);
  }
}

function loadContract(dir) {
  const shapesText = readText(path.join(dir, 'shapes.ttl'), 'contract shapes');
  let shapes;
  try {
    shapes = new N3.Store(new N3.Parser({ format: 'text/turtle' }).parse(shapesText));
  } catch (e) {
    throw new UsageError(`cannot parse ${path.join(dir, 'shapes.ttl')}: ${e.message}`);
  }
  const qdir = path.join(dir, 'queries');
  let names;
  try {
    names = fs.readdirSync(qdir).filter(f => f.endsWith('.rq')).map(f => f.slice(0, -3)).sort();
  } catch (e) {
    throw new UsageError(`cannot list contract queries in ${qdir}: ${e.message}`);
  }
  for (const q of REQUIRED_QUERIES) {
    if (!names.includes(q)) throw new UsageError(`contract query ${path.join(qdir, q + '.rq')} is missing`);
  }
  const queries = names.map(name => ({ name, sparql: withGraphVariable(readText(path.join(qdir, name + '.rq'), 'contract query'), name) }));
  return { shapes, queries };
}

// Make the query project the variable of its GRAPH pattern, so that each row knows its graph.
// The query's semantics are not changed: only that variable is added to the projection.
function withGraphVariable(sparql, name) {
  // Blank out comments (same length, so offsets stay valid), but not '#' inside IRIs or strings.
  const code = sparql.replace(/<[^<>"{}|^`\\\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*/g,
    m => (m[0] === '#' ? ' '.repeat(m.length) : m));
  const sel = /\bSELECT\s+((?:DISTINCT|REDUCED)\s+)?/i.exec(code);
  if (!sel) throw new UsageError(`contract query ${name} is not a SELECT query`);
  const g = /\bGRAPH\s+\?(\w+)/i.exec(code);
  if (!g) return { text: sparql, graphVar: null };
  const graphVar = g[1];
  const at = sel.index + sel[0].length;
  const rest = code.slice(at);
  const projection = rest.slice(0, rest.search(/\bWHERE\b|\{/i));
  if (projection.trim() === '*' || new RegExp(`\\?${graphVar}\\b`).test(projection)) return { text: sparql, graphVar };
  return { text: sparql.slice(0, at) + `?${graphVar} ` + sparql.slice(at), graphVar };
}

// ---------------------------------------------------------------- reading documents

// One JSON value (an object or an array of objects), or JSON Lines. Returns
// { docs: [{doc, where}], errors: [message] }.
function readDocuments(text, file) {
  const label = file === '-' ? '<stdin>' : file;
  const t = text.replace(/^\uFEFF/, '');
  const docs = [], errors = [];
  if (!t.trim()) return { docs, errors: [`${label}: empty input`] };
  const push = (v, where) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) docs.push({ doc: v, where });
    else errors.push(`${where}: not a JSON object (got ${Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v})`);
  };
  let whole, wholeError = null;
  try { whole = JSON.parse(t); } catch (e) { wholeError = e; }
  if (!wholeError) {
    if (Array.isArray(whole)) whole.forEach((v, i) => push(v, `${label} [${i}]`));
    else push(whole, label);
    return { docs, errors };
  }
  // Not one JSON value: JSON Lines, if the first non-blank line is a JSON value by itself.
  const lines = t.split(/\r?\n/);
  const first = lines.findIndex(l => l.trim());
  let firstOk = true;
  try { JSON.parse(lines[first]); } catch { firstOk = false; }
  if (!firstOk) return { docs, errors: [`${label}: not JSON: ${wholeError.message}`] };
  lines.forEach((l, i) => {
    if (!l.trim()) return;
    let v;
    try { v = JSON.parse(l); } catch (e) { errors.push(`${label} line ${i + 1}: not JSON: ${e.message}`); return; }
    push(v, `${label} line ${i + 1}`);
  });
  return { docs, errors };
}

// ---------------------------------------------------------------- JSON-LD -> N-Quads

// Refuse the network: the output must carry its context inline.
async function refusingLoader(url) {
  const e = new Error(`remote document refused (no network; the context must be inline): ${url}`);
  e.name = 'RemoteDocumentRefused';
  throw e;
}

function describeJsonldError(e) {
  const parts = [`${e.name ?? 'Error'}: ${e.message}`];
  const d = e.details ?? {};
  if (d.code) parts.push(`code "${d.code}"`);
  const ev = d.event;
  if (ev) {
    if (ev.code && ev.code !== d.code) parts.push(`event "${ev.code}"`);
    if (ev.message && ev.message !== e.message) parts.push(ev.message);
    if (ev.details) parts.push(short(JSON.stringify(ev.details, (k, v) => (k === 'activeCtx' || k === 'options' ? undefined : v))));
  }
  if (d.url) parts.push(`url ${d.url}`);
  let cause = e.cause ?? d.cause;
  while (cause) {
    parts.push(`caused by ${cause.name ?? 'Error'}: ${cause.message}`);
    cause = cause.cause ?? cause.details?.cause;
  }
  return parts.join('; ');
}
const short = (s, n = 300) => (s && s.length > n ? s.slice(0, n) + '…' : s);

// Convert every document; blank nodes get a per-document prefix (d1_, d2_, …) so that the
// jsonld.js labels (_:b0 in every document) cannot merge across documents.
async function toQuads(entries, indexLabel, problems) {
  const quads = [];      // RDF/JS quads (n3)
  const perDoc = [];     // N-Quads text per document
  for (const [i, { doc, where }] of entries.entries()) {
    const tag = `${indexLabel} ${i + 1} (${where})`;
    let nq;
    try {
      nq = await jsonld.toRDF(doc, { format: 'application/n-quads', safe: true, documentLoader: refusingLoader });
    } catch (e) {
      problems.push(`${tag}: JSON-LD error: ${describeJsonldError(e)}`);
      continue;
    }
    let parsed;
    try {
      parsed = new N3.Parser({ format: 'application/n-quads', blankNodePrefix: `d${i + 1}_` }).parse(nq);
    } catch (e) {
      problems.push(`${tag}: cannot re-read its N-Quads: ${e.message}`);
      continue;
    }
    if (!parsed.length) problems.push(`${tag}: produced no quads`);
    quads.push(...parsed);
    perDoc.push({ tag, text: new N3.Writer({ format: 'N-Quads' }).quadsToString(parsed) });
  }
  return { quads, perDoc };
}

function loadStore(perDoc, problems) {
  const store = new oxigraph.Store();
  for (const { tag, text } of perDoc) {
    if (!text) continue;
    try { store.load(text, { format: 'application/n-quads' }); }
    catch (e) { problems.push(`${tag}: Oxigraph rejects its N-Quads: ${e.message ?? e}`); }
  }
  return store;
}

// ---------------------------------------------------------------- SHACL

const shortIri = (v) => v
  .replace(SH, 'sh:').replace(XSD, 'xsd:')
  .replace('https://schema.org/', 'schema:').replace('http://www.w3.org/ns/org#', 'org:')
  .replace('http://www.w3.org/ns/prov#', 'prov:').replace('http://www.w3.org/ns/oa#', 'oa:')
  .replace('https://w3id.org/newsgraph/ns#', 'ng:');

function termText(t) {
  if (!t) return '';
  if (t.termType === 'NamedNode') return `<${t.value}>`;
  if (t.termType === 'BlankNode') return `_:${t.value}`;
  if (t.termType === 'Literal') return JSON.stringify(t.value);
  return String(t.value);
}

function pathText(r) {
  const p = r.path;
  if (!p) return '(node)';
  if (p.termType === 'NamedNode') return shortIri(p.value);
  return `(complex path ${termText(p)})`;
}

async function shaclCheck(shapes, quads, problems) {
  const data = new N3.Store();
  const df = N3.DataFactory;
  for (const q of quads) data.addQuad(df.quad(q.subject, q.predicate, q.object));  // union, graph names dropped
  const report = await new SHACLValidator(shapes).validate(data);
  let violations = 0, others = 0;
  const lines = [];
  for (const r of report.results) {
    const severity = r.severity?.value ?? SH + 'Violation';
    const isViolation = severity === SH + 'Violation';
    if (isViolation) violations++; else others++;
    const msg = (r.message ?? []).map(m => m.value).join('; ') || '(no message)';
    const comp = r.sourceConstraintComponent ? shortIri(r.sourceConstraintComponent.value).replace(/ConstraintComponent$/, '') : '?';
    const value = r.value ? ` value=${termText(r.value)}` : '';
    lines.push(`SHACL ${isViolation ? 'violation' : shortIri(severity)}: focus=${termText(r.focusNode)} path=${pathText(r)}${value} [${comp}] ${msg}`);
  }
  lines.sort();
  return { violations, others, lines, triples: data.size };
}

// ---------------------------------------------------------------- queries and rows

function jsonValue(t) {
  if (t.termType === 'Literal') {
    const dt = t.datatype?.value;
    if (INTEGER_TYPES.has(dt) && /^[+-]?\d+$/.test(t.value.trim())) {
      return { rawNumber: BigInt(t.value.trim()).toString() };
    }
    if (DECIMAL_TYPES.has(dt)) {
      const n = Number(t.value.trim());
      if (Number.isFinite(n) && t.value.trim() !== '') return { rawNumber: JSON.stringify(n) };
    }
    return t.value;
  }
  if (t.termType === 'BlankNode') return '_:';   // labels differ between runs
  return t.value;
}

// Canonical JSON: keys sorted, no spaces; numbers written from their canonical text.
function canonical(v) {
  if (v && typeof v === 'object' && 'rawNumber' in v) return v.rawNumber;
  if (typeof v === 'string') return JSON.stringify(v);
  const keys = Object.keys(v).sort();
  return '{' + keys.map(k => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}';
}

// Returns { name: [{ line, graph }] } where line is `name {canonical row}`; rows sorted by line.
function runQueries(store, queries, problems, label) {
  const out = {};
  for (const { name, sparql } of queries) {
    let results;
    try { results = store.query(sparql.text); }
    catch (e) { problems.push(`${label}query ${name} failed: ${e.message ?? e}`); out[name] = []; continue; }
    const rows = [];
    for (const binding of results) {
      const row = {};
      let graph = null;
      for (const [k, t] of binding.entries()) {
        if (t === undefined || t === null) continue;
        if (k === sparql.graphVar || k === 'g') graph = graph ?? t.value;
        if (k === 'doc' || k === 'g' || k === sparql.graphVar) continue;
        row[k] = jsonValue(t);
      }
      rows.push({ line: `${name} ${canonical(row)}`, graph });
    }
    rows.sort((a, b) => (a.line < b.line ? -1 : a.line > b.line ? 1 : 0));
    out[name] = rows;
  }
  return out;
}

function diffRows(expected, actual) {
  const count = (rows) => {
    const m = new Map();
    for (const r of rows) m.set(r.line, (m.get(r.line) ?? 0) + 1);
    return m;
  };
  const lines = [];
  for (const name of Object.keys(expected)) {
    const e = count(expected[name]), a = count(actual[name] ?? []);
    const keys = [...new Set([...e.keys(), ...a.keys()])].sort();
    for (const k of keys) {
      const d = (a.get(k) ?? 0) - (e.get(k) ?? 0);
      for (let i = 0; i < -d; i++) lines.push(`- ${k}`);
      for (let i = 0; i < d; i++) lines.push(`+ ${k}`);
    }
  }
  return lines;
}

// ---------------------------------------------------------------- main

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  if (opt.help) { process.stdout.write(USAGE + '\n'); return 0; }
  const contract = loadContract(opt.contract);
  const problems = [];

  // Expected rows first, so that a broken expectation is a usage error before any output.
  let expectedRows = null;
  if (opt.expect) {
    const { docs, errors } = readDocuments(readText(opt.expect, '--expect file'), opt.expect);
    const eProblems = [...errors];
    const { perDoc } = await toQuads(docs, 'expected document', eProblems);
    const eStore = loadStore(perDoc, eProblems);
    expectedRows = runQueries(eStore, contract.queries, eProblems, 'expected: ');
    if (eProblems.length) throw new UsageError(`--expect ${opt.expect} is not usable:\n  ${eProblems.join('\n  ')}`);
  }

  const entries = [];
  for (const f of opt.inputs) {
    const { docs, errors } = readDocuments(readText(f, 'OUTPUT'), f);
    entries.push(...docs);
    problems.push(...errors);
  }
  if (!entries.length) problems.push('no JSON-LD document found in the input');

  const { quads, perDoc } = await toQuads(entries, 'document', problems);
  const store = loadStore(perDoc, problems);
  const shacl = await shaclCheck(contract.shapes, quads, problems);
  const shaclProblemLines = [];
  for (const l of shacl.lines.slice(0, SHACL_LINE_CAP)) shaclProblemLines.push(l);
  if (shacl.lines.length > SHACL_LINE_CAP) shaclProblemLines.push(`SHACL: … and ${shacl.lines.length - SHACL_LINE_CAP} more results not shown`);

  const rows = runQueries(store, contract.queries, problems, '');

  let diff = [];
  if (expectedRows) diff = diffRows(expectedRows, rows);

  // stdout: rows or N-Quads only.
  if (opt.nquads) {
    const all = perDoc.map(d => d.text).join('');
    if (all) process.stdout.write(all);
  } else if (opt.rows) {
    const text = contract.queries.flatMap(q => rows[q.name].map(r => r.line)).join('\n');
    if (text) process.stdout.write(text + '\n');
  }

  // stderr: problems, then the summary.
  const err = [];
  for (const p of problems) err.push(`problem: ${p}`);
  for (const l of shaclProblemLines) err.push(`problem: ${l}`);
  if (diff.length) {
    err.push(`problem: rows differ from --expect ${opt.expect} (- missing, + unexpected):`);
    err.push(`--- expected ${opt.expect}`, `+++ actual ${opt.inputs.join(' ')}`, ...diff);
  }
  const nProblems = problems.length + shacl.violations + diff.length;
  const rowCounts = contract.queries.map(q => `${q.name}=${rows[q.name].length}`).join(' ');
  err.push(`rdfcheck: ${entries.length} documents, ${store.size} quads, ${shacl.violations} SHACL violations` +
    (shacl.others ? ` (+${shacl.others} other results)` : '') +
    `, rows ${rowCounts}` + (expectedRows ? `, ${diff.length} rows differ from expected` : '') +
    `, ${nProblems} problems: ${nProblems ? 'FAIL' : 'OK'}`);
  process.stderr.write(err.join('\n') + '\n');
  return nProblems ? 1 : 0;
}

main().then(
  (code) => { process.exitCode = code; },
  (e) => {
    if (e instanceof UsageError) {
      process.stderr.write(`rdfcheck: ${e.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`rdfcheck: internal error: ${e?.stack ?? e}\n`);
      process.exitCode = 2;
    }
  },
);
