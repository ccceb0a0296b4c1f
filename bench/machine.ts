import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export interface CpuShare {
  /** Wall-clock seconds the measurement lasted. */
  seconds: number;
  /** CPU-seconds the machine offered in that time (cores × seconds). */
  available: number;
  /** CPU-seconds this process used: servers and load generator together. */
  thisProcess: number;
  /** CPU-seconds everything else on the machine used; null where /proc/stat is missing. */
  otherProcesses: number | null;
}

/**
 * Starts watching CPU use, to tell a quiet run from one that shared the machine: with two cores,
 * another process's test run changes the numbers more than most code changes do.
 */
export function watchCpu(): { stop(): CpuShare } {
  const started = performance.now();
  const ownBefore = process.cpuUsage();
  const busyBefore = busySeconds();
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const own = process.cpuUsage(ownBefore);
      const thisProcess = (own.user + own.system) / 1e6;
      const busyAfter = busySeconds();
      const busy = busyBefore === null || busyAfter === null ? null : busyAfter - busyBefore;
      return {
        seconds,
        available: seconds * availableParallelism(),
        thisProcess,
        otherProcesses: busy === null ? null : Math.max(0, busy - thisProcess),
      };
    },
  };
}

/** Seconds all CPUs spent busy since boot, from the first line of /proc/stat (USER_HZ = 100). */
function busySeconds(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.slice(1).map(Number);
    return (
      ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / 100
    );
  } catch {
    return null;
  }
}
