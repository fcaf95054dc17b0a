import './playground-app.ts';
