// Runs once when a server process starts: the outbox delivery loop lives in every Node server process
// (several may run; rows are claimed with SKIP LOCKED, so none is sent twice).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOutboxWorker } = await import("./lib/mail/worker");
  startOutboxWorker();
}
