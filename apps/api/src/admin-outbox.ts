// The admin commands for webhook announcements: `outbox list` shows the transactional outbox
// (dead letters mostly), `outbox redrive` sends dead ones again, `mint-webhook-secret` makes a
// Standard Webhooks secret for PTFX_WEBHOOK_SECRET. admin.ts dispatches to these.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  type AuditEntry,
  MAX_PAGE_SIZE,
  mintWebhookSecret,
  type OutboxMessage,
  type OutboxStatus,
} from '@ptfx/intake';
import { type AdminEnv, type AdminOutput, withAdminStore } from './admin-store.js';

/** Who the audit log names for what an operator does from the command line. */
export const ADMIN_STAFF_NAME = 'admin-cli';

/** The help text of the outbox commands, for admin's usage. */
export const OUTBOX_HELP = `  outbox list [--status pending|delivered|dead] [--limit N] [--before ID]
                      Webhook announcements, newest first (${MAX_PAGE_SIZE} at most per page; --before
                      the last id shown for the next page). Dead ones ran out of attempts
                      (PTFX_WEBHOOK_MAX_ATTEMPTS, default 8) or were refused by the receiver.
  outbox redrive <id> | --all-dead
                      Send a dead announcement again (or every dead one): it is pending and due
                      at once, with its attempts reset and its webhook-id unchanged. Running
                      servers pick it up within a second.
  mint-webhook-secret Make a new PTFX_WEBHOOK_SECRET: whsec_ and 32 random bytes in base64
                      (Standard Webhooks). Give the same value to the receiver, which verifies
                      deliveries with it (e.g. the standardwebhooks library).`;

const STATUSES: readonly OutboxStatus[] = ['pending', 'delivered', 'dead'];

/** `admin mint-webhook-secret`: prints a new secret and what to do with it. Exit code 0. */
export function mintWebhookSecretCommand(io: AdminOutput): number {
  io.out(
    `new webhook secret (give it to the receiver over a private channel too):\n${mintWebhookSecret()}\n\n` +
      'set PTFX_WEBHOOK_SECRET to it (with PTFX_WEBHOOK_URL) and restart every instance; the receiver verifies webhook-signature with the same value\n',
  );
  return 0;
}

function audit(action: AuditEntry['action'], targetId: string | null): AuditEntry {
  return {
    at: new Date(),
    staff: ADMIN_STAFF_NAME,
    action,
    targetId,
    requestId: `admin-${randomUUID()}`,
    outcome: 'ok',
  };
}

/** One message as a line of the listing: nothing in it is personal. */
function line(m: OutboxMessage): string {
  return [
    m.id,
    m.status.padEnd(9),
    `attempts ${m.attempts}`,
    `created ${m.createdAt}`,
    m.status === 'pending'
      ? `next ${m.nextAttemptAt}`
      : m.status === 'delivered'
        ? `delivered ${m.deliveredAt ?? m.nextAttemptAt}`
        : `dead since ${m.nextAttemptAt}`,
    ...(m.lastError ? [`last error: ${m.lastError}`] : []),
  ].join('  ');
}

function usage(io: AdminOutput, message: string): number {
  io.err(`admin: ${message}\nRun "admin --help" for usage.\n`);
  return 2;
}

/**
 * `admin outbox list|redrive …` (the words after `outbox`). Resolves to the exit code: 0 done,
 * 1 the store failed or nothing was dead to re-drive, 2 usage or configuration error.
 */
export async function outboxCommand(
  args: readonly string[],
  env: AdminEnv,
  cwd: string,
  io: AdminOutput,
): Promise<number> {
  let parsed: {
    values: { status?: string; limit?: string; before?: string; 'all-dead'?: boolean };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        status: { type: 'string' },
        limit: { type: 'string' },
        before: { type: 'string' },
        'all-dead': { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  const [sub, ...rest] = parsed.positionals;
  const { status, limit, before } = parsed.values;
  const allDead = parsed.values['all-dead'] === true;
  switch (sub) {
    case 'list': {
      if (rest.length > 0 || allDead)
        return usage(io, 'outbox list takes only --status, --limit and --before');
      if (status !== undefined && !STATUSES.includes(status as OutboxStatus))
        return usage(
          io,
          `--status must be pending, delivered or dead, got "${status.slice(0, 40)}"`,
        );
      const size = limit === undefined ? 20 : Number(limit);
      if (!/^\d+$/.test(limit ?? '20') || size < 1 || size > MAX_PAGE_SIZE)
        return usage(io, `--limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
      return withAdminStore(env, cwd, io, async (store) => {
        const page = await store.listOutbox(
          {
            limit: size,
            ...(status ? { status: status as OutboxStatus } : {}),
            ...(before ? { before } : {}),
          },
          audit('outbox.list', null),
        );
        for (const m of page.items) io.out(`${line(m)}\n`);
        io.out(
          page.items.length === 0
            ? `no ${status ?? ''}${status ? ' ' : ''}announcements\n`
            : page.next
              ? `more: admin outbox list${status ? ` --status ${status}` : ''} --limit ${size} --before ${page.next}\n`
              : '',
        );
        return 0;
      });
    }
    case 'redrive': {
      const [id, extra] = rest;
      if (status !== undefined || limit !== undefined || before !== undefined)
        return usage(io, 'outbox redrive takes an id or --all-dead');
      if (allDead === (id !== undefined) || extra !== undefined)
        return usage(io, 'outbox redrive takes one id (msg_…) or --all-dead, not both');
      return withAdminStore(env, cwd, io, async (store) => {
        const count = await store.redriveOutbox(
          allDead ? undefined : id,
          new Date(),
          audit('outbox.redrive', allDead ? null : (id ?? null)),
        );
        if (!allDead && count === 0) {
          io.err(
            `admin: no dead announcement has the id "${(id ?? '').slice(0, 200)}"; see "admin outbox list --status dead"\n`,
          );
          return 1;
        }
        io.out(
          `${count} announcement(s) pending again, due now; running servers send them within a second\n`,
        );
        return 0;
      });
    }
    default:
      return usage(
        io,
        sub === undefined
          ? 'outbox takes list or redrive, e.g. "admin outbox list --status dead"'
          : `unknown outbox command "${sub.slice(0, 40)}"; use list or redrive`,
      );
  }
}
