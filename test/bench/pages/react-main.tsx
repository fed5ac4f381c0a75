import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * The React floor for "popup ready": the same React, mounted the same way as the popup
 * (entrypoints/popup/main.tsx), marking `popup-ready` once its one-field form is on screen.
 */
function BareForm() {
  useEffect(() => {
    performance.mark('popup-ready');
  }, []);
  return (
    <form>
      <label>
        Item name <input type="text" name="name" autoFocus />
      </label>
      <button type="submit">Create link</button>
    </form>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BareForm />
    </StrictMode>,
  );
}
