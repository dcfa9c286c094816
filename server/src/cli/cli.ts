// `daemonset` command line: the same engines as the editor, for CI.
function main(argv: string[]): number {
  process.stderr.write(`daemonset: usage: daemonset lint <files...> | placement <manifest> --nodes <file>\n`);
  return argv.length ? 2 : 2;
}
process.exitCode = main(process.argv.slice(2));
