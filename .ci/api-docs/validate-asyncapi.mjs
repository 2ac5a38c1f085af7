// Validates AsyncAPI documents with the official parser, as `asyncapi validate` does: the spec's JSON
// Schema, every $ref (files beside the document included) and the AsyncAPI ruleset. The parser alone
// rather than @asyncapi/cli: the CLI's current versions need Node 24, and the last one that runs on
// older Node (4.1.1) takes about 6 minutes and 1.5 GB to install from a cold cache (the parser: 55 MB).
// Usage: node validate-asyncapi.mjs <document>...   Exits 1 when a document has an error or a warning.
import { Parser, fromFile } from '@asyncapi/parser';
import path from 'node:path';

const SEVERITY = ['error', 'warning', 'information', 'hint'];
const FAILING = 1; // errors and warnings fail; information and hints are printed only

const parser = new Parser();
let failed = false;
for (const file of process.argv.slice(2)) {
  const { document, diagnostics } = await fromFile(parser, path.resolve(file)).parse();
  for (const d of diagnostics) {
    const at = d.range ? `${d.range.start.line + 1}:${d.range.start.character + 1}` : '';
    console.log(`${file}:${at} ${SEVERITY[d.severity] ?? d.severity} ${d.code}: ${d.message} (${d.path.join('.')})`);
  }
  const bad = diagnostics.filter((d) => d.severity <= FAILING).length;
  if (document === undefined || bad > 0) {
    failed = true;
    console.log(`${file}: invalid, ${bad} error(s) or warning(s)`);
  } else {
    console.log(`${file}: valid AsyncAPI ${document.version()}`);
  }
}
process.exit(failed ? 1 : 0);
