import './playground-app.ts';
import './locales.ts';
