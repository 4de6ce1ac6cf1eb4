import { INPUT_PLACEHOLDER } from './bodyTemplate';
import { FINDING_CONDITIONS, FINDING_SEVERITIES, MAX_FINDING_RULES } from '../verdicts/findingRules';
import { INPUT_KINDS } from './toolDefinition';
import { DEFAULT_USER_BODY, DEFAULT_USER_CATEGORY, DEFAULT_USER_INPUT_KIND, MAX_USER_TOOLS } from './userTools';

/**
 * The `contributes.configuration` entry for `niamonx.tools`, kept beside the zod schema it
 * mirrors (userTools.ts) so both change together. Settings UI hints only: zod stays the judge.
 */
export const USER_TOOLS_JSON_SCHEMA = {
  type: 'array',
  default: [],
  maxItems: MAX_USER_TOOLS,
  markdownDescription:
    `Your own NiamonX API v2 tools. Each is called as \`POST <base>/<name>\` with the JSON \`body\`, where \`${INPUT_PLACEHOLDER}\` ` +
    'is replaced by the selected or typed value. An entry named like a built-in tool replaces it.',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: {
        type: 'string',
        pattern: '^(?!.*\\.\\.)[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$',
        patternErrorMessage: 'Letters, digits, "_", "." and "-" (up to 64), starting with a letter, digit or "_", without "..".',
        description: 'The tool name: the last segment of the API path, e.g. "gl_ping".',
      },
      label: { type: 'string', minLength: 1, maxLength: 80, description: 'Name shown in menus (defaults to the tool name).' },
      description: { type: 'string', maxLength: 300, description: 'One line shown beside the tool.' },
      category: { type: 'string', minLength: 1, maxLength: 60, default: DEFAULT_USER_CATEGORY, description: 'Group in the Tools view.' },
      inputKind: {
        type: 'string',
        enum: [...INPUT_KINDS],
        default: DEFAULT_USER_INPUT_KIND,
        description: 'What the tool takes; decides which detected values it is offered for ("text" takes anything).',
      },
      body: {
        type: 'object',
        default: { ...DEFAULT_USER_BODY },
        markdownDescription: `JSON body template. Every \`${INPUT_PLACEHOLDER}\` in a string value is replaced by the input; it must appear at least once.`,
      },
      findings: {
        type: 'array',
        maxItems: MAX_FINDING_RULES,
        markdownDescription:
          'What counts as a finding in an answer: each becomes a diagnostic (Problems panel) on every occurrence of the indicator. ' +
          'Example: `{ "path": "risk.level", "condition": "in", "value": ["high", "critical"], "severity": "warning", "message": "Risk {value}" }`.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['path', 'condition', 'message'],
          properties: {
            path: {
              type: 'string',
              description: 'Keys joined by "." (up to 8); "[]" after a key means any element of that array, e.g. "records[].pass".',
            },
            condition: { type: 'string', enum: [...FINDING_CONDITIONS] },
            value: {},
            severity: { type: 'string', enum: [...FINDING_SEVERITIES], default: 'warning' },
            message: { type: 'string', maxLength: 200, description: "The diagnostic's text; {value} is replaced by the value found." },
          },
        },
      },
    },
  },
} as const;
