// The PostgreSQL adapter against a real, private PostgreSQL server (test-support/pg-cluster.ts):
// the shared Store contract, then what only a server shows — two instances (pools) sharing one
// database, an outage and recovery, concurrent migrations, the append-only trigger, TLS settings.
import { execFile } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.js';
import {
  applyPostgresMigrations,
  IDEMPOTENCY_LOCK_PREFIX,
  openPostgresStore,
  type PostgresStoreOptions,
} from './postgres.js';
import {
  type CreateOutcome,
  type Store,
  StoreConfigError,
  StoreUnavailableError,
} from './store.js';
import { describeStoreContract, sampleCreate, staffEntry, T0 } from './testing/contract.js';
import { freePort } from './testing/free-port.js';
import { type PgCluster, pgUnavailableReason, startPgCluster } from './testing/pg-cluster.js';

const run = promisify(execFile);
const unavailable = pgUnavailableReason();

if (unavailable !== undefined && process.env.CI) {
  // Skipping would turn a broken CI image into a green run that tested nothing.
  describe('PostgreSQL store', () => {
    it("CI needs PostgreSQL: install Debian's postgresql package", () => {
      throw new Error(`CI needs PostgreSQL: install Debian's postgresql package (${unavailable})`);
    });
  });
}

const describePg = unavailable === undefined ? describe : describe.skip;

describePg(
  unavailable === undefined ? 'PostgreSQL store' : `PostgreSQL store (skipped: ${unavailable})`,
  () => {
    let cluster: PgCluster;
    beforeAll(async () => {
      const started = await startPgCluster();
      if (started === undefined) throw new Error('startPgCluster found no PostgreSQL');
      cluster = started;
    });
    afterAll(async () => {
      await cluster?.stop();
    });

    /** Stores opened by the current test, with their database: closed and dropped after it. */
    const opened = new Map<Store, { readonly url: string; readonly database: string }>();
    const databases = new Set<string>();
    let counter = 0;

    /** A new, empty database. */
    const freshDatabase = async (prefix: string) => {
      const database = `${prefix}_${++counter}_${process.pid}`;
      databases.add(database);
      return { database, url: await cluster.createDatabase(database) };
    };
    const openOn = async (
      target: { readonly url: string; readonly database: string },
      options: Omit<PostgresStoreOptions, 'url'> = {},
    ) => {
      const store = await openPostgresStore({ url: target.url, ...options });
      opened.set(store, target);
      return store;
    };
    /** A short-lived connection of its own, as another client of the same database. */
    const withSql = async <T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> => {
      const sql = postgres(url, { max: 2, onnotice: () => {} });
      try {
        return await fn(sql);
      } finally {
        await sql.end({ timeout: 5 });
      }
    };

    afterEach(async () => {
      // After the contract's own afterEach (hooks stack): closing twice is harmless.
      await Promise.all([...opened.keys()].map((store) => store.close()));
      opened.clear();
      for (const database of databases) await cluster.dropDatabase(database);
      databases.clear();
    });

    describeStoreContract('postgres', {
      open: async () => openOn(await freshDatabase('contract')),
      rawExec: async (store, text) => {
        const target = opened.get(store);
        if (target === undefined) throw new Error('not a store from open()');
        await withSql(target.url, (sql) => sql.unsafe(text));
      },
    });

    describe('two instances on one database', () => {
      it('count 50 concurrent rate-limit hits across both exactly', async () => {
        const target = await freshDatabase('rate');
        const [a, b] = await Promise.all([openOn(target), openOn(target)]);
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            (i % 2 === 0 ? a : b).hitRateLimit({ bucket: 'ip:1', windowMs: 60_000, now: T0 }),
          ),
        );
        expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(
          Array.from({ length: 50 }, (_, i) => i + 1),
        );
        const rows = await withSql(
          target.url,
          (sql) => sql<{ hits: number }[]>`SELECT hits FROM rate_limit_windows`,
        );
        expect(rows.map((r) => r.hits)).toEqual([50]);
      });

      it('store one request for concurrent creates with one key across both', async () => {
        const target = await freshDatabase('idem');
        const [a, b] = await Promise.all([openOn(target), openOn(target)]);
        const claim = { key: 'key-shared', fingerprint: 'c'.repeat(64) };
        for (let round = 0; round < 3; round++) {
          const key = `${claim.key}-${round}`;
          const inputs = Array.from({ length: 20 }, () =>
            sampleCreate({ idempotency: { ...claim, key } }),
          );
          const outcomes: CreateOutcome[] = await Promise.all(
            inputs.map((input, i) => (i % 2 === 0 ? a : b).createRequest(input)),
          );
          const winners = inputs.filter((_, i) => outcomes[i]?.kind === 'created');
          expect(winners).toHaveLength(1);
          for (const outcome of outcomes) {
            expect(['created', 'replay', 'key-in-flight']).toContain(outcome.kind);
            if (outcome.kind === 'replay') expect(outcome.response).toEqual(winners[0]?.response);
          }
          const rows = await withSql(
            target.url,
            (sql) => sql<{ id: string }[]>`
              SELECT r.id FROM consultation_requests r JOIN idempotency_keys k ON k.request_id = r.id
              WHERE k.key = ${key}`,
          );
          expect(rows.map((r) => r.id)).toEqual([winners[0]?.id]);
        }
        const [count] = await withSql(
          target.url,
          (sql) => sql<{ n: number }[]>`SELECT count(*)::int AS n FROM consultation_requests`,
        );
        expect(count?.n).toBe(3);
      });

      it('answer key-in-flight while another transaction holds the key, created after', async () => {
        const target = await freshDatabase('inflight');
        const store = await openOn(target);
        const claim = { key: 'key-held', fingerprint: 'f'.repeat(64) };
        await withSql(target.url, async (sql) => {
          await sql.begin(async (tx) => {
            await tx`SELECT pg_advisory_xact_lock(
              hashtextextended(${IDEMPOTENCY_LOCK_PREFIX} || ${claim.key}::text, 0))`;
            for (let i = 0; i < 3; i++) {
              expect(await store.createRequest(sampleCreate({ idempotency: claim }))).toEqual({
                kind: 'key-in-flight',
              });
            }
            // Another key is not held up.
            const other = sampleCreate({ idempotency: { ...claim, key: 'key-other' } });
            expect((await store.createRequest(other)).kind).toBe('created');
          });
        });
        const input = sampleCreate({ idempotency: claim });
        expect(await store.createRequest(input)).toEqual({
          kind: 'created',
          response: input.response,
        });
      });
    });

    describe('outage', () => {
      it('fails fast while the server is down, and the same store works again after', async () => {
        const target = await freshDatabase('outage');
        const store = await openOn(target, { connectTimeoutSeconds: 2, pingTimeoutMs: 2000 });
        const before = sampleCreate();
        expect((await store.createRequest(before)).kind).toBe('created');

        await cluster.stopServer();
        try {
          for (const attempt of [
            () => store.ping(),
            () => store.createRequest(sampleCreate()),
            () => store.hitRateLimit({ bucket: 'ip:1', windowMs: 60_000, now: T0 }),
            () => store.getRequest(before.id, staffEntry('request.read', before.id)),
            () => store.ping(),
          ]) {
            const started = Date.now();
            const error = await attempt().then(
              () => undefined,
              (e: unknown) => e,
            );
            expect(error).toBeInstanceOf(StoreUnavailableError);
            expect(error).toMatchObject({ reason: 'unreachable' });
            expect(Date.now() - started).toBeLessThan(2500);
          }
        } finally {
          await cluster.startServer();
        }

        // No reopen: postgres.js replaces closed connections lazily, on the next query.
        const back = Date.now();
        await store.ping();
        expect(Date.now() - back).toBeLessThan(3000);
        const after = sampleCreate();
        expect((await store.createRequest(after)).kind).toBe('created');
        expect((await store.getRequest(before.id, staffEntry('request.read', before.id)))?.id).toBe(
          before.id,
        );
        const page = await store.listRequests({ limit: 10 }, staffEntry('request.list'));
        expect(page.items.map((r) => r.id).sort()).toEqual([before.id, after.id].sort());
      });

      it('replaces connections the server ended (pg_terminate_backend) by itself', async () => {
        const target = await freshDatabase('terminated');
        const store = await openOn(target);
        await Promise.all(Array.from({ length: 5 }, () => store.ping()));
        const killed = await withSql(
          cluster.adminUrl,
          (sql) => sql<{ n: number }[]>`
            SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = ${target.database} AND pid <> pg_backend_pid()`,
        );
        expect(killed[0]?.n).toBeGreaterThan(0);
        // A query may meet a connection that is closing: then it fails `unreachable`, the next
        // one gets a new connection.
        const deadline = Date.now() + 5000;
        for (;;) {
          const error = await store.ping().then(
            () => undefined,
            (e: unknown) => e,
          );
          if (error === undefined) break;
          expect(error).toMatchObject({ reason: 'unreachable' });
          if (Date.now() > deadline) throw error;
        }
        expect((await store.createRequest(sampleCreate())).kind).toBe('created');
      });
    });

    describe('open', () => {
      const migrationRows = (url: string) =>
        withSql(
          url,
          (sql) =>
            sql<{ version: number; name: string }[]>`
              SELECT version, name FROM schema_migrations ORDER BY version`,
        );
      const expectedRows = MIGRATIONS.map(({ version, name }) => ({ version, name }));

      it('applies migrations once; a second open changes nothing', async () => {
        const target = await freshDatabase('migrate');
        const first = await openOn(target);
        const input = sampleCreate();
        await first.createRequest(input);
        const second = await openOn(target);
        expect(await migrationRows(target.url)).toEqual(expectedRows);
        expect((await second.getRequest(input.id, staffEntry('request.read')))?.id).toBe(input.id);
      });

      it('lets instances that start at the same moment on a fresh database all succeed', async () => {
        const target = await freshDatabase('race');
        const stores = await Promise.all(Array.from({ length: 6 }, () => openOn(target)));
        expect(stores).toHaveLength(6);
        expect(await migrationRows(target.url)).toEqual(expectedRows);
        await Promise.all(stores.map((s) => s.ping()));
      });

      it('refuses a database migrated by newer code', async () => {
        const target = await freshDatabase('newer');
        await openOn(target);
        await withSql(
          target.url,
          (sql) =>
            sql`INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')`,
        );
        const error = await openPostgresStore({ url: target.url }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreConfigError);
        expect(String(error)).toMatch(/schema version 999, newer than this code knows/);
      });

      it('rolls a failed migration back entirely', async () => {
        const target = await freshDatabase('broken');
        const broken = {
          version: MIGRATIONS.length + 1,
          name: 'broken',
          sqlite: '',
          postgres: 'CREATE TABLE half_done (x int); SELECT 1 / 0;',
        };
        await withSql(target.url, async (sql) => {
          await expect(applyPostgresMigrations(sql, [...MIGRATIONS, broken])).rejects.toThrow(
            /division by zero/,
          );
          const [table] = await sql<{ t: string | null }[]>`SELECT to_regclass('half_done') AS t`;
          expect(table?.t).toBeNull();
        });
        expect(await migrationRows(target.url)).toEqual(expectedRows);
      });

      it('answers unreachable for a server that is not there, without the password', async () => {
        const port = await freePort();
        const started = Date.now();
        const error = await openPostgresStore({
          url: `postgres://ptfx:s3cret-pw@127.0.0.1:${port}/ptfx`,
          connectTimeoutSeconds: 2,
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect(error).toMatchObject({ reason: 'unreachable' });
        expect(String(error)).not.toContain('s3cret');
        expect(Date.now() - started).toBeLessThan(3000);
      });

      it('refuses what cannot work as configured, without echoing the URL', async () => {
        const missing = `postgres://ptfx:s3cret-pw@127.0.0.1:${cluster.port}/no_such_database`;
        for (const url of [
          missing,
          'mysql://ptfx:s3cret-pw@127.0.0.1/ptfx',
          'postgres://ptfx:s3cret-pw@[::1/ptfx',
          `${cluster.url}?sslmode=verify-everything&password=s3cret-pw`,
          `${cluster.url}?sslmode=verify-full&sslrootcert=/etc/ssl/s3cret-pw.pem`,
          `${cluster.url}?sslcert=/etc/ssl/client.pem&sslkey=/s3cret-pw`,
          // verify-* with an IP address: see the TLS tests below.
          `postgres://ptfx:s3cret-pw@127.0.0.1:${cluster.port}/ptfx?sslmode=verify-full`,
        ]) {
          const error = await openPostgresStore({ url }).catch((e: unknown) => e);
          expect(error, url).toBeInstanceOf(StoreConfigError);
          expect(String(error)).not.toContain('s3cret');
        }
      });
    });

    it('refuses UPDATE, DELETE and TRUNCATE on the audit log in the database', async () => {
      const target = await freshDatabase('audit');
      const store = await openOn(target);
      const entry = staffEntry('auth.failed', null, { staff: 'anonymous', outcome: 'refused' });
      await store.appendAudit(entry);
      await withSql(target.url, async (sql) => {
        for (const statement of [
          "UPDATE audit_log SET staff = 'mallory'",
          'DELETE FROM audit_log',
          'TRUNCATE audit_log',
        ]) {
          await expect(sql.unsafe(statement), statement).rejects.toThrow(
            'the audit log is append-only',
          );
        }
        const rows = await sql<{ staff: string }[]>`SELECT staff FROM audit_log`;
        expect(rows.map((r) => r.staff)).toEqual(['anonymous']);
      });
    });

    describe('TLS (sslmode in the URL)', () => {
      let certDir: string;
      let caFile: string;
      const haveOpenssl = existsSync('/usr/bin/openssl') || existsSync('/usr/local/bin/openssl');

      /** Whether the store's own connections use TLS, as the server sees them. */
      const storeUsesTls = async (database: string) => {
        const rows = await withSql(
          cluster.adminUrl,
          (sql) => sql<{ ssl: boolean }[]>`
            SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)
            WHERE a.datname = ${database} AND a.application_name = 'ptfx-api'`,
        );
        expect(rows.length).toBeGreaterThan(0);
        return rows.every((r) => r.ssl);
      };
      const withMode = (url: string, mode: string) => `${url}?sslmode=${mode}`;

      it('without TLS on the server: disable and prefer connect, require and allow do not', async () => {
        const target = await freshDatabase('plain');
        const plain = await openOn({ ...target, url: withMode(target.url, 'disable') });
        await plain.ping();
        await plain.close();
        const prefer = await openOn({ ...target, url: withMode(target.url, 'prefer') });
        await prefer.ping();
        expect(await storeUsesTls(target.database)).toBe(false);
        // The server answers the TLS request with "no"; postgres.js goes on with TLS anyway (for
        // `allow` too: no plain-text fallback), and the server hangs up: that reads `unreachable`.
        for (const mode of ['require', 'allow']) {
          const error = await openPostgresStore({
            url: withMode(target.url, mode),
            connectTimeoutSeconds: 2,
          }).catch((e: unknown) => e);
          expect(error, mode).toBeInstanceOf(StoreUnavailableError);
          expect(error).toMatchObject({ reason: 'unreachable', cause: { code: 'ECONNRESET' } });
        }
      });

      describe.runIf(haveOpenssl)('with TLS on the server (self-signed certificates)', () => {
        /** Makes a self-signed certificate for `name` (its own CA); returns its files. */
        const makeCert = async (name: string) => {
          const cert = join(certDir, `${name}.crt`);
          const key = join(certDir, `${name}.key`);
          await run('openssl', [
            'req',
            '-x509',
            '-newkey',
            'ec',
            '-pkeyopt',
            'ec_paramgen_curve:prime256v1',
            '-nodes',
            '-days',
            '2',
            '-subj',
            `/CN=${name}`,
            '-addext',
            `subjectAltName=DNS:${name}`,
            '-keyout',
            key,
            '-out',
            cert,
          ]);
          return { cert, key };
        };
        /** Gives the server this certificate and restarts it (so it is in use, no reload race). */
        const serve = async (files: { cert: string; key: string }) => {
          // The server reads server.crt/.key from its data dir: owned by its user, key 0600.
          const owner = statSync(cluster.dataDir);
          for (const [from, to] of [
            [files.cert, 'server.crt'],
            [files.key, 'server.key'],
          ] as const) {
            const path = join(cluster.dataDir, to);
            writeFileSync(path, readFileSync(from), { mode: 0o600 });
            chownSync(path, owner.uid, owner.gid);
          }
          await cluster.restart();
        };
        let forLocalhost: { cert: string; key: string };
        let forOtherName: { cert: string; key: string };

        beforeAll(async () => {
          certDir = mkdtempSync(join(tmpdir(), 'ptfx-pg-tls-'));
          forLocalhost = await makeCert('localhost');
          forOtherName = await makeCert('db.ptfx.test');
          // Both self-signed certificates, trusted by the child Node of the verify tests.
          caFile = join(certDir, 'trusted.pem');
          writeFileSync(
            caFile,
            readFileSync(forLocalhost.cert, 'utf8') + readFileSync(forOtherName.cert, 'utf8'),
          );
          await withSql(cluster.adminUrl, (sql) => sql.unsafe('ALTER SYSTEM SET ssl = on'));
          await serve(forLocalhost);
        });
        afterAll(async () => {
          await withSql(cluster.adminUrl, (sql) => sql.unsafe('ALTER SYSTEM RESET ssl'));
          await cluster.restart();
          rmSync(certDir, { recursive: true, force: true });
        });

        it('require and prefer use TLS; disable does not', async () => {
          for (const [mode, tls] of [
            ['require', true],
            ['prefer', true],
            ['disable', false],
          ] as const) {
            const target = await freshDatabase(`tls_${mode}`);
            const store = await openOn({ ...target, url: withMode(target.url, mode) });
            await store.ping();
            expect(await storeUsesTls(target.database), mode).toBe(tls);
          }
        });

        it('verify-full and verify-ca refuse a certificate Node does not trust', async () => {
          for (const mode of ['verify-full', 'verify-ca', 'require&sslrootcert=system']) {
            const target = await freshDatabase('tls_verify');
            const url = withMode(target.url.replace('127.0.0.1', 'localhost'), mode);
            const error = await openPostgresStore({ url }).catch((e: unknown) => e);
            expect(error, mode).toBeInstanceOf(StoreConfigError);
            expect(String(error)).toContain('TLS certificate');
          }
        });

        it('verify-full trusts NODE_EXTRA_CA_CERTS and checks the host name (verify-ca too)', async () => {
          // NODE_EXTRA_CA_CERTS is read once at start: ask a fresh Node, with postgres.js alone.
          const probe = async (url: string) => {
            const script = `
              import postgres from 'postgres';
              const sql = postgres(process.argv[1], { max: 1, connect_timeout: 5, onnotice() {} });
              try {
                const [row] = await sql\`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()\`;
                console.log(JSON.stringify({ ssl: row.ssl }));
              } catch (error) {
                console.log(JSON.stringify({ error: error.code }));
              } finally {
                await sql.end({ timeout: 1 });
              }`;
            const { stdout } = await run(
              process.execPath,
              ['--input-type=module', '-e', script, url],
              {
                // Where `postgres` resolves from: this package.
                cwd: join(import.meta.dirname, '..'),
                env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile },
              },
            );
            return JSON.parse(stdout) as { ssl?: boolean; error?: string };
          };
          const byName = cluster.url.replace('127.0.0.1', 'localhost');
          const byIp = cluster.url;
          const mismatch = { error: 'ERR_TLS_CERT_ALTNAME_INVALID' };

          // The server's certificate names localhost.
          expect(await probe(withMode(byName, 'verify-full'))).toEqual({ ssl: true });
          expect(await probe(withMode(byName, 'verify-ca'))).toEqual({ ssl: true });
          // With an IP address, postgres.js sends no servername and Node checks the certificate
          // against "localhost", not against the IP: so this passes. Use host names.
          expect(await probe(withMode(byIp, 'verify-full'))).toEqual({ ssl: true });

          // Now it names another host: refused by name, for verify-ca too (libpq's verify-ca
          // would accept it), and by IP (still compared with "localhost").
          await serve(forOtherName);
          try {
            expect(await probe(withMode(byName, 'verify-full'))).toEqual(mismatch);
            expect(await probe(withMode(byName, 'verify-ca'))).toEqual(mismatch);
            expect(await probe(withMode(byIp, 'verify-full'))).toEqual(mismatch);
            expect(await probe(withMode(byName, 'require'))).toEqual({ ssl: true });
          } finally {
            await serve(forLocalhost);
          }
        });
      });
    });
  },
);
