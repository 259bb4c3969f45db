/** process-tree.ts: signals to a whole tree, the sudo fallback, PID reuse. */
import { spawn } from 'node:child_process';
import { describe, expect, test } from '@jest/globals';
import { processStartTime, sendSignal, snapshotTree } from '@qeml/retry';

describe('process tree', () => {
  const eperm = () => {
    throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
  };

  test('EPERM (a sudo child running as root) falls back to sudo -n kill', () => {
    const ran: string[][] = [];
    sendSignal(4242, 'SIGTERM', {
      kill: eperm,
      sudo: () => '/usr/bin/sudo',
      run: (file, args) => ran.push([file, ...args]),
    });
    expect(ran).toEqual([['/usr/bin/sudo', '-n', 'kill', '-s', 'TERM', '4242']]);
  });

  test('without sudo, or when the process is already gone, nothing else is tried', () => {
    const ran: string[][] = [];
    sendSignal(4242, 'SIGKILL', {
      kill: eperm,
      sudo: () => null,
      run: (file, args) => ran.push([file, ...args]),
    });
    const gone = () => {
      throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
    };
    sendSignal(4242, 'SIGKILL', {
      kill: gone,
      sudo: () => '/usr/bin/sudo',
      run: (file, args) => ran.push([file, ...args]),
    });
    expect(ran).toEqual([]);
  });

  test('sudo is not called when the pid no longer names the process we meant (checked right before)', () => {
    const ran: string[][] = [];
    const deps = {
      kill: eperm,
      sudo: () => '/usr/bin/sudo',
      run: (file: string, args: string[]) => ran.push([file, ...args]),
    };
    sendSignal(4242, 'SIGKILL', { ...deps, isRunning: () => false }, '12345');
    expect(ran).toEqual([]);
    sendSignal(
      4242,
      'SIGKILL',
      { ...deps, isRunning: (pid, start) => pid === 4242 && start === '12345' },
      '12345',
    );
    expect(ran).toEqual([['/usr/bin/sudo', '-n', 'kill', '-s', 'KILL', '4242']]);
  });

  test('a pid that now belongs to a process started at another time (PID reuse) is not part of the tree', () => {
    const child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    try {
      const pid = child.pid ?? 0;
      const start = processStartTime(pid);
      expect(start).toBeDefined();
      expect([...snapshotTree(pid, new Map(), start).keys()]).toEqual([pid]);
      expect(snapshotTree(pid, new Map(), `${start}0`).size).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
