import { z } from "@medusajs/framework/zod"

/** Body of `POST /store/carts/:id/credit`. */
export const CartCreditBody = z.object({ enabled: z.boolean() }).strict()
export type CartCreditBodyType = z.infer<typeof CartCreditBody>
