/** What the status bar item says for a target, as plain data (no `vscode` import, so tests can check it). */

import type { TargetInfo } from '../../server/src/core/protocol';

export type { TargetInfo };

/** Status bar text, its Markdown tooltip, and whether to colour it as a warning. */
export interface StatusView {
  text: string;
  tooltip: string;
  warning: boolean;
}

const PICK = '[Choose a release](command:kernelRust.selectTargetVersion)';
const SETTINGS = '[open the settings](command:workbench.action.openSettings?%5B%22kernelRust%22%5D)';

/** The status for a target; undefined when nothing should be shown (a userspace Cargo project). */
export function statusView(info: TargetInfo, indexing = false): StatusView | undefined {
  if (info.userspaceCrate && info.source === 'default') return undefined;
  const release = `${info.release}${info.prerelease ? `-${info.prerelease}` : ''}`;
  let text: string;
  let tooltip: string;
  if (info.range) {
    const { label, releases } = info.range;
    const each = `every release of it is checked (${releases.join(', ')}) and a finding names the part of the range it holds for`;
    if (info.source === 'tree') {
      text = `Kernel ${label} · trees`;
      tooltip = `Kernel Rust checks this file against the range **Linux ${label}**, from the \`Makefile\`s of the configured trees ${(info.kernelRoots ?? []).map((r) => `\`${r}\``).join(', ')}: ${each}.\n\n${PICK} to override it.`;
    } else {
      text = `Kernel ${label} · setting`;
      tooltip = `Kernel Rust checks this file against the range **Linux ${label}**, from the \`kernelRust.targetVersion\` setting: ${each}.\n\n${PICK}, or pick \`auto\` to follow the kernel tree's \`Makefile\`.`;
    }
    if (info.note) tooltip += `\n\n${info.note}`;
  } else if (info.unknownRelease) {
    text = `$(warning) Kernel ${info.unknownRelease}? · checked as ${info.release}`;
    tooltip = `Kernel Rust checks this file against **Linux ${info.release}**.\n\n${info.note ?? ''}`;
  } else if (info.source === 'default') {
    text = `Kernel ${release}? · assumed`;
    tooltip =
      `No kernel tree was found above this file (a folder with a \`Makefile\` and \`rust/kernel/\`), so Kernel Rust **assumes Linux ${info.release}**, ` +
      'the newest published release it knows.\n\n' +
      `${PICK} to check against another one, or set \`kernelRust.kernelTree\` to your kernel sources (${SETTINGS}).`;
  } else if (info.source === 'setting') {
    text = `Kernel ${release} · setting`;
    tooltip = `Kernel Rust checks this file against **Linux ${release}**, from the \`kernelRust.targetVersion\` setting.\n\n${PICK}, or pick \`auto\` to follow the kernel tree's \`Makefile\`.`;
  } else if (info.source === 'tree') {
    text = `Kernel ${release} · tree ${info.kernelRoot ?? ''}`.trimEnd();
    tooltip =
      `Kernel Rust checks this file against **Linux ${release}**, from the \`Makefile\` of \`kernelRust.kernelTree\`, \`${info.kernelRoot ?? '?'}\`: the file is outside any kernel tree.\n\n` +
      `${PICK} to override it.`;
  } else {
    text = `Kernel ${release} · Makefile`;
    tooltip = `Kernel Rust checks this file against **Linux ${release}**, from the \`Makefile\` in \`${info.kernelRoot ?? '?'}\`.\n\n${PICK} to override it.`;
  }
  if (info.prerelease) tooltip += `\n\nThis is a release candidate (${info.prerelease}): facts for a release still in development may change.`;
  if (indexing) {
    text = `$(sync~spin) ${text} · indexing`;
    tooltip += '\n\nIndexing the kernel tree for hover and go to definition.';
  }
  return { text, tooltip, warning: info.unknownRelease !== undefined };
}
