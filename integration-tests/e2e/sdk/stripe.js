/*
 * A fake Stripe.js for the browser tests, served by the test in place of
 * https://js.stripe.com/<release>/stripe.js (see payments.spec.ts).
 *
 * It implements exactly what the storefront uses (through @stripe/stripe-js
 * and @stripe/react-stripe-js): `Stripe(key)`, `elements()`,
 * `elements.create("card")` with `mount`, `on`/`off`, `update`, `destroy`,
 * `elements.getElement`, `retrievePaymentIntent(clientSecret)`,
 * `confirmCardPayment(clientSecret, { payment_method: { card, billing_details } })` and
 * `confirmCardSetup(clientSecret, { payment_method: { card, billing_details } })` (a
 * SetupIntent: a card saved for later payments, the portal's "Update card").
 * Like the real one it talks to https://api.stripe.com with the publishable key
 * and the client secret (the test routes those calls to the fake Stripe API),
 * answers with `{ paymentIntent }` or `{ error }`, and handles 3-D Secure
 * (`requires_action`) itself: it shows a challenge that the client (the test)
 * completes or fails.
 *
 * Unlike the real one, the card fields are plain inputs in the page (not an
 * iframe) and the card number is sent to the fake API, which decides the
 * outcome by Stripe's test card numbers.
 */
;(function () {
  "use strict"
  var API = "https://api.stripe.com"

  /** `{ a: { b: 1 } }` → `a[b]=1`, as Stripe.js encodes its requests. */
  function encode(params, prefix, out) {
    out = out || []
    Object.keys(params).forEach(function (key) {
      var value = params[key]
      var name = prefix ? prefix + "[" + key + "]" : key
      if (value === undefined || value === null) {
        return
      }
      if (typeof value === "object") {
        encode(value, name, out)
      } else {
        out.push(encodeURIComponent(name) + "=" + encodeURIComponent(String(value)))
      }
    })
    return out.join("&")
  }

  async function call(method, path, params) {
    var query = method === "GET" ? "?" + encode(params) : ""
    try {
      var response = await fetch(API + path + query, {
        method: method,
        headers: method === "GET" ? {} : { "content-type": "application/x-www-form-urlencoded" },
        body: method === "GET" ? undefined : encode(params),
      })
      return { status: response.status, body: await response.json() }
    } catch {
      return {
        status: 0,
        body: { error: { type: "api_connection_error", message: "We could not reach Stripe. Check your connection and try again." } },
      }
    }
  }

  /** `pi_…_secret_…` → `pi_…`, `seti_…_secret_…` → `seti_…`. */
  function intentIdOf(clientSecret) {
    return String(clientSecret || "").split("_secret_")[0]
  }

  function luhn(digits) {
    var sum = 0
    for (var i = 0; i < digits.length; i++) {
      var d = Number(digits[digits.length - 1 - i])
      if (i % 2 === 1) {
        d *= 2
        if (d > 9) d -= 9
      }
      sum += d
    }
    return sum % 10 === 0
  }

  /** The card element: number, expiry (MM / YY) and CVC inputs. */
  function createCard() {
    var listeners = {}
    var root = null
    var fields = {}

    function read() {
      var number = (fields.number ? fields.number.value : "").replace(/\D/g, "")
      var expiry = (fields.expiry ? fields.expiry.value : "").replace(/\s/g, "")
      var cvc = fields.cvc ? fields.cvc.value.trim() : ""
      var m = expiry.match(/^(\d{2})\/(\d{2})$/)
      return { number: number, expiry: expiry, exp: m ? { month: Number(m[1]), year: 2000 + Number(m[2]) } : null, cvc: cvc }
    }

    /** What Stripe's `change` event says, and the first incomplete field. */
    function state() {
      var v = read()
      var error
      var incomplete
      if (v.number.length >= 16 && !luhn(v.number)) {
        error = { type: "validation_error", code: "invalid_number", message: "Your card number is invalid." }
      } else if (v.number.length < 16) {
        incomplete = { type: "validation_error", code: "incomplete_number", message: "Your card number is incomplete." }
      } else if (!v.exp || v.exp.month < 1 || v.exp.month > 12) {
        incomplete = { type: "validation_error", code: "incomplete_expiry", message: "Your card's expiration date is incomplete." }
      } else if (!/^\d{3,4}$/.test(v.cvc)) {
        incomplete = { type: "validation_error", code: "incomplete_cvc", message: "Your card's security code is incomplete." }
      }
      return {
        elementType: "card",
        empty: !v.number && !v.expiry && !v.cvc,
        complete: !error && !incomplete,
        error: error,
        incomplete: incomplete,
        brand: v.number[0] === "4" ? "visa" : v.number[0] === "5" ? "mastercard" : "unknown",
        value: { postalCode: "" },
      }
    }

    function emit(event, payload) {
      ;(listeners[event] || []).slice().forEach(function (cb) {
        cb(payload)
      })
    }

    function input(name, label, placeholder, width) {
      var el = document.createElement("input")
      el.type = "text"
      el.inputMode = "numeric"
      el.autocomplete = "off"
      el.setAttribute("aria-label", label)
      el.placeholder = placeholder
      el.style.cssText = "border:0;outline:0;background:transparent;font:inherit;min-width:0;width:" + width
      el.addEventListener("input", function () {
        var s = state()
        emit("change", { elementType: s.elementType, empty: s.empty, complete: s.complete, error: s.error, brand: s.brand, value: s.value })
      })
      el.addEventListener("focus", function () {
        emit("focus", { elementType: "card" })
      })
      el.addEventListener("blur", function () {
        emit("blur", { elementType: "card" })
      })
      fields[name] = el
      return el
    }

    var card = {
      mount: function (target) {
        var node = typeof target === "string" ? document.querySelector(target) : target
        root = document.createElement("div")
        root.setAttribute("data-fake-stripe", "card")
        root.style.cssText = "display:flex;gap:12px;align-items:center"
        root.appendChild(input("number", "Card number", "1234 1234 1234 1234", "60%"))
        root.appendChild(input("expiry", "Expiration date MM / YY", "MM / YY", "22%"))
        root.appendChild(input("cvc", "CVC", "CVC", "18%"))
        node.appendChild(root)
        setTimeout(function () {
          emit("ready", { elementType: "card" })
        })
      },
      on: function (event, cb) {
        ;(listeners[event] = listeners[event] || []).push(cb)
        return card
      },
      off: function (event, cb) {
        listeners[event] = (listeners[event] || []).filter(function (f) {
          return f !== cb
        })
        return card
      },
      update: function () {},
      focus: function () {
        if (fields.number) fields.number.focus()
      },
      blur: function () {},
      clear: function () {
        Object.keys(fields).forEach(function (k) {
          fields[k].value = ""
        })
      },
      unmount: function () {
        if (root && root.parentNode) root.parentNode.removeChild(root)
      },
      destroy: function () {
        card.unmount()
        card._destroyed = true
      },
      _read: read,
      _state: state,
      _destroyed: false,
    }
    return card
  }

  /** The bank's challenge, as Stripe shows it in a modal; resolves "complete" or "fail". */
  function challenge(intent) {
    return new Promise(function (resolve) {
      var overlay = document.createElement("div")
      overlay.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center"
      var box = document.createElement("div")
      box.setAttribute("role", "dialog")
      box.setAttribute("aria-label", "3-D Secure authentication")
      box.style.cssText = "background:#fff;padding:24px;border-radius:8px;width:360px;font:15px system-ui,sans-serif;color:#222"
      var amount = new Intl.NumberFormat("en-US", { style: "currency", currency: intent.currency.toUpperCase() }).format(intent.amount / 100)
      var title = document.createElement("h2")
      title.textContent = "Confirm your payment"
      title.style.cssText = "margin:0 0 8px;font-size:18px"
      var text = document.createElement("p")
      text.textContent = "Your bank asks you to confirm a payment of " + amount + " (test challenge)."
      box.appendChild(title)
      box.appendChild(text)
      ;[
        ["Complete authentication", "complete", "#0a7d3b"],
        ["Fail authentication", "fail", "#a11"],
      ].forEach(function (b) {
        var button = document.createElement("button")
        button.type = "button"
        button.textContent = b[0]
        button.style.cssText = "margin:12px 8px 0 0;padding:8px 12px;border:0;border-radius:6px;color:#fff;background:" + b[2]
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

  function Stripe(key) {
    if (typeof key !== "string" || key.indexOf("pk_") !== 0) {
      throw new Error("Invalid publishable key: " + key)
    }
    var elementsByType = {}

    var elements = {
      create: function (type, options) {
        if (type !== "card") {
          throw new Error("The fake Stripe.js only has the card element, not " + type)
        }
        var card = createCard(options)
        elementsByType.card = card
        return card
      },
      getElement: function (typeOrComponent) {
        var type = typeof typeOrComponent === "string" ? typeOrComponent : typeOrComponent && typeOrComponent.__elementType
        var el = elementsByType[type]
        return el && !el._destroyed ? el : null
      },
      update: function () {},
    }

    async function retrievePaymentIntent(clientSecret) {
      var r = await call("GET", "/v1/payment_intents/" + intentIdOf(clientSecret), { key: key, client_secret: clientSecret })
      return r.body.error ? { error: r.body.error } : { paymentIntent: r.body }
    }

    async function confirmCardPayment(clientSecret, data, options) {
      var pm = (data && data.payment_method) || {}
      var card = pm.card
      if (!card || typeof card._read !== "function") {
        return { error: { type: "invalid_request_error", message: "confirmCardPayment needs payment_method.card: a mounted card element." } }
      }
      var s = card._state()
      if (s.error || s.incomplete) {
        return { error: s.error || s.incomplete }
      }
      var v = card._read()
      var id = intentIdOf(clientSecret)
      var r = await call("POST", "/v1/payment_intents/" + id + "/confirm", {
        key: key,
        client_secret: clientSecret,
        payment_method_data: {
          type: "card",
          card: { number: v.number, exp_month: v.exp.month, exp_year: v.exp.year, cvc: v.cvc },
          billing_details: pm.billing_details,
        },
      })
      if (r.body.error) {
        return { error: r.body.error }
      }
      var intent = r.body
      if (intent.status === "requires_action" && !(options && options.handleActions === false)) {
        var outcome = await challenge(intent)
        var answered = await call("POST", "/v1/payment_intents/" + id + "/fake_3ds", {
          key: key,
          client_secret: clientSecret,
          outcome: outcome,
        })
        if (answered.body.error) {
          return { error: answered.body.error }
        }
        intent = answered.body
        if (intent.last_payment_error) {
          return {
            error: {
              type: "invalid_request_error",
              code: intent.last_payment_error.code,
              message: intent.last_payment_error.message,
              payment_intent: intent,
            },
          }
        }
      }
      return { paymentIntent: intent }
    }

    /**
     * Saves a card on a SetupIntent (`POST /v1/setup_intents/:id/confirm` with the
     * publishable key and the client secret); answers `{ setupIntent }` (its
     * `payment_method` is the saved card's id) or `{ error }`, as Stripe.js does.
     */
    async function confirmCardSetup(clientSecret, data) {
      var pm = (data && data.payment_method) || {}
      var card = pm.card
      if (!card || typeof card._read !== "function") {
        return { error: { type: "invalid_request_error", message: "confirmCardSetup needs payment_method.card: a mounted card element." } }
      }
      var s = card._state()
      if (s.error || s.incomplete) {
        return { error: s.error || s.incomplete }
      }
      var v = card._read()
      var r = await call("POST", "/v1/setup_intents/" + intentIdOf(clientSecret) + "/confirm", {
        key: key,
        client_secret: clientSecret,
        payment_method_data: {
          type: "card",
          card: { number: v.number, exp_month: v.exp.month, exp_year: v.exp.year, cvc: v.cvc },
          billing_details: pm.billing_details,
        },
      })
      if (r.body.error) {
        return { error: r.body.error }
      }
      return { setupIntent: r.body }
    }

    function unsupported(name) {
      return function () {
        return Promise.reject(new Error("The fake Stripe.js does not implement " + name))
      }
    }

    return {
      elements: function () {
        return elements
      },
      retrievePaymentIntent: retrievePaymentIntent,
      confirmCardPayment: confirmCardPayment,
      confirmCardSetup: confirmCardSetup,
      // Checked by @stripe/react-stripe-js to recognise a Stripe object; not used by the storefront.
      createToken: unsupported("createToken"),
      createPaymentMethod: unsupported("createPaymentMethod"),
      _registerWrapper: function () {},
      registerAppInfo: function () {},
    }
  }
  // The release @stripe/stripe-js expects (it warns otherwise).
  Stripe.version = "endive"
  window.Stripe = Stripe
})()
