// cycle-candidate, and missing-weakref where a back-reference closes the cycle (in progress).
import type { Analyzer, LensContext } from './context';

export function cycleAnalyzer(_ctx: LensContext): Analyzer {
  return { listener: {}, findings: () => [] };
}
