/** A response body read as text, or why it could not be. */
export type BodyText =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'too_large' }
  | { readonly kind: 'failed'; readonly reason: string };

/**
 * Reads a body as UTF-8 text, chunk by chunk, and stops as soon as it passes `maxBytes`:
 * a broken proxy or hostile server must not make the worker buffer megabytes. Aborting
 * `signal` cancels the read (the caller's timeout).
 */
export async function readCappedText(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<BodyText> {
  const body = response.body;
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    body?.cancel().catch(() => undefined);
    return { kind: 'too_large' };
  }
  if (body === null) return { kind: 'text', text: '' };

  const reader = body.getReader();
  const cancel = () => {
    reader.cancel().catch(() => undefined);
  };
  signal.addEventListener('abort', cancel, { once: true });
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { kind: 'text', text: text + decoder.decode() };
      received += value.byteLength;
      if (received > maxBytes) {
        cancel();
        return { kind: 'too_large' };
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? error.message : 'read failed' };
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
