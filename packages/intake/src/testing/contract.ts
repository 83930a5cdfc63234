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
//   (cascade) are not counted.
import { randomUUID } from 'node:crypto';
import {
  CONSULTATION_REQUEST_EXAMPLE,
  type ConsultationRequestContent,
  ConsultationRequestSchema,
  requestContent,
} from '@ptfx/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AuditAction,
  AuditEntry,
  AuditRecord,
  CreateOutcome,
  IdempotencyClaim,
  RequestCursor,
  Store,
  StoredRequest,
} from '../store.js';

/** How the contract gets stores. */
export interface StoreContractSetup {
  /** A new, empty, migrated store (a new temp file, a new database or schema). */
  open(): Promise<Store>;
  /** Runs SQL on the store's database over another path than the Store methods, when possible. */
  rawExec?(store: Store, sql: string): Promise<void>;
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
export function sampleAnnounce(
  requestId: string = randomUUID(),
  at: Date = T0,
): { readonly id: string; readonly type: string; readonly payload: string } {
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
 * for each test; the suite closes it afterwards. With `setup.rawExec`, it also checks that the
 * database itself refuses to change or delete audit rows.
 */
export function describeStoreContract(name: string, setup: StoreContractSetup): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let open = false;

    beforeEach(async () => {
      store = await setup.open();
      open = true;
    });
    afterEach(async () => {
      if (open) await store.close();
      open = false;
    });

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
