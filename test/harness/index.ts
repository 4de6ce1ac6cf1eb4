export { startVsCodeSession, type SessionOptions, type VsCodeSession } from './session';
export { UI_STEP_TIMEOUT_MS, Workbench } from './workbench';
