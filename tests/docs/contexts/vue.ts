// Snippet context: Vue's API and the Vite plugin, as examples/vue imports them.

export { default as vue } from '@vitejs/plugin-vue';
export { shallowRef } from 'vue';
