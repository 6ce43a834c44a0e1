import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { clock } from "../../../../utils/clock"
import { PorticoError, PorticoErrorCode } from "../../../../utils/errors"

type ClockBody = { advance_seconds?: number; set?: string; reset?: boolean }

const answer = () => ({ now: clock.now().toISOString(), offset_seconds: Math.round(clock.offset() / 1000), movable: clock.movable() })

/** `GET /admin/portico/clock`: Portico's time (`{ now, offset_seconds, movable }`). */
export async function GET(_req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(answer())
}

/**
 * `POST /admin/portico/clock { advance_seconds? | set? | reset? }`: moves
 * Portico's clock (renewals, dunning, expiry) in development and tests, to
 * watch renewals happen without waiting. Refused (403 `not_allowed`) when
 * the server runs in production mode.
 */
export async function POST(req: AuthenticatedMedusaRequest<ClockBody>, res: MedusaResponse) {
  if (!clock.movable()) {
    throw new PorticoError(MedusaError.Types.NOT_ALLOWED, PorticoErrorCode.NOT_FOUND, "The clock only moves outside production mode.")
  }
  const body = req.validatedBody
  if (body.reset) {
    clock.reset()
  }
  if (body.set) {
    clock.set(new Date(body.set))
  }
  if (body.advance_seconds) {
    clock.advance(body.advance_seconds * 1000)
  }
  res.json(answer())
}
