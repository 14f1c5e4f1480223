import type { ChildExit, PrefixedChild } from './prefixed-child';

export interface Supervisor {
  /** Tracks a child; unless expectedToExit (a build), its exit before stopAll() counts as a crash. */
  add(child: PrefixedChild, options?: { expectedToExit?: boolean }): void;
  onCrash(listener: (child: PrefixedChild, exit: ChildExit) => void): void;
  /** Stops the running children in reverse start order, each SIGTERM then SIGKILL after graceMs. */
  stopAll(): Promise<void>;
  /** Second Ctrl-C: no more waiting. */
  killAll(): void;
}

export function createSupervisor(say: (message: string) => void, graceMs: number): Supervisor {
  const children: PrefixedChild[] = [];
  const crashListeners: Array<(child: PrefixedChild, exit: ChildExit) => void> = [];
  let stopping = false;

  return {
    add(child, options = {}) {
      children.push(child);
      // Started while stopping (a step that was already under way): it goes straight back down.
      if (stopping) void child.stop(graceMs);
      void child.exited.then((exit) => {
        if (stopping || options.expectedToExit) return;
        for (const listener of crashListeners) listener(child, exit);
      });
    },
    onCrash(listener) {
      crashListeners.push(listener);
    },
    async stopAll() {
      stopping = true;
      for (const child of [...children].reverse()) {
        if (!child.isRunning()) continue;
        say(`stopping ${child.name} (pid ${child.pid})`);
        const exit = await child.stop(graceMs);
        say(`${child.name} stopped (${describeExit(exit)})`);
      }
    },
    killAll() {
      stopping = true;
      for (const child of children) if (child.isRunning()) void child.stop(0);
    },
  };
}

export function describeExit(exit: ChildExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}
