/** The payer's side: the hosted checkout page and its Pay button. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { effectiveStatus, hostedPagePath } from '../checkout-object.ts';
import { payCheckout, type SandboxContext } from '../context.ts';
import { renderCheckoutPage, renderIndexPage, renderNotFoundPage } from '../hosted-page.ts';
import { decodePathSegment, redirect, sendHtml, sendReply } from '../http.ts';

const PAGE = /^\/checkouts\/([^/]+)\/?$/;
const PAY = /^\/checkouts\/([^/]+)\/pay\/?$/;

/** Answers hosted-page paths; returns false for a path that is not one. */
export function handleHosted(
  context: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): boolean {
  const method = req.method ?? 'GET';
  if (url.pathname === '/' && (method === 'GET' || method === 'HEAD')) {
    sendHtml(res, 200, renderIndexPage(context.apiBaseUrl, context.store.size));
    return true;
  }
  const pageId = decodePathSegment(PAGE.exec(url.pathname)?.[1]);
  if (pageId !== undefined && (method === 'GET' || method === 'HEAD')) {
    showPage(context, res, pageId);
    return true;
  }
  const payId = decodePathSegment(PAY.exec(url.pathname)?.[1]);
  if (payId !== undefined && method === 'POST') {
    // The form body carries nothing; drain it so the connection can be reused.
    req.resume();
    pay(context, res, payId);
    return true;
  }
  if (pageId !== undefined || payId !== undefined) {
    sendReply(res, {
      status: 405,
      headers: { allow: payId === undefined ? 'GET' : 'POST' },
      body: { detail: `Method "${method}" not allowed.` },
    });
    return true;
  }
  return false;
}

function showPage(context: SandboxContext, res: ServerResponse, id: string): void {
  const checkout = context.store.get(id);
  if (checkout === undefined) {
    sendHtml(res, 404, renderNotFoundPage());
    return;
  }
  sendHtml(res, 200, renderCheckoutPage(checkout, effectiveStatus(checkout, context.clock.now())));
}

/**
 * Pay, then go where a real checkout goes: the merchant's success_url, or back to the page
 * (which now says Paid). A session that is no longer open just shows its page again.
 */
function pay(context: SandboxContext, res: ServerResponse, id: string): void {
  const checkout = context.store.get(id);
  if (checkout === undefined) {
    sendHtml(res, 404, renderNotFoundPage());
    return;
  }
  const paid = payCheckout(context, id);
  const successUrl = paid.ok ? checkout.successUrl : null;
  redirect(res, successUrl ?? hostedPagePath(id));
}
