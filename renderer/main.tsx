// Entry point of the renderer (web mode and Electron alike).
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/500.css';
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import './app/styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadSample } from './app/sample';
import { Workbench } from './app/workbench';
import { menuDispatcher, pickHost } from './host';

const host = pickHost();
const wb = new Workbench({ host, loadSample, window });
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App wb={wb} dispatch={menuDispatcher(host)} />
  </StrictMode>,
);
void wb.start();
