/** Makes text from users or sources inert in markdown channels: no links, no HTML, no emphasis. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[<>]/g, (c) => (c === '<' ? '‹' : '›'))
    .replace(/([\\`*_[\]#|~])/g, '\\$1');
}
