import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CONSULTATION_REQUEST_EXAMPLE,
  ConsultationRequestSchema,
  requestContent,
} from '@ptfx/domain';
import { openSqliteStore, purgeCutoffs, scheduleRetention } from '@ptfx/intake';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAdmin } from './admin.js';
import { parseConfig } from './config.js';
import { StaffDirectory } from './http/staff-auth.js';

let out = '';
let err = '';
let dir = '';
const env = { ...process.env };
beforeEach(() => {
  out = '';
  err = '';
  dir = mkdtempSync(join(tmpdir(), 'ptfx-admin-'));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...env };
  rmSync(dir, { recursive: true, force: true });
});

const content = requestContent(ConsultationRequestSchema.parse(CONSULTATION_REQUEST_EXAMPLE));

describe('admin mint-token', () => {
  it('prints a token and the entry that lets exactly that token in', async () => {
    expect(await runAdmin(['mint-token', 'alice'])).toBe(0);
    const lines = out.split('\n');
    const token = lines[1] ?? '';
    const entry = lines.find((l) => l.startsWith('alice:')) ?? '';
    expect(token).toMatch(/^ptfx_st_[A-Za-z0-9_-]{43}$/);
    const parsed = parseConfig({ PTFX_STAFF_TOKENS: entry });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const staff = new StaffDirectory(parsed.config.staffTokens);
    expect(staff.identify(token)).toBe('alice');
    expect(staff.identify(`${token}x`)).toBeUndefined();
    // Two mints never give the same token.
    await runAdmin(['mint-token', 'alice']);
    expect(out.split('\n').filter((l) => l.startsWith('ptfx_st_'))).toHaveLength(2);
    expect(new Set(out.split('\n').filter((l) => l.startsWith('ptfx_st_'))).size).toBe(2);
  });

  it.each([
    [['mint-token'], /one staff name/],
    [['mint-token', 'al ice'], /a staff name is 1 to 64/],
    [['mint-token', 'a', 'b'], /one staff name/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['--nope'], /Unknown option '--nope'/],
  ])('refuses %j with exit 2 and a usage hint', async (args, message) => {
    expect(await runAdmin(args)).toBe(2);
    expect(err).toMatch(message);
    expect(err).toMatch(/admin --help/);
  });

  it('shows help', async () => {
    expect(await runAdmin(['--help'])).toBe(0);
    expect(out).toMatch(/mint-token <name>/);
    expect(out).toMatch(/purge/);
  });
});

describe('admin purge and migrate', () => {
  it('purges closed requests past the retention days from the store DATABASE_URL names', async () => {
    const path = join(dir, 'ptfx.db');
    const store = openSqliteStore({ path });
    const old = new Date(Date.now() - 100 * 86_400_000);
    const audit = {
      at: new Date(),
      staff: 'alice',
      action: 'request.update',
      targetId: null,
      requestId: 'r',
      outcome: 'ok',
    } as const;
    for (const [id, status] of [
      ['00000000-0000-4000-8000-000000000001', 'closed'],
      ['00000000-0000-4000-8000-000000000002', 'spam'],
      ['00000000-0000-4000-8000-000000000003', 'scheduled'],
    ] as const) {
      await store.createRequest({
        id,
        receivedAt: old,
        content,
        response: { status: 201, body: '{}' },
      });
      await store.updateStatus(id, { status }, audit);
    }
    await store.close();
    process.env.DATABASE_URL = `file:${path}`;
    process.env.PTFX_RETENTION_DAYS = '90';
    expect(await runAdmin(['purge'])).toBe(0);
    expect(out).toMatch(/^purged 2 request\(s\) closed or spam for over 90 days/);
    const after = openSqliteStore({ path });
    const left = await after.listRequests({ limit: 10 }, { ...audit, action: 'request.list' });
    expect(left.items.map((r) => r.status)).toEqual(['scheduled']);
    await after.close();
    expect(await runAdmin(['migrate'])).toBe(0);
    expect(out).toMatch(/the schema is up to date/);
  });

  it('names the variable when DATABASE_URL is wrong, without echoing it', async () => {
    process.env.DATABASE_URL = 'mysql://root:hunter2@db/x';
    expect(await runAdmin(['purge'])).toBe(2);
    expect(err).toMatch(/^admin: DATABASE_URL must be/);
    expect(err).not.toMatch(/hunter2/);
  });
});

describe('retention', () => {
  it('cuts requests at the retention days, keys and delivered announcements at a day, rate-limit buckets once reset', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(purgeCutoffs(now, 90)).toEqual({
      requestsBefore: new Date('2026-08-29T12:00:00Z'),
      idempotencyKeysBefore: new Date('2026-11-26T12:00:00Z'),
      rateLimitWindowsBefore: now,
      outboxDeliveredBefore: new Date('2026-11-26T12:00:00Z'),
    });
  });

  it('purges at start and on its schedule, and logs counts only', async () => {
    const store = openSqliteStore({ path: join(dir, 'r.db') });
    const calls: unknown[] = [];
    const logs: Record<string, unknown>[] = [];
    const spy = {
      ...store,
      purge: (cutoffs: Parameters<typeof store.purge>[0]) => {
        calls.push(cutoffs);
        return store.purge(cutoffs);
      },
    };
    const schedule = scheduleRetention({
      store: spy as typeof store,
      days: 30,
      logger: { info: (l) => logs.push(l), error: (l) => logs.push(l) },
      clock: () => new Date('2026-11-27T12:00:00Z'),
      everyMs: 20,
    });
    await new Promise((resolve) => setTimeout(resolve, 70));
    schedule.stop();
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(logs[0]).toEqual({
      event: 'retention-purge',
      retentionDays: 30,
      requests: 0,
      idempotencyKeys: 0,
      rateLimitWindows: 0,
      outboxMessages: 0,
    });
    await store.close();
  });
});
