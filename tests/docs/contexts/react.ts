// Snippet context: React's API, as examples/react imports it.
export { useState } from 'react';
