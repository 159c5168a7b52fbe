// One line per figure, so that a run's output reads as a table.
export function figure(name: string, value: number, unit: string, goal?: string): void {
  const shown = Number.isInteger(value) ? value.toString() : value.toFixed(value < 10 ? 2 : 0);
  process.stdout.write(`${name.padEnd(52)} ${shown.padStart(12)} ${unit}${goal ? `   (goal: ${goal})` : ''}\n`);
}
