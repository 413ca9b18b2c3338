// A process with a detached child registered by `killWithParent` (standing in for Java), and,
// when KEEP_LISTENER is set, a SIGTERM listener of its own that stops gracefully as a poller does.
import { spawn } from 'node:child_process';
import { killWithParent } from '../killWithParent.js';

const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
killWithParent(child);
const alive = (): boolean => {
  try {
    process.kill(child.pid!, 0);
    return child.exitCode === null && child.signalCode === null;
  } catch {
    return false;
  }
};
if (process.env.KEEP_LISTENER === '1')
  process.on('SIGTERM', () => {
    // The graceful stop's last writes happen now: the child must still be there.
    setTimeout(() => {
      console.log(JSON.stringify({ aliveDuringStop: alive() }));
      process.exit(0);
    }, 300);
  });
console.log(JSON.stringify({ ready: true, childPid: child.pid }));
setInterval(() => {}, 1000);
