import { mkdtempSync } from 'node:fs';
import mongoose from 'mongoose';
import { startServices } from '../../scripts/services';
import { postEntry } from '../../server/ledger';
import { ensureIndexes } from '../../server/core/mongo';
async function main() {
  const sv = await startServices({ database: 'prof', dataDir: mkdtempSync('/tmp/prof-'), ephemeral: true });
  await mongoose.connect(sv.mongoUrl, { monitorCommands: true, autoIndex: false });
  await ensureIndexes();
  const client = mongoose.connection.getClient();
  const stats = new Map<string, { n: number; ms: number }>();
  const add = (e: { commandName: string; duration: number }) => { const s = stats.get(e.commandName) ?? { n: 0, ms: 0 }; s.n++; s.ms += e.duration; stats.set(e.commandName, s); };
  client.on('commandSucceeded', add); client.on('commandFailed', add);
  const width = Number(process.env.W ?? 1);
  for (const round of [0, 1]) {
    stats.clear();
    const t = performance.now(); let next = 0; const N = 300;
    await Promise.all(Array.from({ length: width }, async () => { while (next < N) { const i = next++; await postEntry({ memberId: `a${i % 64}`, amount: 1, kind: 'COMPENSATION', idempotencyKey: `k${round}:${i}`, ref: { type: 't', id: 'x' } }); } }));
    console.log('round', round, 'width', width, (N / ((performance.now() - t) / 1000)).toFixed(0), '/s');
    for (const [k, v] of stats) console.log(' ', k, v.n, (v.ms / v.n).toFixed(2), 'ms avg');
  }
  await mongoose.disconnect(); await sv.stop();
}
main();
