import { z } from 'zod';
import { seededRandom } from '../db/seed/demo-data.js';

export const FAULTS = ['drop-before-commit', 'drop-after-commit', 'status-500', 'status-503', 'slow', 'duplicate-page'] as const;
export type Fault = (typeof FAULTS)[number];
export type Endpoint = 'push' | 'pull' | 'register';

export const faultRule = z.object({
  on: z.enum(['push', 'pull', 'register', 'any']),
  fault: z.enum(FAULTS),
  /** How many requests it strikes; Infinity (over HTTP the string "Infinity") for every one. Default 1. */
  times: z.union([z.number().int().positive(), z.literal(Infinity), z.literal('Infinity').transform(() => Infinity)]).default(1),
  /** The chance a matching request is struck; a miss does not use up `times`. Default 1. */
  probability: z.number().min(0).max(1).default(1),
  /** For `slow`: how long to wait before answering. Default 2000. */
  delayMs: z.number().int().nonnegative().default(2000),
});
export type FaultRule = z.input<typeof faultRule>;

/** POST /_admin/faults: the rules, and a seed for the chances so a soak test replays the same way. */
export const faultPlan = z.object({ rules: z.array(faultRule), seed: z.number().int().optional() });

export interface StrikingFault {
  fault: Fault;
  delayMs: number;
}

/**
 * Faults the centre injects into its own answers, to prove a counter
 * survives them. A request takes the first rule that applies to its
 * endpoint, is still armed and wins its chance.
 */
export function faultInjector(random: () => number = Math.random) {
  let rules: Array<z.infer<typeof faultRule>> = [];
  let chance = random;

  return {
    /** Replaces the rules; with a seed, the chances restart from it. */
    set(plan: readonly FaultRule[], options: { seed?: number } = {}): void {
      rules = plan.map((rule) => faultRule.parse(rule));
      if (options.seed !== undefined) chance = seededRandom(options.seed);
    },

    clear(): void {
      rules = [];
    },

    /** The fault that strikes this request, if any; it uses up one of its rule's times. */
    take(endpoint: Endpoint): StrikingFault | null {
      for (const rule of rules) {
        if (rule.times <= 0 || (rule.on !== 'any' && rule.on !== endpoint)) continue;
        // Only a pull has pages to repeat.
        if (rule.fault === 'duplicate-page' && endpoint !== 'pull') continue;
        if (rule.probability < 1 && chance() >= rule.probability) continue;
        rule.times -= 1;
        return { fault: rule.fault, delayMs: rule.delayMs };
      }
      return null;
    },

    /** The rules still armed, with what is left of their times. */
    armed: () => rules.filter((rule) => rule.times > 0).map((rule) => ({ ...rule })),
  };
}

export type FaultInjector = ReturnType<typeof faultInjector>;
