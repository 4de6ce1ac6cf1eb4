import type { Services } from '../services';

/** Re-reads the tool catalog (built-ins plus niamonx.tools). Makes no API call. */
export function refreshTools(services: Services): void {
  services.refreshCatalog();
}
