// Realistic .mobileconfig documents for the demo tenant: real payload types and keys, our own values.
import { escapeXml } from './plistText';
import { pick, uuidFrom, type Random } from './ids';
import type { WireRunsOn } from './state';

type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue } | { date: string } | { data: string };

function serialize(value: PlistValue, indent: string): string {
  if (typeof value === 'string') return `${indent}<string>${escapeXml(value)}</string>`;
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  if (typeof value === 'number') return Number.isInteger(value) ? `${indent}<integer>${value}</integer>` : `${indent}<real>${value}</real>`;
  if (Array.isArray(value)) return value.length === 0 ? `${indent}<array/>` : `${indent}<array>\n${value.map((v) => serialize(v, indent + '\t')).join('\n')}\n${indent}</array>`;
  if ('date' in value && typeof value.date === 'string') return `${indent}<date>${value.date}</date>`;
  if ('data' in value && typeof value.data === 'string') return `${indent}<data>${value.data}</data>`;
  const entries = Object.entries(value as Record<string, PlistValue>);
  if (entries.length === 0) return `${indent}<dict/>`;
  return `${indent}<dict>\n${entries.map(([k, v]) => `${indent}\t<key>${escapeXml(k)}</key>\n${serialize(v, indent + '\t')}`).join('\n')}\n${indent}</dict>`;
}

export function plistDocument(root: Record<string, PlistValue>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n${serialize(root, '')}\n</plist>\n`;
}

const ORG = 'Acme Studios';
const ID_PREFIX = 'com.acme.profiles';

const all = (): WireRunsOn => ({ mac: true, iphone: true, ipad: true, tv: false, vision: true, android: false, windows: false });
const macOnly = (): WireRunsOn => ({ mac: true, iphone: false, ipad: false, tv: false, vision: false, android: false, windows: false });
const mobile = (): WireRunsOn => ({ mac: false, iphone: true, ipad: true, tv: false, vision: false, android: false, windows: false });

export interface DemoProfile {
  name: string;
  slug: string;
  runsOn: WireRunsOn;
  payloads: Record<string, PlistValue>[];
}

interface Kind {
  make(rnd: Random, variant: number): DemoProfile;
}

const APPS = [
  { name: 'Zoom', bundle: 'us.zoom.xos', req: 'identifier "us.zoom.xos" and anchor apple generic and certificate leaf[subject.OU] = BJ4HAAB9B3' },
  { name: 'Microsoft Teams', bundle: 'com.microsoft.teams2', req: 'identifier "com.microsoft.teams2" and anchor apple generic and certificate leaf[subject.OU] = UBF8T346G9' },
  { name: 'Slack', bundle: 'com.tinyspeck.slackmacgap', req: 'identifier "com.tinyspeck.slackmacgap" and anchor apple generic and certificate leaf[subject.OU] = BQR82RBBHL' },
  { name: 'Google Chrome', bundle: 'com.google.Chrome', req: 'identifier "com.google.Chrome" and anchor apple generic and certificate leaf[subject.OU] = EQHXZ8M8AV' },
  { name: 'CrowdStrike Falcon', bundle: 'com.crowdstrike.falcon.Agent', req: 'identifier "com.crowdstrike.falcon.Agent" and anchor apple generic and certificate leaf[subject.OU] = X9E956P446' },
  { name: 'Jamf Connect', bundle: 'com.jamf.connect', req: 'identifier "com.jamf.connect" and anchor apple generic and certificate leaf[subject.OU] = 483DWKW443' },
];

const KINDS: Kind[] = [
  {
    make: (_rnd, v): DemoProfile => {
      const ssid = ['Acme-Corp', 'Acme-Guest', 'Acme-Lab', 'Acme-Studio-5G', 'Acme-Warehouse'][v % 5]!;
      return {
        name: `Wi-Fi: ${ssid}`, slug: `wifi.${ssid.toLowerCase()}`, runsOn: all(),
        payloads: [{ PayloadType: 'com.apple.wifi.managed', SSID_STR: ssid, HIDDEN_NETWORK: v % 3 === 2, AutoJoin: true, EncryptionType: v % 2 ? 'WPA3' : 'WPA2', ProxyType: 'None', IsHotspot: false }],
      };
    },
  },
  {
    make: (_rnd, v): DemoProfile => ({
      name: ['Restrictions: Camera and AirDrop', 'Restrictions: App Store', 'Restrictions: Classroom devices', 'Restrictions: Kiosk'][v % 4]!,
      slug: `restrictions.${v}`, runsOn: v % 2 ? mobile() : all(),
      payloads: [{ PayloadType: 'com.apple.applicationaccess', allowCamera: v % 4 !== 0, allowAirDrop: false, allowAppInstallation: v % 4 !== 1, allowScreenShot: v % 4 !== 3, allowEraseContentAndSettings: false, forceEncryptedBackup: true }],
    }),
  },
  {
    make: (_rnd, v): DemoProfile => {
      const app = APPS[v % APPS.length]!;
      const services: Record<string, PlistValue> = {
        Accessibility: [{ Identifier: app.bundle, IdentifierType: 'bundleID', CodeRequirement: app.req, Authorization: 'Allow', Comment: `${app.name} needs Accessibility` }],
      };
      if (v % 2 === 0) services['SystemPolicyAllFiles'] = [{ Identifier: app.bundle, IdentifierType: 'bundleID', CodeRequirement: app.req, Authorization: 'Allow' }];
      if (v % 3 === 0) services['ScreenCapture'] = [{ Identifier: app.bundle, IdentifierType: 'bundleID', CodeRequirement: app.req, Authorization: 'AllowStandardUserToSetSystemService' }];
      return { name: `PPPC: ${app.name}`, slug: `pppc.${app.bundle}`, runsOn: macOnly(), payloads: [{ PayloadType: 'com.apple.TCC.configuration-profile-policy', Services: services }] };
    },
  },
  {
    make: (_rnd, v): DemoProfile => ({
      name: ['Passcode: Standard', 'Passcode: Strict', 'Passcode: Shared devices'][v % 3]!, slug: `passcode.${v}`, runsOn: all(),
      payloads: [{ PayloadType: 'com.apple.mobiledevice.passwordpolicy', allowSimple: false, forcePIN: true, minLength: [8, 12, 6][v % 3]!, maxInactivity: [5, 2, 10][v % 3]!, maxFailedAttempts: 10, maxPINAgeInDays: [0, 90, 0][v % 3]!, requireAlphanumeric: v % 3 === 1 }],
    }),
  },
  {
    make: (_rnd, v): DemoProfile => ({
      name: v % 2 ? 'FileVault: Enforce at next login' : 'FileVault: Enforce and escrow', slug: `filevault.${v}`, runsOn: macOnly(),
      payloads: [
        { PayloadType: 'com.apple.MCX.FileVault2', Enable: 'On', Defer: true, DeferForceAtUserLoginMaxBypassAttempts: v % 2 ? 0 : 3, ShowRecoveryKey: false, UseRecoveryKey: true },
        { PayloadType: 'com.apple.MCX', dontAllowFDEDisable: true },
      ],
    }),
  },
  {
    make: (_rnd, v): DemoProfile => {
      const app = APPS[(v + 2) % APPS.length]!;
      return {
        name: `Notifications: ${app.name}`, slug: `notifications.${app.bundle}`, runsOn: v % 2 ? all() : macOnly(),
        payloads: [{ PayloadType: 'com.apple.notificationsettings', NotificationSettings: [{ BundleIdentifier: app.bundle, NotificationsEnabled: true, AlertType: 1, BadgesEnabled: true, CriticalAlertEnabled: false, ShowInLockScreen: v % 2 === 0, ShowInNotificationCenter: true, SoundsEnabled: true }] }],
      };
    },
  },
  {
    make: (_rnd, v): DemoProfile => {
      const app = APPS[(v + 4) % APPS.length]!;
      return {
        name: `Login items: ${app.name}`, slug: `loginitems.${app.bundle}`, runsOn: macOnly(),
        payloads: [{ PayloadType: 'com.apple.servicemanagement', Rules: [{ RuleType: 'TeamIdentifier', RuleValue: app.req.slice(-10), Comment: `${app.name} background items` }, { RuleType: 'BundleIdentifierPrefix', RuleValue: app.bundle }] }],
      };
    },
  },
  {
    make: (_rnd, v): DemoProfile => ({
      name: v % 2 ? 'Firewall: Stealth mode' : 'Firewall: On', slug: `firewall.${v}`, runsOn: macOnly(),
      payloads: [{ PayloadType: 'com.apple.security.firewall', EnableFirewall: true, BlockAllIncoming: false, EnableStealthMode: v % 2 === 1, EnableLogging: true, LoggingOption: 'detail' }],
    }),
  },
  {
    make: (_rnd, v): DemoProfile => ({
      name: `Software Update: ${['deferral 14 days', 'automatic installs', 'beta off'][v % 3]}`, slug: `softwareupdate.${v}`, runsOn: macOnly(),
      payloads: [{ PayloadType: 'com.apple.SoftwareUpdate', AutomaticCheckEnabled: true, AutomaticDownload: true, AutomaticallyInstallMacOSUpdates: v % 3 === 1, CriticalUpdateInstall: true, ConfigDataInstall: true }],
    }),
  },
  {
    make: (_rnd, v): DemoProfile => ({
      name: v % 2 ? 'Login Window: Banner' : 'Login Window: Name and password', slug: `loginwindow.${v}`, runsOn: macOnly(),
      payloads: [{ PayloadType: 'com.apple.loginwindow', SHOWFULLNAME: v % 2 === 0, DisableGuestAccount: true, LoginwindowText: 'Property of Acme Studios. Authorised use only.', RestartDisabled: false }],
    }),
  },
  {
    make: (_rnd, v): DemoProfile => ({
      name: `Screen Saver: ${[5, 10, 20][v % 3]} minutes`, slug: `screensaver.${v}`, runsOn: macOnly(),
      payloads: [{ PayloadType: 'com.apple.screensaver', idleTime: [300, 600, 1200][v % 3]!, askForPassword: true, askForPasswordDelay: 5 }],
    }),
  },
  {
    make: (_rnd, v): DemoProfile => ({
      name: v % 2 ? 'Dock: Lab layout' : 'Dock: Standard', slug: `dock.${v}`, runsOn: macOnly(),
      payloads: [{ PayloadType: 'com.apple.dock', autohide: v % 2 === 1, magnification: false, 'minimize-to-application': true, 'show-recents': false, tilesize: 48, orientation: 'bottom' }],
    }),
  },
];

/** One complete profile document for `index` (0-based); deterministic for a given random stream. */
export function demoProfile(rnd: Random, index: number): DemoProfile & { xml: string } {
  const kind = KINDS[index % KINDS.length]!;
  const variant = Math.floor(index / KINDS.length);
  const p = kind.make(rnd, variant + index);
  const slug = `${ID_PREFIX}.${p.slug.replace(/[^A-Za-z0-9.-]/g, '')}`;
  const content = p.payloads.map((payload, i) => {
    const uuid = uuidFrom(rnd).toUpperCase();
    return {
      ...payload,
      PayloadIdentifier: `${slug}.${String(payload['PayloadType']).split('.').pop()}.${i}`,
      PayloadUUID: uuid,
      PayloadVersion: 1,
      PayloadDisplayName: p.name,
    };
  });
  const root: Record<string, PlistValue> = {
    PayloadContent: content,
    PayloadDescription: `${p.name} for ${ORG} devices.`,
    PayloadDisplayName: p.name,
    PayloadIdentifier: slug,
    PayloadOrganization: ORG,
    PayloadRemovalDisallowed: pick(rnd, [true, false]),
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: uuidFrom(rnd).toUpperCase(),
    PayloadVersion: 1,
  };
  return { ...p, xml: plistDocument(root) };
}

/** A small valid profile for tests and examples. */
export function sampleProfileXml(name = 'Sample Wi-Fi', identifier = 'com.example.sample'): string {
  return plistDocument({
    PayloadContent: [{ PayloadType: 'com.apple.wifi.managed', PayloadIdentifier: `${identifier}.wifi`, PayloadUUID: '0B1C2D3E-4F50-4617-8293-A4B5C6D7E8F9', PayloadVersion: 1, SSID_STR: 'Example', AutoJoin: true, EncryptionType: 'WPA2' }],
    PayloadDisplayName: name,
    PayloadIdentifier: identifier,
    PayloadType: 'Configuration',
    PayloadUUID: '9F8E7D6C-5B4A-4392-8170-6E5D4C3B2A19',
    PayloadVersion: 1,
  });
}
