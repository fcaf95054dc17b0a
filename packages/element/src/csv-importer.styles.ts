// The element's shadow styles. Inline, the frame is as tall as most of the viewport (at least
// 560 px, at most 960 px); as a modal, the dialog takes the viewport but a 16 px margin, and the
// whole of a phone's screen. `--csv-importer-height` and `--csv-importer-width` override both.
// Compact: the hosted-mode loader carries it, under its size budget.
export const STYLES = `
:host{display:block}
iframe{display:block;width:100%;height:var(--csv-importer-height,clamp(560px,calc(100vh - 96px),960px));border:var(--csv-importer-border,1px solid #d0d7de);border-radius:var(--csv-importer-radius,8px);box-sizing:border-box}
dialog{width:var(--csv-importer-width,min(1280px,calc(100vw - 32px)));max-width:none;max-height:none;padding:0;border:none;border-radius:var(--csv-importer-radius,8px);background:transparent;overflow:hidden}
dialog iframe{height:var(--csv-importer-height,calc(100dvh - 32px))}
dialog::backdrop{background:var(--csv-importer-backdrop,rgb(0 0 0/40%))}
@media (max-width:480px){dialog{width:var(--csv-importer-width,100vw);margin:0;border-radius:0}dialog iframe{height:var(--csv-importer-height,100dvh);border:none;border-radius:0}}
`;
