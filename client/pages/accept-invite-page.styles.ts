export { authPageStyles as acceptInvitePageStyles } from './login-page.styles.js';
