// Child process: the floor under any durable intake — a bare node:http server that reads the
// body, JSON.parse-s it and INSERTs it with the same durability as ptfx (SQLite: WAL and
// synchronous=FULL, one BEGIN IMMEDIATE … COMMIT; PostgreSQL: the server's default
// synchronous_commit=on, one autocommitted INSERT, a named statement, on node-postgres with a
// pool of 10 like ptfx's), then answers 201 with the id. No validation, no idempotency, no rate
// limit, no headers: what ptfx does on top is what the ratio measures. argv: sqlite PATH |
// postgres URL.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
// The same binding as ptfx's store (node:sqlite), loaded the same way (without Node 22's warning).
import { nodeSqlite } from '@ptfx/intake';
import pg from 'pg';

const [mode, target] = process.argv.slice(2);
let insert;
let close = async () => {};
if (mode === 'sqlite') {
  const db = new (nodeSqlite().DatabaseSync)(target);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec(
    'CREATE TABLE IF NOT EXISTS intake (id TEXT PRIMARY KEY, received_at TEXT, content TEXT)',
  );
  const statement = db.prepare('INSERT INTO intake VALUES (?, ?, ?)');
  insert = async (id, content) => {
    db.exec('BEGIN IMMEDIATE');
    try {
      statement.run(id, new Date().toISOString(), content);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  };
  close = async () => db.close();
} else if (mode === 'postgres') {
  const pool = new pg.Pool({ connectionString: target, max: 10, ssl: false });
  // As in ptfx: a lost connection is an error on the call, never an uncaught exception.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  await pool.query(
    'CREATE TABLE IF NOT EXISTS intake (id text PRIMARY KEY, received_at timestamptz, content text)',
  );
  // One statement, autocommitted: one round trip and one durable commit per request.
  insert = async (id, content) => {
    await pool.query({
      name: 'baseline_insert',
      text: 'INSERT INTO intake VALUES ($1, now(), $2)',
      values: [id, content],
    });
  };
  close = () => pool.end();
} else {
  throw new Error(`usage: serve-intake-baseline.mjs sqlite PATH | postgres URL, got "${mode}"`);
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const content = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const id = randomUUID();
      await insert(id, JSON.stringify(content));
      const body = JSON.stringify({ id });
      res.writeHead(201, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    } catch {
      res.writeHead(400).end();
    }
  });
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
let stopping = false;
const stop = () => {
  // SIGTERM and the parent's disconnect both come: stop once.
  if (stopping) return;
  stopping = true;
  server.close(() => void close().then(() => process.exit(0)));
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
