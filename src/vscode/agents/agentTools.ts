import type * as vscode from 'vscode';
import type { AgentToolName } from '../../core/agent/agentInputs';
import { agentToolCalls, plannedCalls, QUOTA_TOOLS, type AgentToolDeps } from '../../core/agent/agentToolCalls';
import { prepareMessages } from '../../core/agent/confirmation';
import { ConsentLedger, notAskedMessage } from '../../core/agent/consentLedger';
import { currentSettings } from '../settings/config';
import { withAbort } from '../run/cancellation';
import { preparedInvocation, textResult, translate } from './agentToolSupport';

export type { AgentToolDeps };

/**
 * The five language-model tools: the core's agent tools (src/core/agent/agentToolCalls), with
 * VS Code's consent question before a call that spends quota and its cancellation token.
 */
export function agentTools(deps: AgentToolDeps): Record<AgentToolName, vscode.LanguageModelTool<unknown>> {
  const confirmCalls = () => currentSettings().aiConfirmCalls;
  const consent = new ConsentLedger();
  const calls = agentToolCalls({
    ...deps,
    // Consent decided again at invoke: a call that spends now needs the question asked at prepare.
    beforeCall: (name, input, spendsNow) => {
      const asked = consent.take(name, input);
      if (spendsNow && confirmCalls() && !asked) throw new Error(notAskedMessage(name));
    },
  });
  const tools = {} as Record<AgentToolName, vscode.LanguageModelTool<unknown>>;
  for (const name of Object.keys(calls) as AgentToolName[]) {
    const tool: vscode.LanguageModelTool<unknown> = {
      invoke: (options, token) =>
        withAbort(token, async (signal) => {
          const { summary, data, facts } = await calls[name](options.input, signal);
          return textResult(summary, data, deps.secrets(), facts);
        }),
    };
    if (QUOTA_TOOLS.has(name)) {
      tool.prepareInvocation = (options) => {
        const messages = prepareMessages(plannedCalls(name, options.input, deps)!, confirmCalls(), translate);
        // Remembered so that invoke knows the user was asked.
        if (messages.confirmation) consent.asked(name, options.input);
        return preparedInvocation(messages);
      };
    }
    tools[name] = tool;
  }
  return tools;
}
