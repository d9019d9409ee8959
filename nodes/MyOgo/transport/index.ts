export { myOgoRequest, RETRY_POLICY } from './request';
export type { MyOgoContext, MyOgoRequest } from './request';
export { myOgoPages, myOgoList, MAX_PAGE_SIZE } from './pagination';
export { codeInPath } from './paths';
export { apiBaseUrl, tokenBaseUrl } from './urls';
