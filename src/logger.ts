import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * JSON logs. Letters are about people in danger: callers log ids and counts only. The redaction list is a second
 * line of defence for fields that could carry message text or names if someone logs a whole object by mistake.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "lysty" },
      redact: {
        paths: [
          "text",
          "*.text",
          "caption",
          "*.caption",
          "first_name",
          "*.first_name",
          "last_name",
          "*.last_name",
          "username",
          "*.username",
          "update",
          "*.update",
          "payload.text",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
