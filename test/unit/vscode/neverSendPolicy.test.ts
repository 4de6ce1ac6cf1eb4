import * as assert from 'node:assert/strict';
import { neverSendMatchOfText } from '../../../src/core/neverSend/neverSendCheck';
import { readSettings, type Settings } from '../../../src/core/settings';
import { neverSendPolicy } from '../../../src/vscode/neverSend/neverSendPolicy';

describe('the never-send policy of the extension', () => {
  const settingsWith = (values: Record<string, unknown>): Settings => readSettings((name) => values[name]);

  it('lets documentation and benchmarking ranges through only from source and to an API on this computer', () => {
    const refused = (developmentMode: boolean, apiBaseUrl: string, ip = '192.0.2.1') =>
      neverSendMatchOfText(
        ip,
        neverSendPolicy(
          () => settingsWith({ apiBaseUrl }),
          developmentMode,
          () => undefined,
        )(),
      ) !== undefined;
    assert.equal(refused(false, 'http://127.0.0.1:8787/api/v2'), true, 'an installed extension never');
    assert.equal(refused(true, 'https://dash.niamonx.io/api/v2'), true, 'not to the real API');
    assert.equal(refused(true, 'http://127.0.0.1:8787/api/v2'), false, 'the emulator, from source');
    assert.equal(refused(true, 'http://127.0.0.1:8787/api/v2', '198.18.0.1'), false, 'benchmarking too');
    assert.equal(refused(false, 'http://127.0.0.1:8787/api/v2', '198.18.0.1'), true);
    assert.equal(
      neverSendMatchOfText(
        '10.0.0.1',
        neverSendPolicy(
          () => settingsWith({ apiBaseUrl: 'http://127.0.0.1:1/' }),
          true,
          () => undefined,
        )(),
      )?.ipClass,
      'private',
    );
  });

  it('parses the list once per change and reports unusable entries once', () => {
    let settings = settingsWith({ neverSend: ['corp.example', '10.0.0.0/99'] });
    const warnings: string[] = [];
    const policy = neverSendPolicy(
      () => settings,
      false,
      (message) => warnings.push(message),
    );
    const first = policy();
    assert.equal(policy(), first);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /10\.0\.0\.0\/99/);
    settings = settingsWith({ neverSend: ['corp.example'] });
    assert.notEqual(policy(), first);
    assert.equal(warnings.length, 1);
  });
});
