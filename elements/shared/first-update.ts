import type { ReactiveElement } from 'lit';

interface Scheduling {
  hasUpdated: boolean;
  scheduleUpdate(): void | Promise<unknown>;
}

/** Elements that were on the page before their tag was defined, upgraded when it was. */
const upgraded = new WeakSet<object>();

/**
 * Class decorator: an element that was on the page before its code arrived renders for the
 * first time in a task after the one that defined the tag and upgraded it. The chunk that
 * defines a tag and the elements' first render then hold up the page one after the other, each
 * briefly, instead of in one long task. Elements made after their tag is defined render as usual,
 * and `updateComplete` always waits for the first render.
 */
export function firstUpdateInNextTask(element: typeof ReactiveElement): void {
  element.addInitializer((instance) => {
    // Only an upgrade runs the constructor of an element that is already in the document.
    if (instance.isConnected) upgraded.add(instance);
  });
  const prototype = element.prototype as unknown as Scheduling;
  const scheduleUpdate = prototype.scheduleUpdate;
  prototype.scheduleUpdate = function (this: Scheduling) {
    if (this.hasUpdated || !upgraded.has(this)) return scheduleUpdate.call(this);
    return nextTask().then(() => scheduleUpdate.call(this));
  };
}

interface TaskScheduler {
  postTask(task: () => void, options: { priority: 'user-blocking' }): Promise<void>;
}

/**
 * A task ahead of others already waiting (other chunks, answers) where the browser can say so,
 * so that yielding does not put the element's first render at the back of the queue.
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler) return scheduler.postTask(() => {}, { priority: 'user-blocking' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}
