// Snippet context: Svelte's runes (`$state`), declared by the svelte package's types.
/// <reference types="svelte" />
