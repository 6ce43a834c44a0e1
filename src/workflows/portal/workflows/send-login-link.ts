import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { requestLoginLinkStep } from "../steps/request-login-link"

export const sendLoginLinkWorkflowId = "portico-send-login-link"

/**
 * Emails a customer-portal login link to `email` (`next`: a storefront path
 * to land on after login). The admin's "Send login link" runs it; call it
 * from your own code to invite a client to the portal.
 */
export const sendLoginLinkWorkflow = createWorkflow(sendLoginLinkWorkflowId, (input: { email: string; next?: string }) => {
  return new WorkflowResponse(requestLoginLinkStep(input))
})
