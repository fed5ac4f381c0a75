import '../../utils/ui-language.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { browser } from 'wxt/browser';
import { forgetFirstScreen } from '../../storage/prerendered.ts';
import { t, uiLocale } from '../../lib/i18n.ts';
import './style.css';
import { App } from './App.tsx';

// index.html holds the English title; the tab and screen readers get the browser's language.
document.title = t('options.pageTitle');
document.documentElement.lang = uiLocale();

// The popup's prerendered first screen (storage/prerendered.ts) is drawn from the state it was
// rendered with: a key removed or locked here, or other settings, make it stale. (The draft,
// History and the like change under an open popup, which keeps its first screen current.)
forgetFirstScreen();
browser.storage.onChanged.addListener((changes) => {
  if (Object.keys(changes).some((key) => key === 'settings' || key.startsWith('apiKey'))) {
    forgetFirstScreen();
  }
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
