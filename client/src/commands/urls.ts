// URL checks shared by the tenant commands.
export const JUMPCLOUD_DEFAULT_URL = 'https://console.jumpcloud.com';

export function validateUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an https:// URL';
    if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return 'Use https:// (plain http only for a local simulator)';
    if (url.username || url.password) return 'Leave credentials out of the URL; the token is asked for next';
    return undefined;
  } catch {
    return 'Not a URL, e.g. https://yourcompany.api.kandji.io';
  }
}
