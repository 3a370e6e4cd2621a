/* A one-time message carried to the next page (e.g. "De ziekmelding is vastgelegd."). */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

export function takeFlash(): string | null {
  const m = pending;
  pending = null;
  return m;
}
