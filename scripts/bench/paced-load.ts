/**
 * An open-loop load at a fixed offered rate: requests arrive as a Poisson process (independent users), whether or not earlier answers have come back, over a pool of keep-alive
 * connections. Each latency is measured from the moment the request was *due*, so time a request
 * spent waiting for a free connection counts (no coordinated omission).
 *
 * Why not autocannon's `overallRate`: autocannon gives each connection a budget per second and sends
 * it back to back at the start of the second, so every second begins with a burst at full speed
 * and then idles; its latencies at a "rate" are those of a saturated server. autocannon stays the
 * tool for the saturation (closed-loop) figures.
 */
import http from 'node:http';

export interface PacedRequest {
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface PacedResult {
  offeredRate: number;
  /** Answers per second actually completed over the run. */
  achievedRate: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Latency percentiles in milliseconds (one decimal), from the exact list of latencies. */
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/** The q-quantile (0..1) of an ascending list, nearest-rank. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

/** Percentiles (ms, one decimal) of a list of latencies, nearest-rank on the exact list. */
export function summarize(latencies: number[]): Pick<PacedResult, 'p50' | 'p90' | 'p95' | 'p99' | 'max'> {
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (v: number) => Math.round(v * 10) / 10;
  return {
    p50: ms(quantile(sorted, 0.5)),
    p90: ms(quantile(sorted, 0.9)),
    p95: ms(quantile(sorted, 0.95)),
    p99: ms(quantile(sorted, 0.99)),
    max: ms(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

/** A small deterministic random source (mulberry32), so two runs offer the same arrival pattern. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Offer `rate` requests a second for `seconds` to `base`, over at most `connections` keep-alive
 * connections; `next()` gives each request. Resolves when every request has been answered.
 */
export async function pacedLoad(base: string, opts: { rate: number; seconds: number; connections?: number; seed?: number; next: (i: number) => PacedRequest }): Promise<PacedResult> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections ?? 32 });
  const rand = random(opts.seed ?? 1);
  const total = Math.round(opts.rate * opts.seconds);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];

  const send = (i: number, dueAt: number) =>
    new Promise<void>((resolve) => {
      const r = opts.next(i);
      const req = http.request(
        { host: url.hostname, port: url.port, path: r.path, method: r.method ?? 'GET', headers: { ...r.headers, ...(r.body ? { 'content-length': Buffer.byteLength(r.body) } : {}) }, agent },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - dueAt);
            if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) non2xx++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(r.body);
    });

  // Arrival times of a Poisson process with exactly `total` arrivals in the window: sorted uniform
  // times (a Poisson process conditioned on its count), so the offered rate is exact.
  const arrivals = Array.from({ length: total }, () => rand() * opts.seconds * 1000).sort((a, b) => a - b);
  for (let i = 0; i < total; i++) {
    const due = started + arrivals[i];
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(i, due));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    offeredRate: opts.rate,
    achievedRate: Math.round((latencies.length / elapsed) * 10) / 10,
    requests: latencies.length,
    non2xx,
    errors,
    ...summarize(latencies),
  };
}
