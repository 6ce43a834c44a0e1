/*
 * A fake PayPal JS SDK for the browser tests, served by the test in place of
 * https://www.paypal.com/sdk/js?client-id=…&currency=…&intent=capture&components=buttons
 * (see payments.spec.ts).
 *
 * It implements what @paypal/react-paypal-js's <PayPalButtons> uses:
 * `paypal.Buttons(props)` with `isEligible()`, `render(container)` and
 * `close()`, and calls the props as the real SDK does: `onInit` (with
 * `enable`/`disable`), and on a click `createOrder`, then the buyer's window,
 * then `onApprove({ orderID, payerID })`, `onCancel({ orderID })` or
 * `onError(err)`.
 *
 * The buyer's window (a popup on paypal.com in real life) is a dialog in the
 * page. It reads the order from the fake PayPal API and approves it there
 * ("Pay Now"), through https://www.paypal.com/fake-checkout/…, which the test
 * routes to the fake.
 */
;(function () {
  "use strict"
  var CHECKOUT = "https://www.paypal.com/fake-checkout/orders/"
  var script = document.currentScript
  var query = new URL(script ? script.src : "https://www.paypal.com/sdk/js").searchParams
  var currency = (query.get("currency") || "USD").toUpperCase()

  async function checkout(path, method) {
    var response = await fetch(CHECKOUT + path, { method: method || "GET" })
    var body = await response.json()
    if (!response.ok) {
      var error = new Error((body && body.details && body.details[0] && body.details[0].issue) || body.message || "PayPal error")
      throw error
    }
    return body
  }

  /** The buyer's PayPal window for `orderID`; resolves "approve" or "cancel". */
  function buyerWindow(orderID, order) {
    return new Promise(function (resolve) {
      var overlay = document.createElement("div")
      overlay.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.6);display:flex;align-items:center;justify-content:center"
      var box = document.createElement("div")
      box.setAttribute("role", "dialog")
      box.setAttribute("aria-label", "PayPal checkout")
      box.style.cssText = "background:#fff;padding:24px;border-radius:10px;width:380px;font:15px system-ui,sans-serif;color:#222"
      var amount = new Intl.NumberFormat("en-US", { style: "currency", currency: order.amount.currency_code }).format(
        Number(order.amount.value)
      )
      var title = document.createElement("h2")
      title.textContent = "PayPal (test double)"
      title.style.cssText = "margin:0 0 8px;font-size:18px;color:#003087"
      var text = document.createElement("p")
      text.setAttribute("data-testid", "paypal-window-amount")
      text.textContent = "Pay " + amount + " " + order.amount.currency_code + " to the store as buyer@example.com"
      var id = document.createElement("p")
      id.textContent = "Order " + orderID
      id.style.cssText = "font-size:12px;color:#666"
      box.appendChild(title)
      box.appendChild(text)
      box.appendChild(id)
      ;[
        ["Pay Now", "approve", "#0070ba"],
        ["Cancel and return to store", "cancel", "#555"],
      ].forEach(function (b) {
        var button = document.createElement("button")
        button.type = "button"
        button.textContent = b[0]
        button.style.cssText = "margin:12px 8px 0 0;padding:8px 14px;border:0;border-radius:20px;color:#fff;background:" + b[2]
        button.addEventListener("click", function () {
          document.body.removeChild(overlay)
          resolve(b[1])
        })
        box.appendChild(button)
      })
      overlay.appendChild(box)
      document.body.appendChild(overlay)
    })
  }

  function Buttons(props) {
    props = props || {}
    var container = null
    var disabled = false
    var closed = false
    var busy = false

    var initActions = {
      enable: function () {
        disabled = false
        return Promise.resolve()
      },
      disable: function () {
        disabled = true
        return Promise.resolve()
      },
    }

    async function start() {
      if (disabled || closed || busy) {
        return
      }
      busy = true
      try {
        var orderID = await props.createOrder({ paymentSource: "paypal" }, {})
        var order = await checkout(encodeURIComponent(orderID))
        if (order.amount.currency_code !== currency) {
          throw new Error("The order is in " + order.amount.currency_code + ", the SDK was loaded for " + currency)
        }
        var choice = await buyerWindow(orderID, order)
        if (choice === "cancel") {
          if (props.onCancel) props.onCancel({ orderID: orderID })
          return
        }
        var approved = await checkout(encodeURIComponent(orderID) + "/approve", "POST")
        if (props.onApprove) {
          await props.onApprove(
            { orderID: approved.id, payerID: "FAKEPAYER01", paymentSource: "paypal", facilitatorAccessToken: "fake" },
            {}
          )
        }
      } catch (e) {
        if (props.onError) props.onError(e)
      } finally {
        busy = false
      }
    }

    return {
      isEligible: function () {
        return true
      },
      render: function (target) {
        container = typeof target === "string" ? document.querySelector(target) : target
        if (!container) {
          return Promise.reject(new Error("Document is ready and element " + target + " does not exist"))
        }
        var button = document.createElement("button")
        button.type = "button"
        button.textContent = "PayPal"
        button.setAttribute("aria-label", "PayPal")
        button.setAttribute("data-funding-source", "paypal")
        button.style.cssText =
          "width:100%;height:45px;border:0;border-radius:4px;background:#ffc439;color:#003087;font:bold 18px system-ui,sans-serif;cursor:pointer"
        button.addEventListener("click", start)
        container.appendChild(button)
        if (props.onInit) props.onInit({}, initActions)
        return Promise.resolve()
      },
      close: function () {
        closed = true
        if (container) container.innerHTML = ""
        return Promise.resolve()
      },
    }
  }

  window.paypal = { Buttons: Buttons, version: "5.0.0-fake", FUNDING: { PAYPAL: "paypal" } }
})()
