export { LocalStack, type StackOptions, type ServiceProcess } from './stack.ts';
export { SERVICES, REPO_ROOT, entryPoint, type ServiceName } from './services.ts';
