/** What `recert` with no arguments prints above the command list: the three commands most people need. */
export const GETTING_STARTED = `recert keeps fitness certifications current: what counts, what is missing, and by when.

Getting started, from the recert folder:
  recert check examples/seed-nasm.json --as-of 2026-06-01     where each credential in a profile stands, and why
  recert plan examples/seed-nasm-new.json --as-of 2026-11-23  the cheapest courses that keep them current
  recert init                                                your own wallet; then add what you hold and ask:
    recert credential add nasm-cpt --earned 2025-03-01
    recert status
Or the web app: npm start, then open http://localhost:3000/
`;
