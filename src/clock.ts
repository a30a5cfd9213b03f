/** The current time, injected so that schedules (reminders, retention, back-off) can be tested without waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
