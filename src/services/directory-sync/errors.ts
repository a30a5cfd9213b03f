/** Apart from engine.ts, which loads every source's parser: the bot imports this at start-up, the engine on first use. */
export class SyncAlreadyRunningError extends Error {
  constructor(readonly holder: string) {
    super(`A directory sync is already running (${holder}).`);
  }
}
