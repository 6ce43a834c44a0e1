import { z } from "@medusajs/framework/zod"

/** Ask for a login link: the email, and where the storefront should come back to after login. */
export const MagicLinkRequestBody = z
  .object({
    email: z.string().trim().max(320).pipe(z.email()),
    next: z.string().max(500).optional(),
  })
  .strict()

/** Log in with the token of a login link. */
export const MagicLinkLoginBody = z.object({ token: z.string().min(1).max(200) }).strict()

/** `POST /auth/customer/magic-link`: one of the two. */
export const MagicLinkBody = z.union([MagicLinkLoginBody, MagicLinkRequestBody])
