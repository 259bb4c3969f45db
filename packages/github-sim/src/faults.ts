import { matchTemplate } from './router';

/** A fault for matching requests: an error status, a dropped socket, and/or added latency. */
export interface FaultSpec {
  method?: string;
  /** A route template (`/repos/{owner}/{repo}/actions/jobs/{job_id}/logs`) or a RegExp tested against the path. */
  route: string | RegExp;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Destroy the socket without answering (a connection reset). */
  drop?: boolean;
  latencyMs?: number;
  /** Apply to this many matching requests, then disappear. Default: every matching request. */
  times?: number;
  /** Apply to each matching request with this probability (seeded, so runs repeat). */
  probability?: number;
}

export interface ActiveFault extends FaultSpec {
  id: string;
  /** How many requests this fault has hit so far. */
  hits: number;
}

/** mulberry32: a small seeded PRNG so probabilistic faults are reproducible. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private readonly faults: ActiveFault[] = [];
  private counter = 0;
  private readonly random: () => number;

  constructor(seed = 1) {
    this.random = mulberry32(seed);
  }

  add(spec: FaultSpec): string {
    if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
      throw new Error(`fault probability must be between 0 and 1, got ${spec.probability}`);
    }
    if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) {
      throw new Error(`fault times must be a positive integer, got ${spec.times}`);
    }
    this.counter += 1;
    const id = `fault-${this.counter}`;
    this.faults.push({ ...spec, id, hits: 0 });
    return id;
  }

  remove(id: string): void {
    const index = this.faults.findIndex((fault) => fault.id === id);
    if (index >= 0) this.faults.splice(index, 1);
  }

  clear(): void {
    this.faults.length = 0;
  }

  list(): readonly ActiveFault[] {
    return this.faults;
  }

  /** The first fault that applies to this request (consuming one of its `times`), if any. */
  take(method: string, path: string, routeTemplate: string | null): ActiveFault | undefined {
    for (const fault of this.faults) {
      if (!this.matches(fault, method, path, routeTemplate)) continue;
      if (fault.probability !== undefined && this.random() >= fault.probability) continue;
      fault.hits += 1;
      if (fault.times !== undefined && fault.hits >= fault.times) this.remove(fault.id);
      return fault;
    }
    return undefined;
  }

  private matches(fault: FaultSpec, method: string, path: string, routeTemplate: string | null): boolean {
    if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
    if (fault.route instanceof RegExp) return fault.route.test(path);
    return fault.route === routeTemplate || matchTemplate(fault.route, path) !== null;
  }
}
