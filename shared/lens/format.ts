// Texts the findings and the notes about a run share: counts with thousands separators, bytes in B, KiB or
// MiB, the note on modules the simulator does not model.

export function num(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function bytesText(n: number): string {
  if (n < 1024) return `${num(n)} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

/** What a run that imported modules the simulator does not model says about them. */
export function notModelledText(modules: string[]): string {
  const names = modules.map((m) => `\`${m}\``).join(', ');
  return `not simulated: ${modules.length === 1 ? 'module' : 'modules'} ${names} (what comes from ${modules.length === 1 ? 'it' : 'them'} is a placeholder: its memory is not shown)`;
}
