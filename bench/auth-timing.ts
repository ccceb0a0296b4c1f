import { performance } from 'node:perf_hooks';
import { createPerson } from '../backend/session/people.ts';
import { TEST_ORIGIN, type TestClient, type TestPortico } from '../test/support/portico.ts';
import { percentile } from './load.ts';

/** Timed calls per path and kind of address, after a few untimed ones. */
const ROUNDS = 25;
const WARMUP = 3;
const PASSWORD = 'correct horse battery';

export interface AuthTimingCase {
  path: string;
  /** What the caller sends for a known address, and for one without an account. */
  known: string;
  unknown: string;
  /** Status codes seen, known then unknown: they must be the same for the timing to matter. */
  statuses: [number, number];
  knownMedianMs: number;
  unknownMedianMs: number;
  /** known ÷ unknown: near 1 when the time does not tell whether an account exists. */
  ratio: number;
}

export interface AuthTimingResult {
  rounds: number;
  cases: AuthTimingCase[];
}

interface Probe {
  path: string;
  known: string;
  unknown: string;
  /** The request body for round `round`, for a known address or not. */
  body(known: boolean, round: number): Record<string, unknown>;
}

/**
 * How long each sign-in path takes for an address with an account and for one without: a large
 * difference would tell an attacker which addresses have accounts even where the answers are the
 * same. Known and unknown calls alternate, so drift in the machine's load affects both alike.
 * Rate limits are off (as in `startTestPortico`), and mail goes to the test SMTP server.
 */
export async function measureAuthTiming(portico: TestPortico): Promise<AuthTimingResult> {
  const { auth } = portico.services;
  const knownEmail = 'timing-known@cafe.test';
  await createPerson(auth, {
    email: knownEmail,
    name: 'Known',
    password: PASSWORD,
    role: 'customer',
  });
  const unknownEmail = (round: number) => `timing-nobody-${round}@cafe.test`;
  const email = (known: boolean, round: number) => (known ? knownEmail : unknownEmail(round));

  const probes: Probe[] = [
    {
      path: '/sign-in/email',
      known: 'wrong password',
      unknown: 'no account',
      body: (known, round) => ({ email: email(known, round), password: `wrong-password-${round}` }),
    },
    {
      path: '/sign-up/email',
      known: 'address taken',
      // Each round a new address, so every call really creates an account.
      unknown: 'new address',
      body: (known, round) => ({
        email: known ? knownEmail : `timing-new-${round}-${Date.now()}@cafe.test`,
        password: `a-new-password-${round}`,
        name: 'Timing',
        callbackURL: `${TEST_ORIGIN}/welcome`,
      }),
    },
    {
      path: '/request-password-reset',
      known: 'account',
      unknown: 'no account',
      body: (known, round) => ({ email: email(known, round), redirectTo: `${TEST_ORIGIN}/reset` }),
    },
    {
      path: '/email-otp/send-verification-otp',
      known: 'account',
      unknown: 'no account',
      body: (known, round) => ({ email: email(known, round), type: 'sign-in' }),
    },
  ];

  const client = portico.client();
  const cases: AuthTimingCase[] = [];
  for (const probe of probes) {
    const times = { known: new Float64Array(ROUNDS), unknown: new Float64Array(ROUNDS) };
    const statuses = { known: 0, unknown: 0 };
    for (let round = -WARMUP; round < ROUNDS; round++) {
      // Alternate which goes first, so neither always follows the other's work.
      const order = round % 2 === 0 ? [true, false] : [false, true];
      for (const known of order) {
        const { ms, status } = await timed(client, probe.path, probe.body(known, round + WARMUP));
        if (round < 0) continue;
        (known ? times.known : times.unknown)[round] = ms;
        statuses[known ? 'known' : 'unknown'] = status;
      }
    }
    const knownMedianMs = median(times.known);
    const unknownMedianMs = median(times.unknown);
    cases.push({
      path: probe.path,
      known: probe.known,
      unknown: probe.unknown,
      statuses: [statuses.known, statuses.unknown],
      knownMedianMs: round2(knownMedianMs),
      unknownMedianMs: round2(unknownMedianMs),
      ratio: Math.round((knownMedianMs / unknownMedianMs) * 1000) / 1000,
    });
  }
  return { rounds: ROUNDS, cases };
}

async function timed(client: TestClient, path: string, body: Record<string, unknown>) {
  const started = performance.now();
  const response = await client.post(`/api/auth${path}`, body);
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

function median(values: Float64Array): number {
  return percentile(values.slice().sort(), 0.5);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
