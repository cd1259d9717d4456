import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getClient } from './api/client.js';
import { App } from './App.js';
import { connectStore } from './connect-store.js';
import './styles.css';

// The client is created first: in serve mode it takes the token out of the address bar.
connectStore(getClient());

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
