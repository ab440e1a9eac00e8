/** Set by vite.web.config.ts from package.json. */
declare const __APP_VERSION__: string;
