/** The only code that talks HTTP to Bitrix24; nodes reach it through the client (../client.ts). */
export { apiBatch, apiRequest, commandError, runItemCalls } from './api';
export type { BatchOptions, ItemCall, ItemResult } from './api';
export type { Command, CommandResult } from './batch';
export type { Bitrix24Context, CredentialType } from './connection';
export { downloadFile, publicDownloadUrl, type DownloadedFile } from './download';
export type { Envelope } from './envelope';
export { exportAll, listByOffset, PAGE_SIZE, remainingPages, rowsOf } from './list';
export type { ListRequest } from './list';
export { openSession, type Session } from './connection';
export { isReadMethod } from './caller';
export { credentialTest } from './credentialTest';
