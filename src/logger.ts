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

/** pino keeps a logger's bindings as the JSON text it appends to every line (`,"key":value…`). */
const bindingsText = pino.symbols.chindingsSym;
type WithBindingsText = Logger & { [bindingsText]: string };

const updateTemplates = new WeakMap<Logger, WithBindingsText>();

/**
 * The same logger as `parent.child({ update_id })` (the same lines, levels and redaction), for the cost of one object.
 * pino's `child` rebuilds the formatters, runs the bindings through the redaction stringifier and regenerates every
 * level method, about 1 µs and 2 kB for each update (issue 14); here that is done once per parent, and each update's
 * logger inherits from that child with only its bindings text of its own. An update id is an integer, whose JSON is
 * its decimal digits.
 */
export function updateLogger(parent: Logger, updateId: number): Logger {
  let template = updateTemplates.get(parent);
  // A child keeps the level its parent had when it was made: made again if the parent's level changed since.
  if (!template || template.level !== parent.level) {
    template = parent.child({}) as WithBindingsText;
    updateTemplates.set(parent, template);
  }
  const logger = Object.create(template) as WithBindingsText;
  logger[bindingsText] = `${template[bindingsText]},"update_id":${updateId}`;
  return logger;
}
