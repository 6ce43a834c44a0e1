import type { Metadata } from "next"
import { retrieveCart } from "@lib/data/cart"
import CartTemplate from "@modules/cart/templates/cart-template"

export const metadata: Metadata = { title: "Cart" }

export default async function CartPage() {
  return <CartTemplate cart={await retrieveCart()} />
}
