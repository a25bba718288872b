import { syntheticProfile } from './synthetic';
import { parsePlist } from '../../server/src/core/plist/parser';
import { createProfileService } from '../../server/src/core';
import { fileSchemaSource } from '../../server/src/host/schemaSource';
const cpu = (f: () => void) => { const a = process.cpuUsage(); const w = performance.now(); f(); const b = process.cpuUsage(a); return `${((b.user + b.system) / 1000).toFixed(0)}cpu/${(performance.now() - w).toFixed(0)}wall`; };
const svc = createProfileService({ schemaSource: fileSchemaSource('schemas') });
for (const size of [5e3, 1e6, 10e6]) {
  const t = syntheticProfile(size);
  for (let k = 0; k < 3; k++) {
    let doc: any;
    const p = cpu(() => { doc = parsePlist(t); });
    const v = cpu(() => { svc.validate(doc); });
    console.log(size, 'parse', p, 'validate', v);
  }
}
