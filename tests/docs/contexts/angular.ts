// Snippet context: Angular's API, as examples/angular imports it.
export { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
