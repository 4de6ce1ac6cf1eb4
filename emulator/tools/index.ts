import { breachesSearch } from './breachesSearch';
import { breachesSV2 } from './breachesSV2';
import { glPing } from './glPing';
import type { Tool } from './toolTypes';
import { ulpSearch } from './ulpSearch';

/** The tools the emulator knows without configuration. */
export const BUILT_IN_TOOLS: Readonly<Record<string, Tool>> = {
  gl_ping: glPing,
  breaches_search: breachesSearch,
  breaches_s_v2: breachesSV2,
  ulp_search: ulpSearch,
};
