export { startVsCodeSession, type SessionOptions, type VsCodeSession } from './session';
export { useVsCodeSession } from './useVsCodeSession';
export { UI_STEP_TIMEOUT_MS, Workbench } from './workbench';
