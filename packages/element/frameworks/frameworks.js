// The template typings (`@csv-importer/element/vue`, `/svelte`, `/react`) are types only; this
// empty module lets `import '@csv-importer/element/vue'` run as well as `import type {}`.
export {};
