// Numbers as the findings' messages show them: counts with thousands separators, bytes in B, KiB or MiB.

export function num(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function bytesText(n: number): string {
  if (n < 1024) return `${num(n)} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}
