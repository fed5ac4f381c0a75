import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import './style.css';
import { App, load } from './App.tsx';

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
