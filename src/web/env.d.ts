/** Set by vite.web.config.ts from package.json. */
declare const __APP_VERSION__: string;
/** Whether the build copied the space files into data/ (RESPONSE_SIM_WEB_SPACES=1; scripts/copy-web-data.ts). */
declare const __WEB_SPACES__: boolean;
