// CSS imported for its side effect (Vite injects it); TypeScript needs to know such modules exist.
declare module '*.css';
