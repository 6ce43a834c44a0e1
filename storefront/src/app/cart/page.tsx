import type { Metadata } from "next"
import { retrieveCartWithCredit } from "@lib/data/cart"
import CartTemplate from "@modules/cart/templates/cart-template"

export const metadata: Metadata = { title: "Cart" }

export default async function CartPage() {
  const { cart } = await retrieveCartWithCredit()
  return <CartTemplate cart={cart} />
}
