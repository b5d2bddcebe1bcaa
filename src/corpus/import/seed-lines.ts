/**
 * A seed file as numbered lines. Saved pages come in two layouts: blocks separated by blank
 * lines (a block may hold several lines, e.g. a photo's alt text, caption and credit), or one
 * line per block with no blank lines at all. Each line keeps its group (the blank-line block
 * it belongs to) so the import rules can tell the two apart.
 */

/** One non-blank line of a seed: verbatim text (trimmed), 1-based line number, group index. */
export interface SeedLine {
  text: string;
  line: number;
  /** Index of the blank-line-separated group the line belongs to. */
  group: number;
}

/** Splits a seed text into its non-blank lines, numbering lines and blank-line groups. */
export function readSeedLines(text: string): SeedLine[] {
  const out: SeedLine[] = [];
  let group = 0;
  let inGroup = false;
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, index) => {
      const trimmed = raw.trim();
      if (!trimmed) {
        if (inGroup) group++;
        inGroup = false;
        return;
      }
      inGroup = true;
      out.push({ text: trimmed, line: index + 1, group });
    });
  return out;
}

/** True when a run of lines uses blank lines between blocks (rather than one line per block). */
export function usesBlankLineBlocks(lines: SeedLine[]): boolean {
  const first = lines[0];
  const last = lines.at(-1);
  return first !== undefined && last !== undefined && last.group > first.group;
}

/** True when a line shares its blank-line group with another line (a multi-line block). */
export function inMultiLineGroup(lines: SeedLine[], index: number): boolean {
  const group = lines[index]?.group;
  return lines[index - 1]?.group === group || lines[index + 1]?.group === group;
}
