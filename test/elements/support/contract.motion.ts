import { deepElements, nameOf } from './contract.tree.ts';

/** Anything longer than this is motion a customer who asked for none would notice. */
const STILL_MS = 10;

/** The longest of a comma-separated list of CSS times, in milliseconds. */
function longest(times: string): number {
  return Math.max(
    0,
    ...times.split(',').map((time) => {
      const value = parseFloat(time);
      return time.trim().endsWith('ms') ? value : value * 1000;
    }),
  );
}

/**
 * With `prefers-reduced-motion: reduce`, nothing moves: no animation or transition is running,
 * and none is declared that a hover, a focus or an opening panel would start.
 */
export function motionProblems(host: Element): string[] {
  if (!matchMedia('(prefers-reduced-motion: reduce)').matches) {
    return ['motion: the check ran without prefers-reduced-motion: reduce'];
  }
  const problems: string[] = [];
  for (const element of [host, ...deepElements(host)]) {
    for (const animation of element.getAnimations()) {
      const timing = animation.effect?.getComputedTiming();
      const duration = Number(timing?.duration ?? 0);
      if (animation.playState === 'running' && duration > STILL_MS) {
        problems.push(`motion: ${nameOf(element)} runs an animation of ${duration} ms`);
      }
    }
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      const what = `${nameOf(element)}${pseudo ?? ''}`;
      if (style.animationName !== 'none' && longest(style.animationDuration) > STILL_MS) {
        problems.push(`motion: ${what} has animation ${style.animationName}`);
      }
      if (style.transitionProperty !== 'none' && longest(style.transitionDuration) > STILL_MS) {
        problems.push(
          `motion: ${what} has a transition of ${style.transitionProperty} (${style.transitionDuration})`,
        );
      }
    }
  }
  return problems;
}
