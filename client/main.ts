/**
 * Frontline's web client: registers the app element, which checks the
 * session, routes, and draws the page. index.html holds `<fl-app>`.
 */
import './app-shell.js';
