import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { t, uiLocale } from '../../lib/i18n.ts';
import './style.css';
import { App } from './App.tsx';

// index.html holds the English title; the tab and screen readers get the browser's language.
document.title = t('options.pageTitle');
document.documentElement.lang = uiLocale();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
