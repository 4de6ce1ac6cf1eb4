import { ENV_API_KEY, ENV_BASE_URL } from './environment';

/**
 * The core's model-facing texts name the extension's command and settings; a model talking to
 * the MCP server should send the user to the server's environment instead.
 */
export function forMcp(text: string): string {
  return text
    .replace(/run 'NiamonX: Set API Key'/g, `set ${ENV_API_KEY} in the NiamonX MCP server's environment`)
    .replace(/the setting niamonx\.apiBaseUrl/g, ENV_BASE_URL)
    .replace(/niamonx\.apiBaseUrl/g, ENV_BASE_URL)
    .replace(/ \(setting niamonx\.requestTimeoutSeconds\)/g, '');
}
