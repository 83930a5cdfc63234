// Test support for the deliverer's tests (not exported from the package): the four outbox methods
// of a Store, in memory, with the same rules the adapters follow (lease, oldest first, attempts
// counted when settled), and a switch that makes the store unavailable.
import {
  type OutboxInput,
  type OutboxMessage,
  type OutboxSettlement,
  type Store,
  StoreUnavailableError,
} from '../store.js';

interface Row {
  message: OutboxMessage;
  leaseUntil: number | null;
}

/** An in-memory outbox with the Store's claim/settle/list/redrive rules. */
export class FakeOutbox implements Pick<Store, 'claimOutbox' | 'settleOutbox'> {
  readonly rows = new Map<string, Row>();
  /** Every settlement, in order. */
  readonly settlements: { id: string; settlement: OutboxSettlement }[] = [];
  /** Claims made (calls), for counting polls. */
  claims = 0;
  /** When true, every method throws StoreUnavailableError('unreachable'). */
  down = false;
  /** When true, settleOutbox throws (the claim worked, the settle did not). */
  settleDown = false;

  /** Writes a message, as createRequest would with its request. */
  add(input: OutboxInput, at = new Date()): void {
    this.rows.set(input.id, {
      message: {
        id: input.id,
        type: input.type,
        payload: input.payload,
        status: 'pending',
        createdAt: new Date(at.getTime() + this.rows.size).toISOString(),
        attempts: 0,
        nextAttemptAt: at.toISOString(),
        lastError: null,
        deliveredAt: null,
      },
      leaseUntil: null,
    });
  }

  /** One message as stored. */
  get(id: string): OutboxMessage | undefined {
    return this.rows.get(id)?.message;
  }

  async claimOutbox(input: {
    readonly now: Date;
    readonly leaseMs: number;
    readonly limit: number;
  }): Promise<readonly OutboxMessage[]> {
    await Promise.resolve();
    this.claims += 1;
    if (this.down) throw new StoreUnavailableError('unreachable');
    const now = input.now.getTime();
    const due = [...this.rows.values()]
      .filter(
        (r) =>
          r.message.status === 'pending' &&
          Date.parse(r.message.nextAttemptAt) <= now &&
          (r.leaseUntil === null || r.leaseUntil <= now),
      )
      .sort((a, b) => a.message.createdAt.localeCompare(b.message.createdAt))
      .slice(0, input.limit);
    for (const r of due) r.leaseUntil = now + input.leaseMs;
    return due.map((r) => r.message);
  }

  async settleOutbox(id: string, settlement: OutboxSettlement): Promise<void> {
    await Promise.resolve();
    if (this.down || this.settleDown) throw new StoreUnavailableError('unreachable');
    const row = this.rows.get(id);
    if (!row) return;
    this.settlements.push({ id, settlement });
    const m = row.message;
    const base = { ...m, attempts: m.attempts + 1 };
    row.leaseUntil = null;
    switch (settlement.kind) {
      case 'delivered':
        row.message = {
          ...base,
          status: 'delivered',
          nextAttemptAt: settlement.at.toISOString(),
          deliveredAt: settlement.at.toISOString(),
        };
        break;
      case 'retry':
        row.message = {
          ...base,
          nextAttemptAt: settlement.nextAttemptAt.toISOString(),
          lastError: settlement.error,
        };
        break;
      case 'dead':
        row.message = {
          ...base,
          status: 'dead',
          nextAttemptAt: settlement.at.toISOString(),
          lastError: settlement.error,
        };
        break;
    }
  }
}
