/**
 * Server logs: pino JSON lines, one object a line, level from LOG_LEVEL.
 * Every line of a request carries its `reqId` (a child logger, see request.ts);
 * error objects are logged with their stack here and never sent to clients.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * A logger writing to `destination` (stdout by default, written synchronously so
 * that the last lines before a process.exit are not lost).
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'recap-graph' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"info" rather than 30: readable without a pino-aware viewer.
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** For code that runs outside any request and was given no logger (library use, tests). */
export const silentLogger: Logger = createLogger('silent');
