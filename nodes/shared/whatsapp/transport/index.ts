/** The WhatsApp Cloud API transport: the only code that talks HTTP to the Graph API. */
export { GraphClient, graphClient, realRuntime, whatsappErrorCode } from './client';
export type { DownloadedMedia, GraphContext, GraphRequest, RequestKind } from './client';
export { explainCode, explainWebhookError, readMetaError } from './errors';
export type { MetaError } from './errors';
export { resetPacing, PAIR_BURST, PAIR_INTERVAL_MS } from './pacing';
export type { Runtime } from './pacing';
export { whatsAppCloudApiTest } from './credentialTest';
