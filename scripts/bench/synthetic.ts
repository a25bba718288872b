// Synthetic, schema-valid profiles of a requested size: many small payloads of a few common types,
// each with its own identifier and UUID, like a large real profile.

const payloads = [
  (i: number) => [
    ['PayloadType', 's', 'com.apple.wifi.managed'],
    ['SSID_STR', 's', `Office network ${i}`],
    ['AutoJoin', 'b', 'true'],
    ['EncryptionType', 's', 'WPA2'],
    ['HIDDEN_NETWORK', 'b', 'false'],
  ],
  (i: number) => [
    ['PayloadType', 's', 'com.apple.applicationaccess'],
    ['allowCamera', 'b', i % 2 === 0 ? 'true' : 'false'],
    ['allowScreenShot', 'b', 'true'],
    ['allowAirDrop', 'b', 'false'],
  ],
  (i: number) => [
    ['PayloadType', 's', 'com.apple.dnsSettings.managed'],
    ['DNSSettings', 'dns', `dns${i}.example.com`],
  ],
] as const;

function hexId(i: number, salt: number): string {
  const h = ((i + 1) * 2654435761 + salt * 97).toString(16).padStart(12, '0').slice(-12).toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(0, 3)}-A${h.slice(3, 6)}-${h}`;
}

function payload(i: number): string {
  const entries = payloads[i % payloads.length]!(i);
  const out: string[] = ['\t\t<dict>'];
  const kv = (k: string, v: string) => out.push(`\t\t\t<key>${k}</key>`, v);
  for (const [k, t, v] of entries) {
    if (t === 's') kv(k, `\t\t\t<string>${v}</string>`);
    else if (t === 'b') kv(k, `\t\t\t<${v}/>`);
    else kv(k, `\t\t\t<dict>\n\t\t\t\t<key>DNSProtocol</key>\n\t\t\t\t<string>HTTPS</string>\n\t\t\t\t<key>ServerURL</key>\n\t\t\t\t<string>https://${v}/dns-query</string>\n\t\t\t</dict>`);
  }
  kv('PayloadIdentifier', `\t\t\t<string>com.example.bench.payload${i}</string>`);
  kv('PayloadUUID', `\t\t\t<string>${hexId(i, 1)}</string>`);
  kv('PayloadVersion', '\t\t\t<integer>1</integer>');
  kv('PayloadDisplayName', `\t\t\t<string>Payload ${i}</string>`);
  out.push('\t\t</dict>');
  return out.join('\n');
}

/** A profile of at least `bytes` characters. */
export function syntheticProfile(bytes: number): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n\t<key>PayloadContent</key>\n\t<array>\n';
  const tail = `\n\t</array>\n\t<key>PayloadDisplayName</key>\n\t<string>Bench</string>\n\t<key>PayloadIdentifier</key>\n\t<string>com.example.bench</string>\n\t<key>PayloadType</key>\n\t<string>Configuration</string>\n\t<key>PayloadUUID</key>\n\t<string>${hexId(0, 7)}</string>\n\t<key>PayloadVersion</key>\n\t<integer>1</integer>\n</dict>\n</plist>\n`;
  const parts: string[] = [];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const p = payload(i);
    parts.push(p);
    size += p.length + 1;
  }
  return head + parts.join('\n') + tail;
}
