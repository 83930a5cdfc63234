// Child process: a baseline server answering the same bytes as ptfx for the benched routes.
//   node serve-baseline.mjs bare|express <ptfx base URL>
// GET bodies and headers are copied once from the running ptfx server; the lint POST does
// JSON.parse, lintCredentialListing from @ptfx/domain, and JSON.stringify of the API's shape.
// Site pages are copied in each encoding ptfx sends (brotli, gzip, none) and chosen per request
// from Accept-Encoding, as ptfx negotiates.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { lintCredentialListing } from '@ptfx/domain';
import express from 'express';
import {
  DETAIL_PATH,
  fetchRaw,
  JSON_TYPE,
  LINT_BODY,
  LINT_PATH,
  LIST_PATH,
  SITE_ENCODINGS,
  SITE_PATHS,
  VOLATILE,
} from './common.mjs';

const [kind, ptfxUrl] = process.argv.slice(2);
const copy = (headers, drop = []) =>
  Object.fromEntries(
    Object.entries(headers).filter(([n]) => !VOLATILE.includes(n) && !drop.includes(n)),
  );

// path -> { etag, ok, notModified }, each answer as { status, headers, body }.
const reps = new Map();
for (const path of [LIST_PATH, DETAIL_PATH]) {
  const ok = await fetchRaw(ptfxUrl + path);
  const nm = await fetchRaw(ptfxUrl + path, { headers: { 'if-none-match': ok.headers.etag } });
  if (ok.status !== 200 || nm.status !== 304)
    throw new Error(`ptfx answered ${ok.status}/${nm.status} for ${path}`);
  reps.set(path, {
    etag: ok.headers.etag,
    ok: { status: 200, headers: copy(ok.headers), body: ok.body },
    notModified: { status: 304, headers: copy(nm.headers), body: null },
  });
}
// path -> { br, gzip, identity }, each the page as ptfx sends it for that Accept-Encoding.
const sitePages = new Map();
for (const path of SITE_PATHS) {
  const variants = {};
  for (const [encoding, acceptEncoding] of Object.entries(SITE_ENCODINGS)) {
    const got = await fetchRaw(ptfxUrl + path, {
      headers: { accept: 'text/html', 'accept-encoding': acceptEncoding },
    });
    const sent = got.headers['content-encoding'] ?? 'identity';
    if (got.status !== 200 || sent !== encoding)
      throw new Error(
        `ptfx answered ${got.status} with Content-Encoding ${sent} for ${path} (Accept-Encoding: ${acceptEncoding}), expected 200 ${encoding}`,
      );
    variants[encoding] = { status: 200, headers: copy(got.headers), body: got.body };
  }
  sitePages.set(path, variants);
}
/** The encoding a client's Accept-Encoding gets: brotli first, then gzip (q=0 is a refusal). */
function negotiate(acceptEncoding = '') {
  const offered = new Set();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    if (!params.some((p) => /^q=0(\.0*)?$/.test(p))) offered.add(name);
  }
  return offered.has('br') ? 'br' : offered.has('gzip') ? 'gzip' : 'identity';
}

// ptfx hashes every lint answer into an ETag; the baselines do not (part of what is measured).
const lintHeaders = copy(
  (await fetchRaw(ptfxUrl + LINT_PATH, { method: 'POST', headers: JSON_TYPE, body: LINT_BODY }))
    .headers,
  ['etag', 'content-length'],
);

function lint(request) {
  const { listing, ...options } = request;
  const r = lintCredentialListing(listing, options);
  return {
    input: r.input,
    clean: r.clean,
    issues: r.issues,
    canonical: r.canonical ?? null,
    fix: r.fix ?? null,
  };
}
const answerFor = (rep, ifNoneMatch) => (ifNoneMatch === rep.etag ? rep.notModified : rep.ok);

// The fastest way Node takes headers: one flat [name, value, …] list, built once, with a slot
// for the request id. (An object is walked and checked key by key on every writeHead.)
const flatList = (headers) => {
  const flat = [...Object.entries(headers).flat(), 'x-request-id', ''];
  return { flat, idAt: flat.length - 1 };
};
for (const rep of reps.values()) {
  rep.ok.list = flatList(rep.ok.headers);
  rep.notModified.list = flatList(rep.notModified.headers);
}
for (const variants of sitePages.values())
  for (const variant of Object.values(variants)) variant.list = flatList(variant.headers);

function bare() {
  return createServer((req, res) => {
    const page = req.method === 'GET' && sitePages.get(req.url);
    if (page) {
      const answer = page[negotiate(req.headers['accept-encoding'])];
      answer.list.flat[answer.list.idAt] = randomUUID();
      res.writeHead(answer.status, answer.list.flat);
      return res.end(answer.body);
    }
    const rep = req.method === 'GET' && reps.get(req.url);
    if (rep) {
      const answer = answerFor(rep, req.headers['if-none-match']);
      // writeHead turns the list into the header block before it returns: one list serves all.
      answer.list.flat[answer.list.idAt] = randomUUID();
      res.writeHead(answer.status, answer.list.flat);
      return res.end(answer.body);
    }
    if (req.method !== 'POST' || req.url !== LINT_PATH) return res.writeHead(404).end();
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      let body;
      try {
        body = Buffer.from(
          JSON.stringify(lint(JSON.parse(Buffer.concat(chunks).toString('utf8')))),
        );
      } catch {
        return res.writeHead(400).end();
      }
      res.writeHead(200, {
        ...lintHeaders,
        'content-length': body.length,
        'x-request-id': randomUUID(),
      });
      res.end(body);
    });
  });
}

function plainExpress() {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // ptfx's own ETags are copied with the headers
  for (const [path, rep] of reps) {
    app.get(path, (req, res) => {
      const answer = answerFor(rep, req.get('if-none-match'));
      res
        .status(answer.status)
        .set(answer.headers)
        .set('x-request-id', randomUUID())
        .send(answer.body);
    });
  }
  for (const [path, variants] of sitePages) {
    app.get(path, (req, res) => {
      const answer = variants[negotiate(req.get('accept-encoding'))];
      res
        .status(answer.status)
        .set(answer.headers)
        .set('x-request-id', randomUUID())
        .send(answer.body);
    });
  }
  app.post(LINT_PATH, express.json(), (req, res) => {
    res.set(lintHeaders).set('x-request-id', randomUUID()).json(lint(req.body));
  });
  return createServer(app);
}

const server = kind === 'express' ? plainExpress() : bare();
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
const stop = () => server.close(() => process.exit(0)).closeAllConnections();
process.on('SIGTERM', stop);
process.on('disconnect', stop);
