/** A count and its noun, as messages and pages write it: "1 file", "2 files", "3 behaviors and responsibilities". */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
