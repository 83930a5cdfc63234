import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CONSULTATION_REQUEST_EXAMPLE,
  ConsultationRequestSchema,
  requestContent,
} from '@ptfx/domain';
import { announcement, openSqliteStore, parseWebhookSecret } from '@ptfx/intake';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAdmin } from './admin.js';
import { ADMIN_STAFF_NAME } from './admin-outbox.js';
import { parseConfig } from './config.js';

let out = '';
let err = '';
let dir = '';
let path = '';
const env = { ...process.env };
beforeEach(() => {
  out = '';
  err = '';
  dir = mkdtempSync(join(tmpdir(), 'ptfx-admin-outbox-'));
  path = join(dir, 'ptfx.db');
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
const NOW = new Date();

/** `n` stored requests with their announcements; the first `dead` of them dead-lettered. */
async function seed(n: number, dead: number): Promise<string[]> {
  const store = await openSqliteStore({ path });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const announce = announcement({
      requestId: id,
      staffUrl: `https://api.test/v1/staff/consultation-requests/${id}`,
      receivedAt: new Date(NOW.getTime() + i),
    });
    ids.push(announce.id);
    await store.createRequest({
      id,
      receivedAt: new Date(NOW.getTime() + i),
      content,
      response: { status: 201, body: '{}' },
      announce,
    });
  }
  const claimed = await store.claimOutbox({
    now: new Date(NOW.getTime() + 1000),
    leaseMs: 60_000,
    limit: dead,
  });
  for (const m of claimed) {
    await store.settleOutbox(m.id, { kind: 'dead', at: NOW, error: 'http 410' });
  }
  await store.close();
  process.env.DATABASE_URL = `file:${path}`;
  return ids;
}

async function statuses(): Promise<Record<string, string>> {
  const store = await openSqliteStore({ path });
  const page = await store.listOutbox(
    { limit: 100 },
    {
      at: new Date(),
      staff: 't',
      action: 'outbox.list',
      targetId: null,
      requestId: 't',
      outcome: 'ok',
    },
  );
  const audit = await store.listAudit(
    { limit: 100 },
    {
      at: new Date(),
      staff: 't',
      action: 'audit.list',
      targetId: null,
      requestId: 't',
      outcome: 'ok',
    },
  );
  await store.close();
  lastAudit = audit.items.filter((a) => a.staff === ADMIN_STAFF_NAME).reverse();
  return Object.fromEntries(page.items.map((m) => [m.id, m.status]));
}
let lastAudit: { action: string; targetId: string | null }[] = [];

describe('admin mint-webhook-secret', () => {
  it('prints a whsec_ secret that config accepts and the standardwebhooks library takes', async () => {
    expect(await runAdmin(['mint-webhook-secret'])).toBe(0);
    const secret = out.split('\n').find((l) => l.startsWith('whsec_')) ?? '';
    expect((parseWebhookSecret(secret) as Uint8Array).length).toBe(32);
    expect(() => new Webhook(secret)).not.toThrow();
    const parsed = parseConfig({
      PTFX_WEBHOOK_URL: 'https://hooks.example.com/x',
      PTFX_WEBHOOK_SECRET: secret,
    });
    expect(parsed.ok).toBe(true);
    expect(out).toMatch(/PTFX_WEBHOOK_SECRET/);
    await runAdmin(['mint-webhook-secret']);
    expect(new Set(out.split('\n').filter((l) => l.startsWith('whsec_'))).size).toBe(2);
    expect(await runAdmin(['mint-webhook-secret', 'x'])).toBe(2);
  });
});

describe('admin outbox', () => {
  it('lists announcements, dead ones by --status, paged, audited as admin-cli', async () => {
    const ids = await seed(4, 3);
    expect(await runAdmin(['outbox', 'list', '--status', 'dead'])).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) {
      expect(l).toMatch(/^msg_[0-9a-f]{32} {2}dead +attempts 1 .*last error: http 410$/);
    }
    expect(lines.map((l) => l.split(' ')[0]).sort()).toEqual(ids.slice(0, 3).sort());
    out = '';
    expect(await runAdmin(['outbox', 'list'])).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(4);
    expect(out).toMatch(/pending/);
    out = '';
    expect(await runAdmin(['outbox', 'list', '--status', 'dead', '--limit', '2'])).toBe(0);
    const more = /more: admin outbox list --status dead --limit 2 --before (\S+)/.exec(out);
    expect(more).not.toBeNull();
    out = '';
    expect(
      await runAdmin([
        'outbox',
        'list',
        '--status',
        'dead',
        '--limit',
        '2',
        '--before',
        more?.[1] ?? '',
      ]),
    ).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    out = '';
    expect(await runAdmin(['outbox', 'list', '--status', 'delivered'])).toBe(0);
    expect(out).toBe('no delivered announcements\n');
    await statuses();
    expect(lastAudit.map((a) => a.action)).toEqual(Array(5).fill('outbox.list'));
  });

  it('re-drives one dead announcement by id, or every dead one', async () => {
    const ids = await seed(3, 3);
    const [first = ''] = ids;
    expect(await runAdmin(['outbox', 'redrive', first])).toBe(0);
    expect(out).toMatch(/^1 announcement\(s\) pending again/);
    expect((await statuses())[first]).toBe('pending');
    expect(Object.values(await statuses()).sort()).toEqual(['dead', 'dead', 'pending']);
    // Not dead any more: nothing to re-drive.
    expect(await runAdmin(['outbox', 'redrive', first])).toBe(1);
    expect(err).toMatch(/no dead announcement has the id "msg_.*admin outbox list --status dead/);
    out = '';
    expect(await runAdmin(['outbox', 'redrive', '--all-dead'])).toBe(0);
    expect(out).toMatch(/^2 announcement\(s\) pending again/);
    expect(Object.values(await statuses())).toEqual(['pending', 'pending', 'pending']);
    expect(lastAudit.map((a) => [a.action, a.targetId])).toEqual([
      ['outbox.redrive', first],
      ['outbox.redrive', first],
      ['outbox.redrive', null],
    ]);
  });

  it.each([
    [['outbox'], /outbox takes list or redrive/],
    [['outbox', 'purge'], /unknown outbox command "purge"/],
    [['outbox', 'list', '--status', 'lost'], /--status must be pending, delivered or dead/],
    [['outbox', 'list', '--limit', '0'], /--limit must be a whole number from 1 to 100/],
    [['outbox', 'list', '--limit', '101'], /--limit must be/],
    [['outbox', 'redrive'], /one id \(msg_…\) or --all-dead/],
    [['outbox', 'redrive', 'msg_1', '--all-dead'], /one id \(msg_…\) or --all-dead/],
    [['outbox', 'redrive', '--status', 'dead'], /takes an id or --all-dead/],
    [['outbox', 'list', '--nope'], /Unknown option '--nope'/],
  ])('refuses %j with exit 2 and a usage hint', async (args, message) => {
    expect(await runAdmin(args)).toBe(2);
    expect(err).toMatch(message);
    expect(err).toMatch(/admin --help/);
  });

  it('is in the help, with mint-webhook-secret', async () => {
    expect(await runAdmin(['--help'])).toBe(0);
    expect(out).toMatch(/outbox list \[--status pending\|delivered\|dead\]/);
    expect(out).toMatch(/outbox redrive <id> \| --all-dead/);
    expect(out).toMatch(/mint-webhook-secret/);
    out = '';
    expect(await runAdmin(['outbox', '--help'])).toBe(0);
    expect(out).toMatch(/outbox redrive/);
  });

  it('says which store failed, exit 1, when the database cannot be opened', async () => {
    // A file where the folder should be: the database cannot be created.
    writeFileSync(join(dir, 'not-a-folder'), '');
    process.env.DATABASE_URL = `file:${join(dir, 'not-a-folder', 'x.db')}`;
    expect(await runAdmin(['outbox', 'list'])).toBe(1);
    expect(err).toMatch(/^admin: /);
  });
});
