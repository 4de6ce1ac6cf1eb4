import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../devtools/projectPaths';
import { readManifest } from '../../../scripts/docs/manifestTables';

/** Commands the walkthrough may link to that this extension does not contribute itself. */
const OTHER_COMMANDS = new Set([
  'niamonx.tools.focus', // VS Code's own "focus view" command of the Tools view
  'workbench.action.chat.open', // VS Code's chat
  'niamonx.pingAllInDocument', // the bulk commands (contributed by the bulk-run branch)
]);

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
  completionEvents?: string[];
}

// Each walkthrough step completes on a real event and links only to commands that exist.
describe('walkthrough', function () {
  const manifest = readManifest(PROJECT_ROOT) as unknown as {
    contributes: { commands: { command: string }[]; walkthroughs: { id: string; steps: Step[] }[] };
  };
  const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === 'niamonx.gettingStarted');
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));

  it('has the six steps in order', function () {
    assert.deepEqual(
      walkthrough?.steps.map((s) => s.id),
      ['getKey', 'setKey', 'ping', 'tools', 'bulk', 'agent'],
    );
  });

  it('completes each step on an event and shows existing media', function () {
    for (const step of walkthrough!.steps) {
      assert.ok(step.completionEvents?.length, `${step.id} has completion events`);
      for (const event of step.completionEvents)
        assert.match(event, /^(onCommand|onContext|onView|onLink|onSettingChanged|onEvent):.+/, `${step.id}: ${event}`);
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media && existsSync(join(PROJECT_ROOT, media)), `${step.id}: ${media}`);
    }
  });

  it('links every step to a command that exists, and completes it when that command runs', function () {
    for (const step of walkthrough!.steps) {
      const linked = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
      for (const command of linked)
        assert.ok(commands.has(command) || OTHER_COMMANDS.has(command), `${step.id} links to unknown ${command}`);
      const onCommand = step.completionEvents!.filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length));
      for (const command of onCommand) assert.ok(linked.includes(command), `${step.id} completes on ${command}, which its button runs`);
    }
  });

  it('tells users nothing that only works from source (the emulator, npm scripts)', function () {
    const dir = join(PROJECT_ROOT, 'media', 'walkthrough');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.md'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      assert.doesNotMatch(text, /emulator|npm run|nx-demo-key/i, `media/walkthrough/${file}`);
    }
  });
});
