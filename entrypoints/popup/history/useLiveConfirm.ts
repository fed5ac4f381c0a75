import { useCallback, useRef, useState } from 'react';

/** Puts the live question and waits for the user: true for "Create real link". */
export type ConfirmLive = (question: string) => Promise<boolean>;

/**
 * The live question as History asks it (LiveConfirmDialog.tsx): `confirm` opens it with the
 * worker's sentence and settles once, when the user answers or leaves it.
 */
export function useLiveConfirm() {
  const [question, setQuestion] = useState<string | null>(null);
  const settle = useRef<((yes: boolean) => void) | null>(null);
  const confirm = useCallback<ConfirmLive>(
    (text) =>
      new Promise<boolean>((resolve) => {
        // A question still open (it cannot be: renewals go one at a time) is left unanswered.
        settle.current?.(false);
        settle.current = resolve;
        setQuestion(text);
      }),
    [],
  );
  const answer = useCallback((yes: boolean) => {
    const resolve = settle.current;
    settle.current = null;
    setQuestion(null);
    resolve?.(yes);
  }, []);
  return { question, confirm, answer };
}
