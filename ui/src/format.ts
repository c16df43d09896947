// Numbers and dates as people in English councils write them.

const count = new Intl.NumberFormat("en-GB");

export function formatCount(n: number | bigint): string {
  return count.format(n);
}

/** "1 report", "3 reports". */
export function plural(n: number | bigint, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${Number(n) === 1 ? one : many}`;
}
