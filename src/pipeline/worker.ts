/** A worker thread: translates its groups of folders and posts the results back (see workers.ts). */

import { workerData, type MessagePort } from "node:worker_threads";
import { translateGroups, type WorkerOptions } from "./index.js";
import type { WorkerJob } from "./workers.js";

const { job, port, done } = workerData as { job: WorkerJob<WorkerOptions>; port: MessagePort; done: Int32Array };
try {
  port.postMessage({ ok: true, result: translateGroups(job.groups, job.options) });
} catch (e) {
  port.postMessage({ ok: false, error: (e as Error).message });
} finally {
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
}
