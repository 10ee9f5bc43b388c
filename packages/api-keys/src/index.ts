export { ApiKeyStore, takeRateToken, hashKey, SCOPES, type Scope, type ApiClient } from './api-keys.ts';
