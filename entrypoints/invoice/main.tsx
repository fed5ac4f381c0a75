import '../../utils/ui-language.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import { uiLocale } from '../../lib/i18n.ts';
import './style.css';
import { InvoicePage, wantedBy } from './InvoicePage.tsx';

document.documentElement.lang = uiLocale();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <InvoicePage wanted={wantedBy(location.search)} />
    </StrictMode>,
  );
}
