/** A tiny benchmark harness: median of several timed rounds, reported per call. */
import { performance } from "node:perf_hooks";

export interface Measure {
  name: string;
  nsPerCall: number;
}

/** Runs `fn` `calls` times per round, `rounds` rounds; returns the median ns per call. */
export function measure(name: string, calls: number, fn: (i: number) => unknown, rounds = 7): Measure {
  let sink: unknown;
  for (let i = 0; i < Math.min(calls, 1000); i++) sink = fn(i); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) sink = fn(i);
    times.push(((performance.now() - t0) * 1e6) / calls);
  }
  if (sink === Symbol.for("never")) console.log(sink);
  times.sort((a, b) => a - b);
  return { name, nsPerCall: times[Math.floor(times.length / 2)] };
}

export function ms(m: Measure): string {
  return `${(m.nsPerCall / 1e6).toFixed(2)} ms`;
}

export function ns(m: Measure): string {
  return `${m.nsPerCall.toFixed(0)} ns`;
}

export function line(label: string, value: string, note = ""): void {
  console.log(`${label.padEnd(44)} ${value.padStart(12)}  ${note}`);
}

/**
 * Core time as CPU time of this process (process.cpuUsage), mean ms per call over `runs` calls after a
 * warm-up of 10: on a shared machine wall-clock time counts the other processes too.
 */
export function cpuMs(runs: number, fn: () => unknown): number {
  for (let i = 0; i < 10; i++) fn();
  const c0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / runs;
}
