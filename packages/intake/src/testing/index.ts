// Test support for stores and the apps that use them: the contract suite every adapter passes,
// and a private PostgreSQL cluster (initdb + pg_ctl in a temporary folder).
export * from './contract.js';
export { freePort } from './free-port.js';
export * from './pg-cluster.js';
