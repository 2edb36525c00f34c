/**
 * Using the machine's cores: groups of folders are independent (no
 * reference crosses them), so on large trees they are translated by worker
 * threads. The results are merged in group order, so the output is the
 * same as a single-threaded run. migrate() stays synchronous: the main
 * thread sleeps on a shared counter and collects the results with
 * receiveMessageOnPort.
 */

import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { DiscoveredFile } from "./discover.js";

/** Worth the start-up cost of the workers (~100 ms each) only on trees this large. */
export const WORKER_MIN_FILES = 300;

export interface WorkerJob<O> {
  groups: Array<{ index: number; files: DiscoveredFile[] }>;
  options: O;
}

/** Where the worker entry point is; only the built package has one (tests run the TypeScript sources). */
export function workerScript(): string | null {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith(".js") ? here.replace(/workers\.js$/, "worker.js") : null;
}

export function workerCount(fileCount: number, groupCount: number): number {
  // Opt-in: on the 2-vCPU machines measured (bench/README.md) the workers' own start-up and the
  // copying of results cost more than the second core gave back.
  const env = process.env.AWS2ALI_WORKERS;
  const wanted = env === undefined ? 1 : env === "auto" ? availableParallelism() : Number(env);
  if (!(wanted > 1) || groupCount < 2 || fileCount < WORKER_MIN_FILES || workerScript() === null) return 1;
  return Math.min(wanted, groupCount, 8);
}

/** Split groups into `n` batches of similar size (by file count), keeping each group whole. */
export function batches(groups: DiscoveredFile[][], n: number): Array<Array<{ index: number; files: DiscoveredFile[] }>> {
  const out = Array.from({ length: n }, () => ({ size: 0, items: [] as Array<{ index: number; files: DiscoveredFile[] }> }));
  const order = groups.map((files, index) => ({ index, files })).sort((a, b) => b.files.length - a.files.length || a.index - b.index);
  for (const g of order) {
    const target = out.reduce((min, b) => (b.size < min.size ? b : min), out[0]!);
    target.items.push(g);
    target.size += g.files.length;
  }
  return out.map((b) => b.items);
}

/** Run the jobs on worker threads and wait for all of them; returns each worker's posted result, in job order. */
export function runWorkers<O, R>(jobs: Array<WorkerJob<O>>): R[] {
  const script = workerScript()!;
  const done = new Int32Array(new SharedArrayBuffer(4));
  const channels = jobs.map(() => new MessageChannel());
  const workers = jobs.map((job, k) => new Worker(script, { workerData: { job, port: channels[k]!.port2, done }, transferList: [channels[k]!.port2] }));
  while (Atomics.load(done, 0) < jobs.length) Atomics.wait(done, 0, Atomics.load(done, 0), 1000);
  const results = channels.map((c) => {
    const msg = receiveMessageOnPort(c.port1);
    if (!msg) throw new Error("a worker ended without a result");
    const data = msg.message as { ok: true; result: R } | { ok: false; error: string };
    if (!data.ok) throw new Error(data.error);
    return data.result;
  });
  for (const w of workers) void w.terminate();
  for (const c of channels) c.port1.close();
  return results;
}
