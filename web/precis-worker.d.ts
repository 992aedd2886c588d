// Types of precis-worker.js, the module worker that createWorkerSummarizer()
// starts. Imported inside a worker, it answers the page's messages; see the
// protocol at the top of precis-worker.js. Pages talk to it through
// createWorkerSummarizer() (precis.js), not directly.

/** A message of the worker protocol (structured-clone data). */
export type WorkerMessage = { type: string; [key: string]: unknown };

/** Handles one protocol message; `post` sends each reply. */
export declare function handle(message: WorkerMessage, post: (reply: WorkerMessage) => void): Promise<void>;
