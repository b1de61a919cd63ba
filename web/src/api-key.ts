// The API key the user typed: kept in this tab's session storage (gone when the tab closes),
// sent only as the Authorization header by the SDK, never written into the URL.
const STORAGE_KEY = 'deskql.apiKey';

export function storedApiKey(): string | undefined {
  try {
    return sessionStorage.getItem(STORAGE_KEY) || undefined;
  } catch {
    return undefined;
  }
}

export function storeApiKey(key: string | undefined): void {
  try {
    if (key) sessionStorage.setItem(STORAGE_KEY, key);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled: the key lives as long as the page.
  }
}
