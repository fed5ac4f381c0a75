import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import './style.css';
import { t, uiLocale } from '../../lib/i18n.ts';
import { App, load } from './App.tsx';

// The page speaks the browser's UI language (screen readers' voice, CJK fonts, hyphenation).
document.documentElement.lang = uiLocale();
document.title = t('extName');

// Asked before React mounts: the background and storage answer while the first render runs.
const firstLoad = load();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App firstLoad={firstLoad} />
    </StrictMode>,
  );
}
