/** Every table of the product, for Drizzle's typed queries and drizzle-kit's migration generator. */
export * from '../modules/audit/audit.table.js';
export * from '../modules/auth/sessions.table.js';
export * from '../modules/organizations/organizations.table.js';
export * from '../modules/setup/instance.table.js';
export * from '../modules/users/users.table.js';
export * from '../modules/attachments/attachments.table.js';
export * from '../modules/cases/cases.table.js';
export * from '../modules/casework/casework.table.js';
export * from '../modules/clients/clients.table.js';
export * from '../modules/shelter/shelter.table.js';
export * from '../modules/sop/sop.table.js';
