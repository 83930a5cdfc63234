// Operator commands for the API: mint a staff token or a data key, purge by the retention rule,
// migrate, re-encrypt under a new data key.
// `pnpm --filter @ptfx/api admin <command>`, or `node dist/admin.js <command>`.
import { parseArgs } from 'node:util';
import { purgeOnce } from '@ptfx/intake';
import { DATA_KEY_HELP, mintDataKeyCommand, rotateKeyCommand } from './admin-data-key.js';
import { mintWebhookSecretCommand, OUTBOX_HELP, outboxCommand } from './admin-outbox.js';
import { withAdminStore } from './admin-store.js';
import { mintStaffToken } from './http/staff-auth.js';

const HELP = `Usage: admin <command> [options]

Commands:
  mint-token <name>   Make a new bearer token for a staff member. Prints the token (give it to
                      them; it is not kept anywhere) and the name:sha256 entry to add to
                      PTFX_STAFF_TOKENS (comma-separated, one entry per staff member).
  purge               Delete closed and spam requests older than PTFX_RETENTION_DAYS (default
                      90), idempotency keys older than a day and old rate-limit windows, for
                      good. The server also does this every hour.
  migrate             Apply pending schema migrations and exit (the server does this at start).
${DATA_KEY_HELP}
${OUTBOX_HELP}

The store is the one DATABASE_URL names: unset = .ptfx/ptfx.db under the working directory,
file:PATH = that SQLite file, postgres://… = PostgreSQL.

Options:
  -h, --help          Show this help.

Examples:
  admin mint-token alice
  admin mint-data-key
  admin outbox list --status dead
  admin outbox redrive --all-dead
  PTFX_DATA_KEY=<new key>,<old key> admin rotate-key
  DATABASE_URL=postgres://ptfx@db.internal/ptfx admin purge

Exit codes: 0 done, 1 the store failed, 2 usage or configuration error.`;

function usage(message: string): number {
  process.stderr.write(`admin: ${message}\nRun "admin --help" for usage.\n`);
  return 2;
}

const stdio = {
  out: (text: string) => void process.stdout.write(text),
  err: (text: string) => void process.stderr.write(text),
};

/** Runs one admin command; resolves to the exit code. */
export async function runAdmin(argv: readonly string[]): Promise<number> {
  // `outbox` has its own options (--status, --all-dead, …); it parses the rest itself.
  if (argv[0] === 'outbox' && !argv.includes('--help') && !argv.includes('-h'))
    return outboxCommand(argv.slice(1), process.env, process.cwd(), stdio);
  let parsed: ReturnType<
    typeof parseArgs<{ options: { help: { type: 'boolean'; short: 'h' } }; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === undefined || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined && !parsed.values.help ? 2 : 0;
  }
  switch (command) {
    case 'mint-token': {
      const [name, extra] = rest;
      if (name === undefined || extra !== undefined)
        return usage('mint-token takes one staff name, e.g. "admin mint-token alice"');
      try {
        const minted = mintStaffToken(name);
        process.stdout.write(
          `token for ${name} (shown once; give it to them over a private channel):\n${minted.token}\n\nadd this entry to PTFX_STAFF_TOKENS:\n${minted.line}\n`,
        );
        return 0;
      } catch (error) {
        return usage(error instanceof Error ? error.message : String(error));
      }
    }
    case 'purge':
      if (rest.length > 0) return usage('purge takes no arguments');
      return withAdminStore(process.env, process.cwd(), stdio, async (store, config) => {
        const days = config.retentionDays;
        const result = await purgeOnce(store, days, new Date(), {
          info: () => {},
          error: () => {},
        });
        stdio.out(
          `purged ${result.requests} request(s) closed or spam for over ${days} days, ${result.idempotencyKeys} idempotency key(s), ${result.rateLimitWindows} rate-limit window(s)\n`,
        );
        return 0;
      });
    case 'mint-data-key':
      if (rest.length > 0) return usage('mint-data-key takes no arguments');
      return mintDataKeyCommand(stdio);
    case 'rotate-key':
      if (rest.length > 0)
        return usage('rotate-key takes no arguments; it reads PTFX_DATA_KEY and DATABASE_URL');
      return rotateKeyCommand(process.env, process.cwd(), stdio);
    case 'mint-webhook-secret':
      if (rest.length > 0) return usage('mint-webhook-secret takes no arguments');
      return mintWebhookSecretCommand(stdio);
    case 'migrate':
      if (rest.length > 0) return usage('migrate takes no arguments');
      return withAdminStore(process.env, process.cwd(), stdio, async () => {
        stdio.out('the schema is up to date\n');
        return 0;
      });
    default:
      return usage(
        `unknown command "${command.slice(0, 40)}"; commands: mint-token, purge, migrate, mint-data-key, rotate-key, outbox, mint-webhook-secret`,
      );
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/admin.js')) {
  runAdmin(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`admin: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
