/** Electron entry of the renderer: the preload exposed the API as `window.api`. */
import { mountApp } from './mount';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
if (!window.api) throw new Error('window.api is missing: the preload script did not run');
mountApp(root, window.api);
