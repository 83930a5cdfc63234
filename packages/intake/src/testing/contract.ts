// The behaviour every Store adapter must have, as a vitest suite an adapter's test file runs with
// its own `open()`. Each test gets a fresh, empty store and asserts concrete values, so an adapter
// that gets a rule wrong fails here rather than behind the HTTP layer.
//
// Rules the suite fixes where store.ts leaves a choice:
// - Audit outcome: getRequest, updateStatus and deleteRequest record `ok` when the request exists
//   and `not-found` when it does not, whatever `audit.outcome` says (the caller cannot know before
//   asking). listRequests, listAudit and appendAudit store the entry's outcome as given.
// - listAudit writes its own audit row after reading, so a page shows the log as it was before
//   that listing; the next listing shows it.
// - Instants come back as `Date#toISOString()` text (UTC, milliseconds): receivedAt,
//   statusChangedAt, history `at`, audit `at`.
// - statusChangedAt and a history entry's `at` are `audit.at`; its `by` is `audit.staff`.
// - purge counts idempotency keys deleted by their own cutoff; keys that go with a purged request
//   (cascade) are not counted. Rate-limit buckets count as `rateLimitWindows`.
// - createRequest checks, in order: the idempotency key (replay / key-reused: nothing counted),
//   the rate limit (refused: nothing written, nothing counted), then writes the request, its key,
//   its outbox message and its new TAT in one transaction; any failure writes none of them.
// - An outbox message's `createdAt` and first `nextAttemptAt` are the request's `receivedAt`.
//   A lease held until t is free again at t (`lease_until <= now`). Settling counts the attempt
//   and ends the lease; `delivered` and `dead` set `nextAttemptAt` to the settlement's `at`;
//   `delivered` clears `lastError`. A retry or dead-letter settles only a message still pending (a
//   late settlement from a deliverer whose lease ran out never undoes a delivery); a delivery is
//   recorded whatever the status, once.
// - listOutbox: newest first (createdAt, then id, descending); `next` is the id of the page's
//   last message, given back as `before`. Audited with the entry's outcome, like listRequests.
// - redriveOutbox keeps `lastError` (why it died); audited `ok` / `not-found` for one id (whether
//   a dead message with that id was there), the entry's outcome for all.
// - rotateKeys: `limit` counts requests and staff notes together; `byKey` counts both (notes only
//   where there is one), keyed by key id, `'null'` for plaintext; only ids with rows appear.
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  CONSULTATION_REQUEST_EXAMPLE,
  type ConsultationRequestContent,
  ConsultationRequestSchema,
  requestContent,
} from '@ptfx/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataKeyError, type FieldCipher } from '../cipher.js';
import type {
  AuditAction,
  AuditEntry,
  AuditRecord,
  CreateOutcome,
  IdempotencyClaim,
  OutboxInput,
  OutboxMessage,
  RateLimitHit,
  RequestCursor,
  Store,
  StoredRequest,
} from '../store.js';

/** How the contract opens a store. */
export interface StoreContractOpenOptions {
  /** Seals personal fields with this cipher. Default: the adapter's default (PLAINTEXT). */
  readonly cipher?: FieldCipher;
  /**
   * Opens another store on the same database as this one (a second instance, or a restart with
   * other keys), instead of a new, empty one. Its migrations are already applied.
   */
  readonly sameDatabaseAs?: Store;
}

/** How the contract gets stores. */
export interface StoreContractSetup {
  /**
   * A new, empty, migrated store (a new temp file, a new database or schema); with
   * `options.sameDatabaseAs`, another store on that one's database. The suite closes every store
   * it opens.
   */
  open(options?: StoreContractOpenOptions): Promise<Store>;
  /** Runs SQL on the store's database over another path than the Store methods, when possible. */
  rawExec?(store: Store, sql: string): Promise<void>;
}

/** Key ids of {@link contractCipher}'s test keys. */
export const TEST_KEY_A = 'test-key-a';
/** See {@link TEST_KEY_A}. */
export const TEST_KEY_B = 'test-key-b';

/**
 * A real AES-256-GCM {@link FieldCipher} over fixed test keys (each key is SHA-256 of its id), for
 * the contract suite: `current` seals (null: plaintext), every id in `keys` opens. Sealed text is
 * `v1.<base64url(iv ‖ ciphertext ‖ tag)>` with a random IV, bound to its AAD. Opening a key id
 * not in `keys` throws DataKeyError `missing-key`; a value that does not authenticate (wrong key,
 * wrong row, changed bytes) throws `unauthentic`. Not for production: the keys are public.
 */
export function contractCipher(options: {
  readonly current: string | null;
  readonly keys: readonly string[];
}): FieldCipher {
  const { current } = options;
  const keys = new Map(
    options.keys.map((id) => [id, createHash('sha256').update(`ptfx-contract:${id}`).digest()]),
  );
  if (current !== null && !keys.has(current)) {
    throw new Error(`the current key ${current} must be one of the keys`);
  }
  return {
    currentKeyId: current,
    seal(plaintext, aad) {
      const key = current === null ? undefined : keys.get(current);
      if (current === null || key === undefined) return { keyId: null, text: plaintext };
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const sealed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
      return { keyId: current, text: `v1.${sealed}` };
    },
    open(keyId, text, aad) {
      if (keyId === null) return text;
      const key = keys.get(keyId);
      if (key === undefined) throw new DataKeyError('missing-key', keyId);
      try {
        if (!text.startsWith('v1.')) throw new Error('not a v1 sealed value');
        const bytes = Buffer.from(text.slice(3), 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
        decipher.setAAD(Buffer.from(aad, 'utf8'));
        decipher.setAuthTag(bytes.subarray(bytes.length - 16));
        const body = bytes.subarray(12, bytes.length - 16);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new DataKeyError('unauthentic', keyId, { cause });
      }
    },
  };
}

/** A fixed instant the tests count from (a whole minute, hour and day in UTC). */
export const T0 = new Date('2026-03-01T10:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const EPOCH = new Date(0);

/** `T0` plus `ms` milliseconds. */
export function later(ms: number): Date {
  return new Date(T0.getTime() + ms);
}

/** Valid request content, as the API keeps it, with the given reason (and name, if given). */
export function sampleContent(
  reason: string = CONSULTATION_REQUEST_EXAMPLE.reason,
  name: { given: string; family: string } = CONSULTATION_REQUEST_EXAMPLE.name,
): ConsultationRequestContent {
  return requestContent(
    ConsultationRequestSchema.parse({ ...CONSULTATION_REQUEST_EXAMPLE, reason, name }),
  );
}

/** The input of a create: a new id, `receivedAt`, sample content, a 201 naming the id. */
export function sampleCreate(
  options: {
    readonly id?: string;
    readonly receivedAt?: Date;
    readonly content?: ConsultationRequestContent;
    readonly idempotency?: IdempotencyClaim;
  } = {},
): Parameters<Store['createRequest']>[0] {
  const id = options.id ?? randomUUID();
  return {
    id,
    receivedAt: options.receivedAt ?? T0,
    content: options.content ?? sampleContent(),
    response: { status: 201, body: JSON.stringify({ id, status: 'new' }) },
    ...(options.idempotency ? { idempotency: options.idempotency } : {}),
  };
}

/**
 * An announcement as the API makes it: a `msg_` id of its own and a PHI-free Standard Webhooks
 * envelope naming the request.
 */
export function sampleAnnounce(requestId: string = randomUUID(), at: Date = T0): OutboxInput {
  const type = 'consultation-request.created';
  return {
    id: `msg_${randomUUID().replaceAll('-', '')}`,
    type,
    payload: JSON.stringify({
      type,
      timestamp: at.toISOString(),
      data: { id: requestId, receivedAt: at.toISOString() },
    }),
  };
}

/** A staff audit entry with a request id of its own, so its audit row can be found again. */
export function staffEntry(
  action: AuditAction,
  targetId: string | null = null,
  options: {
    readonly staff?: string;
    readonly at?: Date;
    readonly outcome?: AuditEntry['outcome'];
  } = {},
): AuditEntry {
  return {
    at: options.at ?? T0,
    staff: options.staff ?? 'alice',
    action,
    targetId,
    requestId: `req-${randomUUID()}`,
    outcome: options.outcome ?? 'ok',
  };
}

/** A fixed UUID whose last characters are `suffix` (for tests that depend on id order). */
function fixedId(suffix: string): string {
  return `00000000-0000-4000-8000-${suffix.padStart(12, '0')}`;
}

/** Every request, newest first, read with limit 100 pages. */
async function allRequests(store: Store): Promise<StoredRequest[]> {
  const items: StoredRequest[] = [];
  let page = await store.listRequests({ limit: 100 }, staffEntry('request.list'));
  items.push(...page.items);
  while (page.next !== undefined) {
    page = await store.listRequests({ limit: 100, after: page.next }, staffEntry('request.list'));
    items.push(...page.items);
  }
  return items;
}

/** Every audit row, newest first. */
async function allAudit(store: Store): Promise<AuditRecord[]> {
  const items: AuditRecord[] = [];
  let before: number | undefined;
  do {
    const page = await store.listAudit(
      before === undefined ? { limit: 100 } : { limit: 100, before },
      staffEntry('audit.list'),
    );
    items.push(...page.items);
    before = page.next;
  } while (before !== undefined);
  return items;
}

/** The one audit row written for `entry` (found by its request id); fails unless exactly one. */
async function auditRowFor(store: Store, entry: AuditEntry): Promise<AuditRecord> {
  const rows = (await allAudit(store)).filter((r) => r.requestId === entry.requestId);
  expect(rows).toHaveLength(1);
  const [row] = rows;
  if (row === undefined) throw new Error('no audit row');
  return row;
}

/** The expected audit row for an entry, with the outcome the store should have recorded. */
function expectedAudit(entry: AuditEntry, outcome: AuditEntry['outcome'] = entry.outcome) {
  return {
    seq: expect.any(Number),
    at: entry.at.toISOString(),
    staff: entry.staff,
    action: entry.action,
    targetId: entry.targetId,
    requestId: entry.requestId,
    outcome,
  };
}

/**
 * Declares the Store contract tests for one adapter. `setup.open()` must give a new, empty store
 * for each test, and `setup.open({ cipher, sameDatabaseAs })` another store on that store's
 * database with that cipher (the encryption cases rotate keys across such stores); the suite
 * closes them afterwards. With `setup.rawExec`, it also checks that the database itself refuses
 * to change or delete audit rows, and that a sealed value moved to another row does not open.
 */
export function describeStoreContract(name: string, setup: StoreContractSetup): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let open = false;

    /** More stores on the test's database, opened by {@link also}; closed after each test. */
    const others: Store[] = [];

    beforeEach(async () => {
      store = await setup.open();
      open = true;
    });
    afterEach(async () => {
      await Promise.all(others.splice(0).map((other) => other.close()));
      if (open) await store.close();
      open = false;
    });

    /** Another store on the test's database, with this cipher (another instance, or a restart). */
    async function also(cipher: FieldCipher): Promise<Store> {
      const other = await setup.open({ cipher, sameDatabaseAs: store });
      others.push(other);
      return other;
    }

    /** Creates a request and fails unless it was `created`. */
    async function create(input: Parameters<Store['createRequest']>[0]): Promise<void> {
      const outcome = await store.createRequest(input);
      expect(outcome.kind).toBe('created');
    }

    it('pings', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('starts empty', async () => {
      expect(await allRequests(store)).toEqual([]);
    });

    describe('createRequest', () => {
      it('stores the content exactly, with status new and no history', async () => {
        const content = sampleContent(
          'First line\r\nsecond line; NUL:\u0000; RTL override:\u202Eesrever\u202C; emoji 🦴🩻👩🏽‍⚕️; "quotes" \\ and tab\t.',
          { given: 'Zoë 🙂', family: '\u202Eسارة' },
        );
        const input = sampleCreate({ receivedAt: later(1234), content });
        const outcome = await store.createRequest(input);
        expect(outcome).toEqual({ kind: 'created', response: input.response });

        const stored = await store.getRequest(input.id, staffEntry('request.read', input.id));
        expect(stored).toStrictEqual({
          id: input.id,
          receivedAt: '2026-03-01T10:00:01.234Z',
          status: 'new',
          statusChangedAt: '2026-03-01T10:00:01.234Z',
          content,
          history: [],
        });
        expect(stored?.content.reason).toContain('\u0000');
        expect(stored?.content.reason).toContain('\r\n');
      });

      it('creates every time when no key is given', async () => {
        const a = sampleCreate();
        const b = sampleCreate({ content: a.content });
        await create(a);
        await create(b);
        expect((await allRequests(store)).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
      });

      it('replays the first response for the same key and fingerprint, storing nothing more', async () => {
        const claim = { key: 'key-1', fingerprint: 'a'.repeat(64) };
        const first = sampleCreate({ idempotency: claim });
        await create(first);
        const again = sampleCreate({ idempotency: claim, receivedAt: later(MINUTE) });
        const outcome = await store.createRequest(again);
        expect(outcome).toEqual({ kind: 'replay', response: first.response });
        expect((await allRequests(store)).map((r) => r.id)).toEqual([first.id]);
      });

      it('refuses the same key with a different fingerprint, storing nothing', async () => {
        const first = sampleCreate({ idempotency: { key: 'key-1', fingerprint: 'a'.repeat(64) } });
        await create(first);
        const other = sampleCreate({ idempotency: { key: 'key-1', fingerprint: 'b'.repeat(64) } });
        expect(await store.createRequest(other)).toEqual({ kind: 'key-reused' });
        expect((await allRequests(store)).map((r) => r.id)).toEqual([first.id]);
        // The original fingerprint still replays the original answer.
        const replay = sampleCreate({ idempotency: { key: 'key-1', fingerprint: 'a'.repeat(64) } });
        expect(await store.createRequest(replay)).toEqual({
          kind: 'replay',
          response: first.response,
        });
      });

      it('keeps different keys apart', async () => {
        const a = sampleCreate({ idempotency: { key: 'key-a', fingerprint: 'f'.repeat(64) } });
        const b = sampleCreate({ idempotency: { key: 'key-b', fingerprint: 'f'.repeat(64) } });
        await create(a);
        await create(b);
        expect(await allRequests(store)).toHaveLength(2);
      });

      it('stores exactly one request for ten concurrent creates with one key', async () => {
        const claim = { key: 'key-burst', fingerprint: 'c'.repeat(64) };
        const inputs = Array.from({ length: 10 }, () => sampleCreate({ idempotency: claim }));
        const outcomes: CreateOutcome[] = await Promise.all(
          inputs.map((input) => store.createRequest(input)),
        );
        const created = outcomes.flatMap((o, i) => (o.kind === 'created' ? [inputs[i]] : []));
        expect(created).toHaveLength(1);
        const winner = created[0];
        for (const outcome of outcomes) {
          expect(['created', 'replay', 'key-in-flight']).toContain(outcome.kind);
          if (outcome.kind === 'replay') expect(outcome.response).toEqual(winner?.response);
        }
        expect((await allRequests(store)).map((r) => r.id)).toEqual([winner?.id]);
      });
    });

    describe('findIdempotencyKey', () => {
      it('answers undefined for a key never stored', async () => {
        expect(await store.findIdempotencyKey('nobody')).toBeUndefined();
      });

      it('answers the fingerprint and the stored response once the create is committed', async () => {
        const claim = { key: 'key-find', fingerprint: '9'.repeat(64) };
        const input = sampleCreate({ idempotency: claim });
        await create(input);
        expect(await store.findIdempotencyKey('key-find')).toEqual({
          fingerprint: claim.fingerprint,
          response: input.response,
        });
        // A reused key with another body changes nothing.
        const other = sampleCreate({
          idempotency: { key: 'key-find', fingerprint: '8'.repeat(64) },
        });
        expect(await store.createRequest(other)).toEqual({ kind: 'key-reused' });
        expect(await store.findIdempotencyKey('key-find')).toEqual({
          fingerprint: claim.fingerprint,
          response: input.response,
        });
        expect(await store.findIdempotencyKey('KEY-FIND')).toBeUndefined();
      });

      it('forgets a key with its deleted request', async () => {
        const input = sampleCreate({
          idempotency: { key: 'key-gone', fingerprint: '7'.repeat(64) },
        });
        await create(input);
        await store.deleteRequest(input.id, staffEntry('request.delete', input.id));
        expect(await store.findIdempotencyKey('key-gone')).toBeUndefined();
      });

      it('answers every one of 50 concurrent look-ups after completion with the stored answer', async () => {
        const claim = { key: 'key-many', fingerprint: '6'.repeat(64) };
        const input = sampleCreate({ idempotency: claim });
        await create(input);
        const found = await Promise.all(
          Array.from({ length: 50 }, () => store.findIdempotencyKey('key-many')),
        );
        for (const answer of found) {
          expect(answer).toEqual({ fingerprint: claim.fingerprint, response: input.response });
        }
      });
    });

    describe('createRequest with a rate limit and an announcement (one commit)', () => {
      const limit2 = (now: Date = T0, bucket = 'ip:c'): RateLimitHit => ({
        bucket,
        limit: 2,
        windowMs: MINUTE,
        now,
      });
      /** Every outbox message, newest first. */
      const outbox = async () =>
        (await store.listOutbox({ limit: 100 }, staffEntry('outbox.list'))).items;

      it('counts an allowed create and carries the decision; at the limit refuses, storing and counting nothing', async () => {
        const first = { ...sampleCreate(), rateLimit: limit2() };
        expect(await store.createRequest(first)).toEqual({
          kind: 'created',
          response: first.response,
          rate: { allowed: true, limit: 2, remaining: 1, resetMs: 30_000, retryAfterMs: 0 },
        });
        const second = { ...sampleCreate(), rateLimit: limit2() };
        expect(await store.createRequest(second)).toEqual({
          kind: 'created',
          response: second.response,
          rate: { allowed: true, limit: 2, remaining: 0, resetMs: 60_000, retryAfterMs: 0 },
        });
        const claim = { key: 'key-refused', fingerprint: '5'.repeat(64) };
        const refusedInput = {
          ...sampleCreate({ idempotency: claim }),
          rateLimit: limit2(),
          announce: sampleAnnounce(),
        };
        const refusal = {
          kind: 'rate-limited',
          rate: { allowed: false, limit: 2, remaining: 0, resetMs: 60_000, retryAfterMs: 30_000 },
        };
        // Refused again and again: each refusal leaves the state as it was.
        for (let i = 0; i < 5; i++)
          expect(await store.createRequest(refusedInput)).toEqual(refusal);
        expect(await store.getRequest(refusedInput.id, staffEntry('request.read'))).toBeUndefined();
        expect(await store.findIdempotencyKey(claim.key)).toBeUndefined();
        expect(await outbox()).toEqual([]);
        expect((await allRequests(store)).map((r) => r.id).sort()).toEqual(
          [first.id, second.id].sort(),
        );
        // The refusals were not counted: one more is allowed at +30 s exactly, as for two hits.
        expect(
          (await store.createRequest({ ...refusedInput, rateLimit: limit2(later(30_000 - 1)) }))
            .kind,
        ).toBe('rate-limited');
        const retried = await store.createRequest({
          ...refusedInput,
          rateLimit: limit2(later(30_000)),
        });
        expect(retried).toMatchObject({ kind: 'created', rate: { allowed: true, remaining: 0 } });
        expect(await store.findIdempotencyKey(claim.key)).toEqual({
          fingerprint: claim.fingerprint,
          response: refusedInput.response,
        });
        expect((await outbox()).map((m) => m.id)).toEqual([refusedInput.announce.id]);
      });

      it('answers replays and reused keys before the rate limit, counting none of them', async () => {
        const claim = { key: 'key-rl', fingerprint: '4'.repeat(64) };
        const hit: RateLimitHit = { bucket: 'ip:r', limit: 1, windowMs: MINUTE, now: T0 };
        const first = { ...sampleCreate({ idempotency: claim }), rateLimit: hit };
        expect((await store.createRequest(first)).kind).toBe('created');
        // The bucket is exhausted, yet the same key replays, and another body is key-reused.
        for (let i = 0; i < 5; i++) {
          const replay = { ...sampleCreate({ idempotency: claim }), rateLimit: hit };
          expect(await store.createRequest(replay)).toEqual({
            kind: 'replay',
            response: first.response,
          });
        }
        const reused = {
          ...sampleCreate({ idempotency: { key: 'key-rl', fingerprint: '3'.repeat(64) } }),
          rateLimit: hit,
        };
        expect(await store.createRequest(reused)).toEqual({ kind: 'key-reused' });
        // Had they counted, the bucket would be refused until +6 min or later.
        const fresh = { ...sampleCreate(), rateLimit: { ...hit, now: later(MINUTE) } };
        expect(await store.createRequest(fresh)).toMatchObject({
          kind: 'created',
          rate: { allowed: true, remaining: 0 },
        });
      });

      it('shares its buckets with hitRateLimit', async () => {
        expect((await store.hitRateLimit(limit2())).allowed).toBe(true);
        expect(await store.createRequest({ ...sampleCreate(), rateLimit: limit2() })).toMatchObject(
          { kind: 'created', rate: { remaining: 0 } },
        );
        expect((await store.hitRateLimit(limit2())).allowed).toBe(false);
        expect((await store.createRequest({ ...sampleCreate(), rateLimit: limit2() })).kind).toBe(
          'rate-limited',
        );
        expect((await store.hitRateLimit(limit2(T0, 'ip:other'))).remaining).toBe(1);
      });

      it('writes the announcement with the request: pending, due at once, no attempt yet', async () => {
        const input = { ...sampleCreate({ receivedAt: later(1234) }), announce: sampleAnnounce() };
        await create(input);
        const expected: OutboxMessage = {
          id: input.announce.id,
          type: input.announce.type,
          payload: input.announce.payload,
          status: 'pending',
          createdAt: later(1234).toISOString(),
          attempts: 0,
          nextAttemptAt: later(1234).toISOString(),
          lastError: null,
          deliveredAt: null,
        };
        expect(await outbox()).toEqual([expected]);
        expect(await store.claimOutbox({ now: later(1234), leaseMs: 30_000, limit: 10 })).toEqual([
          expected,
        ]);
      });

      it('writes no message without announce, and none for a replay', async () => {
        const claim = { key: 'key-ann', fingerprint: '2'.repeat(64) };
        await create(sampleCreate());
        const first = { ...sampleCreate({ idempotency: claim }), announce: sampleAnnounce() };
        await create(first);
        const replay = { ...sampleCreate({ idempotency: claim }), announce: sampleAnnounce() };
        expect((await store.createRequest(replay)).kind).toBe('replay');
        expect((await outbox()).map((m) => m.id)).toEqual([first.announce.id]);
      });

      it('writes nothing at all — request, key, message or count — when any part of the create fails', async () => {
        const taken = { ...sampleCreate(), announce: sampleAnnounce() };
        await create(taken);
        const hit: RateLimitHit = { bucket: 'ip:f', limit: 1, windowMs: MINUTE, now: T0 };
        // A request id already stored: the request insert fails after the rate limit was counted.
        const sameId = {
          ...sampleCreate({
            id: taken.id,
            idempotency: { key: 'key-f1', fingerprint: '1'.repeat(64) },
          }),
          rateLimit: hit,
          announce: sampleAnnounce(taken.id),
        };
        await expect(store.createRequest(sameId)).rejects.toThrow();
        // A message id already stored: the last insert fails after everything else was written.
        const sameMessage = {
          ...sampleCreate({ idempotency: { key: 'key-f2', fingerprint: '1'.repeat(64) } }),
          rateLimit: hit,
          announce: { ...sampleAnnounce(), id: taken.announce.id },
        };
        await expect(store.createRequest(sameMessage)).rejects.toThrow();
        expect(await store.findIdempotencyKey('key-f1')).toBeUndefined();
        expect(await store.findIdempotencyKey('key-f2')).toBeUndefined();
        expect(await store.getRequest(sameMessage.id, staffEntry('request.read'))).toBeUndefined();
        expect((await allRequests(store)).map((r) => r.id)).toEqual([taken.id]);
        expect((await outbox()).map((m) => m.id)).toEqual([taken.announce.id]);
        // Neither failure used the bucket's one hit.
        expect(await store.hitRateLimit(hit)).toMatchObject({ allowed: true, remaining: 0 });
        // And the store goes on working.
        const ok = { ...sampleCreate(), announce: sampleAnnounce() };
        await create(ok);
        expect(await outbox()).toHaveLength(2);
      });

      it('refuses exactly the creates beyond the limit among 20 concurrent ones, storing only the allowed', async () => {
        const inputs = Array.from({ length: 20 }, () => ({
          ...sampleCreate(),
          rateLimit: { bucket: 'ip:burst', limit: 5, windowMs: MINUTE, now: T0 },
          announce: sampleAnnounce(),
        }));
        const outcomes = await Promise.all(inputs.map((input) => store.createRequest(input)));
        const created = inputs.filter((_, i) => outcomes[i]?.kind === 'created');
        expect(created).toHaveLength(5);
        expect(outcomes.filter((o) => o.kind === 'rate-limited')).toHaveLength(15);
        expect((await allRequests(store)).map((r) => r.id).sort()).toEqual(
          created.map((c) => c.id).sort(),
        );
        expect((await outbox()).map((m) => m.id).sort()).toEqual(
          created.map((c) => c.announce.id).sort(),
        );
      });
    });

    describe('listRequests', () => {
      // Newest first; the three at +2 min share receivedAt and are ordered by id descending.
      const rows = [
        { id: fixedId('a1'), receivedAt: later(1 * MINUTE) },
        { id: fixedId('b2'), receivedAt: later(2 * MINUTE) },
        { id: fixedId('b3'), receivedAt: later(2 * MINUTE) },
        { id: fixedId('b1'), receivedAt: later(2 * MINUTE) },
        { id: fixedId('c1'), receivedAt: later(3 * MINUTE) },
        { id: fixedId('d1'), receivedAt: later(4 * MINUTE) },
      ];
      const newestFirst = ['d1', 'c1', 'b3', 'b2', 'b1', 'a1'].map(fixedId);

      async function createRows(): Promise<void> {
        for (const row of rows) await create(sampleCreate(row));
      }

      it('lists newest first, ties broken by id descending', async () => {
        await createRows();
        const page = await store.listRequests({ limit: 100 }, staffEntry('request.list'));
        expect(page.items.map((r) => r.id)).toEqual(newestFirst);
        expect(page.next).toBeUndefined();
      });

      it('pages with limit and next, visiting every row exactly once, for every limit', async () => {
        await createRows();
        for (let limit = 1; limit <= rows.length + 1; limit++) {
          const seen: string[] = [];
          let pages = 0;
          let cursor: RequestCursor | undefined;
          do {
            const page = await store.listRequests(
              cursor === undefined ? { limit } : { limit, after: cursor },
              staffEntry('request.list'),
            );
            pages++;
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items.map((r) => r.id));
            // The cursor is the position of the page's last item.
            const last = page.items.at(-1);
            if (page.next !== undefined) {
              expect(page.next).toEqual({ receivedAt: last?.receivedAt, id: last?.id });
            }
            cursor = page.next;
          } while (cursor !== undefined && pages <= rows.length + 1);
          expect(seen, `limit ${limit}`).toEqual(newestFirst);
          expect(pages, `limit ${limit}`).toBe(Math.max(1, Math.ceil(rows.length / limit)));
        }
      });

      it('filters by status', async () => {
        await createRows();
        await store.updateStatus(fixedId('b2'), { status: 'closed' }, staffEntry('request.update'));
        await store.updateStatus(fixedId('d1'), { status: 'closed' }, staffEntry('request.update'));
        await store.updateStatus(fixedId('a1'), { status: 'spam' }, staffEntry('request.update'));
        const closed = await store.listRequests(
          { status: 'closed', limit: 100 },
          staffEntry('request.list'),
        );
        expect(closed.items.map((r) => r.id)).toEqual([fixedId('d1'), fixedId('b2')]);
        const fresh = await store.listRequests(
          { status: 'new', limit: 2 },
          staffEntry('request.list'),
        );
        expect(fresh.items.map((r) => r.id)).toEqual([fixedId('c1'), fixedId('b3')]);
        const rest = await store.listRequests(
          { status: 'new', limit: 2, ...(fresh.next ? { after: fresh.next } : {}) },
          staffEntry('request.list'),
        );
        expect(rest.items.map((r) => r.id)).toEqual([fixedId('b1')]);
        expect(rest.next).toBeUndefined();
      });

      it('filters by receivedFrom (inclusive) and receivedBefore (exclusive)', async () => {
        await createRows();
        const list = (query: { receivedFrom?: Date; receivedBefore?: Date }) =>
          store
            .listRequests({ limit: 100, ...query }, staffEntry('request.list'))
            .then((page) => page.items.map((r) => r.id));
        expect(
          await list({ receivedFrom: later(2 * MINUTE), receivedBefore: later(4 * MINUTE) }),
        ).toEqual(['c1', 'b3', 'b2', 'b1'].map(fixedId));
        expect(await list({ receivedFrom: later(3 * MINUTE) })).toEqual(['d1', 'c1'].map(fixedId));
        expect(await list({ receivedBefore: later(2 * MINUTE) })).toEqual([fixedId('a1')]);
        expect(await list({ receivedFrom: later(2 * MINUTE + 1) })).toEqual(
          ['d1', 'c1'].map(fixedId),
        );
        expect(await list({ receivedBefore: later(MINUTE) })).toEqual([]);
      });

      it('returns each request with its history', async () => {
        await createRows();
        await store.updateStatus(
          fixedId('c1'),
          { status: 'contacted', note: 'called' },
          staffEntry('request.update', fixedId('c1'), { staff: 'bob', at: later(HOUR) }),
        );
        const page = await store.listRequests({ limit: 2 }, staffEntry('request.list'));
        expect(page.items[0]?.history).toEqual([]);
        expect(page.items[1]).toMatchObject({
          id: fixedId('c1'),
          status: 'contacted',
          statusChangedAt: later(HOUR).toISOString(),
          history: [
            { at: later(HOUR).toISOString(), by: 'bob', status: 'contacted', note: 'called' },
          ],
        });
      });
    });

    describe('getRequest', () => {
      it('answers undefined for an unknown id', async () => {
        expect(await store.getRequest(randomUUID(), staffEntry('request.read'))).toBeUndefined();
      });
    });

    describe('updateStatus', () => {
      it('changes status and statusChangedAt, appends history, and leaves the content', async () => {
        const input = sampleCreate();
        await create(input);
        const first = await store.updateStatus(
          input.id,
          { status: 'contacted', note: 'left a voicemail' },
          staffEntry('request.update', input.id, { staff: 'alice', at: later(HOUR) }),
        );
        expect(first).toStrictEqual({
          id: input.id,
          receivedAt: T0.toISOString(),
          status: 'contacted',
          statusChangedAt: later(HOUR).toISOString(),
          content: input.content,
          history: [
            {
              at: later(HOUR).toISOString(),
              by: 'alice',
              status: 'contacted',
              note: 'left a voicemail',
            },
          ],
        });
        const second = await store.updateStatus(
          input.id,
          { status: 'scheduled' },
          staffEntry('request.update', input.id, { staff: 'bob', at: later(2 * HOUR) }),
        );
        expect(second?.status).toBe('scheduled');
        expect(second?.statusChangedAt).toBe(later(2 * HOUR).toISOString());
        expect(second?.history).toHaveLength(2);
        expect(second?.history[1]).toStrictEqual({
          at: later(2 * HOUR).toISOString(),
          by: 'bob',
          status: 'scheduled',
        });
        expect(second?.content).toStrictEqual(input.content);
        expect(
          await store.getRequest(input.id, staffEntry('request.read', input.id)),
        ).toStrictEqual(second);
      });

      it('answers undefined for an unknown id and creates nothing', async () => {
        const id = randomUUID();
        expect(
          await store.updateStatus(id, { status: 'closed' }, staffEntry('request.update', id)),
        ).toBeUndefined();
        expect(await allRequests(store)).toEqual([]);
      });
    });

    describe('deleteRequest', () => {
      it('deletes the request, its history and its idempotency key; false the second time', async () => {
        const claim = { key: 'key-del', fingerprint: 'd'.repeat(64) };
        const input = sampleCreate({ idempotency: claim });
        await create(input);
        await store.updateStatus(
          input.id,
          { status: 'spam', note: 'bot' },
          staffEntry('request.update'),
        );
        expect(await store.deleteRequest(input.id, staffEntry('request.delete', input.id))).toBe(
          true,
        );
        expect(await store.getRequest(input.id, staffEntry('request.read'))).toBeUndefined();
        expect(await allRequests(store)).toEqual([]);
        expect(await store.deleteRequest(input.id, staffEntry('request.delete', input.id))).toBe(
          false,
        );
        // The key is forgotten: the same claim creates anew. Re-using the id shows no old history.
        const again = sampleCreate({ id: input.id, idempotency: claim });
        expect(await store.createRequest(again)).toEqual({
          kind: 'created',
          response: again.response,
        });
        const fresh = await store.getRequest(input.id, staffEntry('request.read'));
        expect(fresh?.history).toEqual([]);
        expect(fresh?.status).toBe('new');
      });
    });

    describe('audit log', () => {
      it('writes exactly one audit row for each staff call, with the outcome found', async () => {
        const input = sampleCreate();
        await create(input);
        const unknown = randomUUID();
        const calls: {
          entry: AuditEntry;
          outcome: AuditEntry['outcome'];
          run: (e: AuditEntry) => Promise<unknown>;
        }[] = [
          {
            entry: staffEntry('request.list', null, { staff: 'carol', at: later(1) }),
            outcome: 'ok',
            run: (e) => store.listRequests({ limit: 10 }, e),
          },
          {
            entry: staffEntry('request.read', input.id, { at: later(2) }),
            outcome: 'ok',
            run: (e) => store.getRequest(input.id, e),
          },
          {
            entry: staffEntry('request.read', unknown, { at: later(3) }),
            outcome: 'not-found',
            run: (e) => store.getRequest(unknown, e),
          },
          {
            entry: staffEntry('request.update', input.id, { at: later(4) }),
            outcome: 'ok',
            run: (e) => store.updateStatus(input.id, { status: 'closed' }, e),
          },
          {
            entry: staffEntry('request.update', unknown, { at: later(5) }),
            outcome: 'not-found',
            run: (e) => store.updateStatus(unknown, { status: 'closed' }, e),
          },
          {
            entry: staffEntry('audit.list', null, { at: later(6) }),
            outcome: 'ok',
            run: (e) => store.listAudit({ limit: 5 }, e),
          },
          {
            entry: staffEntry('auth.failed', null, {
              staff: 'anonymous',
              at: later(7),
              outcome: 'refused',
            }),
            outcome: 'refused',
            run: (e) => store.appendAudit(e),
          },
          {
            entry: staffEntry('request.delete', input.id, { at: later(8) }),
            outcome: 'ok',
            run: (e) => store.deleteRequest(input.id, e),
          },
          {
            entry: staffEntry('request.delete', unknown, { at: later(9) }),
            outcome: 'not-found',
            run: (e) => store.deleteRequest(unknown, e),
          },
        ];
        for (const call of calls) {
          await call.run(call.entry);
          expect(await auditRowFor(store, call.entry), call.entry.action).toEqual(
            expectedAudit(call.entry, call.outcome),
          );
        }
      });

      it('lists newest first and pages with before/next', async () => {
        for (let i = 1; i <= 5; i++) {
          await store.appendAudit(
            staffEntry('auth.failed', null, { staff: `p${i}`, at: later(i), outcome: 'refused' }),
          );
        }
        const staff: string[] = [];
        const seqs: number[] = [];
        let before: number | undefined;
        let pages = 0;
        do {
          const page = await store.listAudit(
            before === undefined ? { limit: 2 } : { limit: 2, before },
            staffEntry('audit.list'),
          );
          pages++;
          staff.push(...page.items.map((r) => r.staff));
          seqs.push(...page.items.map((r) => r.seq));
          if (page.next !== undefined) expect(page.next).toBe(page.items.at(-1)?.seq);
          before = page.next;
        } while (before !== undefined && pages < 10);
        expect(staff).toEqual(['p5', 'p4', 'p3', 'p2', 'p1']);
        expect(pages).toBe(3);
        expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
        expect(new Set(seqs).size).toBe(5);
      });

      it('shows a listing of the log in the next listing, not in itself', async () => {
        await store.appendAudit(staffEntry('auth.failed', null, { outcome: 'refused' }));
        const entry = staffEntry('audit.list', null, { staff: 'dave' });
        const first = await store.listAudit({ limit: 10 }, entry);
        expect(first.items.map((r) => r.action)).toEqual(['auth.failed']);
        const second = await store.listAudit({ limit: 10 }, staffEntry('audit.list'));
        expect(second.items[0]).toEqual(expectedAudit(entry));
        expect(second.items).toHaveLength(2);
      });

      it.skipIf(setup.rawExec === undefined)('is append-only in the database itself', async () => {
        const entry = staffEntry('auth.failed', null, { staff: 'anonymous', outcome: 'refused' });
        await store.appendAudit(entry);
        await expect(
          setup.rawExec?.(store, "UPDATE audit_log SET staff = 'mallory'"),
        ).rejects.toThrow();
        await expect(setup.rawExec?.(store, 'DELETE FROM audit_log')).rejects.toThrow();
        expect(await auditRowFor(store, entry)).toEqual(expectedAudit(entry));
      });
    });

    describe('hitRateLimit (GCRA)', () => {
      // 3 per minute: a burst of 3, then one every 20 s.
      const policy = { limit: 3, windowMs: MINUTE } as const;
      const hit = (bucket: string, now: Date, p: { limit: number; windowMs: number } = policy) =>
        store.hitRateLimit({ bucket, ...p, now });
      const allowed = (remaining: number, resetMs: number) => ({
        allowed: true,
        limit: 3,
        remaining,
        resetMs,
        retryAfterMs: 0,
      });
      const refused = (resetMs: number, retryAfterMs: number) => ({
        allowed: false,
        limit: 3,
        remaining: 0,
        resetMs,
        retryAfterMs,
      });

      it('allows a burst of limit, then refuses, saying when one more is allowed', async () => {
        expect(await hit('ip:a', T0)).toEqual(allowed(2, 20_000));
        expect(await hit('ip:a', T0)).toEqual(allowed(1, 40_000));
        expect(await hit('ip:a', T0)).toEqual(allowed(0, 60_000));
        expect(await hit('ip:a', T0)).toEqual(refused(60_000, 20_000));
        expect(await hit('ip:a', later(5000))).toEqual(refused(55_000, 15_000));
        // One more every windowMs / limit: exactly at +20 s, not a millisecond before.
        expect(await hit('ip:a', later(20_000 - 1))).toEqual(refused(40_001, 1));
        expect(await hit('ip:a', later(20_000))).toEqual(allowed(0, 60_000));
        expect(await hit('ip:a', later(20_000))).toEqual(refused(60_000, 20_000));
      });

      it('does not count refused hits: a client hammering at the limit gets one through every window/limit', async () => {
        const allowedAt: number[] = [];
        for (let i = 0; i < 5; i++) if ((await hit('ip:h', T0)).allowed) allowedAt.push(0);
        for (let second = 1; second <= 100; second++) {
          if ((await hit('ip:h', later(second * 1000))).allowed) allowedAt.push(second);
        }
        expect(allowedAt).toEqual([0, 0, 0, 20, 40, 60, 80, 100]);
      });

      it('has no double burst across a window edge, and gives the full burst back after a quiet window', async () => {
        for (let i = 0; i < 3; i++)
          expect((await hit('ip:e', later(MINUTE - 1))).allowed).toBe(true);
        // A fixed window would allow three more here.
        expect((await hit('ip:e', later(MINUTE))).allowed).toBe(false);
        expect((await hit('ip:e', later(MINUTE + 1))).allowed).toBe(false);
        expect((await hit('ip:e', later(MINUTE + 19_998))).allowed).toBe(false);
        expect(await hit('ip:e', later(MINUTE + 19_999))).toEqual(allowed(0, 60_000));
        // A whole window with no hit: the burst is back.
        const quiet = later(3 * MINUTE);
        expect(await hit('ip:e', quiet)).toEqual(allowed(2, 20_000));
        expect(await hit('ip:e', quiet)).toEqual(allowed(1, 40_000));
        expect(await hit('ip:e', quiet)).toEqual(allowed(0, 60_000));
        expect((await hit('ip:e', quiet)).allowed).toBe(false);
      });

      it('keeps buckets apart', async () => {
        for (let i = 0; i < 3; i++) await hit('ip:a', T0);
        expect((await hit('ip:a', T0)).allowed).toBe(false);
        expect(await hit('ip:b', T0)).toEqual(allowed(2, 20_000));
      });

      it('allows exactly limit of 60 concurrent hits', async () => {
        const results = await Promise.all(
          Array.from({ length: 60 }, () =>
            hit('ip:burst', later(5), { limit: 50, windowMs: MINUTE }),
          ),
        );
        const ok = results.filter((r) => r.allowed);
        expect(ok).toHaveLength(50);
        expect(ok.map((r) => r.remaining).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 50 }, (_, i) => i),
        );
        expect(results.filter((r) => !r.allowed).map((r) => r.retryAfterMs)).toEqual(
          Array.from({ length: 10 }, () => 1200),
        );
      });

      it('refuses a limit or window that is not a positive integer (RangeError)', async () => {
        await expect(hit('ip:x', T0, { limit: 0, windowMs: MINUTE })).rejects.toThrow(RangeError);
        await expect(hit('ip:x', T0, { limit: 3, windowMs: 0.5 })).rejects.toThrow(RangeError);
        // Nothing was counted.
        expect(await hit('ip:x', T0)).toEqual(allowed(2, 20_000));
      });
    });

    describe('outbox', () => {
      const LEASE = 30_000;
      /** Creates `n` requests with announcements, a second apart from `T0`; their message ids. */
      async function announce(n: number): Promise<string[]> {
        const ids: string[] = [];
        for (let i = 0; i < n; i++) {
          const input = {
            ...sampleCreate({ receivedAt: later(i * 1000) }),
            announce: sampleAnnounce(),
          };
          await create(input);
          ids.push(input.announce.id);
        }
        return ids;
      }
      const claim = (now: Date, limit = 10) => store.claimOutbox({ now, leaseMs: LEASE, limit });
      const ids = (messages: readonly OutboxMessage[]) => messages.map((m) => m.id);
      /** One message as listed (all statuses). */
      async function message(id: string): Promise<OutboxMessage | undefined> {
        const all = await store.listOutbox({ limit: 100 }, staffEntry('outbox.list'));
        return all.items.find((m) => m.id === id);
      }

      it('claims due messages oldest first, up to limit, and skips them while leased', async () => {
        const [m1, m2, m3] = await announce(3);
        const now = later(10_000);
        expect(ids(await claim(now, 2))).toEqual([m1, m2]);
        expect(ids(await claim(now, 2))).toEqual([m3]);
        expect(await claim(now)).toEqual([]);
        expect(await claim(later(10_000 + LEASE - 1))).toEqual([]);
        // A crashed deliverer's lease runs out: another takes the messages over, at the instant.
        const again = await claim(later(10_000 + LEASE));
        expect(ids(again)).toEqual([m1, m2, m3]);
        // A claim is not an attempt until settled.
        expect(again.map((m) => m.attempts)).toEqual([0, 0, 0]);
        expect(again.map((m) => m.status)).toEqual(['pending', 'pending', 'pending']);
      });

      it('claims nothing before it is due', async () => {
        await create({
          ...sampleCreate({ receivedAt: later(MINUTE) }),
          announce: sampleAnnounce(),
        });
        expect(await claim(later(MINUTE - 1))).toEqual([]);
        expect(await claim(later(MINUTE))).toHaveLength(1);
      });

      it('gives each message to one of 10 concurrent claimers', async () => {
        const all = await announce(25);
        const claims = await Promise.all(Array.from({ length: 10 }, () => claim(later(HOUR), 4)));
        const claimed = claims.flatMap(ids);
        expect(claimed.sort()).toEqual([...all].sort());
      });

      it('settles a delivery: delivered, one attempt, never claimed again', async () => {
        const [id = ''] = await announce(1);
        await claim(T0);
        await store.settleOutbox(id, { kind: 'delivered', at: later(500) });
        expect(await message(id)).toMatchObject({
          status: 'delivered',
          attempts: 1,
          nextAttemptAt: later(500).toISOString(),
          lastError: null,
          deliveredAt: later(500).toISOString(),
        });
        expect(await claim(later(DAY))).toEqual([]);
      });

      it('settles a retry: counted, due again at nextAttemptAt, the lease ended', async () => {
        const [id = ''] = await announce(1);
        await claim(T0);
        await store.settleOutbox(id, {
          kind: 'retry',
          at: later(500),
          nextAttemptAt: later(5000),
          error: 'http 503',
        });
        expect(await message(id)).toMatchObject({
          status: 'pending',
          attempts: 1,
          nextAttemptAt: later(5000).toISOString(),
          lastError: 'http 503',
          deliveredAt: null,
        });
        expect(await claim(later(4999))).toEqual([]);
        // Due before the old lease (T0 + 30 s) would have run out: settling ended it.
        const [again] = await claim(later(5000));
        expect(again).toMatchObject({ id, attempts: 1, lastError: 'http 503' });
        await store.settleOutbox(id, { kind: 'delivered', at: later(6000) });
        expect(await message(id)).toMatchObject({
          status: 'delivered',
          attempts: 2,
          lastError: null,
          deliveredAt: later(6000).toISOString(),
        });
      });

      it('settles a dead letter: dead, counted, kept with its error, never claimed', async () => {
        const [id = ''] = await announce(1);
        for (let attempt = 1; attempt <= 2; attempt++) {
          await claim(later(attempt * MINUTE));
          await store.settleOutbox(id, {
            kind: 'retry',
            at: later(attempt * MINUTE),
            nextAttemptAt: later((attempt + 1) * MINUTE),
            error: 'timeout',
          });
        }
        expect(await claim(later(3 * MINUTE))).toHaveLength(1);
        await store.settleOutbox(id, { kind: 'dead', at: later(3 * MINUTE), error: 'http 410' });
        expect(await message(id)).toMatchObject({
          status: 'dead',
          attempts: 3,
          nextAttemptAt: later(3 * MINUTE).toISOString(),
          lastError: 'http 410',
          deliveredAt: null,
        });
        expect(await claim(later(30 * DAY))).toEqual([]);
      });

      it('never lets a late settlement undo a delivery', async () => {
        const [id = ''] = await announce(1);
        await claim(T0); // deliverer A, which stalls past its lease
        await claim(later(LEASE)); // deliverer B takes over and delivers
        await store.settleOutbox(id, { kind: 'delivered', at: later(LEASE + 100) });
        await store.settleOutbox(id, {
          kind: 'retry',
          at: later(LEASE + 200),
          nextAttemptAt: later(LEASE + 5000),
          error: 'timeout',
        });
        await store.settleOutbox(id, { kind: 'dead', at: later(LEASE + 300), error: 'http 400' });
        await store.settleOutbox(id, { kind: 'delivered', at: later(LEASE + 400) });
        expect(await message(id)).toMatchObject({
          status: 'delivered',
          attempts: 1,
          lastError: null,
          deliveredAt: later(LEASE + 100).toISOString(),
        });
        expect(await claim(later(DAY))).toEqual([]);
      });

      it('re-drives one dead message: pending, attempts reset, due at once, its error kept; audited', async () => {
        const [dead1 = '', dead2 = '', pending = ''] = await announce(3);
        await claim(T0);
        await store.settleOutbox(dead1, { kind: 'dead', at: later(1000), error: 'http 404' });
        await store.settleOutbox(dead2, { kind: 'dead', at: later(1000), error: 'http 410' });
        const entry = staffEntry('outbox.redrive', dead1, { at: later(HOUR) });
        expect(await store.redriveOutbox(dead1, later(HOUR), entry)).toBe(1);
        expect(await message(dead1)).toMatchObject({
          status: 'pending',
          attempts: 0,
          nextAttemptAt: later(HOUR).toISOString(),
          lastError: 'http 404',
        });
        expect((await message(dead2))?.status).toBe('dead');
        expect(await auditRowFor(store, entry)).toEqual(expectedAudit(entry, 'ok'));
        // The pending one's lease (from T0) has run out; the re-driven one is due at HOUR, the
        // other dead one never.
        expect(ids(await claim(later(HOUR - 1)))).toEqual([pending]);
        expect(ids(await claim(later(HOUR)))).toEqual([dead1]);

        // Not dead, or not there: nothing changes, audited not-found.
        for (const id of [pending, 'msg_nosuchmessage']) {
          const miss = staffEntry('outbox.redrive', id, { at: later(HOUR) });
          expect(await store.redriveOutbox(id, later(2 * HOUR), miss)).toBe(0);
          expect(await auditRowFor(store, miss)).toEqual(expectedAudit(miss, 'not-found'));
        }
        expect(await message(pending)).toMatchObject({ status: 'pending', attempts: 0 });
      });

      it('re-drives every dead message at once; audited', async () => {
        const all = await announce(4);
        await claim(T0);
        for (const id of all.slice(0, 3)) {
          await store.settleOutbox(id, { kind: 'dead', at: later(1000), error: 'http 400' });
        }
        const entry = staffEntry('outbox.redrive', null, { at: later(HOUR) });
        expect(await store.redriveOutbox(undefined, later(HOUR), entry)).toBe(3);
        expect(await auditRowFor(store, entry)).toEqual(expectedAudit(entry));
        const listed = await store.listOutbox(
          { status: 'dead', limit: 100 },
          staffEntry('outbox.list'),
        );
        expect(listed.items).toEqual([]);
        expect(ids(await claim(later(HOUR))).sort()).toEqual([...all].sort());
        expect(
          await store.redriveOutbox(undefined, later(HOUR), staffEntry('outbox.redrive')),
        ).toBe(0);
      });

      it('lists newest first, filtered by status, paged with before/next, each listing audited', async () => {
        const all = await announce(5);
        await claim(T0);
        const [m0 = '', m1 = '', , m3 = ''] = all;
        for (const id of [m0, m1, m3]) {
          await store.settleOutbox(id, { kind: 'dead', at: later(10_000), error: 'http 400' });
        }
        const newestFirst = [...all].reverse();
        const seen: string[] = [];
        let before: string | undefined;
        let pages = 0;
        do {
          const entry = staffEntry('outbox.list', null, { staff: `page-${pages}` });
          const page = await store.listOutbox(
            before === undefined ? { limit: 2 } : { limit: 2, before },
            entry,
          );
          pages++;
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...ids(page.items));
          if (page.next !== undefined) expect(page.next).toBe(page.items.at(-1)?.id);
          expect(await auditRowFor(store, entry)).toEqual(expectedAudit(entry));
          before = page.next;
        } while (before !== undefined && pages < 10);
        expect(seen).toEqual(newestFirst);
        expect(pages).toBe(3);

        const dead = await store.listOutbox(
          { status: 'dead', limit: 2 },
          staffEntry('outbox.list'),
        );
        expect(ids(dead.items)).toEqual([m3, m1]);
        expect(dead.next).toBe(m1);
        const rest = await store.listOutbox(
          { status: 'dead', limit: 2, before: dead.next ?? '' },
          staffEntry('outbox.list'),
        );
        expect(ids(rest.items)).toEqual([m0]);
        expect(rest.next).toBeUndefined();
        expect(rest.items[0]).toMatchObject({
          status: 'dead',
          attempts: 1,
          lastError: 'http 400',
          createdAt: T0.toISOString(),
        });
        const pending = await store.listOutbox(
          { status: 'pending', limit: 10 },
          staffEntry('outbox.list'),
        );
        expect(ids(pending.items)).toEqual([all[4], all[2]]);
      });
    });

    describe('encryption and rotateKeys', () => {
      const cipherA = () => contractCipher({ current: TEST_KEY_A, keys: [TEST_KEY_A] });
      const cipherB = () => contractCipher({ current: TEST_KEY_B, keys: [TEST_KEY_B, TEST_KEY_A] });
      const read = (s: Store, id: string) => s.getRequest(id, staffEntry('request.read', id));
      const missing = (keyId: string) => ({ name: 'DataKeyError', reason: 'missing-key', keyId });

      /** Three requests (one with a staff note, one changed without a note), as a plain store wrote them. */
      async function plaintextRows(): Promise<StoredRequest[]> {
        const inputs = [
          sampleCreate({ receivedAt: later(1), content: sampleContent('Back pain — Zoë 🦴') }),
          sampleCreate({ receivedAt: later(2), content: sampleContent('Knee, since March') }),
          sampleCreate({ receivedAt: later(3) }),
        ];
        for (const input of inputs) await create(input);
        await store.updateStatus(
          inputs[0]?.id ?? '',
          { status: 'contacted', note: 'Called her mobile; call back after 5 pm' },
          staffEntry('request.update', null, { at: later(HOUR) }),
        );
        await store.updateStatus(
          inputs[1]?.id ?? '',
          { status: 'scheduled' },
          staffEntry('request.update', null, { at: later(HOUR) }),
        );
        const rows: StoredRequest[] = [];
        for (const input of inputs) {
          const row = await read(store, input.id);
          if (row === undefined) throw new Error('a created request is missing');
          rows.push(row);
        }
        return rows;
      }

      /** Fails unless every row reads back through `s` exactly as first stored. */
      async function expectRows(s: Store, rows: readonly StoredRequest[]): Promise<void> {
        for (const row of rows) expect(await read(s, row.id)).toStrictEqual(row);
      }

      it('rotates PLAINTEXT → key A → key B → plaintext in batches, every row opening all along', async () => {
        const rows = await plaintextRows();
        const a = await also(cipherA());
        // Plaintext rows open under any cipher: rotation needs no downtime.
        await expectRows(a, rows);
        expect(await a.rotateKeys({ limit: 3 })).toEqual({
          resealed: 3,
          remaining: 1,
          byKey: { [TEST_KEY_A]: 3, null: 1 },
        });
        // Half-rotated: every row still opens with key A.
        await expectRows(a, rows);
        expect(await a.rotateKeys({ limit: 3 })).toEqual({
          resealed: 1,
          remaining: 0,
          byKey: { [TEST_KEY_A]: 4 },
        });
        expect(await a.rotateKeys({ limit: 3 })).toEqual({
          resealed: 0,
          remaining: 0,
          byKey: { [TEST_KEY_A]: 4 },
        });
        await expectRows(a, rows);
        // Sealed for real: without the key (the plain store), no row opens, and the error passes
        // through unchanged.
        for (const row of rows) {
          await expect(read(store, row.id)).rejects.toBeInstanceOf(DataKeyError);
          await expect(read(store, row.id)).rejects.toMatchObject(missing(TEST_KEY_A));
        }
        await expect(
          store.listRequests({ limit: 10 }, staffEntry('request.list')),
        ).rejects.toMatchObject(missing(TEST_KEY_A));

        // New requests and notes are sealed under the current key at once.
        const fresh = sampleCreate({ receivedAt: later(4) });
        expect((await a.createRequest(fresh)).kind).toBe('created');
        const freshRow = await a.updateStatus(
          fresh.id,
          { status: 'closed', note: 'Booked for Tuesday' },
          staffEntry('request.update', fresh.id, { at: later(2 * HOUR) }),
        );
        expect(freshRow?.history[0]?.note).toBe('Booked for Tuesday');
        await expect(read(store, fresh.id)).rejects.toMatchObject(missing(TEST_KEY_A));
        const all = [...rows, freshRow as StoredRequest];

        // Key B becomes current, A still opens: rows open before, during and after.
        const b = await also(cipherB());
        await expectRows(b, all);
        expect(await b.rotateKeys({ limit: 4 })).toEqual({
          resealed: 4,
          remaining: 2,
          byKey: { [TEST_KEY_A]: 2, [TEST_KEY_B]: 4 },
        });
        await expectRows(b, all);
        expect(await b.rotateKeys({ limit: 500 })).toEqual({
          resealed: 2,
          remaining: 0,
          byKey: { [TEST_KEY_B]: 6 },
        });
        await expectRows(b, all);
        // Key A can be retired now: a store with only A cannot open them.
        await expect(read(a, fresh.id)).rejects.toMatchObject(missing(TEST_KEY_B));

        // Back to plaintext (a cipher with no current key that still opens B).
        const unseal = await also(contractCipher({ current: null, keys: [TEST_KEY_B] }));
        expect(await unseal.rotateKeys({ limit: 500 })).toEqual({
          resealed: 6,
          remaining: 0,
          byKey: { null: 6 },
        });
        await expectRows(store, all);
      });

      it('fails rotation with DataKeyError, changing nothing, when a row is under a key not configured', async () => {
        const rows = await plaintextRows();
        const a = await also(cipherA());
        await a.rotateKeys({ limit: 500 });
        // A store whose keys are B only cannot open rows under A to re-seal them.
        const bOnly = await also(contractCipher({ current: TEST_KEY_B, keys: [TEST_KEY_B] }));
        await expect(bOnly.rotateKeys({ limit: 500 })).rejects.toBeInstanceOf(DataKeyError);
        await expect(bOnly.rotateKeys({ limit: 500 })).rejects.toMatchObject(missing(TEST_KEY_A));
        await expect(read(bOnly, rows[0]?.id ?? '')).rejects.toMatchObject(missing(TEST_KEY_A));
        expect(await a.rotateKeys({ limit: 500 })).toEqual({
          resealed: 0,
          remaining: 0,
          byKey: { [TEST_KEY_A]: 4 },
        });
        await expectRows(a, rows);
      });

      it('answers an empty count on an empty store', async () => {
        const a = await also(cipherA());
        expect(await a.rotateKeys({ limit: 10 })).toEqual({ resealed: 0, remaining: 0, byKey: {} });
      });

      it.skipIf(setup.rawExec === undefined)(
        'binds a sealed value to its row: moved to another row, it does not open',
        async () => {
          const a = await also(cipherA());
          const [x, y] = [sampleCreate(), sampleCreate()];
          await a.createRequest(x);
          await a.createRequest(y);
          await setup.rawExec?.(
            store,
            `UPDATE consultation_requests SET sealed =
               (SELECT sealed FROM consultation_requests WHERE id = '${x.id}')
             WHERE id = '${y.id}'`,
          );
          expect((await read(a, x.id))?.content).toStrictEqual(x.content);
          await expect(read(a, y.id)).rejects.toMatchObject({
            name: 'DataKeyError',
            reason: 'unauthentic',
            keyId: TEST_KEY_A,
          });
        },
      );
    });

    describe('purge', () => {
      const nothingElse = {
        idempotencyKeysBefore: EPOCH,
        rateLimitWindowsBefore: EPOCH,
        outboxDeliveredBefore: EPOCH,
      };

      it('deletes only closed and spam requests received before the cutoff', async () => {
        const cutoff = later(DAY);
        const cases = [
          { name: 'closed-old', status: 'closed', at: T0, gone: true },
          { name: 'spam-old', status: 'spam', at: later(DAY - 1), gone: true },
          { name: 'new-old', status: 'new', at: T0, gone: false },
          { name: 'contacted-old', status: 'contacted', at: T0, gone: false },
          { name: 'scheduled-old', status: 'scheduled', at: T0, gone: false },
          { name: 'closed-at-cutoff', status: 'closed', at: cutoff, gone: false },
          { name: 'spam-new', status: 'spam', at: later(2 * DAY), gone: false },
        ] as const;
        const ids = new Map<string, string>();
        for (const c of cases) {
          const input = sampleCreate({
            receivedAt: c.at,
            idempotency: { key: `key-${c.name}`, fingerprint: 'e'.repeat(64) },
          });
          ids.set(c.name, input.id);
          await create(input);
          if (c.status !== 'new') {
            await store.updateStatus(
              input.id,
              { status: c.status, note: 'n' },
              staffEntry('request.update'),
            );
          }
        }
        expect(await store.purge({ requestsBefore: cutoff, ...nothingElse })).toEqual({
          requests: 2,
          idempotencyKeys: 0,
          rateLimitWindows: 0,
          outboxMessages: 0,
        });
        const left = new Set((await allRequests(store)).map((r) => r.id));
        for (const c of cases) expect(left.has(ids.get(c.name) ?? ''), c.name).toBe(!c.gone);

        // A purged request's key is gone with it; a kept one's still replays.
        const reuse = sampleCreate({
          idempotency: { key: 'key-closed-old', fingerprint: 'e'.repeat(64) },
        });
        expect((await store.createRequest(reuse)).kind).toBe('created');
        const kept = sampleCreate({
          idempotency: { key: 'key-new-old', fingerprint: 'e'.repeat(64) },
        });
        expect((await store.createRequest(kept)).kind).toBe('replay');
        // A purged request's history is gone with it.
        const revived = sampleCreate({ id: ids.get('closed-old') ?? '' });
        await create(revived);
        expect((await store.getRequest(revived.id, staffEntry('request.read')))?.history).toEqual(
          [],
        );
      });

      it('forgets idempotency keys stored before their cutoff, and only those', async () => {
        const old = sampleCreate({
          receivedAt: T0,
          idempotency: { key: 'k-old', fingerprint: '1'.repeat(64) },
        });
        const recent = sampleCreate({
          receivedAt: later(2 * HOUR),
          idempotency: { key: 'k-recent', fingerprint: '1'.repeat(64) },
        });
        await create(old);
        await create(recent);
        expect(
          await store.purge({
            requestsBefore: later(3 * DAY),
            idempotencyKeysBefore: later(HOUR),
            rateLimitWindowsBefore: EPOCH,
            outboxDeliveredBefore: EPOCH,
          }),
        ).toEqual({ requests: 0, idempotencyKeys: 1, rateLimitWindows: 0, outboxMessages: 0 });
        // Both requests stay (status new); the old key now creates anew, the recent one replays.
        expect(await allRequests(store)).toHaveLength(2);
        const oldAgain = sampleCreate({
          idempotency: { key: 'k-old', fingerprint: '1'.repeat(64) },
        });
        expect((await store.createRequest(oldAgain)).kind).toBe('created');
        const recentAgain = sampleCreate({
          idempotency: { key: 'k-recent', fingerprint: '1'.repeat(64) },
        });
        expect(await store.createRequest(recentAgain)).toEqual({
          kind: 'replay',
          response: recent.response,
        });
      });

      it('drops rate-limit buckets whose TAT is before the cutoff, and only those', async () => {
        const policy = { limit: 3, windowMs: MINUTE };
        const hit = (bucket: string, now: Date) => store.hitRateLimit({ bucket, ...policy, now });
        await hit('a', T0); // TAT +20 s
        for (let i = 0; i < 3; i++) await hit('b', later(30_000)); // TAT +90 s
        await hit('c', later(MINUTE)); // TAT +80 s
        expect(
          await store.purge({
            requestsBefore: EPOCH,
            idempotencyKeysBefore: EPOCH,
            rateLimitWindowsBefore: later(85_000),
            outboxDeliveredBefore: EPOCH,
          }),
        ).toEqual({ requests: 0, idempotencyKeys: 0, rateLimitWindows: 2, outboxMessages: 0 });
        // 'b' is kept, still exhausted; 'c' was dropped, so it starts afresh even in the past.
        expect((await hit('b', later(30_000))).allowed).toBe(false);
        expect(await hit('c', later(MINUTE))).toMatchObject({ allowed: true, remaining: 2 });
      });

      it('drops delivered outbox messages settled before the cutoff, never pending or dead ones', async () => {
        const messages: string[] = [];
        for (let i = 0; i < 4; i++) {
          const input = { ...sampleCreate({ receivedAt: T0 }), announce: sampleAnnounce() };
          await create(input);
          messages.push(input.announce.id);
        }
        const [oldDelivered, newDelivered, dead, pending] = messages as [
          string,
          string,
          string,
          string,
        ];
        await store.claimOutbox({ now: T0, leaseMs: 30_000, limit: 10 });
        await store.settleOutbox(oldDelivered, { kind: 'delivered', at: later(1000) });
        await store.settleOutbox(newDelivered, { kind: 'delivered', at: later(HOUR) });
        await store.settleOutbox(dead, { kind: 'dead', at: later(1000), error: 'http 410' });
        await store.settleOutbox(pending, {
          kind: 'retry',
          at: later(1000),
          nextAttemptAt: later(2000),
          error: 'timeout',
        });
        expect(
          await store.purge({
            requestsBefore: EPOCH,
            idempotencyKeysBefore: EPOCH,
            rateLimitWindowsBefore: EPOCH,
            outboxDeliveredBefore: later(HOUR),
          }),
        ).toEqual({ requests: 0, idempotencyKeys: 0, rateLimitWindows: 0, outboxMessages: 1 });
        const left = await store.listOutbox({ limit: 100 }, staffEntry('outbox.list'));
        expect(left.items.map((m) => m.id).sort()).toEqual([newDelivered, dead, pending].sort());
      });

      it('answers zeros when there is nothing to purge', async () => {
        expect(
          await store.purge({
            requestsBefore: later(DAY),
            idempotencyKeysBefore: later(DAY),
            rateLimitWindowsBefore: later(DAY),
            outboxDeliveredBefore: later(DAY),
          }),
        ).toEqual({ requests: 0, idempotencyKeys: 0, rateLimitWindows: 0, outboxMessages: 0 });
      });
    });

    describe('close', () => {
      it('closes, after which the store is unusable', async () => {
        await expect(store.close()).resolves.toBeUndefined();
        open = false;
        await expect(store.ping()).rejects.toThrow();
      });
    });
  });
}
