/**
 * Portico's one time source. Everything date-dependent (renewal due dates,
 * dunning retries, period boundaries, expiry) asks `clock.now()` rather than
 * `new Date()`, so tests and the development demo can move time forward and
 * watch renewals happen without waiting.
 *
 * The clock can only be moved when the process is not in production mode
 * (`NODE_ENV !== "production"`); in production it is the system clock and
 * `advance`/`set` throw. The offset lives in the process (each instance of a
 * development cluster has its own).
 */
let offsetMs = 0

function movable() {
  return process.env.NODE_ENV !== "production"
}

export const clock = {
  /** The current time (the system time plus the test offset). */
  now(): Date {
    return new Date(Date.now() + offsetMs)
  },
  /** Whether this process lets the clock move (never in production mode). */
  movable,
  /** The offset from the system time, in milliseconds. */
  offset(): number {
    return offsetMs
  },
  /** Moves the clock forward (or back) by `ms`. Not in production mode. */
  advance(ms: number): Date {
    if (!movable()) {
      throw new Error("Portico's clock cannot be moved in production mode")
    }
    offsetMs += ms
    return this.now()
  },
  /** Sets the clock to `at`. Not in production mode. */
  set(at: Date): Date {
    if (!movable()) {
      throw new Error("Portico's clock cannot be moved in production mode")
    }
    offsetMs = at.getTime() - Date.now()
    return this.now()
  },
  /** Back to the system time. */
  reset() {
    offsetMs = 0
  },
}
