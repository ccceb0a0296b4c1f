import type { Services } from '../services.ts';

/** Delivers queued webhook calls, retrying with backoff. */
export class WebhookWorker {
  constructor(_services: Services) {}
  start(): void {}
  async stop(): Promise<void> {}
  async runNow(): Promise<void> {}
}
